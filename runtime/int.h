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
inline bool int_is_small(const Object* o) { return static_cast<const IntObject*>(o)->big == nullptr; }

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
Object* bool_from(bool b);  // new reference to True/False
inline Object* py_bool(bool b) { return b ? static_cast<Object*>(&TrueObject) : &FalseObject; }

}  // namespace gp
