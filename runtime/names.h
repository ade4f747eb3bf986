// Static interned names used by the runtime (created once per process, immortal; each
// interpreter's intern table starts with them). Use as names::__init__.
#pragma once

#include "runtime/object.h"

namespace gp {

// clang-format off
#define GP_STATIC_NAMES(X)                                                                     \
  X(__init__) X(__new__) X(__del__) X(__repr__) X(__str__) X(__hash__) X(__eq__) X(__ne__)    \
  X(__lt__) X(__le__) X(__gt__) X(__ge__) X(__bool__) X(__len__) X(__getitem__)                \
  X(__setitem__) X(__delitem__) X(__contains__) X(__iter__) X(__next__) X(__enter__)           \
  X(__exit__) X(__call__) X(__getattr__) X(__getattribute__) X(__setattr__) X(__delattr__)     \
  X(__get__) X(__set__) X(__delete__) X(__name__) X(__qualname__) X(__module__) X(__doc__)     \
  X(__dict__) X(__class__) X(__bases__) X(__mro__) X(__file__) X(__builtins__) X(__main__)     \
  X(__import__) X(__all__) X(__path__) X(__package__) X(__spec__) X(__loader__)                \
  X(__neg__) X(__pos__) X(__invert__) X(__abs__) X(__int__) X(__float__) X(__index__)          \
  X(__format__) X(__missing__) X(__reversed__) X(__round__) X(__trunc__) X(__floor__)          \
  X(__ceil__) X(__instancecheck__) X(__subclasscheck__) X(__init_subclass__)    \
  X(__set_name__) X(__class_getitem__) X(__prepare__) X(__slots__) X(__annotations__)          \
  X(__reduce__) X(__reduce_ex__) X(__getstate__) X(__setstate__) X(__getnewargs__)             \
  X(__getnewargs_ex__) X(__length_hint__) X(__await__) X(__fspath__) X(__sizeof__)             \
  X(__weakref__) X(__abstractmethods__) X(__wrapped__) X(__classcell__) X(__orig_bases__)      \
  X(__traceback__) X(__context__) X(__cause__) X(__build_class__) X(__debug__) X(__closure__)  \
  X(__code__) X(__defaults__) X(__kwdefaults__) X(__globals__) X(__self__)         \
  X(send) X(close) X(append) X(keys) X(items) X(values) X(get) X(write) X(flush)      \
  X(read) X(readline) X(fileno) X(encoding) X(name) X(args) X(stdout) X(stderr) X(stdin)       \
  X(excepthook) X(run) X(start) X(join) X(self) X(cls) X(end) X(sep) X(file) X(key) X(reverse) \
  X(mro) X(copy) X(update) X(strict) X(__aenter__) X(__aexit__) X(__match_args__)              \
  X(__add__) X(__radd__) X(__iadd__) X(__sub__) X(__rsub__) X(__isub__) X(__mul__) X(__rmul__) \
  X(__imul__) X(__matmul__) X(__rmatmul__) X(__imatmul__) X(__truediv__) X(__rtruediv__)       \
  X(__itruediv__) X(__floordiv__) X(__rfloordiv__) X(__ifloordiv__) X(__mod__) X(__rmod__)     \
  X(__imod__) X(__pow__) X(__rpow__) X(__ipow__) X(__lshift__) X(__rlshift__) X(__ilshift__)   \
  X(__rshift__) X(__rrshift__) X(__irshift__) X(__and__) X(__rand__) X(__iand__) X(__or__)     \
  X(__ror__) X(__ior__) X(__xor__) X(__rxor__) X(__ixor__) X(__divmod__) X(__rdivmod__)

// Names that are not valid C++ identifiers (keywords, predefined names): field, text.
#define GP_STATIC_NAMES_ALIASED(Y) \
  Y(throw_, "throw") Y(func_, "__func__") Y(complex_, "__complex__")
// clang-format on

struct StaticNames {
#define GP_NAME_FIELD(n) StrObject* n;
#define GP_ALIASED_FIELD(field, text) StrObject* field;
  GP_STATIC_NAMES(GP_NAME_FIELD)
  GP_STATIC_NAMES_ALIASED(GP_ALIASED_FIELD)
#undef GP_NAME_FIELD
#undef GP_ALIASED_FIELD
};

// Filled once by runtime_init; read-only afterwards.
extern StaticNames names;

}  // namespace gp
