// str: immutable text stored as UTF-8 with the length in code points (see str.h).
//
// Why UTF-8 and not CPython's 1/2/4-byte kinds: the lexer, the C++ runtime and every I/O path
// speak UTF-8, so names and literals are built without transcoding. The price is O(n) indexing
// for non-ASCII text; ASCII strings (flag `ascii`) index in O(1), iteration keeps a byte cursor,
// and searching works directly on bytes (UTF-8 is self-synchronising, so a byte match of valid
// UTF-8 is a code point match). Byte order of UTF-8 equals code point order, so comparisons are
// memcmp.
//
// Shared immortal strings (static names, the one-character ASCII strings, '') are used by every
// interpreter in the process at once: their hash is computed before they are published and nothing
// in them is ever written afterwards.
#include "runtime/str.h"

#include <malloc.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/str_internal.h"
#include "runtime/unicode.h"

namespace gp {

namespace u = unicode;

// ---- hashing ------------------------------------------------------------------------------------

namespace {

// ---- shared immortal strings -----------------------------------------------------------------

// Same layout as StrObject with room for one character and its NUL.
struct StaticStr {
  Object ob;
  int64_t hash;
  ssize length;
  ssize nbytes;
  bool ascii;
  bool interned;
  char data[2];
};
static_assert(offsetof(StaticStr, hash) == offsetof(StrObject, hash));
static_assert(offsetof(StaticStr, length) == offsetof(StrObject, length));
static_assert(offsetof(StaticStr, nbytes) == offsetof(StrObject, nbytes));
static_assert(offsetof(StaticStr, ascii) == offsetof(StrObject, ascii));
static_assert(offsetof(StaticStr, interned) == offsetof(StrObject, interned));
static_assert(offsetof(StaticStr, data) == offsetof(StrObject, data));

struct StaticStrs {
  StaticStr chars[128];
  StaticStr empty;
};

constexpr StaticStrs make_static_strs() {
  StaticStrs s{};
  for (int c = 0; c < 128; ++c) {
    char d[1] = {static_cast<char>(c)};
    s.chars[c] = StaticStr{{kImmortalRefcnt, &StrType}, hash_data(d, 1), 1, 1, true, true,
                           {static_cast<char>(c), 0}};
  }
  s.empty = StaticStr{{kImmortalRefcnt, &StrType}, hash_data("", 0), 0, 0, true, true, {0, 0}};
  return s;
}

constinit StaticStrs static_strs = make_static_strs();

}  // namespace

int64_t hash_bytes(std::string_view data) { return hash_data(data.data(), data.size()); }

StrObject* str_ascii_char(unsigned char c) {
  return reinterpret_cast<StrObject*>(&static_strs.chars[c & 0x7F]);
}
StrObject* str_empty() { return reinterpret_cast<StrObject*>(&static_strs.empty); }

int64_t str_hash(StrObject* s) {
  if (s->hash != -1) return s->hash;
  int64_t h = hash_data(s->data, static_cast<size_t>(s->nbytes));
  if (!is_immortal(s)) s->hash = h;
  return h;
}

bool str_equal(const StrObject* a, const StrObject* b) {
  if (a == b) return true;
  if (a->nbytes != b->nbytes) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data, b->data, static_cast<size_t>(a->nbytes)) == 0;
}

// ---- construction -------------------------------------------------------------------------------

StrObject* str_alloc(ThreadState* ts, TypeObject* type, ssize nbytes) {
  auto* s = alloc<StrObject>(ts, type, nbytes + 1);
  if (!s) return nullptr;
  s->hash = -1;
  s->nbytes = nbytes;
  s->data[nbytes] = 0;
  return s;
}

StrObject* str_from_known(ThreadState* ts, std::string_view utf8, ssize length, bool ascii) {
  if (utf8.empty()) return str_empty();
  if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80)
    return str_ascii_char(static_cast<unsigned char>(utf8[0]));
  StrObject* s = str_alloc(ts, &StrType, static_cast<ssize>(utf8.size()));
  if (!s) return nullptr;
  std::memcpy(s->data, utf8.data(), utf8.size());
  s->length = length;
  s->ascii = ascii;
  s->interned = false;
  return s;
}

StrObject* str_from(ThreadState* ts, std::string_view utf8) {
  ssize len = 0;
  bool ascii = true;
  for (unsigned char c : utf8) {
    len += (c & 0xC0) != 0x80;
    ascii = ascii && c < 0x80;
  }
  return str_from_known(ts, utf8, len, ascii);
}

// A str of `type` (a str subclass) with the text of s.
StrObject* str_subtype_copy(ThreadState* ts, TypeObject* type, StrObject* s) {
  StrObject* r = str_alloc(ts, type, s->nbytes);
  if (!r) return nullptr;
  std::memcpy(r->data, s->data, static_cast<size_t>(s->nbytes));
  r->length = s->length;
  r->ascii = s->ascii;
  r->interned = false;
  return r;
}

StrObject* str_new_immortal(std::string_view utf8) {
  if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 0x80)
    return str_ascii_char(static_cast<unsigned char>(utf8[0]));
  size_t size = offsetof(StrObject, data) + utf8.size() + 1;
  auto* s = static_cast<StrObject*>(std::calloc(1, size));
  if (!s) std::abort();
  s->refcnt = kImmortalRefcnt;
  s->type = &StrType;
  s->nbytes = static_cast<ssize>(utf8.size());
  std::memcpy(s->data, utf8.data(), utf8.size());
  s->length = static_cast<ssize>(u::utf8_length(utf8));
  s->ascii = u::is_ascii(utf8);
  s->interned = true;
  s->hash = hash_data(s->data, utf8.size());
  return s;
}

StrObject* str_from_codepoint(ThreadState* ts, uint32_t cp) {
  if (cp < 0x80) return str_ascii_char(static_cast<unsigned char>(cp));
  char buf[4];
  int n = u::utf8_encode(cp, buf);
  return str_from_known(ts, std::string_view(buf, static_cast<size_t>(n)), 1, false);
}

StrObject* str_decode_utf8(ThreadState* ts, std::string_view bytes, const char* errors) {
  size_t pos, end;
  const char* reason;
  if (u::utf8_check(bytes, &pos, &end, &reason)) return str_from(ts, bytes);
  return static_cast<StrObject*>(str_decode(ts, bytes, "utf-8", errors));
}

StrObject* str_format(ThreadState* ts, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return str_empty();
  if (static_cast<size_t>(n) < sizeof buf)
    return str_from(ts, std::string_view(buf, static_cast<size_t>(n)));
  std::string big(static_cast<size_t>(n) + 1, '\0');
  va_start(ap, fmt);
  std::vsnprintf(big.data(), big.size(), fmt, ap);
  va_end(ap);
  big.resize(static_cast<size_t>(n));
  return str_from(ts, big);
}

void StrBuilder::append(std::string_view utf8) {
  buf_.append(utf8);
  for (unsigned char c : utf8) {
    length_ += (c & 0xC0) != 0x80;
    ascii_ = ascii_ && c < 0x80;
  }
}

void StrBuilder::append_cp(uint32_t cp) {
  if (cp < 0x80) {
    buf_.push_back(static_cast<char>(cp));
  } else {
    u::utf8_append(buf_, cp);
    ascii_ = false;
  }
  ++length_;
}

void StrBuilder::append_repeat(uint32_t cp, ssize n) {
  if (n <= 0) return;
  if (cp < 0x80) {
    buf_.append(static_cast<size_t>(n), static_cast<char>(cp));
  } else {
    char b[4];
    int k = u::utf8_encode(cp, b);
    for (ssize i = 0; i < n; ++i) buf_.append(b, static_cast<size_t>(k));
    ascii_ = false;
  }
  length_ += n;
}

StrObject* StrBuilder::build(ThreadState* ts) {
  StrObject* s = str_from_known(ts, buf_, length_, ascii_);
  buf_.clear();
  length_ = 0;
  ascii_ = true;
  return s;
}

// ---- interning ----------------------------------------------------------------------------------

bool str_intern_init(ThreadState* ts) {
  Interpreter* interp = ts->interp;
  if (!interp->interned) {
    interp->interned = dict_new(ts);
    if (!interp->interned) return false;
  }
  DictObject* d = interp->interned;
  if (dict_size(d) != 0) return true;
#define GP_ADD_NAME(n) \
  if (names.n && !dict_set(ts, d, names.n, names.n)) return false;
  GP_STATIC_NAMES(GP_ADD_NAME)
#undef GP_ADD_NAME
#define GP_ADD_ALIASED(field, text) \
  if (names.field && !dict_set(ts, d, names.field, names.field)) return false;
  GP_STATIC_NAMES_ALIASED(GP_ADD_ALIASED)
#undef GP_ADD_ALIASED
  return true;
}

StrObject* intern(ThreadState* ts, std::string_view text) {
  if (text.empty()) return str_empty();
  if (text.size() == 1 && static_cast<unsigned char>(text[0]) < 0x80)
    return str_ascii_char(static_cast<unsigned char>(text[0]));
  StrObject* s = str_from(ts, text);
  if (!s) return nullptr;
  return intern_str(ts, s);
}

StrObject* intern_str(ThreadState* ts, StrObject* s) {
  if (s->interned || !is_str_exact(s)) return s;
  if (s->nbytes == 0) {
    decref(s);
    return str_empty();
  }
  if (s->nbytes == 1 && s->ascii) {
    StrObject* c = str_ascii_char(static_cast<unsigned char>(s->data[0]));
    decref(s);
    return c;
  }
  if ((!ts->interp->interned || dict_size(ts->interp->interned) == 0) && !str_intern_init(ts)) {
    clear_exc(ts);
    return s;
  }
  DictObject* d = ts->interp->interned;
  str_hash(s);
  Object* found = dict_get_str(ts, d, s);
  if (found) {
    incref(found);
    decref(s);
    return static_cast<StrObject*>(found);
  }
  if (!dict_set(ts, d, s, s)) {
    clear_exc(ts);
    return s;
  }
  if (!is_immortal(s)) s->interned = true;
  return s;
}

// ---- indexing helpers ---------------------------------------------------------------------------

