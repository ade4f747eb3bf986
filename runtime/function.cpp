// Native callables and the descriptor types of runtime/function.h: builtin functions and bound
// builtin methods, method descriptors of builtin types (list.append), class-method descriptors
// (dict.fromkeys), getset descriptors, bound methods (types.MethodType), staticmethod,
// classmethod and property; plus the argument-checking helpers natives use.
#include <cstring>
#include <vector>

#include "interp/vm.h"
#include "runtime/objmodel_internal.h"

namespace gp {

// ---- argument helpers
// ----------------------------------------------------------------------------

bool no_kwargs(ThreadState* ts, const char* fname, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise(ts, &exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

bool check_nargs(ThreadState* ts, const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  if (max == 0) {
    raise(ts, &exc::TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
  } else if (min == 1 && max == 1) {
    raise(ts, &exc::TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
  } else if (min == max) {
    raise(ts, &exc::TypeError, "%s expected %zu argument%s, got %zu", fname, min,
          min == 1 ? "" : "s", nargs);
  } else if (nargs < min) {
    raise(ts, &exc::TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
          min == 1 ? "" : "s", nargs);
  } else {
    raise(ts, &exc::TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
          max == 1 ? "" : "s", nargs);
  }
  return false;
}

bool parse_args(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
                TupleObject* kwnames, std::initializer_list<const char*> names_list,
                size_t required, Object** out) {
  size_t n = names_list.size();
  for (size_t i = 0; i < n; ++i) out[i] = nullptr;
  if (nargs > n) {
    raise(ts, &exc::TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, n,
          n == 1 ? "" : "s", nargs);
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames) {
    for (ssize k = 0; k < kwnames->size; ++k) {
      Object* key = kwnames->items[k];
      size_t idx = 0;
      for (const char* nm : names_list) {
        if (str_eq(key, nm)) break;
        ++idx;
      }
      if (idx == n) {
        raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_cstr(key),
              fname);
        return false;
      }
      if (out[idx]) {
        raise(ts, &exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)",
              fname, str_cstr(key), idx + 1);
        return false;
      }
      out[idx] = args[nargs + k];
    }
  }
  size_t i = 0;
  for (const char* nm : names_list) {
    if (i >= required) break;
    if (!out[i]) {
      raise(ts, &exc::TypeError, "%s() missing required argument '%s' (pos %zu)", fname, nm, i + 1);
      return false;
    }
    ++i;
  }
  return true;
}

// ---- builtin_function_or_method -----------------------------------------------------------------

// CPython names METH_NOARGS / METH_O methods by their qualified name in three argument errors
// ("str.join() takes exactly one argument (2 given)", "A.__init_subclass__() takes no keyword
// arguments"), module functions by the bare one ("len() takes exactly one argument"). Natives
// report the bare name; the method call paths below qualify it on their error path.
static void qualify_arg_error(ThreadState* ts, const char* name, TypeObject* owner) {
  Object* e = ts->exc;
  if (!e || e->type != &exc::TypeError) return;
  auto* be = static_cast<BaseExceptionObject*>(e);
  if (!be->args || be->args->size != 1 || !is_str(be->args->items[0])) return;
  std::string_view msg = str_view(be->args->items[0]);
  std::string prefix = std::string(name) + "() takes ";
  if (msg.substr(0, prefix.size()) != prefix) return;
  std::string_view rest = msg.substr(prefix.size());
  if (rest.substr(0, 14) != "no arguments (" && rest.substr(0, 22) != "exactly one argument (" &&
      rest != "no keyword arguments")
    return;
  Ref<> q = Ref<>::steal(type_qualname(ts, owner));
  if (!q || !is_str(q.get())) {
    if (!q) clear_exc(ts);
    return;
  }
  Ref<> text = Ref<>::steal(str_from(ts, std::string(str_view(q.get())) + "." + std::string(msg)));
  if (!text) return;
  TupleObject* args = tuple_pack(ts, {text.get()});
  if (!args) return;
  setref(be->args, args);
}

Object* native_function_new(ThreadState* ts, const MethodDef* def, Object* self,
                            Object* module_name) {
  auto* f = alloc<NativeFunctionObject>(ts, &NativeFunctionType);
  if (!f) return nullptr;
  f->def = def;
  f->self = self ? newref(self) : nullptr;
  f->module_name = module_name ? newref(module_name) : nullptr;
  return f;
}

static void nf_dealloc(Object* o) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  xdecref(f->self);
  xdecref(f->module_name);
  free_object(o);
}

static int nf_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  if (f->self && visit(f->self, arg)) return 1;
  if (f->module_name && visit(f->module_name, arg)) return 1;
  return 0;
}

static Object* nf_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  if (kwnames && kwnames->size == 0) kwnames = nullptr;
  Object* r = vm_catch_bad_alloc(ts, static_cast<Object*>(nullptr),
                                 [&] { return f->def->fn(ts, f->self, args, nargs, kwnames); });
  if (!r && f->self && f->self->type != &ModuleType)
    qualify_arg_error(ts, f->def->name,
                      is_type(f->self) ? static_cast<TypeObject*>(f->self) : f->self->type);
  return r;
}

