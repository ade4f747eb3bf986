#include "interp/function.h"

#include <string>

#include "interp/frame.h"
#include "interp/generator.h"

namespace gp {

namespace {

void func_dealloc(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  gc_untrack(o);
  xdecref(f->code);
  xdecref(f->globals);
  xdecref(f->builtins);
  xdecref(f->name);
  xdecref(f->qualname);
  xdecref(f->module);
  xdecref(f->doc);
  xdecref(f->defaults);
  xdecref(f->kwdefaults);
  xdecref(f->closure);
  xdecref(f->dict);
  xdecref(f->annotations);
  free_object(o);
}

int func_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<FunctionObject*>(o);
  Object* fields[] = {f->globals,    f->builtins, f->module, f->doc,         f->defaults,
                      f->kwdefaults, f->closure,  f->dict,   f->annotations, f->code};
  for (Object* x : fields)
    if (x) {
      if (int r = visit(x, arg)) return r;
    }
  return 0;
}

void func_clear(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  clearref(f->globals);
  clearref(f->builtins);
  clearref(f->module);
  clearref(f->doc);
  clearref(f->defaults);
  clearref(f->kwdefaults);
  clearref(f->closure);
  clearref(f->dict);
  clearref(f->annotations);
}

Object* func_repr(ThreadState* ts, Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  return str_format(ts, "<function %s at %p>", str_cstr(f->qualname), static_cast<void*>(o));
}

Object* func_descr_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
  if (obj == nullptr || is_none(obj)) return newref(descr);
  return bound_method_new(ts, descr, obj);
}

Object* or_none(Object* o) { return newref(o ? o : none()); }

Object* get_name(ThreadState*, Object* o) { return newref(static_cast<FunctionObject*>(o)->name); }
bool set_name(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_str(v)) {
    raise(ts, &exc::TypeError, "__name__ must be set to a string object");
    return false;
  }
  setref(static_cast<FunctionObject*>(o)->name, static_cast<StrObject*>(newref(v)));
  return true;
}
Object* get_qualname(ThreadState*, Object* o) {
  return newref(static_cast<FunctionObject*>(o)->qualname);
}
bool set_qualname(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_str(v)) {
    raise(ts, &exc::TypeError, "__qualname__ must be set to a string object");
    return false;
  }
  setref(static_cast<FunctionObject*>(o)->qualname, static_cast<StrObject*>(newref(v)));
  return true;
}
Object* get_module(ThreadState*, Object* o) {
  return or_none(static_cast<FunctionObject*>(o)->module);
}
bool set_module(ThreadState*, Object* o, Object* v) {
  setref(static_cast<FunctionObject*>(o)->module, v ? newref(v) : nullptr);
  return true;
}
Object* get_doc(ThreadState*, Object* o) { return or_none(static_cast<FunctionObject*>(o)->doc); }
bool set_doc(ThreadState*, Object* o, Object* v) {
  setref(static_cast<FunctionObject*>(o)->doc, v ? newref(v) : nullptr);
  return true;
}
Object* get_defaults(ThreadState*, Object* o) {
  return or_none(static_cast<FunctionObject*>(o)->defaults);
}
bool set_defaults(ThreadState* ts, Object* o, Object* v) {
  if (v && is_none(v)) v = nullptr;
  if (v && !is_tuple(v)) {
    raise(ts, &exc::TypeError, "__defaults__ must be set to a tuple object");
    return false;
  }
  setref(static_cast<FunctionObject*>(o)->defaults,
         v ? static_cast<TupleObject*>(newref(v)) : nullptr);
  return true;
}
Object* get_kwdefaults(ThreadState*, Object* o) {
  return or_none(static_cast<FunctionObject*>(o)->kwdefaults);
}
bool set_kwdefaults(ThreadState* ts, Object* o, Object* v) {
  if (v && is_none(v)) v = nullptr;
  if (v && !is_dict(v)) {
    raise(ts, &exc::TypeError, "__kwdefaults__ must be set to a dict object");
    return false;
  }
  setref(static_cast<FunctionObject*>(o)->kwdefaults,
         v ? static_cast<DictObject*>(newref(v)) : nullptr);
  return true;
}
Object* get_closure(ThreadState*, Object* o) {
  return or_none(static_cast<FunctionObject*>(o)->closure);
}
Object* get_globals(ThreadState*, Object* o) {
  return newref(static_cast<FunctionObject*>(o)->globals);
}
Object* get_code(ThreadState*, Object* o) { return newref(static_cast<FunctionObject*>(o)->code); }
bool set_code(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_code(v)) {
    raise(ts, &exc::TypeError, "__code__ must be set to a code object");
    return false;
  }
  setref(static_cast<FunctionObject*>(o)->code, static_cast<CodeObject*>(newref(v)));
  return true;
}
Object* get_dict(ThreadState* ts, Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  if (!f->dict) {
    f->dict = dict_new(ts);
    if (!f->dict) return nullptr;
  }
  return newref(f->dict);
}
bool set_dict(ThreadState* ts, Object* o, Object* v) {
  if (!v || !is_dict(v)) {
    raise(ts, &exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'",
          v ? type_name(v) : "NoneType");
    return false;
  }
  setref(static_cast<FunctionObject*>(o)->dict, newref(v));
  return true;
}
Object* get_annotations(ThreadState* ts, Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  if (!f->annotations) {
    f->annotations = dict_new(ts);
    if (!f->annotations) return nullptr;
  }
  return newref(f->annotations);
}
bool set_annotations(ThreadState* ts, Object* o, Object* v) {
  if (v && is_none(v)) v = nullptr;
  if (v && !is_dict(v)) {
    raise(ts, &exc::TypeError, "__annotations__ must be set to a dict object");
    return false;
  }
  setref(static_cast<FunctionObject*>(o)->annotations, v ? newref(v) : nullptr);
  return true;
}
Object* get_builtins(ThreadState*, Object* o) {
  return newref(static_cast<FunctionObject*>(o)->builtins);
}