ssize str_byte_offset(const StrObject* s, ssize i) {
  if (s->ascii) return i;
  if (i >= s->length) return s->nbytes;
  // Walk from whichever end is nearer.
  std::string_view v(s->data, static_cast<size_t>(s->nbytes));
  if (i <= s->length / 2) return static_cast<ssize>(u::utf8_offset(v, static_cast<size_t>(i)));
  size_t pos = v.size();
  for (ssize k = s->length; k > i; --k) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(v[pos]) & 0xC0) == 0x80) --pos;
  }
  return static_cast<ssize>(pos);
}

// Code point index of byte offset b.
ssize str_cp_index(const StrObject* s, ssize b) {
  if (s->ascii) return b;
  return static_cast<ssize>(u::utf8_length(std::string_view(s->data, static_cast<size_t>(b))));
}

uint32_t str_char_at(const StrObject* s, ssize i) {
  if (s->ascii) return static_cast<unsigned char>(s->data[i]);
  size_t off = static_cast<size_t>(str_byte_offset(s, i));
  return u::utf8_next(std::string_view(s->data, static_cast<size_t>(s->nbytes)), off);
}

StrObject* str_substr(ThreadState* ts, StrObject* s, ssize start, ssize stop) {
  if (start < 0) start = 0;
  if (stop > s->length) stop = s->length;
  if (start >= stop) return str_empty();
  if (start == 0 && stop == s->length && is_str_exact(s)) return newref(s);
  ssize b0 = str_byte_offset(s, start);
  ssize b1 = s->ascii
                 ? stop
                 : b0 + static_cast<ssize>(u::utf8_offset(
                            std::string_view(s->data + b0, static_cast<size_t>(s->nbytes - b0)),
                            static_cast<size_t>(stop - start)));
  std::string_view piece(s->data + b0, static_cast<size_t>(b1 - b0));
  return str_from_known(ts, piece, stop - start, s->ascii || u::is_ascii(piece));
}

StrObject* str_concat(ThreadState* ts, Object* a, Object* b) {
  auto* x = static_cast<StrObject*>(a);
  auto* y = static_cast<StrObject*>(b);
  if (y->nbytes == 0 && is_str_exact(a)) return newref(x);
  if (x->nbytes == 0 && is_str_exact(b)) return newref(y);
  ssize n = x->nbytes + y->nbytes;
  StrObject* r = str_alloc(ts, &StrType, n);
  if (!r) return nullptr;
  std::memcpy(r->data, x->data, static_cast<size_t>(x->nbytes));
  std::memcpy(r->data + x->nbytes, y->data, static_cast<size_t>(y->nbytes));
  r->length = x->length + y->length;
  r->ascii = x->ascii && y->ascii;
  r->interned = false;
  return r;
}

Object* str_concat_inplace(ThreadState* ts, Object* a, Object* b) {
  auto* x = static_cast<StrObject*>(a);
  auto* y = static_cast<StrObject*>(b);
  if (a->refcnt != 1 || !is_str_exact(a) || x->interned || a == b || x->nbytes == 0 ||
      y->nbytes == 0) {
    Object* r = str_concat(ts, a, b);
    decref(a);
    return r;
  }
  // Exact str instances are one plain malloc block starting at the object (no GC header, no
  // __dict__ prefix), so the block can grow with realloc, with spare room from a 1.5x growth.
  size_t need = offsetof(StrObject, data) + static_cast<size_t>(x->nbytes + y->nbytes) + 1;
  if (malloc_usable_size(a) < need) {
    size_t want = need + need / 2;
    auto* grown = static_cast<StrObject*>(std::realloc(a, want));
    if (!grown) {
      decref(a);
      return raise_with(ts, &exc::MemoryError, nullptr);
    }
    x = grown;
  }
  std::memcpy(x->data + x->nbytes, y->data, static_cast<size_t>(y->nbytes));
  x->nbytes += y->nbytes;
  x->data[x->nbytes] = 0;
  x->length += y->length;
  x->ascii = x->ascii && y->ascii;
  x->hash = -1;
  return x;
}

// ---- repr ---------------------------------------------------------------------------------------

static void append_hex(std::string& out, uint32_t v, int digits) {
  static const char hex[] = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) out.push_back(hex[(v >> (4 * i)) & 0xF]);
}

static void append_escaped_cp(std::string& out, uint32_t cp) {
  if (cp <= 0xFF) {
    out += "\\x";
    append_hex(out, cp, 2);
  } else if (cp <= 0xFFFF) {
    out += "\\u";
    append_hex(out, cp, 4);
  } else {
    out += "\\U";
    append_hex(out, cp, 8);
  }
}

std::string str_repr_text(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back(quote);
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (b == static_cast<unsigned char>(quote) || b == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(b));
      } else if (b == '\t') {
        out += "\\t";
      } else if (b == '\n') {
        out += "\\n";
      } else if (b == '\r') {
        out += "\\r";
      } else if (b < ' ' || b == 0x7F) {
        out += "\\x";
        append_hex(out, b, 2);
      } else {
        out.push_back(static_cast<char>(b));
      }
      continue;
    }
    size_t start = i;
    uint32_t cp = u::utf8_next(s, i);
    if (u::is_printable(cp))
      out.append(s.substr(start, i - start));
    else
      append_escaped_cp(out, cp);
  }
  out.push_back(quote);
  return out;
}

std::string str_ascii_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    append_escaped_cp(out, u::utf8_next(s, i));
  }
  return out;
}

Object* str_repr(ThreadState* ts, Object* o) { return str_from(ts, str_repr_text(str_view(o))); }

// ---- argument helpers (shared with str_format.cpp / bytes.cpp via str_internal.h) ---------------