static bool nf_is_function(NativeFunctionObject* f) {
  return !f->self || f->self->type == &ModuleType;
}

static Object* nf_repr(ThreadState* ts, Object* o) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  if (nf_is_function(f))
    return str_from(ts, std::string("<built-in function ") + f->def->name + ">");
  std::string owner = is_type(f->self) ? "type" : type_name(f->self);
  return str_from(ts, std::string("<built-in method ") + f->def->name + " of " + owner +
                          " object at " + addr_str(f->self) + ">");
}

static Object* nf_get_name(ThreadState* ts, Object* o) {
  return str_from(ts, static_cast<NativeFunctionObject*>(o)->def->name);
}
static Object* nf_get_qualname(ThreadState* ts, Object* o) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  if (nf_is_function(f)) return str_from(ts, f->def->name);
  TypeObject* t = is_type(f->self) ? static_cast<TypeObject*>(f->self) : f->self->type;
  return str_from(ts, std::string(type_short_name(t)) + "." + f->def->name);
}
static Object* nf_get_self(ThreadState*, Object* o) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  return f->self ? newref(f->self) : new_none();
}
static Object* nf_get_module(ThreadState* ts, Object* o) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  if (f->module_name) return newref(f->module_name);
  if (f->self && f->self->type == &ModuleType) {
    Object* n = dict_get_str(ts, static_cast<ModuleObject*>(f->self)->dict, names.__name__);
    if (n) return newref(n);
  }
  return new_none();
}
static Object* nf_get_doc(ThreadState* ts, Object* o) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  if (!f->def->doc) return new_none();
  return str_from(ts, f->def->doc);
}
static Object* nf_get_text_signature(ThreadState*, Object*) { return new_none(); }

static const GetSetDef nf_getsets[] = {
    {"__name__", nf_get_name, nullptr}, {"__qualname__", nf_get_qualname, nullptr},
    {"__self__", nf_get_self, nullptr}, {"__module__", nf_get_module, nullptr},
    {"__doc__", nf_get_doc, nullptr},   {"__text_signature__", nf_get_text_signature, nullptr},
    {nullptr, nullptr, nullptr},
};

static Object* nf_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if ((op != CmpOp::EQ && op != CmpOp::NE) || b->type != &NativeFunctionType)
    return not_implemented();
  auto* x = static_cast<NativeFunctionObject*>(a);
  auto* y = static_cast<NativeFunctionObject*>(b);
  bool eq = x->def == y->def && x->self == y->self;
  return bool_from(op == CmpOp::EQ ? eq : !eq);
}

static int64_t nf_hash(ThreadState* ts, Object* o) {
  auto* f = static_cast<NativeFunctionObject*>(o);
  int64_t h = object_hash(ts, reinterpret_cast<Object*>(const_cast<MethodDef*>(f->def)));
  if (f->self) h ^= object_hash(ts, f->self);
  return h == -1 ? -2 : h;
}

static Object* nf_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* f = static_cast<NativeFunctionObject*>(self);
  if (nf_is_function(f)) return str_from(ts, f->def->name);
  Ref<> getattr_fn = Ref<>::steal(dict_get_cstr(ts, ts->interp->builtins, "getattr")
                                      ? newref(dict_get_cstr(ts, ts->interp->builtins, "getattr"))
                                      : nullptr);
  if (!getattr_fn) return raise(ts, &exc::TypeError, "cannot pickle builtin method");
  Ref<> name = Ref<>::steal(str_from(ts, f->def->name));
  if (!name) return nullptr;
  Ref<TupleObject> args = Ref<TupleObject>::steal(tuple_pack(ts, {f->self, name.get()}));
  if (!args) return nullptr;
  return tuple_pack(ts, {getattr_fn.get(), args.get()});
}

static const MethodDef nf_methods[] = {{"__reduce__", nf_reduce, 0, nullptr},
                                       {nullptr, nullptr, 0, nullptr}};

TypeObject NativeFunctionType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "builtin_function_or_method";
  t.basicsize = sizeof(NativeFunctionObject);
  t.flags = kHaveGC | kImmutableType;
  t.dealloc = nf_dealloc;
  t.traverse = nf_traverse;
  t.call = nf_call;
  t.repr = nf_repr;
  t.richcompare = nf_richcompare;
  t.hash = nf_hash;
  t.getsets = nf_getsets;
  t.methods = nf_methods;
  return t;
}();

