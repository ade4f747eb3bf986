#pragma once
#include <string>
#include <string_view>

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

// ---- numbers area additions ----
struct FormatSpec;  // runtime/format_spec.h
// float ** float with CPython's rules and messages (negative base with a fractional exponent
// gives a complex).
Object* float_pow_doubles(ThreadState* ts, double a, double b);
// (ar + ai j) ** (br + bi j) as CPython's complex power (ZeroDivisionError/OverflowError).
Object* complex_pow_values(ThreadState* ts, double ar, double ai, double br, double bi);
// format(v, spec) for a parsed spec (type already known to be a float presentation type or 0).
Object* float_format_double(ThreadState* ts, double v, const FormatSpec& spec);
// hash(float) as CPython (consistent with int hashes; nan hashes by identity of obj).
int64_t float_hash_value(double v, const Object* obj);
// Parses like float(text): whitespace, underscores, inf/nan. false without raising when invalid.
bool float_parse(std::string_view text, double* out);
// Exact comparison of an int with a double (no rounding): -1, 0, 1; 2 when d is nan.
int int_float_compare(const Object* i, double d);
// Full CPython formatting of a double: type 'r' (repr), 'e', 'f', 'g' (any case), precision,
// flags: alt ('#'), add_dot_0 (append ".0" to integral results), no_neg_zero.
std::string double_to_string(double v, char type, int precision, bool alt, bool add_dot_0,
                             bool no_neg_zero = false);

}  // namespace gp