const GetSetDef kFuncGetSets[] = {
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__module__", get_module, set_module},
    {"__doc__", get_doc, set_doc},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__closure__", get_closure, nullptr},
    {"__globals__", get_globals, nullptr},
    {"__builtins__", get_builtins, nullptr},
    {"__code__", get_code, set_code},
    {"__dict__", get_dict, set_dict},
    {"__annotations__", get_annotations, set_annotations},
    {nullptr, nullptr, nullptr},
};

// ---- cells ----
void cell_dealloc(Object* o) {
  gc_untrack(o);
  xdecref(static_cast<CellObject*>(o)->ref);
  free_object(o);
}
int cell_traverse(Object* o, visitproc visit, void* arg) {
  Object* r = static_cast<CellObject*>(o)->ref;
  return r ? visit(r, arg) : 0;
}
void cell_clear(Object* o) { clearref(static_cast<CellObject*>(o)->ref); }
Object* cell_repr(ThreadState* ts, Object* o) {
  Object* r = static_cast<CellObject*>(o)->ref;
  if (!r) return str_format(ts, "<cell at %p: empty>", static_cast<void*>(o));
  return str_format(ts, "<cell at %p: %s object at %p>", static_cast<void*>(o), type_name(r),
                    static_cast<void*>(r));
}
Object* cell_get_contents(ThreadState* ts, Object* o) {
  Object* r = static_cast<CellObject*>(o)->ref;
  if (!r) return raise(ts, &exc::ValueError, "Cell is empty");
  return newref(r);
}
bool cell_set_contents(ThreadState*, Object* o, Object* v) {
  setref(static_cast<CellObject*>(o)->ref, v ? newref(v) : nullptr);
  return true;
}
const GetSetDef kCellGetSets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {nullptr, nullptr, nullptr},
};

// ---- argument binding errors ----
// CPython 3.11 names the function by its __qualname__ (not the code's) in argument errors.
std::string fn_name(FunctionObject* f) { return std::string(str_view(f->qualname)); }

std::string name_list(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) {
      if (names.size() == 2)
        s += " and ";
      else if (i + 1 == names.size())
        s += ", and ";
      else
        s += ", ";
    }
    s += "'" + names[i] + "'";
  }
  return s;
}

void missing_args(ThreadState* ts, FunctionObject* func, Frame* f, bool kwonly) {
  CodeObject* co = func->code;
  std::vector<std::string> missing;
  int start = kwonly ? co->argcount : 0;
  int end = kwonly ? co->argcount + co->kwonlyargcount : co->argcount;
  for (int i = start; i < end; ++i)
    if (!f->localsplus[i]) missing.emplace_back(str_view(tuple_item(co->varnames, i)));
  raise(ts, &exc::TypeError, "%s() missing %zu required %s argument%s: %s", fn_name(func).c_str(),
        missing.size(), kwonly ? "keyword-only" : "positional", missing.size() == 1 ? "" : "s",
        name_list(missing).c_str());
}