// ---- method_descriptor / classmethod_descriptor
// ---------------------------------------------------

static Object* md_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  auto* d = static_cast<MethodDescrObject*>(o);
  if (nargs < 1)
    return raise(ts, &exc::TypeError, "unbound method %s.%s() needs an argument",
                 type_short_name(d->owner), d->def->name);
  Object* self = args[0];
  if (!isinstance_of(self, d->owner))
    return raise(ts, &exc::TypeError,
                 "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->def->name,
                 type_short_name(d->owner), type_name(self));
  if (kwnames && kwnames->size == 0) kwnames = nullptr;
  Object* r = vm_catch_bad_alloc(ts, static_cast<Object*>(nullptr), [&] {
    return d->def->fn(ts, self, args + 1, nargs - 1, kwnames);
  });
  if (!r) qualify_arg_error(ts, d->def->name, d->owner);
  return r;
}

static Object* md_get(ThreadState* ts, Object* o, Object* obj, Object*) {
  auto* d = static_cast<MethodDescrObject*>(o);
  if (!obj) return newref(o);
  if (!isinstance_of(obj, d->owner))
    return raise(ts, &exc::TypeError,
                 "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->def->name,
                 type_short_name(d->owner), type_name(obj));
  return native_function_new(ts, d->def, obj);
}

static Object* md_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<MethodDescrObject*>(o);
  return str_from(ts, std::string("<method '") + d->def->name + "' of '" +
                          type_short_name(d->owner) + "' objects>");
}

static Object* md_get_name(ThreadState* ts, Object* o) {
  return str_from(ts, static_cast<MethodDescrObject*>(o)->def->name);
}
static Object* md_get_qualname(ThreadState* ts, Object* o) {
  auto* d = static_cast<MethodDescrObject*>(o);
  return str_from(ts, std::string(type_short_name(d->owner)) + "." + d->def->name);
}
static Object* md_get_objclass(ThreadState*, Object* o) {
  return newref(static_cast<Object*>(static_cast<MethodDescrObject*>(o)->owner));
}
static Object* md_get_doc(ThreadState* ts, Object* o) {
  auto* d = static_cast<MethodDescrObject*>(o);
  if (!d->def->doc) return new_none();
  return str_from(ts, d->def->doc);
}

static const GetSetDef md_getsets[] = {
    {"__name__", md_get_name, nullptr},
    {"__qualname__", md_get_qualname, nullptr},
    {"__objclass__", md_get_objclass, nullptr},
    {"__doc__", md_get_doc, nullptr},
    {"__text_signature__", nf_get_text_signature, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject MethodDescrType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "method_descriptor";
  t.basicsize = sizeof(MethodDescrObject);
  t.flags = kImmutableType | kMethodDescriptor;
  t.call = md_call;
  t.descr_get = md_get;
  t.repr = md_repr;
  t.getsets = md_getsets;
  return t;
}();

static Object* cmd_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                        TupleObject* kwnames) {
  auto* d = static_cast<MethodDescrObject*>(o);
  if (nargs < 1)
    return raise(ts, &exc::TypeError, "descriptor '%s' of '%s' object needs an argument",
                 d->def->name, type_short_name(d->owner));
  Object* cls = args[0];
  if (!is_type(cls) || !is_subtype(static_cast<TypeObject*>(cls), d->owner))
    return raise(ts, &exc::TypeError, "descriptor '%s' for type '%s' needs a subtype of '%s'",
                 d->def->name, type_short_name(d->owner), type_short_name(d->owner));
  if (kwnames && kwnames->size == 0) kwnames = nullptr;
  Object* r = d->def->fn(ts, cls, args + 1, nargs - 1, kwnames);
  if (!r) qualify_arg_error(ts, d->def->name, d->owner);
  return r;
}

static Object* cmd_get(ThreadState* ts, Object* o, Object* obj, Object* type) {
  auto* d = static_cast<MethodDescrObject*>(o);
  if (!type) type = obj->type;
  if (!is_type(type) || !is_subtype(static_cast<TypeObject*>(type), d->owner))
    return raise(ts, &exc::TypeError, "descriptor '%s' for type '%s' needs a subtype of '%s'",
                 d->def->name, type_short_name(d->owner), type_short_name(d->owner));
  return native_function_new(ts, d->def, type);
}

static Object* cmd_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<MethodDescrObject*>(o);
  return str_from(ts, std::string("<method '") + d->def->name + "' of '" +
                          type_short_name(d->owner) + "' objects>");
}

