// Module objects: a namespace dict plus per-module native state. Attribute lookup falls back to a
// module-level __getattr__ (PEP 562); repr follows CPython ("<module 'm' from '/path/m.py'>",
// "<module 'sys' (built-in)>").
#include "runtime/objmodel_internal.h"
#include "stdlib/modules.h"

namespace gp {

static bool module_init_dict(ThreadState* ts, ModuleObject* m, Object* name, Object* doc) {
  DictObject* d = m->dict;
  return dict_set(ts, d, names.__name__, name) && dict_set(ts, d, names.__doc__, doc) &&
         dict_set(ts, d, names.__package__, none()) && dict_set(ts, d, names.__loader__, none()) &&
         dict_set(ts, d, names.__spec__, none());
}

ModuleObject* module_new(ThreadState* ts, std::string_view name) {
  auto* m = alloc<ModuleObject>(ts, &ModuleType);
  if (!m) return nullptr;
  Ref<> mref = Ref<>::steal(m);
  m->dict = dict_new(ts);
  if (!m->dict) return nullptr;
  Ref<> n = Ref<>::steal(str_from(ts, name));
  if (!n || !module_init_dict(ts, m, n.get(), none())) return nullptr;
  return static_cast<ModuleObject*>(mref.release());
}

bool module_add(ThreadState* ts, ModuleObject* m, const char* name, Object* value) {
  if (!value) return false;
  Ref<> v = Ref<>::steal(value);
  Ref<> k = Ref<>::steal(intern(ts, name));
  if (!k) return false;
  return dict_set(ts, m->dict, k.get(), v.get());
}

bool module_add_functions(ThreadState* ts, ModuleObject* m, const MethodDef* defs) {
  Object* modname = dict_get_str(ts, m->dict, names.__name__);
  for (const MethodDef* d = defs; d->name; ++d) {
    if (!module_add(ts, m, d->name, native_function_new(ts, d, m, modname))) return false;
  }
  return true;
}

Object* module_get(ThreadState* ts, ModuleObject* m, const char* name) {
  return dict_get_cstr(ts, m->dict, name);
}

static void module_dealloc(Object* o) {
  auto* m = static_cast<ModuleObject*>(o);
  xdecref(m->dict);
  free_object(o);
}

static int module_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<ModuleObject*>(o);
  if (m->dict && visit(m->dict, arg)) return 1;
  return 0;
}

static void module_clear(Object* o) {
  auto* m = static_cast<ModuleObject*>(o);
  if (m->dict) dict_clear(m->dict);
}

static std::string module_name_text(ThreadState* ts, ModuleObject* m) {
  Object* n = m->dict ? dict_get_str(ts, m->dict, names.__name__) : nullptr;
  if (n && is_str(n)) return std::string(str_view(n));
  return "?";
}

static Object* module_repr(ThreadState* ts, Object* o) {
  auto* m = static_cast<ModuleObject*>(o);
  std::string name = module_name_text(ts, m);
  std::string nrepr = str_repr_text(name);
  Object* file = m->dict ? dict_get_str(ts, m->dict, names.__file__) : nullptr;
  if (file && is_str(file))
    return str_from(ts, "<module " + nrepr + " from " + str_repr_text(str_view(file)) + ">");
  if (find_native_module(name)) return str_from(ts, "<module " + nrepr + " (built-in)>");
  return str_from(ts, "<module " + nrepr + ">");
}

static Object* module_getattro(ThreadState* ts, Object* o, StrObject* name) {
  auto* m = static_cast<ModuleObject*>(o);
  // Module attributes are mostly plain dict entries: try the dict first.
  TypeObject* tp = o->type;
  Object* descr = type_lookup(tp, name);
  if (descr && descr->type->descr_get && descr->type->descr_set)
    return descr->type->descr_get(ts, descr, o, tp);
  if (m->dict)
    if (Object* v = dict_get_str(ts, m->dict, name)) return newref(v);
  if (descr) {
    if (descrgetfunc g = descr->type->descr_get) return g(ts, descr, o, tp);
    return newref(descr);
  }
  if (m->dict) {
    if (Object* hook = dict_get_str(ts, m->dict, names.__getattr__)) {
      Ref<> h = Ref<>::borrow(hook);
      return call1(ts, hook, name);
    }
  }
  std::string mname = module_name_text(ts, m);
  return raise_attribute_error(ts, o, name, "module '%s' has no attribute '%s'", mname.c_str(),
                               str_cstr(name));
}

static Object* module_new_slot(ThreadState* ts, TypeObject* type, Object* const*, size_t,
                               TupleObject*) {
  auto* m = static_cast<ModuleObject*>(alloc_object(ts, type));
  if (!m) return nullptr;
  m->dict = dict_new(ts);
  if (!m->dict) {
    decref(m);
    return nullptr;
  }
  return m;
}

static bool module_init_slot(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                             TupleObject* kwnames) {
  Object* a[2];
  if (!parse_args(ts, "module", args, nargs, kwnames, {"name", "doc"}, 1, a)) return false;
  if (!is_str(a[0])) {
    raise(ts, &exc::TypeError, "module.__init__() argument 'name' must be str, not %s",
          type_name(a[0]));
    return false;
  }
  return module_init_dict(ts, static_cast<ModuleObject*>(self), a[0], a[1] ? a[1] : none());
}

static Object* module_get_dict(ThreadState* ts, Object* o) {
  auto* m = static_cast<ModuleObject*>(o);
  return newref(static_cast<Object*>(m->dict));
}

static Object* module_dir(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* m = static_cast<ModuleObject*>(self);
  if (Object* d = dict_get_str(ts, m->dict, names.__dict__)) (void)d;
  if (Object* f = dict_get_cstr(ts, m->dict, "__dir__")) return call0(ts, f);
  ListObject* l = list_new(ts);
  if (!l) return nullptr;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(m->dict, &pos, &k, &v))
    if (!list_append(ts, l, k)) {
      decref(l);
      return nullptr;
    }
  return l;
}

static const GetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, nullptr},
    {nullptr, nullptr, nullptr},
};

static const MethodDef module_methods[] = {
    {"__dir__", module_dir, 0, "__dir__() -> list\nspecialized dir() implementation"},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject ModuleType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "module";
  t.basicsize = sizeof(ModuleObject);
  t.flags = kBaseType | kHaveGC | kImmutableType;
  t.dict_offset = offsetof(ModuleObject, dict);
  t.doc =
      "Create a module object.\n\nThe name must be a string; the optional doc argument can "
      "have any type.";
  t.dealloc = module_dealloc;
  t.traverse = module_traverse;
  t.clear = module_clear;
  t.repr = module_repr;
  t.getattro = module_getattro;
  t.setattro = generic_setattr;
  t.new_ = module_new_slot;
  t.init = module_init_slot;
  t.getsets = module_getsets;
  t.methods = module_methods;
  return t;
}();

}  // namespace gp