bool slice_index_arg(ThreadState* ts, Object* o, ssize* out) {
  if (!o || is_none(o)) return true;
  if (is_int(o) && int_is_small(o)) {
    *out = static_cast<IntObject*>(o)->value;
    return true;
  }
  if (!o->type->nb_index) {
    raise(ts, &exc::TypeError,
          "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Object* v = number_index(ts, o);
  if (!v) return false;
  int64_t x;
  if (!int_to_i64(v, &x)) x = int_sign(v) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  decref(v);
  *out = static_cast<ssize>(x);
  return true;
}

void adjust_indices(ssize* start, ssize* end, ssize len) {
  if (*end > len)
    *end = len;
  else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

bool index_arg(ThreadState* ts, Object* o, ssize* out) {
  if (is_int(o) && int_is_small(o)) {
    *out = static_cast<IntObject*>(o)->value;
    return true;
  }
  return index_as_ssize(ts, o, out);
}

namespace {

inline StrObject* S(Object* o) { return static_cast<StrObject*>(o); }
inline std::string_view V(const StrObject* s) { return {s->data, static_cast<size_t>(s->nbytes)}; }

Object* new_str_result(ThreadState* ts, Object* self, std::string_view text) {
  // Methods return self unchanged (exact str) when nothing changed, as CPython does.
  if (is_str_exact(self) && text.size() == static_cast<size_t>(S(self)->nbytes) &&
      std::memcmp(text.data(), S(self)->data, text.size()) == 0)
    return newref(self);
  return str_from(ts, text);
}

// Returns `self` as an exact str (new ref).
Object* exact_copy(ThreadState* ts, Object* self) {
  if (is_str_exact(self)) return newref(self);
  StrObject* s = S(self);
  return str_from_known(ts, V(s), s->length, s->ascii);
}

#define STR_METHOD(fn) \
  Object* fn(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kwnames)

// ---- slots --------------------------------------------------------------------------------------

void str_dealloc(Object* o) { free_object(o); }

Object* str_str_slot(ThreadState* ts, Object* o) { return exact_copy(ts, o); }

int64_t str_hash_slot(ThreadState*, Object* o) { return str_hash(S(o)); }

Object* str_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_str(a) || !is_str(b)) return not_implemented();
  StrObject* x = S(a);
  StrObject* y = S(b);
  if (op == CmpOp::EQ) return bool_from(str_equal(x, y));
  if (op == CmpOp::NE) return bool_from(!str_equal(x, y));
  size_t n = static_cast<size_t>(x->nbytes < y->nbytes ? x->nbytes : y->nbytes);
  int c = std::memcmp(x->data, y->data, n);
  if (c == 0) c = x->nbytes < y->nbytes ? -1 : x->nbytes > y->nbytes ? 1 : 0;
  bool r = false;
  switch (op) {
    case CmpOp::LT:
      r = c < 0;
      break;
    case CmpOp::LE:
      r = c <= 0;
      break;
    case CmpOp::GT:
      r = c > 0;
      break;
    case CmpOp::GE:
      r = c >= 0;
      break;
    default:
      break;
  }
  return bool_from(r);
}

ssize str_len_slot(ThreadState*, Object* o) { return S(o)->length; }
int str_bool_slot(ThreadState*, Object* o) { return S(o)->nbytes != 0; }

int str_contains_slot(ThreadState* ts, Object* o, Object* item) {
  if (!is_str(item)) {
    raise(ts, &exc::TypeError, "'in <string>' requires string as left operand, not %s",
          type_name(item));
    return -1;
  }
  return V(S(o)).find(V(S(item))) != std::string_view::npos;
}

Object* str_item(ThreadState* ts, StrObject* s, ssize i) {
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return raise(ts, &exc::IndexError, "string index out of range");
  if (s->ascii) return str_ascii_char(static_cast<unsigned char>(s->data[i]));
  return str_from_codepoint(ts, str_char_at(s, i));
}

Object* str_getitem_slot(ThreadState* ts, Object* o, Object* key) {
  StrObject* s = S(o);
  if (is_int(key) && int_is_small(key)) return str_item(ts, s, static_cast<IntObject*>(key)->value);
  if (is_slice(key)) {
    ssize start, stop, step, n;
    if (!slice_indices(ts, key, s->length, &start, &stop, &step, &n)) return nullptr;
    if (n <= 0) return str_empty();
    if (step == 1) return str_substr(ts, s, start, start + n);
    if (s->ascii) {
      std::string out;
      out.reserve(static_cast<size_t>(n));
      for (ssize k = 0, j = start; k < n; ++k, j += step) out.push_back(s->data[j]);
      return str_from_known(ts, out, n, true);
    }
    std::vector<uint32_t> cps;
    cps.reserve(static_cast<size_t>(s->length));
    std::string_view v = V(s);
    for (size_t i = 0; i < v.size();) cps.push_back(u::utf8_next(v, i));
    StrBuilder b;
    for (ssize k = 0, j = start; k < n; ++k, j += step) b.append_cp(cps[static_cast<size_t>(j)]);
    return b.build(ts);
  }
  if (key->type->nb_index) {
    ssize i;
    if (!index_as_ssize(ts, key, &i)) {
      if (!exc_matches(ts, &exc::OverflowError)) return nullptr;
      clear_exc(ts);
      return raise(ts, &exc::IndexError, "cannot fit 'int' into an index-sized integer");
    }
    return str_item(ts, s, i);
  }
  return raise(ts, &exc::TypeError, "string indices must be integers, not '%s'", type_name(key));
}

// Concatenation: the left operand's slot; `x + "s"` with x's type defining __radd__ goes there.
Object* str_add_slot(ThreadState* ts, Object* a, Object* b) {
  if (!is_str(a)) return not_implemented();
  if (!is_str(b)) {
    binaryfunc other = b->type->nb[int(BinOp::Add)];
    if (other && other != a->type->nb[int(BinOp::Add)]) {
      Object* r = other(ts, a, b);
      if (r != not_implemented()) return r;
    }
    return raise(ts, &exc::TypeError, "can only concatenate str (not \"%s\") to str", type_name(b));
  }
  return str_concat(ts, a, b);
}

Object* str_repeat(ThreadState* ts, StrObject* s, ssize n) {
  if (n <= 0 || s->nbytes == 0) return str_empty();
  if (n == 1 && is_str_exact(s)) return newref(s);
  if (s->nbytes > (PTRDIFF_MAX / 2) / n)
    return raise(ts, &exc::OverflowError, "repeated string is too long");
  ssize total = s->nbytes * n;
  StrObject* r = str_alloc(ts, &StrType, total);
  if (!r) return nullptr;
  if (s->nbytes == 1) {
    std::memset(r->data, s->data[0], static_cast<size_t>(total));
  } else {
    std::memcpy(r->data, s->data, static_cast<size_t>(s->nbytes));
    ssize done = s->nbytes;
    while (done < total) {
      ssize k = done < total - done ? done : total - done;
      std::memcpy(r->data + done, r->data, static_cast<size_t>(k));
      done += k;
    }
  }
  r->length = s->length * n;
  r->ascii = s->ascii;
  r->interned = false;
  return r;
}

Object* str_mul_slot(ThreadState* ts, Object* a, Object* b) {
  Object* seq = is_str(a) ? a : b;
  Object* count = is_str(a) ? b : a;
  if (!count->type->nb_index) {
    if (seq == a) {
      binaryfunc other = b->type->nb[int(BinOp::Mul)];
      if (other && other != a->type->nb[int(BinOp::Mul)]) {
        Object* r = other(ts, a, b);
        if (r != not_implemented()) return r;
      }
    }
    return raise(ts, &exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                 type_name(count));
  }
  ssize n;
  if (!index_as_ssize(ts, count, &n)) {
    if (exc_matches(ts, &exc::OverflowError)) {
      clear_exc(ts);
      return raise(ts, &exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    return nullptr;
  }
  return str_repeat(ts, S(seq), n);
}

Object* str_mod_slot(ThreadState* ts, Object* a, Object* b) {
  if (!is_str(a)) return not_implemented();
  return str_mod_format(ts, a, b);
}

// ---- iterator -----------------------------------------------------------------------------------

struct StrIterObject : Object {
  StrObject* s;  // owned; nullptr when exhausted
  ssize pos;     // byte offset
  ssize index;   // code point index
};

Object* str_iter_slot(ThreadState* ts, Object* o) {
  auto* it = alloc<StrIterObject>(ts, S(o)->ascii ? &StrAsciiIterType : &StrIterType);
  if (!it) return nullptr;
  it->s = newref(S(o));
  it->pos = 0;
  it->index = 0;
  return it;
}

void striter_dealloc(Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  clearref(it->s);
  free_object(o);
}

Object* striter_self(ThreadState*, Object* o) { return newref(o); }

Object* striter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  StrObject* s = it->s;
  if (!s) return nullptr;
  if (it->pos >= s->nbytes) {
    clearref(it->s);
    return nullptr;
  }
  unsigned char b = static_cast<unsigned char>(s->data[it->pos]);
  ++it->index;
  if (b < 0x80) {
    ++it->pos;
    return str_ascii_char(b);
  }
  int n = u::utf8_seq_len(b);
  std::string_view piece(s->data + it->pos, static_cast<size_t>(n));
  it->pos += n;
  return str_from_known(ts, piece, 1, false);
}

Object* striter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* it = static_cast<StrIterObject*>(self);
  return int_from(ts, it->s ? it->s->length - it->index : 0);
}

const MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- constructor --------------------------------------------------------------------------------

Object* str_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(ts, "str", args, nargs, kwnames, {"object", "encoding", "errors"}, 0, a))
    return nullptr;
  Ref<Object> res;
  if (a[1] || a[2]) {
    const char* enc = "utf-8";
    const char* errors = "strict";
    if (a[1]) {
      if (!is_str(a[1]))
        return raise(ts, &exc::TypeError, "str() argument 'encoding' must be str, not %s",
                     type_name(a[1]));
      enc = str_cstr(a[1]);
    }
    if (a[2]) {
      if (!is_str(a[2]))
        return raise(ts, &exc::TypeError, "str() argument 'errors' must be str, not %s",
                     type_name(a[2]));
      errors = str_cstr(a[2]);
    }
    if (!a[0]) {
      res = Ref<Object>::steal(str_empty());
    } else {
      if (is_str(a[0])) return raise(ts, &exc::TypeError, "decoding str is not supported");
      std::string_view data;
      if (!is_bytes(a[0]) && !is_bytearray(a[0]))
        return raise(ts, &exc::TypeError, "decoding to str: need a bytes-like object, %s found",
                     type_name(a[0]));
      if (!buffer_view(ts, a[0], &data)) return nullptr;
      res = Ref<Object>::steal(str_decode(ts, data, enc, errors));
    }
  } else if (a[0]) {
    res = Ref<Object>::steal(str(ts, a[0]));
  } else {
    res = Ref<Object>::steal(str_empty());
  }
  if (!res) return nullptr;
  if (type == &StrType) return res.release();
  return str_subtype_copy(ts, type, S(res.get()));
}

// ---- methods: searching -------------------------------------------------------------------------

// Parses (sub[, start[, end]]) for find/index/count/...; converts the range to byte offsets.
struct FindArgs {
  StrObject* sub;
  ssize start, end;    // code points, adjusted
  ssize bstart, bend;  // byte offsets
};

bool parse_find(ThreadState* ts, const char* fname, Object* self, Object* const* args, size_t nargs,
                TupleObject* kwnames, FindArgs* fa, bool sub_must_be_str = true) {
  if (!no_kwargs(ts, fname, kwnames)) return false;
  if (nargs < 1 || nargs > 3) {
    if (nargs < 1)
      raise(ts, &exc::TypeError, "%s() takes at least 1 argument (0 given)", fname);
    else
      raise(ts, &exc::TypeError, "%s() takes at most 3 arguments (%zu given)", fname, nargs);
    return false;
  }
  if (sub_must_be_str && !is_str(args[0])) {
    raise(ts, &exc::TypeError, "must be str, not %s", type_name(args[0]));
    return false;
  }
  fa->sub = S(args[0]);
  StrObject* s = S(self);
  fa->start = 0;
  fa->end = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index_arg(ts, args[1], &fa->start)) return false;
  if (nargs > 2 && !slice_index_arg(ts, args[2], &fa->end)) return false;
  adjust_indices(&fa->start, &fa->end, s->length);
  if (fa->start > s->length) {
    fa->bstart = fa->bend = -1;
    return true;
  }
  fa->bstart = str_byte_offset(s, fa->start);
  fa->bend = fa->end <= fa->start ? fa->bstart : str_byte_offset(s, fa->end);
  return true;
}

}  // namespace

// Byte offset of the first/last occurrence or -1.
ssize find_bytes(std::string_view hay, std::string_view needle, bool reverse) {
  if (needle.size() > hay.size()) return -1;
  size_t r = reverse ? hay.rfind(needle) : hay.find(needle);
  return r == std::string_view::npos ? -1 : static_cast<ssize>(r);
}

namespace {

ssize str_find_impl(StrObject* s, const FindArgs& fa, bool reverse) {
  if (fa.bstart < 0 || fa.end - fa.start < fa.sub->length) return -1;
  std::string_view hay(s->data + fa.bstart, static_cast<size_t>(fa.bend - fa.bstart));
  ssize r = find_bytes(hay, V(fa.sub), reverse);
  if (r < 0) return -1;
  return str_cp_index(s, fa.bstart + r);
}

STR_METHOD(str_find) {
  FindArgs fa;
  if (!parse_find(ts, "find", self, args, nargs, kwnames, &fa)) return nullptr;
  return int_from(ts, str_find_impl(S(self), fa, false));
}
STR_METHOD(str_rfind) {
  FindArgs fa;
  if (!parse_find(ts, "rfind", self, args, nargs, kwnames, &fa)) return nullptr;
  return int_from(ts, str_find_impl(S(self), fa, true));
}
STR_METHOD(str_index) {
  FindArgs fa;
  if (!parse_find(ts, "index", self, args, nargs, kwnames, &fa)) return nullptr;
  ssize r = str_find_impl(S(self), fa, false);
  if (r < 0) return raise(ts, &exc::ValueError, "substring not found");
  return int_from(ts, r);
}
STR_METHOD(str_rindex) {
  FindArgs fa;
  if (!parse_find(ts, "rindex", self, args, nargs, kwnames, &fa)) return nullptr;
  ssize r = str_find_impl(S(self), fa, true);
  if (r < 0) return raise(ts, &exc::ValueError, "substring not found");
  return int_from(ts, r);
}

}  // namespace