TypeObject ClassMethodDescrType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "classmethod_descriptor";
  t.basicsize = sizeof(MethodDescrObject);
  t.flags = kImmutableType;
  t.call = cmd_call;
  t.descr_get = cmd_get;
  t.repr = cmd_repr;
  t.getsets = md_getsets;
  return t;
}();

// ---- getset_descriptor
// ---------------------------------------------------------------------------

static bool gs_check(ThreadState* ts, GetSetDescrObject* d, Object* obj) {
  if (!isinstance_of(obj, d->owner)) {
    raise(ts, &exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
          d->def->name, type_short_name(d->owner), type_name(obj));
    return false;
  }
  return true;
}

static Object* gs_get(ThreadState* ts, Object* o, Object* obj, Object*) {
  auto* d = static_cast<GetSetDescrObject*>(o);
  if (!obj) return newref(o);
  if (!gs_check(ts, d, obj)) return nullptr;
  if (!d->def->get)
    return raise(ts, &exc::AttributeError, "attribute '%s' of '%s' objects is not readable",
                 d->def->name, type_short_name(d->owner));
  return d->def->get(ts, obj);
}

static bool gs_set(ThreadState* ts, Object* o, Object* obj, Object* value) {
  auto* d = static_cast<GetSetDescrObject*>(o);
  if (!gs_check(ts, d, obj)) return false;
  if (!d->def->set) {
    raise(ts, &exc::AttributeError, "attribute '%s' of '%s' objects is not writable", d->def->name,
          type_short_name(d->owner));
    return false;
  }
  return d->def->set(ts, obj, value);
}

static Object* gs_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<GetSetDescrObject*>(o);
  return str_from(ts, std::string("<attribute '") + d->def->name + "' of '" +
                          type_short_name(d->owner) + "' objects>");
}
static Object* gs_get_name(ThreadState* ts, Object* o) {
  return str_from(ts, static_cast<GetSetDescrObject*>(o)->def->name);
}
static Object* gs_get_qualname(ThreadState* ts, Object* o) {
  auto* d = static_cast<GetSetDescrObject*>(o);
  return str_from(ts, std::string(type_short_name(d->owner)) + "." + d->def->name);
}
static Object* gs_get_objclass(ThreadState*, Object* o) {
  return newref(static_cast<Object*>(static_cast<GetSetDescrObject*>(o)->owner));
}
static Object* gs_get_doc(ThreadState*, Object*) { return new_none(); }

static const GetSetDef gs_getsets[] = {
    {"__name__", gs_get_name, nullptr},
    {"__qualname__", gs_get_qualname, nullptr},
    {"__objclass__", gs_get_objclass, nullptr},
    {"__doc__", gs_get_doc, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject GetSetDescrType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "getset_descriptor";
  t.basicsize = sizeof(GetSetDescrObject);
  t.flags = kImmutableType;
  t.descr_get = gs_get;
  t.descr_set = gs_set;
  t.repr = gs_repr;
  t.getsets = gs_getsets;
  return t;
}();

// ---- method (bound method) ----------------------------------------------------------------------

Object* bound_method_new(ThreadState* ts, Object* func, Object* self) {
  auto* m = alloc<BoundMethodObject>(ts, &BoundMethodType);
  if (!m) return nullptr;
  m->func = newref(func);
  m->self = newref(self);
  return m;
}

static void bm_dealloc(Object* o) {
  auto* m = static_cast<BoundMethodObject*>(o);
  xdecref(m->func);
  xdecref(m->self);
  free_object(o);
}
static int bm_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<BoundMethodObject*>(o);
  if (m->func && visit(m->func, arg)) return 1;
  if (m->self && visit(m->self, arg)) return 1;
  return 0;
}
static void bm_clear(Object* o) {
  auto* m = static_cast<BoundMethodObject*>(o);
  clearref(m->func);
  clearref(m->self);
}

static Object* bm_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  auto* m = static_cast<BoundMethodObject*>(o);
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  Object* small[10];
  std::vector<Object*> big;
  Object** buf = small;
  if (nargs + nkw + 1 > 10) {
    big.resize(nargs + nkw + 1);
    buf = big.data();
  }
  buf[0] = m->self;
  for (size_t i = 0; i < nargs + nkw; ++i) buf[i + 1] = args[i];
  Ref<> func = Ref<>::borrow(m->func);
  Ref<> self = Ref<>::borrow(m->self);
  return call(ts, func.get(), buf, nargs + 1, kwnames);
}