void too_many_positional(ThreadState* ts, FunctionObject* func, Frame* f, size_t given) {
  CodeObject* co = func->code;
  ssize ndef = func->defaults ? func->defaults->size : 0;
  int kwonly_given = 0;
  for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; ++i)
    if (f->localsplus[i]) ++kwonly_given;
  std::string sig;
  int plural;
  if (ndef) {
    plural = 1;
    sig = "from " + std::to_string(co->argcount - ndef) + " to " + std::to_string(co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = std::to_string(co->argcount);
  }
  std::string kw;
  if (kwonly_given) {
    kw = " positional argument" + std::string(given != 1 ? "s" : "") + " (and " +
         std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given != 1 ? "s" : "") +
         ")";
  }
  raise(ts, &exc::TypeError, "%s() takes %s positional argument%s but %zu%s %s given",
        fn_name(func).c_str(), sig.c_str(), plural ? "s" : "", given, kw.c_str(),
        (given == 1 && !kwonly_given) ? "was" : "were");
}

}  // namespace

TypeObject FunctionType =
    vm_static_type("function", sizeof(FunctionObject), kHaveGC, [](TypeObject& t) {
      t.dealloc = func_dealloc;
      t.traverse = func_traverse;
      t.clear = func_clear;
      t.repr = func_repr;
      t.descr_get = func_descr_get;
      t.call = function_call;
      t.getsets = kFuncGetSets;
      t.getattro = generic_getattr;
      t.setattro = generic_setattr;
      t.dict_offset = offsetof(FunctionObject, dict);
    });

TypeObject CellType = vm_static_type("cell", sizeof(CellObject), kHaveGC, [](TypeObject& t) {
  t.dealloc = cell_dealloc;
  t.traverse = cell_traverse;
  t.clear = cell_clear;
  t.repr = cell_repr;
  t.getsets = kCellGetSets;
});

DictObject* builtins_for(ThreadState* ts, DictObject* globals) {
  Object* b = dict_get_str(ts, globals, names.__builtins__);
  if (b) {
    if (b->type == &ModuleType) return static_cast<ModuleObject*>(b)->dict;
    if (is_dict(b)) return static_cast<DictObject*>(b);
  }
  return ts->interp->builtins;
}

FunctionObject* function_new(ThreadState* ts, CodeObject* code, DictObject* globals,
                             Object* qualname) {
  auto* f = alloc<FunctionObject>(ts, &FunctionType);
  if (!f) return nullptr;
  f->code = newref(code);
  f->globals = newref(globals);
  f->builtins = newref(builtins_for(ts, globals));
  f->name = newref(code->name);
  f->qualname = static_cast<StrObject*>(
      newref(qualname && is_str(qualname) ? qualname : static_cast<Object*>(code->qualname)));
  Object* mod = dict_get_str(ts, globals, names.__name__);
  if (mod) f->module = newref(mod);
  // The docstring is the first constant when it is a str (the compiler puts it there).
  if (code->consts->size > 0 && is_str(tuple_item(code->consts, 0)))
    f->doc = newref(tuple_item(code->consts, 0));
  return f;
}

CellObject* cell_new(ThreadState* ts, Object* value) {
  auto* c = alloc<CellObject>(ts, &CellType);
  if (!c) return nullptr;
  c->ref = value ? newref(value) : nullptr;
  return c;
}

bool init_cells_and_frees(ThreadState* ts, FunctionObject* func, Frame* f) {
  CodeObject* co = f->code;
  Object** cells = f->localsplus + co->nlocals;
  for (int i = 0; i < co->ncells; ++i) {
    Object* init = nullptr;
    if (co->cell2arg && co->cell2arg[i] >= 0) init = f->localsplus[co->cell2arg[i]];
    CellObject* c = cell_new(ts, init);
    if (!c) return false;
    cells[i] = c;
  }
  if (co->nfrees) {
    Object** frees = cells + co->ncells;
    TupleObject* cl = func ? func->closure : nullptr;
    for (int i = 0; i < co->nfrees; ++i)
      frees[i] = (cl && i < cl->size) ? newref(cl->items[i]) : nullptr;
  }
  return true;
}

