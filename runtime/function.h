// Native callables: builtin functions/methods (a MethodDef bound to a self), method descriptors of
// builtin types, bound methods of Python functions, and the classmethod/staticmethod/property
// descriptors. Python functions themselves live in interp/ (FunctionObject, CodeObject).
#pragma once

#include "runtime/object.h"

namespace gp {

struct NativeFunctionObject : Object {
  const MethodDef* def;
  Object* self;         // module, bound object, or nullptr (owned)
  Object* module_name;  // __module__ (owned, may be nullptr)
};

struct MethodDescrObject : Object {  // a method of a builtin type, found in type->dict
  const MethodDef* def;
  TypeObject* owner;
};

struct GetSetDescrObject : Object {
  const GetSetDef* def;
  TypeObject* owner;
};

struct BoundMethodObject : Object {  // types.MethodType
  Object* func;                      // owned
  Object* self;                      // owned
};

struct StaticMethodObject : Object {
  Object* callable;
  Object* dict;
};
struct ClassMethodObject : Object {
  Object* callable;
  Object* dict;
};
struct PropertyObject : Object {
  Object* fget;
  Object* fset;
  Object* fdel;
  Object* doc;
  Object* name;  // set by __set_name__, for error messages
};

extern TypeObject NativeFunctionType;  // builtin_function_or_method
extern TypeObject MethodDescrType;     // method_descriptor
extern TypeObject ClassMethodDescrType;
extern TypeObject GetSetDescrType;  // getset_descriptor
extern TypeObject BoundMethodType;  // method
extern TypeObject StaticMethodType;
extern TypeObject ClassMethodType;
extern TypeObject PropertyType;

Object* native_function_new(ThreadState* ts, const MethodDef* def, Object* self,
                            Object* module_name = nullptr);
Object* bound_method_new(ThreadState* ts, Object* func, Object* self);

// ---- argument checking for natives (messages as CPython's) ----
// "f() takes no keyword arguments"
bool no_kwargs(ThreadState* ts, const char* fname, TupleObject* kwnames);
// "f() takes exactly one argument (2 given)", "f expected at most 2 arguments, got 3", ...
bool check_nargs(ThreadState* ts, const char* fname, size_t nargs, size_t min, size_t max);
// Binds positional and keyword args to `names` (positional-or-keyword, in order). out[i] is a
// borrowed reference or nullptr when not given. Raises TypeError for unknown or duplicate
// keywords and for a missing one among the first `required`.
bool parse_args(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
                TupleObject* kwnames, std::initializer_list<const char*> names, size_t required,
                Object** out);

}  // namespace gp