static Object* bm_repr(ThreadState* ts, Object* o) {
  auto* m = static_cast<BoundMethodObject*>(o);
  Ref<> name = Ref<>::steal(getattr_opt(ts, m->func, names.__qualname__));
  if (!name && exc_occurred(ts)) return nullptr;
  if (!name) {
    name = Ref<>::steal(getattr_opt(ts, m->func, names.__name__));
    if (!name && exc_occurred(ts)) return nullptr;
  }
  std::string n = "?";
  if (name && is_str(name.get())) n = std::string(str_view(name.get()));
  std::string s;
  if (!repr_text(ts, m->self, &s)) return nullptr;
  return str_from(ts, "<bound method " + n + " of " + s + ">");
}

static Object* bm_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if ((op != CmpOp::EQ && op != CmpOp::NE) || b->type != &BoundMethodType) return not_implemented();
  auto* x = static_cast<BoundMethodObject*>(a);
  auto* y = static_cast<BoundMethodObject*>(b);
  int eq = richcompare_bool(ts, x->func, y->func, CmpOp::EQ);
  if (eq < 0) return nullptr;
  bool r = eq && x->self == y->self;
  return bool_from(op == CmpOp::EQ ? r : !r);
}

static int64_t bm_hash(ThreadState* ts, Object* o) {
  auto* m = static_cast<BoundMethodObject*>(o);
  int64_t a = object_hash(ts, m->self);
  int64_t b = hash(ts, m->func);
  if (b == -1) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

static Object* bm_getattro(ThreadState* ts, Object* o, StrObject* name) {
  auto* m = static_cast<BoundMethodObject*>(o);
  Object* descr = type_lookup(o->type, name);
  if (descr) {
    if (descrgetfunc g = descr->type->descr_get) return g(ts, descr, o, o->type);
    return newref(descr);
  }
  return getattr(ts, m->func, name);
}

static Object* bm_get_func(ThreadState*, Object* o) {
  return newref(static_cast<BoundMethodObject*>(o)->func);
}
static Object* bm_get_self(ThreadState*, Object* o) {
  return newref(static_cast<BoundMethodObject*>(o)->self);
}
static Object* bm_get_doc(ThreadState* ts, Object* o) {
  return getattr(ts, static_cast<BoundMethodObject*>(o)->func, names.__doc__);
}

static const GetSetDef bm_getsets[] = {
    {"__func__", bm_get_func, nullptr},
    {"__self__", bm_get_self, nullptr},
    {"__doc__", bm_get_doc, nullptr},
    {nullptr, nullptr, nullptr},
};

static Object* bm_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* m = static_cast<BoundMethodObject*>(self);
  Object* g = dict_get_cstr(ts, ts->interp->builtins, "getattr");
  if (!g) return raise(ts, &exc::TypeError, "cannot pickle method");
  Ref<> name = Ref<>::steal(getattr(ts, m->func, names.__name__));
  if (!name) return nullptr;
  Ref<TupleObject> args = Ref<TupleObject>::steal(tuple_pack(ts, {m->self, name.get()}));
  if (!args) return nullptr;
  return tuple_pack(ts, {g, args.get()});
}

static const MethodDef bm_methods[] = {{"__reduce__", bm_reduce, 0, nullptr},
                                       {nullptr, nullptr, 0, nullptr}};

static Object* bm_new(ThreadState* ts, TypeObject*, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  if (!no_kwargs(ts, "method", kwnames) || !check_nargs(ts, "method", nargs, 2, 2)) return nullptr;
  if (!is_callable(args[0])) return raise(ts, &exc::TypeError, "first argument must be callable");
  if (is_none(args[1])) return raise(ts, &exc::TypeError, "instance must not be None");
  return bound_method_new(ts, args[0], args[1]);
}

TypeObject BoundMethodType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "method";
  t.basicsize = sizeof(BoundMethodObject);
  t.flags = kHaveGC | kImmutableType;
  t.dealloc = bm_dealloc;
  t.traverse = bm_traverse;
  t.clear = bm_clear;
  t.call = bm_call;
  t.repr = bm_repr;
  t.richcompare = bm_richcompare;
  t.hash = bm_hash;
  t.getattro = bm_getattro;
  t.getsets = bm_getsets;
  t.methods = bm_methods;
  t.new_ = bm_new;
  return t;
}();

// ---- staticmethod / classmethod -----------------------------------------------------------------

template <class T>
static void wrapper_dealloc(Object* o) {
  auto* w = static_cast<T*>(o);
  xdecref(w->callable);
  xdecref(w->dict);
  free_object(o);
}
template <class T>
static int wrapper_traverse(Object* o, visitproc visit, void* arg) {
  auto* w = static_cast<T*>(o);
  if (w->callable && visit(w->callable, arg)) return 1;
  if (w->dict && visit(w->dict, arg)) return 1;
  return 0;
}
template <class T>
static void wrapper_clear(Object* o) {
  auto* w = static_cast<T*>(o);
  clearref(w->callable);
  clearref(w->dict);
}

