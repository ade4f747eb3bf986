// str: immutable Unicode text stored as UTF-8 with its length in code points. ASCII strings (the
// common case) index in O(1); other strings walk the UTF-8 bytes.
#pragma once
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gp {

struct StrObject : Object {
  int64_t hash;     // -1 until computed
  ssize length;     // code points
  ssize nbytes;     // UTF-8 bytes, not counting the trailing NUL
  bool ascii;
  bool interned;
  char data[1];     // nbytes + 1 bytes (NUL-terminated)
};

extern TypeObject StrType;

inline bool is_str(const Object* o) { return o->type->flags & kStrSubclass; }
inline bool is_str_exact(const Object* o) { return o->type == &StrType; }
inline std::string_view str_view(const Object* o) {
  auto* s = static_cast<const StrObject*>(o);
  return {s->data, static_cast<size_t>(s->nbytes)};
}
inline const char* str_cstr(const Object* o) { return static_cast<const StrObject*>(o)->data; }

// New str from UTF-8 text (not validated: callers pass valid UTF-8).
StrObject* str_from(ThreadState* ts, std::string_view utf8);
// New str from UTF-8 that may be invalid: raises UnicodeDecodeError like bytes.decode('utf-8').
StrObject* str_decode_utf8(ThreadState* ts, std::string_view bytes, const char* errors = "strict");
StrObject* str_from_codepoint(ThreadState* ts, uint32_t cp);
// printf-style; returns a new str.
StrObject* str_format(ThreadState* ts, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
// The interned str equal to text (new reference): equal names share one object per interpreter.
StrObject* intern(ThreadState* ts, std::string_view text);
// Interns s in place when possible (steals s, returns the interned object).
StrObject* intern_str(ThreadState* ts, StrObject* s);
int64_t str_hash(StrObject* s);  // cached
bool str_equal(const StrObject* a, const StrObject* b);
inline bool str_eq(const Object* s, std::string_view text) { return str_view(s) == text; }
// repr(str) as CPython: quotes chosen as CPython does, escapes for non-printables.
std::string str_repr_text(std::string_view utf8);

}  // namespace gp
