// None, NotImplemented and Ellipsis: static immortal singletons of their own types.
#include "runtime/objmodel_internal.h"

namespace gp {

Object NoneObject = {kImmortalRefcnt, &NoneType};
Object NotImplementedObject = {kImmortalRefcnt, &NotImplementedType};
Object EllipsisObject = {kImmortalRefcnt, &EllipsisType};

static Object* none_repr(ThreadState* ts, Object*) { return str_from(ts, "None"); }
static int none_bool(ThreadState*, Object*) { return 0; }
static Object* notimpl_repr(ThreadState* ts, Object*) { return str_from(ts, "NotImplemented"); }
static Object* ellipsis_repr(ThreadState* ts, Object*) { return str_from(ts, "Ellipsis"); }

template <Object* Singleton>
static Object* singleton_new(ThreadState* ts, TypeObject* type, Object* const*, size_t nargs,
                             TupleObject* kwnames) {
  if (nargs || (kwnames && kwnames->size))
    return raise(ts, &exc::TypeError, "%s takes no arguments", type_short_name(type));
  return Singleton;
}

static Object* singleton_reduce(ThreadState* ts, Object* self, Object* const*, size_t,
                                TupleObject*) {
  if (self == &NotImplementedObject) return str_from(ts, "NotImplemented");
  return str_from(ts, "Ellipsis");
}

static const MethodDef singleton_methods[] = {{"__reduce__", singleton_reduce, 0, nullptr},
                                              {nullptr, nullptr, 0, nullptr}};

static TypeObject singleton_type(const char* name, reprfunc r) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.basicsize = sizeof(Object);
  t.flags = kImmutableType;
  t.repr = r;
  return t;
}

TypeObject NoneType = [] {
  TypeObject t = singleton_type("NoneType", none_repr);
  t.boolean = none_bool;
  t.new_ = singleton_new<&NoneObject>;
  return t;
}();

TypeObject NotImplementedType = [] {
  TypeObject t = singleton_type("NotImplementedType", notimpl_repr);
  t.new_ = singleton_new<&NotImplementedObject>;
  t.methods = singleton_methods;
  return t;
}();

TypeObject EllipsisType = [] {
  TypeObject t = singleton_type("ellipsis", ellipsis_repr);
  t.new_ = singleton_new<&EllipsisObject>;
  t.methods = singleton_methods;
  return t;
}();

}  // namespace gp