// Copies __module__, __name__, __qualname__, __doc__ and __annotations__ into the wrapper's dict
// (functools.update_wrapper-style, as CPython 3.10+ does) and sets __wrapped__.
static bool copy_wrapper_attrs(ThreadState* ts, Object** dict, Object* callable) {
  if (!*dict) {
    *dict = dict_new(ts);
    if (!*dict) return false;
  }
  auto* d = static_cast<DictObject*>(*dict);
  StrObject* keys[] = {names.__module__, names.__name__, names.__qualname__, names.__doc__};
  for (StrObject* k : keys) {
    Ref<> v = Ref<>::steal(getattr_opt(ts, callable, k));
    if (!v) {
      if (exc_occurred(ts)) return false;
      continue;
    }
    if (!dict_set(ts, d, k, v.get())) return false;
  }
  return dict_set(ts, d, names.__wrapped__, callable);
}

template <class T>
static bool wrapper_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kwnames, const char* name) {
  if (!no_kwargs(ts, name, kwnames) || !check_nargs(ts, name, nargs, 1, 1)) return false;
  auto* w = static_cast<T*>(self);
  setref(w->callable, newref(args[0]));
  return copy_wrapper_attrs(ts, &w->dict, args[0]);
}

static Object* wrapper_isabstract(ThreadState* ts, Object* callable) {
  Ref<> v = Ref<>::steal(getattr_cstr(ts, callable, "__isabstractmethod__"));
  if (!v) {
    if (!exc_matches(ts, &exc::AttributeError)) return nullptr;
    clear_exc(ts);
    return newref(static_cast<Object*>(&FalseObject));
  }
  int t = truthy(ts, v.get());
  if (t < 0) return nullptr;
  return bool_from(t);
}

template <class T>
static Object* wrapper_get_func(ThreadState*, Object* o) {
  Object* c = static_cast<T*>(o)->callable;
  return c ? newref(c) : new_none();
}
template <class T>
static Object* wrapper_get_isabstract(ThreadState* ts, Object* o) {
  Object* c = static_cast<T*>(o)->callable;
  if (!c) return newref(static_cast<Object*>(&FalseObject));
  return wrapper_isabstract(ts, c);
}
template <class T>
static Object* wrapper_get_dict(ThreadState* ts, Object* o) {
  auto* w = static_cast<T*>(o);
  if (!w->dict) {
    w->dict = dict_new(ts);
    if (!w->dict) return nullptr;
  }
  return newref(w->dict);
}

static Object* sm_get(ThreadState* ts, Object* o, Object*, Object*) {
  auto* w = static_cast<StaticMethodObject*>(o);
  if (!w->callable) return raise(ts, &exc::RuntimeError, "uninitialized staticmethod object");
  return newref(w->callable);
}
static Object* sm_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  auto* w = static_cast<StaticMethodObject*>(o);
  if (!w->callable) return raise(ts, &exc::RuntimeError, "uninitialized staticmethod object");
  return call(ts, w->callable, args, nargs, kwnames);
}
static bool sm_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  return wrapper_init<StaticMethodObject>(ts, self, args, nargs, kwnames, "staticmethod");
}
template <class T>
static Object* wrapper_repr(ThreadState* ts, Object* o, const char* name) {
  auto* w = static_cast<T*>(o);
  std::string inner = "NULL";
  if (w->callable && !repr_text(ts, w->callable, &inner)) return nullptr;
  return str_from(ts, std::string("<") + name + "(" + inner + ")>");
}
static Object* sm_repr(ThreadState* ts, Object* o) {
  return wrapper_repr<StaticMethodObject>(ts, o, "staticmethod");
}

static const GetSetDef sm_getsets[] = {
    {"__func__", wrapper_get_func<StaticMethodObject>, nullptr},
    {"__isabstractmethod__", wrapper_get_isabstract<StaticMethodObject>, nullptr},
    {"__dict__", wrapper_get_dict<StaticMethodObject>, nullptr},
    {nullptr, nullptr, nullptr},
};

static Object* generic_alloc_new(ThreadState* ts, TypeObject* type, Object* const*, size_t,
                                 TupleObject*) {
  return alloc_object(ts, type);
}

