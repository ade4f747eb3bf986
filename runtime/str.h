// str: immutable Unicode text stored as UTF-8 with its length in code points. ASCII strings (the
// common case) index in O(1); other strings walk the UTF-8 bytes.
#pragma once
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gp {

struct StrObject : Object {
  int64_t hash;  // -1 until computed
  ssize length;  // code points
  ssize nbytes;  // UTF-8 bytes, not counting the trailing NUL
  bool ascii;
  bool interned;
  char data[1];  // nbytes + 1 bytes (NUL-terminated)
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

// ---- additions (strings area) -----------------------------------------------------------------
extern TypeObject StrIterType;       // str_iterator
extern TypeObject StrAsciiIterType;  // str_ascii_iterator

// An immortal str for process-wide static names (runtime/names.cpp): allocated outside any
// interpreter, hash precomputed, marked interned. Never freed. Needs no ThreadState.
StrObject* str_new_immortal(std::string_view utf8);
// Creates ts->interp->interned (when missing) holding the static names and the one-character
// ASCII strings. intern() calls it lazily; interpreter creation may call it early.
bool str_intern_init(ThreadState* ts);
// The shared immortal str of one ASCII character c (c < 128); never fails (borrowed, immortal).
StrObject* str_ascii_char(unsigned char c);
StrObject* str_empty();  // the shared immortal '' (borrowed, immortal)

// Hash of UTF-8/bytes data as str and bytes use it (equal for an ASCII str and its bytes).
int64_t hash_bytes(std::string_view data);
inline ssize str_len(const Object* s) { return static_cast<const StrObject*>(s)->length; }
// Code point at index i (0 <= i < length); O(1) for ASCII strings.
uint32_t str_char_at(const StrObject* s, ssize i);
// Byte offset of code point index i (0 <= i <= length).
ssize str_byte_offset(const StrObject* s, ssize i);
// New str of code points [start, stop) (clamped to the string).
StrObject* str_substr(ThreadState* ts, StrObject* s, ssize start, ssize stop);
// a + b for two str objects.
StrObject* str_concat(ThreadState* ts, Object* a, Object* b);
// a + b for the VM's `s += t`: steals a. When a is an exact, non-interned str whose only
// reference is the one passed in (refcnt == 1), its block grows in place (amortised O(1) appends,
// like CPython's unicode_concatenate); otherwise a new str. b must be a str. nullptr on error
// (a is released either way).
Object* str_concat_inplace(ThreadState* ts, Object* a, Object* b);
// sep.join(iterable) with CPython's messages.
Object* str_join(ThreadState* ts, Object* sep, Object* iterable);
// repr of a str object (new str).
Object* str_repr(ThreadState* ts, Object* s);
// ascii() of text: like repr, then non-ASCII escaped as \xhh \uhhhh \Uhhhhhhhh.
std::string str_ascii_escape(std::string_view utf8);
// str.format(*args, **kwargs) as used by the VM/builtins: args borrowed; kwargs may be nullptr.
Object* str_format_method(ThreadState* ts, Object* fmt, Object* const* args, size_t nargs,
                          DictObject* kwargs);
// format(str_obj, spec): the str __format__ (spec is UTF-8 text).
Object* str_format_spec(ThreadState* ts, Object* s, std::string_view spec);
// str % args and bytes % args.
Object* str_mod_format(ThreadState* ts, Object* fmt, Object* args);
Object* bytes_mod_format(ThreadState* ts, Object* fmt, Object* args);
// Encoding/decoding by codec name: 'utf-8' (and aliases), 'ascii', 'latin-1'; errors 'strict',
// 'ignore', 'replace' (and 'surrogateescape'/'backslashreplace' where simple). LookupError
// "unknown encoding: x" otherwise.
Object* str_encode(ThreadState* ts, Object* s, const char* encoding, const char* errors);
Object* str_decode(ThreadState* ts, std::string_view data, const char* encoding,
                   const char* errors);

// Builds a str from pieces without re-scanning: tracks the code point count and ASCII-ness.
class StrBuilder {
 public:
  void append(std::string_view utf8);  // valid UTF-8
  void append(const StrObject* s) {
    buf_.append(s->data, static_cast<size_t>(s->nbytes));
    length_ += s->length;
    ascii_ = ascii_ && s->ascii;
  }
  void append_ascii(char c) {
    buf_.push_back(c);
    ++length_;
  }
  void append_ascii(std::string_view ascii) {
    buf_.append(ascii);
    length_ += static_cast<ssize>(ascii.size());
  }
  void append_cp(uint32_t cp);
  void append_repeat(uint32_t cp, ssize n);
  void reserve(size_t n) { buf_.reserve(n); }
  ssize length() const { return length_; }
  const std::string& bytes() const { return buf_; }
  StrObject* build(ThreadState* ts);  // new str; the builder is left empty

 private:
  std::string buf_;
  ssize length_ = 0;
  bool ascii_ = true;
};
// New str from UTF-8 whose code point count and ASCII-ness the caller already knows.
StrObject* str_from_known(ThreadState* ts, std::string_view utf8, ssize length, bool ascii);

}  // namespace gp