bool bind_arguments(ThreadState* ts, FunctionObject* func, Frame* f, Object* const* args,
                    size_t nargs, TupleObject* kwnames) {
  CodeObject* co = func->code;
  Object** fast = f->localsplus;
  const int argcount = co->argcount;
  const int kwonly = co->kwonlyargcount;
  const int total = argcount + kwonly;
  size_t npos = nargs < static_cast<size_t>(argcount) ? nargs : static_cast<size_t>(argcount);
  for (size_t i = 0; i < npos; ++i) fast[i] = newref(args[i]);

  int slot = total;
  if (co->flags & kCoVarargs) {
    TupleObject* rest;
    if (nargs > npos)
      rest = tuple_from_array(ts, args + npos, static_cast<ssize>(nargs - npos));
    else
      rest = tuple_new(ts, 0);
    if (!rest) return false;
    fast[slot++] = rest;
  }
  DictObject* kwdict = nullptr;
  if (co->flags & kCoVarkeywords) {
    kwdict = dict_new(ts);
    if (!kwdict) return false;
    fast[slot] = kwdict;
  }

  if (kwnames) {
    for (ssize k = 0; k < kwnames->size; ++k) {
      Object* key = kwnames->items[k];
      Object* value = args[nargs + k];
      int idx = -1;
      for (int j = co->posonlyargcount; j < total; ++j) {
        if (tuple_item(co->varnames, j) == key) {
          idx = j;
          break;
        }
      }
      if (idx < 0) {
        for (int j = co->posonlyargcount; j < total; ++j) {
          if (str_equal(static_cast<StrObject*>(tuple_item(co->varnames, j)),
                        static_cast<StrObject*>(key))) {
            idx = j;
            break;
          }
        }
      }
      if (idx < 0) {
        if (kwdict) {
          if (!dict_set(ts, kwdict, key, value)) return false;
          continue;
        }
        std::string posonly;
        for (ssize k2 = 0; k2 < kwnames->size; ++k2) {
          for (int j = 0; j < co->posonlyargcount; ++j) {
            if (str_equal(static_cast<StrObject*>(tuple_item(co->varnames, j)),
                          static_cast<StrObject*>(kwnames->items[k2]))) {
              if (!posonly.empty()) posonly += ", ";
              posonly += str_view(kwnames->items[k2]);
            }
          }
        }
        if (!posonly.empty()) {
          raise(ts, &exc::TypeError,
                "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                fn_name(func).c_str(), posonly.c_str());
          return false;
        }
        raise(ts, &exc::TypeError, "%s() got an unexpected keyword argument '%s'",
              fn_name(func).c_str(), str_cstr(key));
        return false;
      }
      if (fast[idx]) {
        raise(ts, &exc::TypeError, "%s() got multiple values for argument '%s'",
              fn_name(func).c_str(), str_cstr(key));
        return false;
      }
      fast[idx] = newref(value);
    }
  }

  if (nargs > static_cast<size_t>(argcount) && !(co->flags & kCoVarargs)) {
    too_many_positional(ts, func, f, nargs);
    return false;
  }
  if (nargs < static_cast<size_t>(argcount)) {
    ssize ndef = func->defaults ? func->defaults->size : 0;
    int first_def = argcount - static_cast<int>(ndef);
    bool missing = false;
    for (int i = static_cast<int>(nargs); i < argcount; ++i) {
      if (fast[i]) continue;
      if (i >= first_def) {
        fast[i] = newref(func->defaults->items[i - first_def]);
      } else {
        missing = true;
      }
    }
    if (missing) {
      missing_args(ts, func, f, false);
      return false;
    }
  }
  if (kwonly) {
    bool missing = false;
    for (int i = argcount; i < total; ++i) {
      if (fast[i]) continue;
      Object* d = func->kwdefaults
                      ? dict_get_str(ts, func->kwdefaults,
                                     static_cast<StrObject*>(tuple_item(co->varnames, i)))
                      : nullptr;
      if (d)
        fast[i] = newref(d);
      else
        missing = true;
    }
    if (missing) {
      missing_args(ts, func, f, true);
      return false;
    }
  }
  return true;
}

}  // namespace gp