TypeObject StaticMethodType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "staticmethod";
  t.basicsize = sizeof(StaticMethodObject);
  t.flags = kBaseType | kHaveGC | kImmutableType;
  t.dict_offset = offsetof(StaticMethodObject, dict);
  t.dealloc = wrapper_dealloc<StaticMethodObject>;
  t.traverse = wrapper_traverse<StaticMethodObject>;
  t.clear = wrapper_clear<StaticMethodObject>;
  t.descr_get = sm_get;
  t.call = sm_call;
  t.repr = sm_repr;
  t.init = sm_init;
  t.new_ = generic_alloc_new;
  t.getsets = sm_getsets;
  return t;
}();

static Object* cm_get(ThreadState* ts, Object* o, Object* obj, Object* type) {
  auto* w = static_cast<ClassMethodObject*>(o);
  if (!w->callable) return raise(ts, &exc::RuntimeError, "uninitialized classmethod object");
  if (!type) type = obj->type;
  if (descrgetfunc g = w->callable->type->descr_get) return g(ts, w->callable, type, type);
  return bound_method_new(ts, w->callable, type);
}
static bool cm_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  return wrapper_init<ClassMethodObject>(ts, self, args, nargs, kwnames, "classmethod");
}
static Object* cm_repr(ThreadState* ts, Object* o) {
  return wrapper_repr<ClassMethodObject>(ts, o, "classmethod");
}

