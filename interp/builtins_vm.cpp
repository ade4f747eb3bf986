// Builtins that need the VM: __build_class__, __import__, exec, eval, compile, globals, locals,
// vars, dir. stdlib/builtins.cpp adds kVmBuiltins to the builtins module.
#include <algorithm>

#include "interp/frame.h"
#include "interp/function.h"
#include "interp/vm.h"

namespace gp {

Object* vm_run_with_locals(ThreadState* ts, FunctionObject* fn, Object* locals);

namespace {

Object* kw_value(Object* const* args, size_t nargs, TupleObject* kwnames, const char* name,
                 ssize* index = nullptr) {
  if (!kwnames) return nullptr;
  for (ssize i = 0; i < kwnames->size; ++i) {
    if (str_eq(kwnames->items[i], name)) {
      if (index) *index = i;
      return args[nargs + i];
    }
  }
  return nullptr;
}

Object* build_class(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  if (nargs < 2) return raise(ts, &exc::TypeError, "__build_class__: not enough arguments");
  Object* func = args[0];
  Object* name = args[1];
  if (!is_function(func))
    return raise(ts, &exc::TypeError, "__build_class__: func must be a function");
  if (!is_str(name)) return raise(ts, &exc::TypeError, "__build_class__: name is not a string");
  Ref<TupleObject> bases =
      Ref<TupleObject>::steal(tuple_from_array(ts, args + 2, static_cast<ssize>(nargs - 2)));
  if (!bases) return nullptr;
  // __mro_entries__ on non-type bases (typing generics).
  bool any_entries = false;
  for (ssize i = 0; i < bases->size; ++i) {
    Object* b = bases->items[i];
    if (is_type(b)) continue;
    Ref<> me = Ref<>::steal(getattr_cstr(ts, b, "__mro_entries__"));
    if (!me) {
      clear_exc(ts);
      continue;
    }
    any_entries = true;
  }
  Ref<TupleObject> orig_bases;
  if (any_entries) {
    orig_bases = bases;
    Ref<ListObject> nb = Ref<ListObject>::steal(list_new(ts));
    if (!nb) return nullptr;
    for (ssize i = 0; i < orig_bases->size; ++i) {
      Object* b = orig_bases->items[i];
      Ref<> me = is_type(b) ? Ref<>() : Ref<>::steal(getattr_cstr(ts, b, "__mro_entries__"));
      if (!me) {
        clear_exc(ts);
        if (!list_append(ts, nb.get(), b)) return nullptr;
        continue;
      }
      Ref<> r = Ref<>::steal(call1(ts, me.get(), orig_bases.get()));
      if (!r) return nullptr;
      if (!is_tuple(r.get()))
        return raise(ts, &exc::TypeError, "__mro_entries__ must return a tuple");
      if (!list_extend(ts, nb.get(), r.get())) return nullptr;
    }
    bases = Ref<TupleObject>::steal(list_as_tuple(ts, nb.get()));
    if (!bases) return nullptr;
  }

  // Keywords: metaclass is taken out, the rest go to __prepare__ and the metaclass.
  Object* meta = nullptr;
  std::vector<Object*> kwvals;
  std::vector<Object*> kwkeys;
  if (kwnames) {
    for (ssize i = 0; i < kwnames->size; ++i) {
      if (str_eq(kwnames->items[i], "metaclass")) {
        meta = args[nargs + i];
      } else {
        kwkeys.push_back(kwnames->items[i]);
        kwvals.push_back(args[nargs + i]);
      }
    }
  }
  Ref<TupleObject> kw_rest;
  if (!kwkeys.empty()) {
    kw_rest = Ref<TupleObject>::steal(tuple_from_array(ts, kwkeys.data(), kwkeys.size()));
    if (!kw_rest) return nullptr;
  }
  bool is_class_meta = false;
  if (!meta) {
    meta = bases->size ? static_cast<Object*>(bases->items[0]->type) : &TypeType;
    is_class_meta = true;
  } else {
    is_class_meta = is_type(meta);
  }
  if (is_class_meta) {
    auto* winner = static_cast<TypeObject*>(meta);
    for (ssize i = 0; i < bases->size; ++i) {
      TypeObject* t = bases->items[i]->type;
      if (is_subtype(winner, t)) continue;
      if (is_subtype(t, winner)) {
        winner = t;
        continue;
      }
      return raise(ts, &exc::TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                   "subclass of the metaclasses of all its bases");
    }
    meta = winner;
  }
  // namespace = meta.__prepare__(name, bases, **kwds)
  Ref<> ns;
  Ref<> prep = Ref<>::steal(getattr_opt(ts, meta, names.__prepare__));
  if (exc_occurred(ts)) return nullptr;
  if (prep) {
    std::vector<Object*> pargs = {name, bases.get()};
    pargs.insert(pargs.end(), kwvals.begin(), kwvals.end());
    ns = Ref<>::steal(call(ts, prep.get(), pargs.data(), 2, kw_rest.get()));
    if (!ns) return nullptr;
    if (!is_dict(ns.get()) && !ns->type->getitem) {
      return raise(ts, &exc::TypeError, "%s.__prepare__() must return a mapping, not %s",
                   is_type(meta) ? static_cast<TypeObject*>(meta)->name : "<metaclass>",
                   type_name(ns.get()));
    }
  } else {
    ns = Ref<>::steal(dict_new(ts));
    if (!ns) return nullptr;
  }
  Ref<> cell = Ref<>::steal(vm_run_with_locals(ts, static_cast<FunctionObject*>(func), ns.get()));
  if (!cell) return nullptr;
  if (orig_bases) {
    if (is_dict(ns.get())) {
      if (!dict_set(ts, static_cast<DictObject*>(ns.get()), names.__orig_bases__, orig_bases.get()))
        return nullptr;
    } else if (!setitem(ts, ns.get(), names.__orig_bases__, orig_bases.get())) {
      return nullptr;
    }
  }
  std::vector<Object*> margs = {name, bases.get(), ns.get()};
  margs.insert(margs.end(), kwvals.begin(), kwvals.end());
  Ref<> cls = Ref<>::steal(call(ts, meta, margs.data(), 3, kw_rest.get()));
  if (!cls) return nullptr;
  if (cell->type == &CellType) {
    auto* c = static_cast<CellObject*>(cell.get());
    if (!c->ref) {
      c->ref = newref(cls.get());
    } else if (c->ref != cls.get()) {
      return raise(ts, &exc::TypeError, "__class__ set to %s defining %s as %s", "<class>",
                   str_cstr(name), "<class>");
    }
  }
  return cls.release();
}

Object* builtin_import(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  Object* a[5] = {};
  if (!parse_args(ts, "__import__", args, nargs, kwnames,
                  {"name", "globals", "locals", "fromlist", "level"}, 1, a))
    return nullptr;
  if (!is_str(a[0]))
    return raise(ts, &exc::TypeError, "__import__() argument 1 must be str, not %s",
                 type_name(a[0]));
  int64_t level = 0;
  if (a[4] && !int_to_i64(a[4], &level)) return raise(ts, &exc::OverflowError, "level too large");
  if (level < 0) return raise(ts, &exc::ValueError, "level must be >= 0");
  DictObject* globals = nullptr;
  Ref<DictObject> empty;
  if (a[1] && is_dict(a[1])) {
    globals = static_cast<DictObject*>(a[1]);
  } else {
    empty = Ref<DictObject>::steal(dict_new(ts));
    if (!empty) return nullptr;
    globals = empty.get();
  }
  if (str_view(a[0]).empty() && level == 0) return raise(ts, &exc::ValueError, "Empty module name");
  return import_name(ts, static_cast<StrObject*>(a[0]), globals, a[3] ? a[3] : none(),
                     static_cast<int>(level));
}

// Source text of exec/eval/compile arguments.
bool source_text(ThreadState* ts, Object* src, const char* fname, std::string* out) {
  if (is_str(src)) {
    *out = std::string(str_view(src));
    return true;
  }
  std::string_view v;
  if (is_bytes(src) || is_bytearray(src)) {
    if (!buffer_view(ts, src, &v)) return false;
    *out = std::string(v);
    return true;
  }
  raise(ts, &exc::TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  return false;
}

Object* run_code(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
                 TupleObject* kwnames, CompileMode mode) {
  Object* a[3] = {};
  if (!parse_args(ts, fname, args, nargs, kwnames, {"source", "globals", "locals"}, 1, a))
    return nullptr;
  Object* src = a[0];
  Object* g = a[1] && !is_none(a[1]) ? a[1] : nullptr;
  Object* l = a[2] && !is_none(a[2]) ? a[2] : nullptr;
  if (g && !is_dict(g)) {
    if (mode == CompileMode::Eval)
      return raise(ts, &exc::TypeError, "globals must be a real dict; try eval(expr, {}, mapping)");
    return raise(ts, &exc::TypeError, "exec() globals must be a dict, not %s", type_name(g));
  }
  if (l && !l->type->getitem) {
    return raise(ts, &exc::TypeError, "locals must be a mapping");
  }
  Ref<> locals_ref;
  DictObject* globals;
  if (!g) {
    Frame* f = ts->frame;
    if (!f) return raise(ts, &exc::SystemError, "%s(): no current frame", fname);
    globals = f->globals;
    if (!l) {
      locals_ref = Ref<>::steal(frame_locals(ts, f));
      if (!locals_ref) return nullptr;
      l = locals_ref.get();
    }
  } else {
    globals = static_cast<DictObject*>(g);
    if (!l) l = g;
  }
  Ref<> code;
  if (is_code(src)) {
    code = Ref<>::borrow(src);
  } else {
    std::string text;
    if (!source_text(ts, src, fname, &text)) return nullptr;
    if (mode == CompileMode::Eval) {
      size_t i = 0;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      text = text.substr(i);
    }
    code = Ref<>::steal(compile_source(ts, text, "<string>", mode));
    if (!code) return nullptr;
  }
  Object* r = eval_code(ts, code.get(), globals, l);
  if (!r) return nullptr;
  if (mode == CompileMode::Exec) {
    decref(r);
    return new_none();
  }
  return r;
}

Object* builtin_exec(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  // closure= is accepted and ignored.
  if (kwnames) {
    ssize idx = -1;
    if (kw_value(args, nargs, kwnames, "closure", &idx)) {
      std::vector<Object*> keys, vals(args, args + nargs);
      for (ssize i = 0; i < kwnames->size; ++i) {
        if (i == idx) continue;
        keys.push_back(kwnames->items[i]);
        vals.push_back(args[nargs + i]);
      }
      Ref<TupleObject> kn = Ref<TupleObject>::steal(
          keys.empty() ? nullptr : tuple_from_array(ts, keys.data(), keys.size()));
      return run_code(ts, "exec", vals.data(), nargs, kn.get(), CompileMode::Exec);
    }
  }
  return run_code(ts, "exec", args, nargs, kwnames, CompileMode::Exec);
}

Object* builtin_eval(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  return run_code(ts, "eval", args, nargs, kwnames, CompileMode::Eval);
}

Object* builtin_compile(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                        TupleObject* kwnames) {
  Object* a[6] = {};
  if (!parse_args(ts, "compile", args, nargs, kwnames,
                  {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, a))
    return nullptr;
  if (is_code(a[0])) return newref(a[0]);
  std::string text;
  if (!source_text(ts, a[0], "compile", &text)) return nullptr;
  std::string filename;
  if (is_str(a[1])) {
    filename = std::string(str_view(a[1]));
  } else if (is_bytes(a[1])) {
    filename = std::string(bytes_view(a[1]));
  } else {
    Ref<> s = Ref<>::steal(call_method(ts, a[1], "__fspath__"));
    if (!s || !is_str(s.get())) {
      clear_exc(ts);
      return raise(ts, &exc::TypeError,
                   "compile() argument 'filename' must be str, bytes or os.PathLike, not %s",
                   type_name(a[1]));
    }
    filename = std::string(str_view(s.get()));
  }
  if (!is_str(a[2]))
    return raise(ts, &exc::TypeError, "compile() argument 'mode' must be str, not %s",
                 type_name(a[2]));
  std::string_view mode = str_view(a[2]);
  CompileMode m;
  if (mode == "exec")
    m = CompileMode::Exec;
  else if (mode == "eval")
    m = CompileMode::Eval;
  else if (mode == "single")
    m = CompileMode::Single;
  else
    return raise(ts, &exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  int64_t flags = 0;
  if (a[3]) int_to_i64(a[3], &flags);
  if (flags & 0x400)
    return raise(ts, &exc::ValueError, "compile(): ast.PyCF_ONLY_AST is not supported by gilpy");
  return compile_source(ts, text, filename, m);
}

Object* builtin_globals(ThreadState* ts, Object*, Object* const*, size_t nargs,
                        TupleObject* kwnames) {
  if (!no_kwargs(ts, "globals", kwnames) || !check_nargs(ts, "globals", nargs, 0, 0))
    return nullptr;
  Frame* f = ts->frame;
  if (!f) {
    Object* m = ts->interp->main_module;
    return m ? newref(static_cast<Object*>(static_cast<ModuleObject*>(m)->dict)) : new_none();
  }
  return newref(static_cast<Object*>(f->globals));
}

Object* builtin_locals(ThreadState* ts, Object*, Object* const*, size_t nargs,
                       TupleObject* kwnames) {
  if (!no_kwargs(ts, "locals", kwnames) || !check_nargs(ts, "locals", nargs, 0, 0)) return nullptr;
  Frame* f = ts->frame;
  if (!f) return new_none();
  return frame_locals(ts, f);
}

Object* builtin_vars(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  if (!no_kwargs(ts, "vars", kwnames) || !check_nargs(ts, "vars", nargs, 0, 1)) return nullptr;
  if (nargs == 0) {
    Frame* f = ts->frame;
    if (!f) return new_none();
    return frame_locals(ts, f);
  }
  Object* d = getattr_opt(ts, args[0], names.__dict__);
  if (!d) {
    if (!exc_occurred(ts))
      raise(ts, &exc::TypeError, "vars() argument must have __dict__ attribute");
    return nullptr;
  }
  return d;
}

Object* builtin_dir(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  if (!no_kwargs(ts, "dir", kwnames) || !check_nargs(ts, "dir", nargs, 0, 1)) return nullptr;
  Ref<> seq;
  if (nargs == 0) {
    Frame* f = ts->frame;
    if (!f) return list_new(ts);
    Ref<> l = Ref<>::steal(frame_locals(ts, f));
    if (!l) return nullptr;
    seq = Ref<>::steal(call_method(ts, l.get(), "keys"));
  } else {
    Object* o = args[0];
    Ref<> dirname = Ref<>::steal(intern(ts, "__dir__"));
    if (!dirname) return nullptr;
    Object* meth = type_lookup(o->type, static_cast<StrObject*>(dirname.get()));
    if (!meth) return raise(ts, &exc::TypeError, "object does not provide __dir__");
    Ref<> bound;
    if (meth->type->descr_get)
      bound = Ref<>::steal(meth->type->descr_get(ts, meth, o, o->type));
    else
      bound = Ref<>::borrow(meth);
    if (!bound) return nullptr;
    seq = Ref<>::steal(call0(ts, bound.get()));
  }
  if (!seq) return nullptr;
  ListObject* l = list_from_iterable(ts, seq.get());
  if (!l) return nullptr;
  if (!list_sort(ts, l, nullptr, false)) {
    decref(l);
    return nullptr;
  }
  return l;
}

}  // namespace

const MethodDef kVmBuiltins[] = {
    {"__build_class__", build_class, 0,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", builtin_import, 0, "Import a module."},
    {"exec", builtin_exec, 0, "Execute the given source in the context of globals and locals."},
    {"eval", builtin_eval, 0, "Evaluate the given source in the context of globals and locals."},
    {"compile", builtin_compile, 0, "Compile source into a code object."},
    {"globals", builtin_globals, 0,
     "Return the dictionary containing the current scope's global variables."},
    {"locals", builtin_locals, 0,
     "Return a dictionary containing the current scope's local variables."},
    {"vars", builtin_vars, 0, "Show vars."},
    {"dir", builtin_dir, 0, "Show attributes of an object."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace gp
