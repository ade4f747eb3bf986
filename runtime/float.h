#pragma once
#include <string>

#include "runtime/object.h"

namespace gp {

struct FloatObject : Object {
  double value;
};

extern TypeObject FloatType;
extern TypeObject ComplexType;

struct ComplexObject : Object {
  double real;
  double imag;
};

inline bool is_float(const Object* o) { return o->type->flags & kFloatSubclass; }
Object* float_from(ThreadState* ts, double v);
inline double float_value(const Object* o) { return static_cast<const FloatObject*>(o)->value; }
// repr(float) as CPython: shortest round-trip digits, 'inf', 'nan', '1e+16', '0.0001'.
std::string float_repr(double v);
// float(x) / implicit conversion for math: accepts float, int, objects with __float__/__index__.
bool as_double(ThreadState* ts, Object* o, double* out);
Object* complex_from(ThreadState* ts, double real, double imag);

}  // namespace gp