static const GetSetDef cm_getsets[] = {
    {"__func__", wrapper_get_func<ClassMethodObject>, nullptr},
    {"__isabstractmethod__", wrapper_get_isabstract<ClassMethodObject>, nullptr},
    {"__dict__", wrapper_get_dict<ClassMethodObject>, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject ClassMethodType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "classmethod";
  t.basicsize = sizeof(ClassMethodObject);
  t.flags = kBaseType | kHaveGC | kImmutableType;
  t.dict_offset = offsetof(ClassMethodObject, dict);
  t.dealloc = wrapper_dealloc<ClassMethodObject>;
  t.traverse = wrapper_traverse<ClassMethodObject>;
  t.clear = wrapper_clear<ClassMethodObject>;
  t.descr_get = cm_get;
  t.repr = cm_repr;
  t.init = cm_init;
  t.new_ = generic_alloc_new;
  t.getsets = cm_getsets;
  return t;
}();

// ---- property
// ------------------------------------------------------------------------------------

static void prop_dealloc(Object* o) {
  auto* p = static_cast<PropertyObject*>(o);
  xdecref(p->fget);
  xdecref(p->fset);
  xdecref(p->fdel);
  xdecref(p->doc);
  xdecref(p->name);
  free_object(o);
}
static int prop_traverse(Object* o, visitproc visit, void* arg) {
  auto* p = static_cast<PropertyObject*>(o);
  Object* refs[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  return 0;
}
static void prop_clear(Object* o) {
  auto* p = static_cast<PropertyObject*>(o);
  clearref(p->fget);
  clearref(p->fset);
  clearref(p->fdel);
  clearref(p->doc);
  clearref(p->name);
}

static std::string prop_error_prefix(ThreadState* ts, PropertyObject* p, Object* obj) {
  std::string s = "property ";
  if (p->name && is_str(p->name)) {
    std::string r;
    if (repr_text(ts, p->name, &r))
      s += r + " ";
    else
      clear_exc(ts);
  }
  s += std::string("of '") + type_name(obj) + "' object";
  return s;
}

static Object* prop_get(ThreadState* ts, Object* o, Object* obj, Object*) {
  auto* p = static_cast<PropertyObject*>(o);
  if (!obj) return newref(o);
  if (!p->fget || is_none(p->fget)) {
    std::string msg = prop_error_prefix(ts, p, obj) + " has no getter";
    return raise(ts, &exc::AttributeError, "%s", msg.c_str());
  }
  return call1(ts, p->fget, obj);
}

static bool prop_set(ThreadState* ts, Object* o, Object* obj, Object* value) {
  auto* p = static_cast<PropertyObject*>(o);
  Object* f = value ? p->fset : p->fdel;
  if (!f || is_none(f)) {
    std::string msg =
        prop_error_prefix(ts, p, obj) + (value ? " has no setter" : " has no deleter");
    raise(ts, &exc::AttributeError, "%s", msg.c_str());
    return false;
  }
  Ref<> r = Ref<>::steal(value ? call2(ts, f, obj, value) : call1(ts, f, obj));
  return bool(r);
}

static bool prop_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  Object* a[4];
  if (!parse_args(ts, "property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, a))
    return false;
  auto* p = static_cast<PropertyObject*>(self);
  Object** fields[] = {&p->fget, &p->fset, &p->fdel};
  for (int i = 0; i < 3; ++i) setref(*fields[i], (a[i] && !is_none(a[i])) ? newref(a[i]) : nullptr);
  Object* doc = (a[3] && !is_none(a[3])) ? a[3] : nullptr;
  if (!doc && p->fget) {
    Ref<> d = Ref<>::steal(getattr_opt(ts, p->fget, names.__doc__));
    if (!d && exc_occurred(ts)) return false;
    if (d && !is_none(d.get())) {
      // A property subclass stores the doc in the instance dict (as CPython does).
      if (self->type != &PropertyType) {
        if (!setattr(ts, self, names.__doc__, d.get())) return false;
      }
      setref(p->doc, d.release());
      return true;
    }
  }
  setref(p->doc, doc ? newref(doc) : nullptr);
  return true;
}

static Object* prop_copy(ThreadState* ts, Object* self, Object* fget, Object* fset, Object* fdel) {
  auto* p = static_cast<PropertyObject*>(self);
  Object* args[4] = {fget ? fget : (p->fget ? p->fget : none()),
                     fset ? fset : (p->fset ? p->fset : none()),
                     fdel ? fdel : (p->fdel ? p->fdel : none()), p->doc ? p->doc : none()};
  Object* r = call(ts, self->type, args, 4);
  if (r && isinstance_of(r, &PropertyType)) {
    auto* np = static_cast<PropertyObject*>(r);
    setref(np->name, p->name ? newref(p->name) : nullptr);
  }
  return r;
}

static Object* prop_getter(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                           TupleObject*) {
  if (!check_nargs(ts, "getter", nargs, 1, 1)) return nullptr;
  return prop_copy(ts, self, args[0], nullptr, nullptr);
}
static Object* prop_setter(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                           TupleObject*) {
  if (!check_nargs(ts, "setter", nargs, 1, 1)) return nullptr;
  return prop_copy(ts, self, nullptr, args[0], nullptr);
}
static Object* prop_deleter(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                            TupleObject*) {
  if (!check_nargs(ts, "deleter", nargs, 1, 1)) return nullptr;
  return prop_copy(ts, self, nullptr, nullptr, args[0]);
}
static Object* prop_set_name(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                             TupleObject*) {
  if (!check_nargs(ts, "__set_name__", nargs, 2, 2)) return nullptr;
  setref(static_cast<PropertyObject*>(self)->name, newref(args[1]));
  return new_none();
}

static const MethodDef prop_methods[] = {
    {"getter", prop_getter, 0,
     "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", prop_setter, 0,
     "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", prop_deleter, 0,
     "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", prop_set_name, 0, "Method to set name of a property."},
    {nullptr, nullptr, 0, nullptr},
};

static Object* prop_field_fget(ThreadState*, Object* o) {
  Object* v = static_cast<PropertyObject*>(o)->fget;
  return v ? newref(v) : new_none();
}
static Object* prop_field_fset(ThreadState*, Object* o) {
  Object* v = static_cast<PropertyObject*>(o)->fset;
  return v ? newref(v) : new_none();
}
static Object* prop_field_fdel(ThreadState*, Object* o) {
  Object* v = static_cast<PropertyObject*>(o)->fdel;
  return v ? newref(v) : new_none();
}
static Object* prop_field_doc(ThreadState*, Object* o) {
  Object* v = static_cast<PropertyObject*>(o)->doc;
  return v ? newref(v) : new_none();
}
static bool prop_set_doc(ThreadState*, Object* o, Object* value) {
  setref(static_cast<PropertyObject*>(o)->doc, value ? newref(value) : nullptr);
  return true;
}
static Object* prop_isabstract(ThreadState* ts, Object* o) {
  auto* p = static_cast<PropertyObject*>(o);
  for (Object* f : {p->fget, p->fset, p->fdel}) {
    if (!f) continue;
    Ref<> r = Ref<>::steal(wrapper_isabstract(ts, f));
    if (!r) return nullptr;
    if (r.get() == &TrueObject) return r.release();
  }
  return newref(static_cast<Object*>(&FalseObject));
}

static const GetSetDef prop_getsets[] = {
    {"fget", prop_field_fget, nullptr},
    {"fset", prop_field_fset, nullptr},
    {"fdel", prop_field_fdel, nullptr},
    {"__doc__", prop_field_doc, prop_set_doc},
    {"__isabstractmethod__", prop_isabstract, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject PropertyType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "property";
  t.basicsize = sizeof(PropertyObject);
  t.flags = kBaseType | kHaveGC | kImmutableType;
  t.dealloc = prop_dealloc;
  t.traverse = prop_traverse;
  t.clear = prop_clear;
  t.descr_get = prop_get;
  t.descr_set = prop_set;
  t.init = prop_init;
  t.new_ = generic_alloc_new;
  t.methods = prop_methods;
  t.getsets = prop_getsets;
  return t;
}();

}  // namespace gp
