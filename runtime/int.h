// int and bool: arbitrary precision with an int64 fast path. Values that fit in int64 keep
// big == nullptr (an invariant every int function keeps), so the VM's fast paths only test `big`.
#pragma once
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gp {

class BigInt;  // runtime/bigint.h

struct IntObject : Object {
  int64_t value;  // valid when big == nullptr
  BigInt* big;    // owned; non-null only for values outside int64
};

extern TypeObject IntType;
extern TypeObject BoolType;
extern IntObject TrueObject;
extern IntObject FalseObject;

inline constexpr int kSmallIntMin = -5;
inline constexpr int kSmallIntMax = 256;

inline bool is_int(const Object* o) { return o->type->flags & kIntSubclass; }
inline bool is_int_exact(const Object* o) { return o->type == &IntType; }
inline bool is_bool(const Object* o) { return o->type == &BoolType; }
inline bool int_is_small(const Object* o) {
  return static_cast<const IntObject*>(o)->big == nullptr;
}

Object* int_from(ThreadState* ts, int64_t v);  // small ints are cached (and immortal)
Object* int_from_u64(ThreadState* ts, uint64_t v);
Object* int_from_double(ThreadState* ts, double v);  // truncates; raises on inf/nan
// Parses like int(text, base): base 0 means from the prefix; underscores allowed as Python does.
Object* int_from_string(ThreadState* ts, std::string_view text, int base);
// Overflow-checked conversion; false without raising when the value does not fit.
bool int_to_i64(const Object* o, int64_t* out);
// int64 value or OverflowError ("Python int too large to convert to C ssize_t").
bool int_as_ssize(ThreadState* ts, Object* o, ssize* out);
double int_to_double(ThreadState* ts, Object* o, bool* ok);  // OverflowError when too big
std::string int_to_decimal(const Object* o);
int int_sign(const Object* o);  // -1, 0, 1
Object* bool_from(bool b);      // new reference to True/False

// ---- numbers area additions ----
struct BigView;  // runtime/bigint.h
using limb_t = uint64_t;
// A new int from a BigInt (small values become int64 / cached ints).
Object* int_from_bigint(ThreadState* ts, BigInt&& b);
// View of an int's value (buf: one limb of storage for int64 values).
BigView int_view(const Object* o, limb_t* buf);
// BigInt copy of an int's value.
BigInt int_to_bigint(const Object* o);
// pow(a, b, mod) for ints (mod may be None/nullptr): the ternary power, also used by int.__pow__.
Object* int_pow3(ThreadState* ts, Object* a, Object* b, Object* mod);
// divmod(a, b) for ints: a (q, r) tuple, or NotImplemented when b is not an int.
Object* int_divmod(ThreadState* ts, Object* a, Object* b);
// Exact copy as an int (not a subclass): int(True) == 1.
Object* int_exact_copy(ThreadState* ts, Object* o);
// int(x) for any object x (the int() constructor without a base): __int__, __index__, __trunc__,
// str/bytes/bytearray parsing.
Object* int_from_object(ThreadState* ts, Object* x);
// The per-interpreter int max str digits limit (sys.get/set_int_max_str_digits). set raises
// ValueError "maxdigits must be 0 or larger than 640" when out of range.
int int_max_str_digits(ThreadState* ts);
bool int_set_max_str_digits(ThreadState* ts, int64_t value);
// Hash of an int value (as CPython: modulus 2**61 - 1; hash(-1) == -2).
int64_t int_hash_value(const Object* o);
inline Object* py_bool(bool b) { return b ? static_cast<Object*>(&TrueObject) : &FalseObject; }

}  // namespace gp