ssize count_bytes(std::string_view hay, std::string_view needle, ssize maxcount) {
  ssize n = 0;
  size_t pos = 0;
  while (n < maxcount) {
    size_t r = hay.find(needle, pos);
    if (r == std::string_view::npos) break;
    ++n;
    pos = r + needle.size();
  }
  return n;
}

namespace {

STR_METHOD(str_count) {
  FindArgs fa;
  if (!parse_find(ts, "count", self, args, nargs, kwnames, &fa)) return nullptr;
  if (fa.bstart < 0 || fa.end - fa.start < fa.sub->length) return int_from(ts, 0);
  if (fa.sub->nbytes == 0) return int_from(ts, fa.end - fa.start + 1);
  std::string_view hay(S(self)->data + fa.bstart, static_cast<size_t>(fa.bend - fa.bstart));
  return int_from(ts, count_bytes(hay, V(fa.sub), PTRDIFF_MAX));
}

Object* starts_ends(ThreadState* ts, const char* fname, Object* self, Object* const* args,
                    size_t nargs, TupleObject* kwnames, bool ends) {
  FindArgs fa;
  if (!parse_find(ts, fname, self, args, nargs, kwnames, &fa, false)) return nullptr;
  StrObject* s = S(self);
  auto test = [&](StrObject* sub) {
    if (fa.bstart < 0) return false;
    if (fa.end - fa.start < sub->length) return false;
    std::string_view hay(s->data + fa.bstart, static_cast<size_t>(fa.bend - fa.bstart));
    return ends ? hay.ends_with(V(sub)) : hay.starts_with(V(sub));
  };
  Object* arg = args[0];
  if (is_tuple(arg)) {
    for (ssize i = 0; i < tuple_size(arg); ++i) {
      Object* item = tuple_item(arg, i);
      if (!is_str(item))
        return raise(ts, &exc::TypeError, "tuple for %s must only contain str, not %s", fname,
                     type_name(item));
      if (test(S(item))) return bool_from(true);
    }
    return bool_from(false);
  }
  if (!is_str(arg))
    return raise(ts, &exc::TypeError, "%s first arg must be str or a tuple of str, not %s", fname,
                 type_name(arg));
  return bool_from(test(S(arg)));
}

STR_METHOD(str_startswith) {
  return starts_ends(ts, "startswith", self, args, nargs, kwnames, false);
}
STR_METHOD(str_endswith) { return starts_ends(ts, "endswith", self, args, nargs, kwnames, true); }

// ---- methods: splitting / joining ---------------------------------------------------------------

bool parse_split(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
                 TupleObject* kwnames, Object** sep, ssize* maxsplit) {
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(ts, fname, args, nargs, kwnames, {"sep", "maxsplit"}, 0, a)) return false;
  *sep = (a[0] && !is_none(a[0])) ? a[0] : nullptr;
  *maxsplit = -1;
  if (a[1] && !index_arg(ts, a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = PTRDIFF_MAX;
  if (*sep) {
    if (!is_str(*sep)) {
      raise(ts, &exc::TypeError, "must be str or None, not %s", type_name(*sep));
      return false;
    }
    if (S(*sep)->nbytes == 0) {
      raise(ts, &exc::ValueError, "empty separator");
      return false;
    }
  }
  return true;
}

bool push_piece(ThreadState* ts, ListObject* l, Object* self, std::string_view piece) {
  Object* p;
  if (piece.size() == static_cast<size_t>(S(self)->nbytes) && is_str_exact(self))
    p = newref(self);
  else
    p = str_from(ts, piece);
  if (!p) return false;
  bool ok = list_append(ts, l, p);
  decref(p);
  return ok;
}

// Whitespace at byte i (advances len to its byte length), for split()/strip() with no argument.
inline bool space_at(std::string_view v, size_t i, size_t* len) {
  unsigned char b = static_cast<unsigned char>(v[i]);
  if (b < 0x80) {
    *len = 1;
    return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
  }
  size_t j = i;
  uint32_t cp = u::utf8_next(v, j);
  *len = j - i;
  return u::is_space(cp);
}

// Whitespace ending just before byte i.
inline bool space_before(std::string_view v, size_t i, size_t* len) {
  size_t j = i;
  uint32_t cp = u::utf8_prev(v, j);
  *len = i - j;
  return u::is_space(cp);
}

STR_METHOD(str_split) {
  Object* sep;
  ssize maxsplit;
  if (!parse_split(ts, "split", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
  std::string_view v = V(S(self));
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  if (sep) {
    std::string_view sv = V(S(sep));
    size_t pos = 0;
    ssize splits = 0;
    while (splits < maxsplit) {
      size_t r = v.find(sv, pos);
      if (r == std::string_view::npos) break;
      if (!push_piece(ts, l.get(), self, v.substr(pos, r - pos))) return nullptr;
      pos = r + sv.size();
      ++splits;
    }
    if (!push_piece(ts, l.get(), self, v.substr(pos))) return nullptr;
    return l.release();
  }
  size_t i = 0, n = v.size(), len;
  ssize splits = 0;
  while (true) {
    while (i < n && space_at(v, i, &len)) i += len;
    if (i >= n) break;
    if (splits >= maxsplit) {
      // The rest (with trailing whitespace kept) is the last item.
      if (!push_piece(ts, l.get(), self, v.substr(i))) return nullptr;
      break;
    }
    size_t j = i;
    while (j < n && !space_at(v, j, &len)) j += len;
    if (!push_piece(ts, l.get(), self, v.substr(i, j - i))) return nullptr;
    ++splits;
    i = j;
  }
  return l.release();
}

bool list_reverse_inplace(ListObject* l) {
  for (ssize i = 0, j = l->size - 1; i < j; ++i, --j) std::swap(l->items[i], l->items[j]);
  return true;
}

STR_METHOD(str_rsplit) {
  Object* sep;
  ssize maxsplit;
  if (!parse_split(ts, "rsplit", args, nargs, kwnames, &sep, &maxsplit)) return nullptr;
  std::string_view v = V(S(self));
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  if (sep) {
    std::string_view sv = V(S(sep));
    size_t end = v.size();
    ssize splits = 0;
    while (splits < maxsplit && end >= sv.size()) {
      size_t r = v.substr(0, end).rfind(sv);
      if (r == std::string_view::npos) break;
      if (!push_piece(ts, l.get(), self, v.substr(r + sv.size(), end - r - sv.size())))
        return nullptr;
      end = r;
      ++splits;
    }
    if (!push_piece(ts, l.get(), self, v.substr(0, end))) return nullptr;
    list_reverse_inplace(l.get());
    return l.release();
  }
  size_t i = v.size(), len;
  ssize splits = 0;
  while (true) {
    while (i > 0 && space_before(v, i, &len)) i -= len;
    if (i == 0) break;
    if (splits >= maxsplit) {
      if (!push_piece(ts, l.get(), self, v.substr(0, i))) return nullptr;
      break;
    }
    size_t j = i;
    while (j > 0 && !space_before(v, j, &len)) j -= len;
    if (!push_piece(ts, l.get(), self, v.substr(j, i - j))) return nullptr;
    ++splits;
    i = j;
  }
  list_reverse_inplace(l.get());
  return l.release();
}

STR_METHOD(str_splitlines) {
  Object* a[1] = {nullptr};
  if (!parse_args(ts, "splitlines", args, nargs, kwnames, {"keepends"}, 0, a)) return nullptr;
  bool keepends = false;
  if (a[0]) {
    int t = truthy(ts, a[0]);
    if (t < 0) return nullptr;
    keepends = t;
  }
  std::string_view v = V(S(self));
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  size_t i = 0, n = v.size();
  while (i < n) {
    size_t start = i;
    size_t eol = n, next = n;
    while (i < n) {
      unsigned char b = static_cast<unsigned char>(v[i]);
      if (b < 0x80) {
        if (b == '\n' || b == '\r' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1E)) {
          eol = i;
          next = i + 1;
          if (b == '\r' && i + 1 < n && v[i + 1] == '\n') next = i + 2;
          break;
        }
        ++i;
        continue;
      }
      size_t j = i;
      uint32_t cp = u::utf8_next(v, j);
      if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
        eol = i;
        next = j;
        break;
      }
      i = j;
    }
    if (i >= n) {
      eol = next = n;
    }
    if (!push_piece(ts, l.get(), self, v.substr(start, (keepends ? next : eol) - start)))
      return nullptr;
    i = next;
  }
  return l.release();
}

}  // namespace

Object* str_join(ThreadState* ts, Object* sep, Object* iterable) {
  Ref<Object> seq;
  if (is_list_exact(iterable) || is_tuple_exact(iterable)) {
    seq = Ref<Object>::borrow(iterable);
  } else {
    // As PySequence_Fast: any iterable (also one with only __getitem__); a TypeError from
    // iter() becomes "can only join an iterable".
    Ref<> it = Ref<>::steal(get_iter(ts, iterable));
    if (!it) {
      if (exc_matches(ts, &exc::TypeError)) {
        clear_exc(ts);
        return raise(ts, &exc::TypeError, "can only join an iterable");
      }
      return nullptr;
    }
    seq = Ref<Object>::steal(list_from_iterable(ts, it.get()));
    if (!seq) return nullptr;
  }
  Object* const* items;
  ssize n;
  if (is_list(seq.get())) {
    items = static_cast<ListObject*>(seq.get())->items;
    n = list_size(seq.get());
  } else {
    items = static_cast<TupleObject*>(seq.get())->items;
    n = tuple_size(seq.get());
  }
  if (n == 0) return str_empty();
  if (n == 1 && is_str_exact(items[0])) return newref(items[0]);
  StrObject* s = S(sep);
  size_t total = 0;
  ssize length = 0;
  bool ascii = s->ascii;
  for (ssize i = 0; i < n; ++i) {
    if (!is_str(items[i]))
      return raise(ts, &exc::TypeError, "sequence item %zd: expected str instance, %s found", i,
                   type_name(items[i]));
    total += static_cast<size_t>(S(items[i])->nbytes);
    length += S(items[i])->length;
    ascii = ascii && S(items[i])->ascii;
  }
  total += static_cast<size_t>(s->nbytes) * static_cast<size_t>(n - 1);
  length += s->length * (n - 1);
  StrObject* r = str_alloc(ts, &StrType, static_cast<ssize>(total));
  if (!r) return nullptr;
  char* p = r->data;
  for (ssize i = 0; i < n; ++i) {
    if (i && s->nbytes) {
      std::memcpy(p, s->data, static_cast<size_t>(s->nbytes));
      p += s->nbytes;
    }
    StrObject* it = S(items[i]);
    std::memcpy(p, it->data, static_cast<size_t>(it->nbytes));
    p += it->nbytes;
  }
  r->length = length;
  r->ascii = ascii;
  r->interned = false;
  return r;
}

namespace {

STR_METHOD(str_join_method) {
  if (!no_kwargs(ts, "join", kwnames) || !check_nargs(ts, "join", nargs, 1, 1)) return nullptr;
  return str_join(ts, self, args[0]);
}

Object* partition_impl(ThreadState* ts, Object* self, Object* sepo, bool reverse) {
  if (!is_str(sepo)) return raise(ts, &exc::TypeError, "must be str, not %s", type_name(sepo));
  std::string_view v = V(S(self)), sv = V(S(sepo));
  if (sv.empty()) return raise(ts, &exc::ValueError, "empty separator");
  size_t r = reverse ? v.rfind(sv) : v.find(sv);
  Ref<Object> a, b, c;
  if (r == std::string_view::npos) {
    if (reverse) {
      a = Ref<Object>::steal(str_empty());
      b = Ref<Object>::steal(str_empty());
      c = Ref<Object>::steal(exact_copy(ts, self));
    } else {
      a = Ref<Object>::steal(exact_copy(ts, self));
      b = Ref<Object>::steal(str_empty());
      c = Ref<Object>::steal(str_empty());
    }
  } else {
    a = Ref<Object>::steal(str_from(ts, v.substr(0, r)));
    b = Ref<Object>::steal(exact_copy(ts, sepo));
    c = Ref<Object>::steal(str_from(ts, v.substr(r + sv.size())));
  }
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

STR_METHOD(str_partition) {
  if (!no_kwargs(ts, "partition", kwnames) || !check_nargs(ts, "partition", nargs, 1, 1))
    return nullptr;
  return partition_impl(ts, self, args[0], false);
}
STR_METHOD(str_rpartition) {
  if (!no_kwargs(ts, "rpartition", kwnames) || !check_nargs(ts, "rpartition", nargs, 1, 1))
    return nullptr;
  return partition_impl(ts, self, args[0], true);
}

// ---- methods: strip / replace ------------------------------------------------------------------

// how: 1 left, 2 right, 3 both.
Object* strip_impl(ThreadState* ts, const char* fname, Object* self, Object* const* args,
                   size_t nargs, TupleObject* kwnames, int how) {
  if (!no_kwargs(ts, fname, kwnames) || !check_nargs(ts, fname, nargs, 0, 1)) return nullptr;
  std::string_view v = V(S(self));
  size_t i = 0, j = v.size(), len;
  if (nargs == 0 || is_none(args[0])) {
    if (how & 1)
      while (i < j && space_at(v, i, &len)) i += len;
    if (how & 2)
      while (j > i && space_before(v, j, &len)) j -= len;
  } else {
    if (!is_str(args[0])) return raise(ts, &exc::TypeError, "%s arg must be None or str", fname);
    StrObject* chars = S(args[0]);
    std::string_view cv = V(chars);
    std::vector<uint32_t> set;
    if (!chars->ascii)
      for (size_t k = 0; k < cv.size();) set.push_back(u::utf8_next(cv, k));
    auto in_set = [&](uint32_t cp) {
      if (chars->ascii)
        return cp < 0x80 && cv.find(static_cast<char>(cp)) != std::string_view::npos;
      for (uint32_t c : set)
        if (c == cp) return true;
      return false;
    };
    if (how & 1)
      while (i < j) {
        size_t k = i;
        uint32_t cp = u::utf8_next(v, k);
        if (!in_set(cp)) break;
        i = k;
      }
    if (how & 2)
      while (j > i) {
        size_t k = j;
        uint32_t cp = u::utf8_prev(v, k);
        if (!in_set(cp)) break;
        j = k;
      }
  }
  return new_str_result(ts, self, v.substr(i, j - i));
}

STR_METHOD(str_strip) { return strip_impl(ts, "strip", self, args, nargs, kwnames, 3); }
STR_METHOD(str_lstrip) { return strip_impl(ts, "lstrip", self, args, nargs, kwnames, 1); }
STR_METHOD(str_rstrip) { return strip_impl(ts, "rstrip", self, args, nargs, kwnames, 2); }

STR_METHOD(str_replace) {
  if (!no_kwargs(ts, "replace", kwnames)) return nullptr;
  if (nargs < 2 || nargs > 3)
    return raise(ts, &exc::TypeError, "replace expected %s arguments, got %zu",
                 nargs < 2 ? "at least 2" : "at most 3", nargs);
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "replace() argument 1 must be str, not %s",
                 type_name(args[0]));
  if (!is_str(args[1]))
    return raise(ts, &exc::TypeError, "replace() argument 2 must be str, not %s",
                 type_name(args[1]));
  ssize count = -1;
  if (nargs > 2 && !index_arg(ts, args[2], &count)) return nullptr;
  if (count < 0) count = PTRDIFF_MAX;
  StrObject* s = S(self);
  std::string_view v = V(s), old = V(S(args[0])), rep = V(S(args[1]));
  if (count == 0) return exact_copy(ts, self);
  std::string out;
  if (old.empty()) {
    ssize done = 0;
    size_t i = 0;
    out.reserve(v.size() + rep.size() * static_cast<size_t>(s->length + 1));
    while (true) {
      if (done < count) {
        out.append(rep);
        ++done;
      }
      if (i >= v.size()) break;
      size_t k = i + static_cast<size_t>(u::utf8_seq_len(static_cast<unsigned char>(v[i])));
      out.append(v.substr(i, k - i));
      i = k;
    }
    return str_from(ts, out);
  }
  size_t pos = 0;
  ssize done = 0;
  bool any = false;
  while (done < count) {
    size_t r = v.find(old, pos);
    if (r == std::string_view::npos) break;
    out.append(v.substr(pos, r - pos));
    out.append(rep);
    pos = r + old.size();
    ++done;
    any = true;
  }
  if (!any) return exact_copy(ts, self);
  out.append(v.substr(pos));
  return str_from(ts, out);
}

STR_METHOD(str_removeprefix) {
  if (!no_kwargs(ts, "removeprefix", kwnames) || !check_nargs(ts, "removeprefix", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "removeprefix() argument must be str, not %s",
                 type_name(args[0]));
  std::string_view v = V(S(self)), p = V(S(args[0]));
  if (!p.empty() && v.starts_with(p)) return str_from(ts, v.substr(p.size()));
  return exact_copy(ts, self);
}

STR_METHOD(str_removesuffix) {
  if (!no_kwargs(ts, "removesuffix", kwnames) || !check_nargs(ts, "removesuffix", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "removesuffix() argument must be str, not %s",
                 type_name(args[0]));
  std::string_view v = V(S(self)), p = V(S(args[0]));
  if (!p.empty() && v.ends_with(p)) return str_from(ts, v.substr(0, v.size() - p.size()));
  return exact_copy(ts, self);
}

// ---- methods: case ----------------------------------------------------------------------------

#define CASE_METHOD(fn, name, op)                                                             \
  STR_METHOD(fn) {                                                                            \
    if (!no_kwargs(ts, name, kwnames) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr; \
    return new_str_result(ts, self, op(V(S(self))));                                          \
  }
CASE_METHOD(str_upper, "upper", u::upper)
CASE_METHOD(str_lower, "lower", u::lower)
CASE_METHOD(str_casefold, "casefold", u::casefold)
CASE_METHOD(str_swapcase, "swapcase", u::swapcase)
CASE_METHOD(str_title, "title", u::title)
CASE_METHOD(str_capitalize, "capitalize", u::capitalize)
#undef CASE_METHOD

// ---- methods: predicates ------------------------------------------------------------------------

template <class Pred>
Object* all_cps(ThreadState* ts, const char* name, Object* self, size_t nargs, TupleObject* kwnames,
                bool empty_result, Pred pred) {
  if (!no_kwargs(ts, name, kwnames) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr;
  std::string_view v = V(S(self));
  if (v.empty()) return bool_from(empty_result);
  for (size_t i = 0; i < v.size();)
    if (!pred(u::utf8_next(v, i))) return bool_from(false);
  return bool_from(true);
}

#define PRED_METHOD(fn, name, pred) \
  STR_METHOD(fn) { return all_cps(ts, name, self, nargs, kwnames, false, pred); }
PRED_METHOD(str_isalpha, "isalpha", u::is_alpha)
PRED_METHOD(str_isdigit, "isdigit", u::is_digit)
PRED_METHOD(str_isdecimal, "isdecimal", u::is_decimal)
PRED_METHOD(str_isnumeric, "isnumeric", u::is_numeric)
PRED_METHOD(str_isalnum, "isalnum", u::is_alnum)
PRED_METHOD(str_isspace, "isspace", u::is_space)
#undef PRED_METHOD

STR_METHOD(str_isprintable) {
  return all_cps(ts, "isprintable", self, nargs, kwnames, true, u::is_printable);
}
STR_METHOD(str_isascii) {
  if (!no_kwargs(ts, "isascii", kwnames) || !check_nargs(ts, "isascii", nargs, 0, 0))
    return nullptr;
  return bool_from(S(self)->ascii || u::is_ascii(V(S(self))));
}

// isupper/islower: at least one cased character and none of the other case.
Object* case_pred(ThreadState* ts, const char* name, Object* self, size_t nargs,
                  TupleObject* kwnames, bool upper) {
  if (!no_kwargs(ts, name, kwnames) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr;
  std::string_view v = V(S(self));
  bool cased = false;
  for (size_t i = 0; i < v.size();) {
    uint32_t cp = u::utf8_next(v, i);
    if (upper ? (u::is_lower(cp) || u::is_title(cp)) : (u::is_upper(cp) || u::is_title(cp)))
      return bool_from(false);
    if (upper ? u::is_upper(cp) : u::is_lower(cp)) cased = true;
  }
  return bool_from(cased);
}
STR_METHOD(str_isupper) { return case_pred(ts, "isupper", self, nargs, kwnames, true); }
STR_METHOD(str_islower) { return case_pred(ts, "islower", self, nargs, kwnames, false); }

STR_METHOD(str_istitle) {
  if (!no_kwargs(ts, "istitle", kwnames) || !check_nargs(ts, "istitle", nargs, 0, 0))
    return nullptr;
  std::string_view v = V(S(self));
  bool cased = false, prev_cased = false;
  for (size_t i = 0; i < v.size();) {
    uint32_t cp = u::utf8_next(v, i);
    if (u::is_upper(cp) || u::is_title(cp)) {
      if (prev_cased) return bool_from(false);
      prev_cased = true;
      cased = true;
    } else if (u::is_lower(cp)) {
      if (!prev_cased) return bool_from(false);
      prev_cased = true;
      cased = true;
    } else {
      prev_cased = false;
    }
  }
  return bool_from(cased);
}

STR_METHOD(str_isidentifier) {
  if (!no_kwargs(ts, "isidentifier", kwnames) || !check_nargs(ts, "isidentifier", nargs, 0, 0))
    return nullptr;
  std::string_view v = V(S(self));
  if (v.empty()) return bool_from(false);
  size_t i = 0;
  if (!u::is_xid_start(u::utf8_next(v, i))) return bool_from(false);
  while (i < v.size())
    if (!u::is_xid_continue(u::utf8_next(v, i))) return bool_from(false);
  return bool_from(true);
}

// ---- methods: padding ---------------------------------------------------------------------------

bool parse_fill(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
                TupleObject* kwnames, ssize* width, uint32_t* fill) {
  if (!no_kwargs(ts, fname, kwnames)) return false;
  if (nargs < 1 || nargs > 2) {
    raise(ts, &exc::TypeError, "%s expected %s, got %zu", fname,
          nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
    return false;
  }
  if (!index_arg(ts, args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    if (!is_str(args[1])) {
      raise(ts, &exc::TypeError, "The fill character must be a unicode character, not %s",
            type_name(args[1]));
      return false;
    }
    if (S(args[1])->length != 1) {
      raise(ts, &exc::TypeError, "The fill character must be exactly one character long");
      return false;
    }
    *fill = str_char_at(S(args[1]), 0);
  }
  return true;
}

Object* pad(ThreadState* ts, Object* self, ssize left, ssize right, uint32_t fill) {
  if (left <= 0 && right <= 0) return exact_copy(ts, self);
  StrBuilder b;
  b.append_repeat(fill, left);
  b.append(S(self));
  b.append_repeat(fill, right);
  return b.build(ts);
}

STR_METHOD(str_center) {
  ssize width;
  uint32_t fill;
  if (!parse_fill(ts, "center", args, nargs, kwnames, &width, &fill)) return nullptr;
  ssize len = S(self)->length;
  if (width <= len) return exact_copy(ts, self);
  ssize marg = width - len;
  ssize left = marg / 2 + (marg & width & 1);
  return pad(ts, self, left, marg - left, fill);
}
STR_METHOD(str_ljust) {
  ssize width;
  uint32_t fill;
  if (!parse_fill(ts, "ljust", args, nargs, kwnames, &width, &fill)) return nullptr;
  return pad(ts, self, 0, width - S(self)->length, fill);
}
STR_METHOD(str_rjust) {
  ssize width;
  uint32_t fill;
  if (!parse_fill(ts, "rjust", args, nargs, kwnames, &width, &fill)) return nullptr;
  return pad(ts, self, width - S(self)->length, 0, fill);
}

STR_METHOD(str_zfill) {
  if (!no_kwargs(ts, "zfill", kwnames) || !check_nargs(ts, "zfill", nargs, 1, 1)) return nullptr;
  ssize width;
  if (!index_arg(ts, args[0], &width)) return nullptr;
  StrObject* s = S(self);
  if (width <= s->length) return exact_copy(ts, self);
  ssize fill = width - s->length;
  std::string_view v = V(s);
  std::string out;
  size_t i = 0;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out.push_back(v[0]);
    i = 1;
  }
  out.append(static_cast<size_t>(fill), '0');
  out.append(v.substr(i));
  return str_from_known(ts, out, width, s->ascii);
}

STR_METHOD(str_expandtabs) {
  Object* a[1] = {nullptr};
  if (!parse_args(ts, "expandtabs", args, nargs, kwnames, {"tabsize"}, 0, a)) return nullptr;
  ssize tabsize = 8;
  if (a[0] && !index_arg(ts, a[0], &tabsize)) return nullptr;
  std::string_view v = V(S(self));
  if (v.find('\t') == std::string_view::npos) return exact_copy(ts, self);
  StrBuilder b;
  ssize col = 0;
  for (size_t i = 0; i < v.size();) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if (c == '\t') {
      if (tabsize > 0) {
        ssize n = tabsize - col % tabsize;
        b.append_repeat(' ', n);
        col += n;
      }
      ++i;
    } else if (c == '\n' || c == '\r') {
      b.append_ascii(static_cast<char>(c));
      col = 0;
      ++i;
    } else {
      size_t k = i + static_cast<size_t>(u::utf8_seq_len(c));
      b.append(v.substr(i, k - i));
      ++col;
      i = k;
    }
  }
  return b.build(ts);
}

// ---- methods: translate -------------------------------------------------------------------------

STR_METHOD(str_maketrans) {
  if (!no_kwargs(ts, "maketrans", kwnames) || !check_nargs(ts, "maketrans", nargs, 1, 3))
    return nullptr;
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  if (!d) return nullptr;
  if (nargs == 1) {
    if (!is_dict(args[0]))
      return raise(ts, &exc::TypeError,
                   "if you give only one argument to maketrans it must be a dict");
    ssize pos = 0;
    Object *k, *val;
    while (dict_next(static_cast<DictObject*>(args[0]), &pos, &k, &val)) {
      if (is_str(k)) {
        if (S(k)->length != 1)
          return raise(ts, &exc::ValueError, "string keys in translate table must be of length 1");
        Ref<Object> key = Ref<Object>::steal(int_from(ts, str_char_at(S(k), 0)));
        if (!key || !dict_set(ts, d.get(), key.get(), val)) return nullptr;
      } else if (is_int(k)) {
        if (!dict_set(ts, d.get(), k, val)) return nullptr;
      } else {
        return raise(ts, &exc::TypeError, "keys in translate table must be strings or integers");
      }
    }
    return d.release();
  }
  if (!is_str(args[0]) || !is_str(args[1]))
    return raise(ts, &exc::TypeError, "maketrans() argument %d must be str, not %s",
                 is_str(args[0]) ? 2 : 1, type_name(is_str(args[0]) ? args[1] : args[0]));
  StrObject* x = S(args[0]);
  StrObject* y = S(args[1]);
  if (x->length != y->length)
    return raise(ts, &exc::ValueError, "the first two maketrans arguments must have equal length");
  std::string_view xv = V(x), yv = V(y);
  for (size_t i = 0, j = 0; i < xv.size();) {
    Ref<Object> k = Ref<Object>::steal(int_from(ts, u::utf8_next(xv, i)));
    Ref<Object> val = Ref<Object>::steal(int_from(ts, u::utf8_next(yv, j)));
    if (!k || !val || !dict_set(ts, d.get(), k.get(), val.get())) return nullptr;
  }
  if (nargs == 3) {
    if (!is_str(args[2]))
      return raise(ts, &exc::TypeError, "maketrans() argument 3 must be str, not %s",
                   type_name(args[2]));
    std::string_view zv = V(S(args[2]));
    for (size_t i = 0; i < zv.size();) {
      Ref<Object> k = Ref<Object>::steal(int_from(ts, u::utf8_next(zv, i)));
      if (!k || !dict_set(ts, d.get(), k.get(), none())) return nullptr;
    }
  }
  return d.release();
}

STR_METHOD(str_translate) {
  if (!no_kwargs(ts, "translate", kwnames) || !check_nargs(ts, "translate", nargs, 1, 1))
    return nullptr;
  Object* table = args[0];
  std::string_view v = V(S(self));
  StrBuilder b;
  for (size_t i = 0; i < v.size();) {
    size_t start = i;
    uint32_t cp = u::utf8_next(v, i);
    Ref<Object> key = Ref<Object>::steal(int_from(ts, cp));
    if (!key) return nullptr;
    Object* r = getitem(ts, table, key.get());
    if (!r) {
      if (exc_matches(ts, &exc::LookupError)) {
        clear_exc(ts);
        b.append(v.substr(start, i - start));
        continue;
      }
      return nullptr;
    }
    Ref<Object> rr = Ref<Object>::steal(r);
    if (is_none(r)) continue;
    if (is_str(r)) {
      b.append(S(r));
    } else if (is_int(r)) {
      int64_t c;
      if (!int_to_i64(r, &c) || c < 0 || c > 0x10FFFF)
        return raise(ts, &exc::ValueError, "character mapping must be in range(0x110000)");
      b.append_cp(static_cast<uint32_t>(c));
    } else {
      return raise(ts, &exc::TypeError, "character mapping must return integer, None or str");
    }
  }
  return b.build(ts);
}

// ---- methods: misc ------------------------------------------------------------------------------

STR_METHOD(str_encode_method) {
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(ts, "encode", args, nargs, kwnames, {"encoding", "errors"}, 0, a)) return nullptr;
  const char* enc = "utf-8";
  const char* errors = "strict";
  if (a[0]) {
    if (!is_str(a[0]))
      return raise(ts, &exc::TypeError, "encode() argument 'encoding' must be str, not %s",
                   type_name(a[0]));
    enc = str_cstr(a[0]);
  }
  if (a[1]) {
    if (!is_str(a[1]))
      return raise(ts, &exc::TypeError, "encode() argument 'errors' must be str, not %s",
                   type_name(a[1]));
    errors = str_cstr(a[1]);
  }
  return str_encode(ts, self, enc, errors);
}

STR_METHOD(str_getnewargs) {
  if (!check_nargs(ts, "__getnewargs__", nargs, 0, 0)) return nullptr;
  Ref<Object> c = Ref<Object>::steal(exact_copy(ts, self));
  if (!c) return nullptr;
  return tuple_pack(ts, {c.get()});
}

STR_METHOD(str_sizeof) {
  if (!check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
  StrObject* s = S(self);
  if (s->ascii) return int_from(ts, 49 + s->length);
  uint32_t maxc = 0;
  std::string_view v = V(s);
  for (size_t i = 0; i < v.size();) {
    uint32_t c = u::utf8_next(v, i);
    if (c > maxc) maxc = c;
  }
  if (maxc < 0x100) return int_from(ts, 72 + s->length + 1);
  if (maxc < 0x10000) return int_from(ts, 72 + 2 * (s->length + 1));
  return int_from(ts, 72 + 4 * (s->length + 1));
}

STR_METHOD(str_format_m) {
  // kwargs (if any) into a dict.
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  Ref<DictObject> kw;
  if (nkw) {
    kw = Ref<DictObject>::steal(dict_new(ts));
    if (!kw) return nullptr;
    for (size_t i = 0; i < nkw; ++i)
      if (!dict_set(ts, kw.get(), tuple_item(kwnames, static_cast<ssize>(i)), args[nargs + i]))
        return nullptr;
  }
  return str_format_method(ts, self, args, nargs, kw.get());
}

STR_METHOD(str_format_map) {
  if (!no_kwargs(ts, "format_map", kwnames) || !check_nargs(ts, "format_map", nargs, 1, 1))
    return nullptr;
  return str_format_map_impl(ts, self, args[0]);
}

STR_METHOD(str_dunder_format) {
  if (!no_kwargs(ts, "__format__", kwnames) || !check_nargs(ts, "__format__", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "__format__() argument must be str, not %s",
                 type_name(args[0]));
  return str_format_spec(ts, self, str_view(args[0]));
}

const MethodDef str_methods[] = {
    {"find", str_find, 0, nullptr},
    {"rfind", str_rfind, 0, nullptr},
    {"index", str_index, 0, nullptr},
    {"rindex", str_rindex, 0, nullptr},
    {"count", str_count, 0, nullptr},
    {"startswith", str_startswith, 0, nullptr},
    {"endswith", str_endswith, 0, nullptr},
    {"split", str_split, 0, nullptr},
    {"rsplit", str_rsplit, 0, nullptr},
    {"splitlines", str_splitlines, 0, nullptr},
    {"join", str_join_method, 0, nullptr},
    {"partition", str_partition, 0, nullptr},
    {"rpartition", str_rpartition, 0, nullptr},
    {"strip", str_strip, 0, nullptr},
    {"lstrip", str_lstrip, 0, nullptr},
    {"rstrip", str_rstrip, 0, nullptr},
    {"replace", str_replace, 0, nullptr},
    {"removeprefix", str_removeprefix, 0, nullptr},
    {"removesuffix", str_removesuffix, 0, nullptr},
    {"upper", str_upper, 0, nullptr},
    {"lower", str_lower, 0, nullptr},
    {"casefold", str_casefold, 0, nullptr},
    {"swapcase", str_swapcase, 0, nullptr},
    {"title", str_title, 0, nullptr},
    {"capitalize", str_capitalize, 0, nullptr},
    {"isalpha", str_isalpha, 0, nullptr},
    {"isdigit", str_isdigit, 0, nullptr},
    {"isdecimal", str_isdecimal, 0, nullptr},
    {"isnumeric", str_isnumeric, 0, nullptr},
    {"isalnum", str_isalnum, 0, nullptr},
    {"isspace", str_isspace, 0, nullptr},
    {"isprintable", str_isprintable, 0, nullptr},
    {"isascii", str_isascii, 0, nullptr},
    {"isupper", str_isupper, 0, nullptr},
    {"islower", str_islower, 0, nullptr},
    {"istitle", str_istitle, 0, nullptr},
    {"isidentifier", str_isidentifier, 0, nullptr},
    {"center", str_center, 0, nullptr},
    {"ljust", str_ljust, 0, nullptr},
    {"rjust", str_rjust, 0, nullptr},
    {"zfill", str_zfill, 0, nullptr},
    {"expandtabs", str_expandtabs, 0, nullptr},
    {"maketrans", str_maketrans, kMethStatic, nullptr},
    {"translate", str_translate, 0, nullptr},
    {"encode", str_encode_method, 0, nullptr},
    {"format", str_format_m, 0, nullptr},
    {"format_map", str_format_map, 0, nullptr},
    {"__format__", str_dunder_format, 0, nullptr},
    {"__getnewargs__", str_getnewargs, 0, nullptr},
    {"__sizeof__", str_sizeof, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject make_type(const char* name, ssize basicsize, uint64_t flags, ssize itemsize = 0) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.basicsize = basicsize;
  t.itemsize = itemsize;
  t.flags = flags | kImmutableType;
  t.base = &ObjectType;
  return t;
}

}  // namespace

// ---- codecs -------------------------------------------------------------------------------------

namespace {

#include "runtime/codec_tables.inc"

// Codec ids of codec_tables.inc: the Unicode codecs are coded here, ids from kFirstCharmap on are
// single-byte charmap codecs.
enum Codec : int {
  Utf8,
  Ascii,
  Latin1,
  Utf16,
  Utf16LE,
  Utf16BE,
  Utf32,
  Utf32LE,
  Utf32BE,
  Unknown = -1
};

// encodings.normalize_encoding after lower(): runs of characters other than ASCII letters,
// digits and '.' become one '_' between words.
std::string normalize_codec_name(std::string_view name) {
  std::string n;
  bool punct = false;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
    if (alnum) {
      if (punct && !n.empty()) n.push_back('_');
      n.push_back(c);
      punct = false;
    } else if (!(static_cast<unsigned char>(c) & 0x80)) {
      punct = true;
    }
  }
  return n;
}

int find_codec_name(const std::string& key, bool alias_only = false) {
  const CodecName* lo = kCodecNames;
  const CodecName* hi = kCodecNames + sizeof(kCodecNames) / sizeof(kCodecNames[0]);
  while (lo < hi) {
    const CodecName* mid = lo + (hi - lo) / 2;
    int c = std::strcmp(mid->name, key.c_str());
    if (c == 0) return alias_only && !mid->alias ? Unknown : mid->id;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return Unknown;
}

int lookup_codec(std::string_view name) {
  std::string key = normalize_codec_name(name);
  int id = find_codec_name(key);
  if (id == Unknown && key.find('.') != std::string::npos) {
    for (char& c : key)
      if (c == '.') c = '_';
    id = find_codec_name(key, true);  // as encodings.search_function: aliases only
  }
  return id;
}

const char* codec_name(int c) {
  static const char* const kNames[] = {"utf-8",     "ascii",  "latin-1",   "utf-16",   "utf-16-le",
                                       "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"};
  return c >= kFirstCharmap ? "charmap" : kNames[c];
}

// ASCII bytes are the same characters (the fast paths for ASCII data).
bool ascii_compatible(int c) { return c < Utf16 || c >= kFirstCharmap; }

// The byte of cp in charmap codec c, or -1.
int charmap_encode(int c, uint32_t cp) {
  if (cp < 0x80) return static_cast<int>(cp);
  const uint16_t* t = kCharmaps[c - kFirstCharmap];
  for (int k = 0; k < 128; ++k)
    if (t[k] == cp && cp != 0xFFFE) return 0x80 + k;
  return -1;
}

std::string cp_escape_text(uint32_t cp) {
  char buf[16];
  if (cp <= 0xFF)
    std::snprintf(buf, sizeof buf, "\\x%02x", cp);
  else if (cp <= 0xFFFF)
    std::snprintf(buf, sizeof buf, "\\u%04x", cp);
  else
    std::snprintf(buf, sizeof buf, "\\U%08x", cp);
  return buf;
}

// Raises UnicodeEncodeError/UnicodeDecodeError(encoding, object, start, end, reason); the
// exception's __str__ builds CPython's message from those fields.
std::nullptr_t raise_unicode_error(ThreadState* ts, TypeObject* type, const char* encoding,
                                   Object* object, ssize start, ssize end, const char* reason) {
  Ref<Object> enc = Ref<Object>::steal(str_from(ts, encoding));
  Ref<Object> st = Ref<Object>::steal(int_from(ts, start));
  Ref<Object> en = Ref<Object>::steal(int_from(ts, end));
  Ref<Object> why = Ref<Object>::steal(str_from(ts, reason));
  if (!enc || !st || !en || !why) return nullptr;
  Object* args[5] = {enc.get(), object, st.get(), en.get(), why.get()};
  Ref<Object> e = Ref<Object>::steal(exception_new(ts, type, args, 5));
  if (!e) return nullptr;
  return raise_object(ts, e.get());
}

std::nullptr_t unknown_handler(ThreadState* ts, const char* errors) {
  return raise(ts, &exc::LookupError, "unknown error handler name '%s'", errors);
}

}  // namespace

Object* str_encode(ThreadState* ts, Object* so, const char* encoding, const char* errors) {
  int codec = lookup_codec(encoding);
  if (codec == Unknown) return raise(ts, &exc::LookupError, "unknown encoding: %s", encoding);
  StrObject* s = S(so);
  std::string_view v = V(s);
  if (s->ascii && ascii_compatible(codec)) return bytes_from(ts, v);
  bool utf16 = codec >= Utf16 && codec <= Utf16BE, utf32 = codec >= Utf32 && codec <= Utf32BE;
  bool big = codec == Utf16BE || codec == Utf32BE;
  uint32_t limit = codec == Ascii ? 0x80 : codec == Latin1 ? 0x100 : 0x110000;
  std::string_view err(errors);
  std::string out;
  out.reserve(utf16 ? v.size() * 2 + 2 : utf32 ? v.size() * 4 + 4 : v.size());
  auto put_unit = [&](uint32_t u, int width) {
    for (int k = 0; k < width; ++k) {
      int shift = big ? 8 * (width - 1 - k) : 8 * k;
      out.push_back(static_cast<char>((u >> shift) & 0xFF));
    }
  };
  // Appends an encodable code point (or, with surrogatepass, a surrogate) in the codec.
  auto emit = [&](uint32_t cp) {
    if (codec == Utf8) {
      u::utf8_append(out, cp);
    } else if (utf16) {
      if (cp >= 0x10000) {
        put_unit(0xD800 + ((cp - 0x10000) >> 10), 2);
        put_unit(0xDC00 + ((cp - 0x10000) & 0x3FF), 2);
      } else {
        put_unit(cp, 2);
      }
    } else if (utf32) {
      put_unit(cp, 4);
    } else if (codec >= kFirstCharmap) {
      out.push_back(static_cast<char>(charmap_encode(codec, cp)));
    } else {
      out.push_back(static_cast<char>(cp));
    }
  };
  auto encodable = [&](uint32_t cp) {
    if (codec >= kFirstCharmap) return charmap_encode(codec, cp) >= 0;
    if (codec == Utf8 || utf16 || utf32) return cp < 0xD800 || cp > 0xDFFF;
    return cp < limit;
  };
  auto emit_ascii = [&](std::string_view text) {
    for (char c : text) emit(static_cast<unsigned char>(c));
  };
  const char* reason = codec >= kFirstCharmap ? "character maps to <undefined>"
                       : codec == Ascii       ? "ordinal not in range(128)"
                       : codec == Latin1      ? "ordinal not in range(256)"
                                              : "surrogates not allowed";
  if (codec == Utf16) put_unit(0xFEFF, 2);
  if (codec == Utf32) put_unit(0xFEFF, 4);
  ssize pos = 0;
  for (size_t i = 0; i < v.size(); ++pos) {
    size_t start = i;
    uint32_t cp = u::utf8_next(v, i);
    bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (encodable(cp)) {
      if (codec == Utf8)
        out.append(v.substr(start, i - start));
      else
        emit(cp);
      continue;
    }
    if (err == "strict") {
      // The run of consecutive unencodable characters (UTF-16/32 report one at a time).
      ssize end = pos + 1;
      size_t k = i;
      while (!utf16 && !utf32 && k < v.size()) {
        size_t k2 = k;
        if (encodable(u::utf8_next(v, k2))) break;
        k = k2;
        ++end;
      }
      return raise_unicode_error(ts, &exc::UnicodeEncodeError, codec_name(codec), so, pos, end,
                                 reason);
    }
    if (err == "ignore") continue;
    if (err == "replace") {
      emit('?');
    } else if (err == "backslashreplace") {
      emit_ascii(cp_escape_text(cp));
    } else if (err == "xmlcharrefreplace") {
      emit_ascii("&#" + std::to_string(cp) + ";");
    } else if (err == "surrogateescape" && cp >= 0xDC80 && cp <= 0xDCFF && !utf16 && !utf32) {
      out.push_back(static_cast<char>(cp - 0xDC00));
    } else if (err == "surrogatepass" && (codec == Utf8 || utf16 || utf32) && surrogate) {
      if (codec == Utf8)
        out.append(v.substr(start, i - start));
      else
        put_unit(cp, utf16 ? 2 : 4);
    } else if (err == "surrogateescape" || err == "surrogatepass") {
      return raise_unicode_error(ts, &exc::UnicodeEncodeError, codec_name(codec), so, pos, pos + 1,
                                 reason);
    } else {
      return unknown_handler(ts, errors);
    }
  }
  return bytes_from(ts, out);
}

Object* str_decode(ThreadState* ts, std::string_view data, const char* encoding,
                   const char* errors) {
  int codec = lookup_codec(encoding);
  if (codec == Unknown) return raise(ts, &exc::LookupError, "unknown encoding: %s", encoding);
  if (ascii_compatible(codec) && u::is_ascii(data))
    return str_from_known(ts, data, static_cast<ssize>(data.size()), true);
  const char* ename = codec_name(codec);
  std::string_view err(errors);
  StrBuilder b;
  b.reserve(data.size());
  if (codec == Latin1) {
    for (unsigned char c : data) b.append_cp(c);
    return b.build(ts);
  }
  // Appends the replacement for the bad bytes [pos, end); false with an exception set.
  auto handle = [&](size_t pos, size_t end, const char* reason) -> bool {
    if (err == "strict") {
      Ref<Object> obj = Ref<Object>::steal(bytes_from(ts, data));
      if (obj)
        raise_unicode_error(ts, &exc::UnicodeDecodeError, ename, obj.get(), static_cast<ssize>(pos),
                            static_cast<ssize>(end), reason);
      return false;
    }
    if (err == "ignore") return true;
    if (err == "replace") {
      b.append_cp(0xFFFD);
      return true;
    }
    if (err == "surrogateescape") {
      for (size_t k = pos; k < end; ++k) b.append_cp(0xDC00 + static_cast<unsigned char>(data[k]));
      return true;
    }
    if (err == "backslashreplace") {
      for (size_t k = pos; k < end; ++k)
        b.append_ascii(cp_escape_text(static_cast<unsigned char>(data[k])));
      return true;
    }
    unknown_handler(ts, errors);
    return false;
  };
  if (codec >= kFirstCharmap) {
    const uint16_t* t = kCharmaps[codec - kFirstCharmap];
    for (size_t i = 0; i < data.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(data[i]);
      if (c < 0x80) {
        b.append_ascii(static_cast<char>(c));
      } else if (t[c - 0x80] != 0xFFFE) {
        b.append_cp(t[c - 0x80]);
      } else if (!handle(i, i + 1, "character maps to <undefined>")) {
        return nullptr;
      }
    }
    return b.build(ts);
  }
  if (codec >= Utf16 && codec <= Utf32BE) {
    bool wide = codec >= Utf32;
    size_t width = wide ? 4 : 2;
    bool big = codec == Utf16BE || codec == Utf32BE;
    size_t i = 0, n = data.size();
    auto unit = [&](size_t at) {
      uint32_t u = 0;
      for (size_t k = 0; k < width; ++k) {
        uint32_t byte = static_cast<unsigned char>(data[at + k]);
        u |= byte << (big ? 8 * (width - 1 - k) : 8 * k);
      }
      return u;
    };
    if ((codec == Utf16 || codec == Utf32) && n >= width) {  // the BOM picks the byte order
      big = false;
      uint32_t bom = unit(0);
      if (bom == 0xFEFF) {
        i = width;
      } else if (bom == (wide ? 0xFFFE0000u : 0xFFFEu)) {
        big = true;
        i = width;
      }
    }
    if (codec == Utf16 || codec == Utf32)
      ename = wide ? (big ? "utf-32-be" : "utf-32-le") : (big ? "utf-16-be" : "utf-16-le");
    while (i < n) {
      if (n - i < width) {
        if (!handle(i, n, "truncated data")) return nullptr;
        break;
      }
      uint32_t u = unit(i);
      if (wide) {
        if (u > 0x10FFFF) {
          if (!handle(i, i + 4, "code point not in range(0x110000)")) return nullptr;
        } else if (u >= 0xD800 && u <= 0xDFFF) {
          if (!handle(i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"))
            return nullptr;
        } else {
          b.append_cp(u);
        }
        i += 4;
        continue;
      }
      if (u < 0xD800 || u > 0xDFFF) {
        b.append_cp(u);
        i += 2;
      } else if (u >= 0xDC00) {
        if (!handle(i, i + 2, "illegal encoding")) return nullptr;
        i += 2;
      } else if (n - i < 4) {
        if (!handle(i, n, "unexpected end of data")) return nullptr;
        break;
      } else {
        uint32_t lo = unit(i + 2);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          b.append_cp(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
          i += 4;
        } else {
          if (!handle(i, i + 2, "illegal UTF-16 surrogate")) return nullptr;
          i += 2;
        }
      }
    }
    return b.build(ts);
  }
  if (codec == Ascii) {
    size_t i = 0;
    while (i < data.size()) {
      unsigned char c = static_cast<unsigned char>(data[i]);
      if (c < 0x80) {
        b.append_ascii(static_cast<char>(c));
        ++i;
        continue;
      }
      if (!handle(i, i + 1, "ordinal not in range(128)")) return nullptr;
      ++i;
    }
    return b.build(ts);
  }
  size_t i = 0;
  while (i < data.size()) {
    size_t pos, end;
    const char* reason;
    std::string_view rest = data.substr(i);
    if (u::utf8_check(rest, &pos, &end, &reason)) {
      b.append(rest);
      break;
    }
    b.append(rest.substr(0, pos));
    if (!handle(i + pos, i + end, reason)) return nullptr;
    i += end;
  }
  return b.build(ts);
}

TypeObject StrType = [] {
  TypeObject t = make_type("str", offsetof(StrObject, data), kBaseType | kStrSubclass, 1);
  t.doc =
      "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
      "Create a new string object from the given object.";
  t.dealloc = str_dealloc;
  t.repr = str_repr;
  t.str = str_str_slot;
  t.hash = str_hash_slot;
  t.richcompare = str_richcompare;
  t.iter = str_iter_slot;
  t.len = str_len_slot;
  t.boolean = str_bool_slot;
  t.getitem = str_getitem_slot;
  t.contains = str_contains_slot;
  t.nb[int(BinOp::Add)] = str_add_slot;
  t.nb[int(BinOp::Mul)] = str_mul_slot;
  t.nb[int(BinOp::Mod)] = str_mod_slot;
  t.new_ = str_new_slot;
  t.methods = str_methods;
  return t;
}();

TypeObject StrIterType = [] {
  TypeObject t = make_type("str_iterator", sizeof(StrIterObject), 0);
  t.dealloc = striter_dealloc;
  t.iter = striter_self;
  t.iternext = striter_next;
  t.methods = striter_methods;
  return t;
}();

TypeObject StrAsciiIterType = [] {
  TypeObject t = make_type("str_ascii_iterator", sizeof(StrIterObject), 0);
  t.dealloc = striter_dealloc;
  t.iter = striter_self;
  t.iternext = striter_next;
  t.methods = striter_methods;
  return t;
}();

}  // namespace gp
