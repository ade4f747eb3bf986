// int: an int64 fast path with BigInt (runtime/bigint.h) for everything outside int64. Every
// function keeps the invariant big == nullptr whenever the value fits in int64, so equal values
// have one representation and the VM's fast paths only test `big`. Small ints -5..256 are static
// immortal objects shared by every interpreter.
#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstring>
#include <utility>

#include "runtime/bigint.h"
#include "runtime/format_spec.h"
#include "runtime/runtime.h"
#include "runtime/unicode.h"

namespace gp {

namespace {

constexpr int kNumSmall = kSmallIntMax - kSmallIntMin + 1;

template <size_t... I>
constexpr std::array<IntObject, sizeof...(I)> make_small_ints(std::index_sequence<I...>) {
  return {
      IntObject{{kImmortalRefcnt, &IntType}, static_cast<int64_t>(I) + kSmallIntMin, nullptr}...};
}

constinit std::array<IntObject, kNumSmall> small_ints =
    make_small_ints(std::make_index_sequence<kNumSmall>());

constexpr uint64_t kHashModulus = (static_cast<uint64_t>(1) << 61) - 1;

inline IntObject* I(Object* o) { return static_cast<IntObject*>(o); }
inline const IntObject* I(const Object* o) { return static_cast<const IntObject*>(o); }

inline Object* int_small(int64_t v) { return &small_ints[v - kSmallIntMin]; }

Object* new_int_obj(ThreadState* ts, TypeObject* type, int64_t v, BigInt* big) {
  auto* o = alloc<IntObject>(ts, type);
  if (!o) {
    delete big;
    return nullptr;
  }
  o->value = v;
  o->big = big;
  return o;
}

bool int_too_large_for_float(ThreadState* ts) {
  raise(ts, &exc::OverflowError, "int too large to convert to float");
  return false;
}

std::nullptr_t max_str_digits_error(ThreadState* ts) {
  return raise(ts, &exc::ValueError,
               "Exceeds the limit (%d digits) for integer string conversion; use "
               "sys.set_int_max_str_digits() to increase the limit",
               ts->interp->int_max_str_digits);
}

// Decimal text with the max str digits check; false on error.
bool int_decimal_checked(ThreadState* ts, const Object* o, std::string* out) {
  const IntObject* x = I(o);
  if (!x->big) {
    *out = std::to_string(x->value);
    return true;
  }
  int limit = ts->interp->int_max_str_digits;
  if (limit > 0) {
    // bits * log10(2) is at least digits - 1.
    double est = static_cast<double>(x->big->bit_length() - 1) * 0.30102999566398120;
    if (est > limit + 1) {
      max_str_digits_error(ts);
      return false;
    }
  }
  *out = x->big->to_string(10);
  if (limit > 0) {
    size_t nd = out->size() - (x->big->neg ? 1 : 0);
    if (nd > static_cast<size_t>(limit)) {
      max_str_digits_error(ts);
      return false;
    }
  }
  return true;
}

Object* make_str(ThreadState* ts, std::string_view s) { return str_from(ts, s); }

// ---- arithmetic
// ----------------------------------------------------------------------------------

#define INT_BINOP_CHECK(a, b) \
  if (!is_int(a) || !is_int(b)) return not_implemented()

Object* int_add(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (!I(a)->big && !I(b)->big) {
    int64_t r;
    if (!__builtin_add_overflow(I(a)->value, I(b)->value, &r)) return int_from(ts, r);
  }
  limb_t x, y;
  BigInt r;
  big_add(int_view(a, &x), int_view(b, &y), &r);
  return int_from_bigint(ts, std::move(r));
}

Object* int_sub(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (!I(a)->big && !I(b)->big) {
    int64_t r;
    if (!__builtin_sub_overflow(I(a)->value, I(b)->value, &r)) return int_from(ts, r);
  }
  limb_t x, y;
  BigInt r;
  big_sub(int_view(a, &x), int_view(b, &y), &r);
  return int_from_bigint(ts, std::move(r));
}

Object* int_mul(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (!I(a)->big && !I(b)->big) {
    int64_t r;
    if (!__builtin_mul_overflow(I(a)->value, I(b)->value, &r)) return int_from(ts, r);
  }
  limb_t x, y;
  BigInt r;
  big_mul(int_view(a, &x), int_view(b, &y), &r);
  return int_from_bigint(ts, std::move(r));
}

bool is_zero_int(const Object* o) { return !I(o)->big && I(o)->value == 0; }

// Floor division and modulo; either output may be null.
bool int_divmod_impl(ThreadState* ts, Object* a, Object* b, Object** q, Object** r,
                     const char* zero_msg) {
  if (is_zero_int(b)) {
    raise(ts, &exc::ZeroDivisionError, "%s", zero_msg);
    return false;
  }
  if (!I(a)->big && !I(b)->big) {
    int64_t x = I(a)->value, y = I(b)->value;
    if (!(x == INT64_MIN && y == -1)) {
      int64_t qq = x / y, rr = x % y;
      if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq -= 1;
        rr += y;
      }
      if (q && !(*q = int_from(ts, qq))) return false;
      if (r && !(*r = int_from(ts, rr))) {
        if (q) decref(*q);
        return false;
      }
      return true;
    }
  }
  limb_t x, y;
  BigInt qq, rr;
  big_divmod(int_view(a, &x), int_view(b, &y), q ? &qq : nullptr, r ? &rr : nullptr);
  if (q && !(*q = int_from_bigint(ts, std::move(qq)))) return false;
  if (r && !(*r = int_from_bigint(ts, std::move(rr)))) {
    if (q) decref(*q);
    return false;
  }
  return true;
}

Object* int_floordiv(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  Object* q;
  if (!int_divmod_impl(ts, a, b, &q, nullptr, "integer division or modulo by zero")) return nullptr;
  return q;
}

Object* int_mod(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  Object* r;
  if (!int_divmod_impl(ts, a, b, nullptr, &r, "integer modulo by zero")) return nullptr;
  return r;
}

Object* int_truediv(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (is_zero_int(b)) return raise(ts, &exc::ZeroDivisionError, "division by zero");
  if (!I(a)->big && !I(b)->big) {
    int64_t x = I(a)->value, y = I(b)->value;
    const int64_t lim = int64_t(1) << 53;
    if (x >= -lim && x <= lim && y >= -lim && y <= lim)
      return float_from(ts, static_cast<double>(x) / static_cast<double>(y));
  }
  limb_t x, y;
  bool overflow;
  double d = big_truediv(int_view(a, &x), int_view(b, &y), &overflow);
  if (overflow)
    return raise(ts, &exc::OverflowError, "integer division result too large for a float");
  return float_from(ts, d);
}

Object* int_neg(ThreadState* ts, Object* a) {
  if (!I(a)->big && I(a)->value != INT64_MIN) return int_from(ts, -I(a)->value);
  limb_t x;
  BigInt r;
  big_neg(int_view(a, &x), &r);
  return int_from_bigint(ts, std::move(r));
}

Object* int_pos(ThreadState* ts, Object* a) { return int_exact_copy(ts, a); }

Object* int_abs(ThreadState* ts, Object* a) {
  if (int_sign(a) < 0) return int_neg(ts, a);
  return int_exact_copy(ts, a);
}

Object* int_invert(ThreadState* ts, Object* a) {
  if (!I(a)->big) return int_from(ts, ~I(a)->value);
  limb_t x;
  BigInt r;
  big_invert(int_view(a, &x), &r);
  return int_from_bigint(ts, std::move(r));
}

int int_bool(ThreadState*, Object* a) { return I(a)->big ? 1 : (I(a)->value != 0); }

Object* int_and(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (!I(a)->big && !I(b)->big) return int_from(ts, I(a)->value & I(b)->value);
  limb_t x, y;
  BigInt r;
  big_and(int_view(a, &x), int_view(b, &y), &r);
  return int_from_bigint(ts, std::move(r));
}
Object* int_or(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (!I(a)->big && !I(b)->big) return int_from(ts, I(a)->value | I(b)->value);
  limb_t x, y;
  BigInt r;
  big_or(int_view(a, &x), int_view(b, &y), &r);
  return int_from_bigint(ts, std::move(r));
}
Object* int_xor(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (!I(a)->big && !I(b)->big) return int_from(ts, I(a)->value ^ I(b)->value);
  limb_t x, y;
  BigInt r;
  big_xor(int_view(a, &x), int_view(b, &y), &r);
  return int_from_bigint(ts, std::move(r));
}

Object* int_lshift(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (int_sign(b) < 0) return raise(ts, &exc::ValueError, "negative shift count");
  if (is_zero_int(a)) return int_from(ts, 0);
  if (I(b)->big) return raise(ts, &exc::OverflowError, "too many digits in integer");
  int64_t s = I(b)->value;
  if (!I(a)->big && s < 63) {
    int64_t v = I(a)->value;
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(v) << s);
    if ((r >> s) == v) return int_from(ts, r);
  }
  limb_t x;
  BigView va = int_view(a, &x);
  if (static_cast<uint64_t>(s) > (static_cast<uint64_t>(1) << 40))
    return raise_with(ts, &exc::MemoryError, nullptr);
  BigInt r;
  big_lshift(va, static_cast<uint64_t>(s), &r);
  return int_from_bigint(ts, std::move(r));
}

Object* int_rshift(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  if (int_sign(b) < 0) return raise(ts, &exc::ValueError, "negative shift count");
  if (I(b)->big) return int_from(ts, int_sign(a) < 0 ? -1 : 0);
  int64_t s = I(b)->value;
  if (!I(a)->big) {
    int64_t v = I(a)->value;
    if (s >= 64) return int_from(ts, v < 0 ? -1 : 0);
    return int_from(ts, v >> s);
  }
  limb_t x;
  BigInt r;
  big_rshift(int_view(a, &x), static_cast<uint64_t>(s), &r);
  return int_from_bigint(ts, std::move(r));
}

// int ** int (b may be negative: float result).
Object* int_pow2(ThreadState* ts, Object* a, Object* b) {
  if (int_sign(b) < 0) {
    bool ok;
    double x = int_to_double(ts, a, &ok);
    if (!ok) return nullptr;
    double y = int_to_double(ts, b, &ok);
    if (!ok) return nullptr;
    return float_pow_doubles(ts, x, y);
  }
  if (!I(a)->big) {
    int64_t base = I(a)->value;
    if (base == 0 || base == 1)
      return int_from(ts, I(b)->big ? base : (I(b)->value == 0 ? 1 : base));
    if (base == -1) {
      bool odd = I(b)->big ? (I(b)->big->mag[0] & 1) : (I(b)->value & 1);
      return int_from(ts, odd ? -1 : 1);
    }
  }
  if (I(b)->big) return raise_with(ts, &exc::MemoryError, nullptr);
  uint64_t e = static_cast<uint64_t>(I(b)->value);
  if (!I(a)->big) {
    // Square-and-multiply in int64 while it does not overflow.
    int64_t result = 1, base = I(a)->value;
    uint64_t ee = e;
    bool overflow = false;
    while (ee) {
      if (ee & 1) {
        if (__builtin_mul_overflow(result, base, &result)) {
          overflow = true;
          break;
        }
      }
      ee >>= 1;
      if (ee && __builtin_mul_overflow(base, base, &base)) {
        overflow = true;
        break;
      }
    }
    if (!overflow) return int_from(ts, result);
  }
  limb_t x;
  BigView va = int_view(a, &x);
  // Refuse results that cannot fit in memory anyway.
  uint64_t bits = va.n ? (64 * va.n) : 0;
  if (bits && e > 0 && (static_cast<long double>(bits) * e > 1e12))
    return raise_with(ts, &exc::MemoryError, nullptr);
  BigInt r;
  big_pow(va, e, &r);
  return int_from_bigint(ts, std::move(r));
}

Object* int_pow_slot(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  return int_pow2(ts, a, b);
}

// ---- comparison and hashing
// ----------------------------------------------------------------------

int int_cmp(const Object* a, const Object* b) {
  if (!I(a)->big && !I(b)->big) {
    int64_t x = I(a)->value, y = I(b)->value;
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  limb_t x, y;
  return big_cmp(int_view(a, &x), int_view(b, &y));
}

Object* int_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_int(a) || !is_int(b)) return not_implemented();
  int c = int_cmp(a, b);
  bool r = false;
  switch (op) {
    case CmpOp::LT:
      r = c < 0;
      break;
    case CmpOp::LE:
      r = c <= 0;
      break;
    case CmpOp::EQ:
      r = c == 0;
      break;
    case CmpOp::NE:
      r = c != 0;
      break;
    case CmpOp::GT:
      r = c > 0;
      break;
    case CmpOp::GE:
      r = c >= 0;
      break;
  }
  return py_bool(r);
}

int64_t int_hash(ThreadState*, Object* o) { return int_hash_value(o); }

Object* int_repr(ThreadState* ts, Object* o) {
  std::string s;
  if (!int_decimal_checked(ts, o, &s)) return nullptr;
  return make_str(ts, s);
}

Object* int_nb_int(ThreadState* ts, Object* o) { return int_exact_copy(ts, o); }

Object* int_nb_float(ThreadState* ts, Object* o) {
  bool ok;
  double d = int_to_double(ts, o, &ok);
  if (!ok) return nullptr;
  return float_from(ts, d);
}

void int_dealloc(Object* o) {
  delete I(o)->big;
  I(o)->big = nullptr;
  free_object(o);
}

// ---- parsing
// -------------------------------------------------------------------------------------

std::string bytes_repr_text(std::string_view b) {
  bool has_sq = b.find('\'') != std::string_view::npos;
  bool has_dq = b.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out = "b";
  out.push_back(q);
  for (unsigned char c : b) {
    if (c == static_cast<unsigned char>(q) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 32 || c >= 127) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(q);
  return out;
}

// Truncates UTF-8 text to n code points.
std::string_view cut_codepoints(std::string_view s, size_t n) {
  size_t i = 0, cps = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (cps == n) break;
      ++cps;
    }
    ++i;
  }
  return s.substr(0, i);
}

std::nullptr_t invalid_literal(ThreadState* ts, std::string_view text, int base, bool is_bytes) {
  std::string r = is_bytes ? bytes_repr_text(text) : str_repr_text(text);
  std::string_view cut = cut_codepoints(r, 200);
  return raise(ts, &exc::ValueError, "invalid literal for int() with base %d: %.*s", base,
               static_cast<int>(cut.size()), cut.data());
}

inline int digit_of(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Parses text (UTF-8 for str, raw for bytes) as int() does.
Object* parse_int(ThreadState* ts, std::string_view text, int base, bool is_bytes) {
  // Normalise: Unicode whitespace and decimal digits to ASCII for str input.
  std::string norm;
  std::string_view s = text;
  if (!is_bytes) {
    bool ascii = true;
    for (unsigned char c : text)
      if (c >= 0x80) {
        ascii = false;
        break;
      }
    if (!ascii) {
      size_t i = 0;
      while (i < text.size()) {
        uint32_t cp = unicode::utf8_next(text, i);
        if (cp < 0x80) {
          norm.push_back(static_cast<char>(cp));
        } else if (unicode::is_space(cp)) {
          norm.push_back(' ');
        } else {
          int d = unicode::decimal_value(cp);
          if (d < 0) return invalid_literal(ts, text, base, false);
          norm.push_back(static_cast<char>('0' + d));
        }
      }
      s = norm;
    }
  }
  size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && is_ascii_space(static_cast<unsigned char>(s[e - 1]))) --e;
  bool neg = false;
  if (b < e && (s[b] == '+' || s[b] == '-')) {
    neg = s[b] == '-';
    ++b;
  }
  int orig_base = base;
  bool after_prefix = false;
  if (b + 1 < e && s[b] == '0') {
    char p = static_cast<char>(s[b + 1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      b += 2;
      after_prefix = true;
    }
  }
  bool base0_decimal = false;
  if (base == 0) {
    base = 10;
    base0_decimal = true;
  }
  // Digits with single underscores between them (or right after a prefix).
  std::string digits;
  digits.reserve(e - b);
  bool prev_digit = after_prefix;  // an underscore may follow the prefix
  bool prev_underscore = false;
  for (size_t i = b; i < e; ++i) {
    char c = s[i];
    if (c == '_') {
      if (!prev_digit) return invalid_literal(ts, text, orig_base, is_bytes);
      prev_digit = false;
      prev_underscore = true;
      continue;
    }
    int d = digit_of(c);
    if (d >= base) return invalid_literal(ts, text, orig_base, is_bytes);
    digits.push_back(c);
    prev_digit = true;
    prev_underscore = false;
  }
  if (digits.empty() || prev_underscore) return invalid_literal(ts, text, orig_base, is_bytes);
  if (base0_decimal && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos)
    return invalid_literal(ts, text, orig_base, is_bytes);
  if ((base & (base - 1)) != 0) {
    int limit = ts->interp->int_max_str_digits;
    if (limit > 0 && digits.size() > static_cast<size_t>(limit))
      return raise(ts, &exc::ValueError,
                   "Exceeds the limit (%d digits) for integer string conversion: value has %zu "
                   "digits; use sys.set_int_max_str_digits() to increase the limit",
                   limit, digits.size());
  }
  if (digits.size() <= 12 || (base <= 10 && digits.size() <= 18)) {
    int64_t v = 0;
    for (char c : digits) v = v * base + digit_of(c);
    return int_from(ts, neg ? -v : v);
  }
  BigInt r = BigInt::from_digits(digits, base);
  r.neg = neg && !r.is_zero();
  return int_from_bigint(ts, std::move(r));
}

// ---- int()
// ---------------------------------------------------------------------------------------

Object* int_subtype_from(ThreadState* ts, TypeObject* type, Object* value) {  // steals value
  if (type == &IntType) return value;
  if (!value) return nullptr;
  Ref<> v = Ref<>::steal(value);
  BigInt* big = I(value)->big ? new BigInt(*I(value)->big) : nullptr;
  return new_int_obj(ts, type, I(value)->value, big);
}

Object* int_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  if (type == &BoolType || (type != &IntType && is_subtype(type, &BoolType)))
    return raise(ts, &exc::TypeError, "int.__new__(%s) is not safe, use bool.__new__()",
                 type->name);
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  Object* x = nullptr;
  Object* base_obj = nullptr;
  if (nargs > 2)
    return raise(ts, &exc::TypeError, "int() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs >= 1) x = args[0];
  if (nargs >= 2) base_obj = args[1];
  for (size_t i = 0; i < nkw; ++i) {
    Object* k = tuple_item(kwnames, static_cast<ssize>(i));
    if (str_eq(k, "base") && !base_obj) {
      base_obj = args[nargs + i];
    } else if (str_eq(k, "base")) {
      return raise(ts, &exc::TypeError,
                   "argument for int() given by name ('base') and position (2)");
    } else {
      return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for int()",
                   str_cstr(k));
    }
  }
  if (!x) {
    if (base_obj) return raise(ts, &exc::TypeError, "int() missing string argument");
    return int_subtype_from(ts, type, int_from(ts, 0));
  }
  if (!base_obj) return int_subtype_from(ts, type, int_from_object(ts, x));
  ssize base;
  if (!index_as_ssize(ts, base_obj, &base)) return nullptr;
  if ((base != 0 && base < 2) || base > 36)
    return raise(ts, &exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
  if (is_str(x))
    return int_subtype_from(ts, type, parse_int(ts, str_view(x), static_cast<int>(base), false));
  if (is_bytes(x) || is_bytearray(x)) {
    std::string_view v;
    if (!buffer_view(ts, x, &v)) return nullptr;
    return int_subtype_from(ts, type, parse_int(ts, v, static_cast<int>(base), true));
  }
  return raise(ts, &exc::TypeError, "int() can't convert non-string with explicit base");
}

// ---- methods
// -------------------------------------------------------------------------------------

uint64_t int_bit_length(const Object* o) {
  if (I(o)->big) return I(o)->big->bit_length();
  int64_t v = I(o)->value;
  uint64_t m = v < 0 ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
  return m ? 64 - __builtin_clzll(m) : 0;
}

Object* m_bit_length(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "bit_length", kw) || !check_nargs(ts, "bit_length", nargs, 0, 0))
    return nullptr;
  return int_from_u64(ts, int_bit_length(self));
}

Object* m_bit_count(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "bit_count", kw) || !check_nargs(ts, "bit_count", nargs, 0, 0)) return nullptr;
  if (I(self)->big) return int_from_u64(ts, I(self)->big->bit_count());
  int64_t v = I(self)->value;
  uint64_t m = v < 0 ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
  return int_from(ts, __builtin_popcountll(m));
}

Object* m_self_int(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "method", kw) || !check_nargs(ts, "method", nargs, 0, 0)) return nullptr;
  return int_exact_copy(ts, self);
}

Object* m_as_integer_ratio(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                           TupleObject* kw) {
  if (!no_kwargs(ts, "as_integer_ratio", kw) || !check_nargs(ts, "as_integer_ratio", nargs, 0, 0))
    return nullptr;
  Ref<> n = Ref<>::steal(int_exact_copy(ts, self));
  if (!n) return nullptr;
  return tuple_pack(ts, {n.get(), int_small(1)});
}

Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!check_nargs(ts, "__getnewargs__", nargs, 0, 0)) return nullptr;
  Ref<> n = Ref<>::steal(int_exact_copy(ts, self));
  if (!n) return nullptr;
  return tuple_pack(ts, {n.get()});
}

Object* m_sizeof(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  uint64_t bits = int_bit_length(self);
  uint64_t digits = std::max<uint64_t>(1, (bits + 29) / 30);
  return int_from(ts, static_cast<int64_t>(24 + 4 * digits));
}

Object* m_round(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__round__", kw) || !check_nargs(ts, "__round__", nargs, 0, 1)) return nullptr;
  if (nargs == 0 || is_none(args[0])) return int_exact_copy(ts, self);
  Ref<> nd = Ref<>::steal(number_index(ts, args[0]));
  if (!nd) return nullptr;
  if (int_sign(nd.get()) >= 0) return int_exact_copy(ts, self);
  // Round to a multiple of 10**(-ndigits), half to even.
  Ref<> neg_nd = Ref<>::steal(int_neg(ts, nd.get()));
  if (!neg_nd) return nullptr;
  int64_t k;
  uint64_t digits_bound = int_bit_length(self) * 3 / 10 + 2;
  if (!int_to_i64(neg_nd.get(), &k) || static_cast<uint64_t>(k) > digits_bound)
    return int_from(ts, 0);
  BigInt p;
  limb_t ten = 10;
  big_pow(BigView{&ten, 1, false}, static_cast<uint64_t>(k), &p);
  limb_t x;
  BigInt q, r;
  big_divmod(int_view(self, &x), p.view(), &q, &r);
  BigInt twice;
  big_add(r.view(), r.view(), &twice);
  int c = big_cmp(twice.view(), p.view());
  if (c > 0 || (c == 0 && !q.is_zero() && (q.mag[0] & 1))) {
    limb_t one = 1;
    big_add(q.view(), BigView{&one, 1, false}, &q);
  }
  BigInt res;
  big_mul(q.view(), p.view(), &res);
  return int_from_bigint(ts, std::move(res));
}

Object* m_format(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!no_kwargs(ts, "__format__", kw) || !check_nargs(ts, "__format__", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "__format__() argument must be str, not %s",
                 type_name(args[0]));
  return int_format(ts, self, str_view(args[0]));
}

bool parse_byteorder(ThreadState* ts, Object* o, bool* little) {
  if (!o) {
    *little = false;
    return true;
  }
  if (!is_str(o)) {
    raise(ts, &exc::TypeError, "to_bytes() argument 'byteorder' must be str, not %s", type_name(o));
    return false;
  }
  if (str_eq(o, "little")) {
    *little = true;
  } else if (str_eq(o, "big")) {
    *little = false;
  } else {
    raise(ts, &exc::ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

Object* m_to_bytes(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  Object* a[3] = {};
  if (!parse_args(ts, "to_bytes", args, nargs, kw, {"length", "byteorder", "signed"}, 0, a))
    return nullptr;
  ssize length = 1;
  if (a[0] && !index_as_ssize(ts, a[0], &length)) return nullptr;
  if (length < 0) return raise(ts, &exc::ValueError, "length argument must be non-negative");
  bool little;
  if (!parse_byteorder(ts, a[1], &little)) return nullptr;
  bool is_signed = false;
  if (a[2]) {
    int t = truthy(ts, a[2]);
    if (t < 0) return nullptr;
    is_signed = t;
  }
  limb_t buf;
  BigView v = int_view(self, &buf);
  if (v.neg && !is_signed)
    return raise(ts, &exc::OverflowError, "can't convert negative int to unsigned");
  // Two's complement bytes, little-endian first.
  std::string out(static_cast<size_t>(length), '\0');
  uint64_t bits = int_bit_length(self);
  // Needed bytes: unsigned: ceil(bits/8); signed: the value must fit in length*8 bits signed.
  bool fits;
  if (!is_signed) {
    fits = bits <= static_cast<uint64_t>(length) * 8;
  } else if (!v.neg) {
    fits = bits + 1 <= static_cast<uint64_t>(length) * 8;
  } else {
    // -2^(8L-1) <= v: |v| <= 2^(8L-1)
    uint64_t lim = static_cast<uint64_t>(length) * 8;
    if (lim == 0) {
      fits = false;
    } else if (bits < lim) {
      fits = true;
    } else if (bits == lim) {
      // |v| == 2^(lim-1) exactly
      fits = false;
    } else {
      fits = false;
    }
    if (!fits && bits == lim) {
      // power of two check: |v| == 2^(lim-1) means bits == lim... bits(2^(lim-1)) == lim
      bool pow2 = true;
      for (size_t i = 0; i + 1 < v.n; ++i) pow2 = pow2 && v.d[i] == 0;
      pow2 = pow2 && (__builtin_popcountll(v.d[v.n - 1]) == 1);
      fits = pow2;
    }
  }
  if (!fits) return raise(ts, &exc::OverflowError, "int too big to convert");
  // Magnitude bytes then two's complement.
  for (ssize i = 0; i < length; ++i) {
    size_t li = static_cast<size_t>(i) / 8;
    unsigned char byte = li < v.n ? static_cast<unsigned char>(v.d[li] >> (8 * (i % 8))) : 0;
    out[static_cast<size_t>(i)] = static_cast<char>(byte);
  }
  if (v.neg) {
    unsigned carry = 1;
    for (ssize i = 0; i < length; ++i) {
      unsigned t = static_cast<unsigned char>(~out[static_cast<size_t>(i)]) + carry;
      out[static_cast<size_t>(i)] = static_cast<char>(t & 0xFF);
      carry = t >> 8;
    }
  }
  if (!little) std::reverse(out.begin(), out.end());
  return bytes_from(ts, out);
}

Object* m_from_bytes(ThreadState* ts, Object* cls, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  Object* a[3] = {};
  if (!parse_args(ts, "from_bytes", args, nargs, kw, {"bytes", "byteorder", "signed"}, 1, a))
    return nullptr;
  bool little;
  if (!parse_byteorder(ts, a[1], &little)) return nullptr;
  bool is_signed = false;
  if (a[2]) {
    int t = truthy(ts, a[2]);
    if (t < 0) return nullptr;
    is_signed = t;
  }
  Ref<> holder;
  std::string_view data;
  if (is_bytes(a[0]) || is_bytearray(a[0])) {
    if (!buffer_view(ts, a[0], &data)) return nullptr;
  } else {
    holder = Ref<>::steal(call1(ts, &BytesType, a[0]));
    if (!holder) return nullptr;
    data = bytes_view(holder.get());
  }
  std::string le(data);
  if (!little) std::reverse(le.begin(), le.end());
  BigInt r;
  r.mag.assign((le.size() + 7) / 8, 0);
  for (size_t i = 0; i < le.size(); ++i)
    r.mag[i / 8] |= static_cast<limb_t>(static_cast<unsigned char>(le[i])) << (8 * (i % 8));
  r.normalize();
  if (is_signed && !le.empty() && (static_cast<unsigned char>(le.back()) & 0x80)) {
    // value - 2^(8n)
    BigInt one(1), p;
    big_lshift(one.view(), 8 * le.size(), &p);
    big_sub(r.view(), p.view(), &r);
  }
  Object* v = int_from_bigint(ts, std::move(r));
  if (!v || cls == reinterpret_cast<Object*>(&IntType)) return v;
  Ref<> vr = Ref<>::steal(v);
  return call1(ts, cls, v);
}

Object* m_pow(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__pow__", kw) || !check_nargs(ts, "__pow__", nargs, 1, 2)) return nullptr;
  return int_pow3(ts, self, args[0], nargs > 1 ? args[1] : nullptr);
}
Object* m_rpow(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__rpow__", kw) || !check_nargs(ts, "__rpow__", nargs, 1, 2)) return nullptr;
  return int_pow3(ts, args[0], self, nargs > 1 ? args[1] : nullptr);
}
Object* m_divmod(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!no_kwargs(ts, "__divmod__", kw) || !check_nargs(ts, "__divmod__", nargs, 1, 1))
    return nullptr;
  return int_divmod(ts, self, args[0]);
}
Object* m_rdivmod(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  if (!no_kwargs(ts, "__rdivmod__", kw) || !check_nargs(ts, "__rdivmod__", nargs, 1, 1))
    return nullptr;
  return int_divmod(ts, args[0], self);
}

Object* g_self(ThreadState* ts, Object* self) { return int_exact_copy(ts, self); }
Object* g_zero(ThreadState* ts, Object*) { return int_from(ts, 0); }
Object* g_one(ThreadState* ts, Object*) { return int_from(ts, 1); }

const MethodDef int_methods[] = {
    {"bit_length", m_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", m_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"to_bytes", m_to_bytes, 0, "Return an array of bytes representing an integer."},
    {"from_bytes", m_from_bytes, kMethClass,
     "Return the integer represented by the given array of bytes."},
    {"conjugate", m_self_int, 0, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", m_as_integer_ratio, 0, "Return integer ratio."},
    {"__trunc__", m_self_int, 0, "Truncating an Integral returns itself."},
    {"__floor__", m_self_int, 0, "Flooring an Integral returns itself."},
    {"__ceil__", m_self_int, 0, "Ceiling of an Integral returns itself."},
    {"__round__", m_round, 0, "Rounding an Integral returns itself."},
    {"__format__", m_format, 0, nullptr},
    {"__getnewargs__", m_getnewargs, 0, nullptr},
    {"__sizeof__", m_sizeof, 0, "Returns size in memory, in bytes."},
    {"__pow__", m_pow, 0, "Return pow(self, value, mod)."},
    {"__rpow__", m_rpow, 0, "Return pow(value, self, mod)."},
    {"__divmod__", m_divmod, 0, "Return divmod(self, value)."},
    {"__rdivmod__", m_rdivmod, 0, "Return divmod(value, self)."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef int_getsets[] = {
    {"real", g_self, nullptr},       {"imag", g_zero, nullptr},   {"numerator", g_self, nullptr},
    {"denominator", g_one, nullptr}, {nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject IntType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "int";
  t.basicsize = sizeof(IntObject);
  t.flags = kBaseType | kIntSubclass | kImmutableType;
  t.base = &ObjectType;
  t.doc =
      "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an "
      "integer, or return 0 if no arguments\nare given.";
  t.dealloc = int_dealloc;
  t.repr = int_repr;
  t.hash = int_hash;
  t.richcompare = int_richcompare;
  t.boolean = int_bool;
  t.nb[int(BinOp::Add)] = int_add;
  t.nb[int(BinOp::Sub)] = int_sub;
  t.nb[int(BinOp::Mul)] = int_mul;
  t.nb[int(BinOp::TrueDiv)] = int_truediv;
  t.nb[int(BinOp::FloorDiv)] = int_floordiv;
  t.nb[int(BinOp::Mod)] = int_mod;
  t.nb[int(BinOp::Pow)] = int_pow_slot;
  t.nb[int(BinOp::LShift)] = int_lshift;
  t.nb[int(BinOp::RShift)] = int_rshift;
  t.nb[int(BinOp::And)] = int_and;
  t.nb[int(BinOp::Or)] = int_or;
  t.nb[int(BinOp::Xor)] = int_xor;
  t.neg = int_neg;
  t.pos = int_pos;
  t.invert = int_invert;
  t.abs = int_abs;
  t.nb_int = int_nb_int;
  t.nb_float = int_nb_float;
  t.nb_index = int_nb_int;
  t.new_ = int_new;
  t.methods = int_methods;
  t.getsets = int_getsets;
  return t;
}();

// ---- public API
// ----------------------------------------------------------------------------------

Object* int_from(ThreadState* ts, int64_t v) {
  if (v >= kSmallIntMin && v <= kSmallIntMax) return int_small(v);
  return new_int_obj(ts, &IntType, v, nullptr);
}

Object* int_from_u64(ThreadState* ts, uint64_t v) {
  if (v <= static_cast<uint64_t>(INT64_MAX)) return int_from(ts, static_cast<int64_t>(v));
  return new_int_obj(ts, &IntType, 0, new BigInt(BigInt::from_u64(v)));
}

Object* int_from_double(ThreadState* ts, double v) {
  if (std::isinf(v))
    return raise(ts, &exc::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(v)) return raise(ts, &exc::ValueError, "cannot convert float NaN to integer");
  if (v > -9.2e18 && v < 9.2e18) return int_from(ts, static_cast<int64_t>(v));
  return int_from_bigint(ts, BigInt::from_double(v));
}

Object* int_from_string(ThreadState* ts, std::string_view text, int base) {
  return parse_int(ts, text, base, false);
}

bool int_to_i64(const Object* o, int64_t* out) {
  if (!I(o)->big) {
    *out = I(o)->value;
    return true;
  }
  return false;
}

bool int_as_ssize(ThreadState* ts, Object* o, ssize* out) {
  if (!I(o)->big) {
    *out = I(o)->value;
    return true;
  }
  raise(ts, &exc::OverflowError, "Python int too large to convert to C ssize_t");
  return false;
}

double int_to_double(ThreadState* ts, Object* o, bool* ok) {
  *ok = true;
  if (!I(o)->big) return static_cast<double>(I(o)->value);
  bool overflow;
  double d = I(o)->big->to_double(&overflow);
  if (overflow) {
    *ok = false;
    int_too_large_for_float(ts);
    return -1.0;
  }
  return d;
}

std::string int_to_decimal(const Object* o) {
  if (!I(o)->big) return std::to_string(I(o)->value);
  return I(o)->big->to_string(10);
}

int int_sign(const Object* o) {
  if (I(o)->big) return I(o)->big->sign();
  int64_t v = I(o)->value;
  return v < 0 ? -1 : (v > 0 ? 1 : 0);
}

Object* bool_from(bool b) { return py_bool(b); }

Object* int_from_bigint(ThreadState* ts, BigInt&& b) {
  int64_t v;
  if (b.to_i64(&v)) return int_from(ts, v);
  return new_int_obj(ts, &IntType, 0, new BigInt(std::move(b)));
}

BigView int_view(const Object* o, limb_t* buf) {
  const IntObject* x = I(o);
  return x->big ? x->big->view() : view_i64(x->value, buf);
}

BigInt int_to_bigint(const Object* o) {
  if (I(o)->big) return *I(o)->big;
  return BigInt(I(o)->value);
}

Object* int_exact_copy(ThreadState* ts, Object* o) {
  if (is_int_exact(o)) return newref(o);
  if (!I(o)->big) return int_from(ts, I(o)->value);
  return new_int_obj(ts, &IntType, 0, new BigInt(*I(o)->big));
}

Object* int_divmod(ThreadState* ts, Object* a, Object* b) {
  INT_BINOP_CHECK(a, b);
  Object *q, *r;
  if (!int_divmod_impl(ts, a, b, &q, &r, "integer division or modulo by zero")) return nullptr;
  TupleObject* t = tuple_new(ts, 2);
  if (!t) {
    decref(q);
    decref(r);
    return nullptr;
  }
  t->items[0] = q;
  t->items[1] = r;
  return t;
}

Object* int_pow3(ThreadState* ts, Object* a, Object* b, Object* mod) {
  if (!mod || is_none(mod)) {
    INT_BINOP_CHECK(a, b);
    return int_pow2(ts, a, b);
  }
  if (!is_int(a) || !is_int(b) || !is_int(mod)) return not_implemented();
  if (is_zero_int(mod)) return raise(ts, &exc::ValueError, "pow() 3rd argument cannot be 0");
  limb_t xa, xb, xm;
  BigView m = int_view(mod, &xm);
  bool mneg = m.neg;
  m.neg = false;
  BigView base = int_view(a, &xa);
  BigView e = int_view(b, &xb);
  BigInt inv;
  if (e.neg) {
    if (!big_modinv(base, m, &inv))
      return raise(ts, &exc::ValueError, "base is not invertible for the given modulus");
    base = inv.view();
    e.neg = false;
  }
  BigInt r;
  if (m.n == 1 && base.n <= 1 && e.n <= 1) {
    // Fast path: everything fits in a limb.
    uint64_t mv = m.d[0];
    unsigned __int128 acc = 1 % mv;
    uint64_t bv = base.n ? base.d[0] % mv : 0;
    if (base.neg && bv) bv = mv - bv;
    uint64_t ev = e.n ? e.d[0] : 0;
    unsigned __int128 sq = bv;
    while (ev) {
      if (ev & 1) acc = (acc * sq) % mv;
      sq = (sq * sq) % mv;
      ev >>= 1;
    }
    r = BigInt::from_u64(static_cast<uint64_t>(acc));
  } else {
    big_powmod(base, e, m, &r);
  }
  if (mneg && !r.is_zero()) {
    // Result takes the modulus's sign: r - |m|.
    big_sub(r.view(), m, &r);
  }
  return int_from_bigint(ts, std::move(r));
}

Object* int_from_object(ThreadState* ts, Object* x) {
  if (is_int_exact(x)) return newref(x);
  TypeObject* t = x->type;
  if (t->nb_int) {
    Object* r = t->nb_int(ts, x);
    if (!r) return nullptr;
    if (is_int_exact(r)) return r;
    if (!is_int(r)) {
      Ref<> rr = Ref<>::steal(r);
      return raise(ts, &exc::TypeError, "__int__ returned non-int (type %s)", type_name(r));
    }
    Ref<> rr = Ref<>::steal(r);
    return int_exact_copy(ts, r);
  }
  if (t->nb_index) {
    Object* r = number_index(ts, x);
    if (!r) return nullptr;
    Ref<> rr = Ref<>::steal(r);
    return int_exact_copy(ts, r);
  }
  Object* trunc = type_lookup(t, names.__trunc__);
  if (trunc) {
    Ref<> r = Ref<>::steal(call_method(ts, x, "__trunc__"));
    if (!r) return nullptr;
    if (is_int(r.get())) return int_exact_copy(ts, r.get());
    if (!r->type->nb_index)
      return raise(ts, &exc::TypeError, "__trunc__ returned non-Integral (type %s)",
                   type_name(r.get()));
    Ref<> i = Ref<>::steal(number_index(ts, r.get()));
    if (!i) return nullptr;
    return int_exact_copy(ts, i.get());
  }
  if (is_str(x)) return parse_int(ts, str_view(x), 10, false);
  if (is_bytes(x) || is_bytearray(x)) {
    std::string_view v;
    if (!buffer_view(ts, x, &v)) return nullptr;
    return parse_int(ts, v, 10, true);
  }
  return raise(ts, &exc::TypeError,
               "int() argument must be a string, a bytes-like object or a real number, not '%s'",
               type_name(x));
}

int int_max_str_digits(ThreadState* ts) { return ts->interp->int_max_str_digits; }

bool int_set_max_str_digits(ThreadState* ts, int64_t value) {
  if (value != 0 && (value < 640 || value > INT_MAX)) {
    raise(ts, &exc::ValueError, "maxdigits must be 0 or larger than 640");
    return false;
  }
  ts->interp->int_max_str_digits = static_cast<int>(value);
  return true;
}

int64_t int_hash_value(const Object* o) {
  const IntObject* x = I(o);
  int64_t h;
  if (!x->big) {
    int64_t v = x->value;
    uint64_t m = v < 0 ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
    uint64_t r = m % kHashModulus;
    h = v < 0 ? -static_cast<int64_t>(r) : static_cast<int64_t>(r);
  } else {
    limb_t buf;
    BigView v = int_view(o, &buf);
    uint64_t r = big_mod_u64(v, kHashModulus);
    h = v.neg ? -static_cast<int64_t>(r) : static_cast<int64_t>(r);
  }
  return h == -1 ? -2 : h;
}

// ---- __format__
// ------------------------------------------------------------------------------------

Object* int_format(ThreadState* ts, Object* self, std::string_view spec_text) {
  if (spec_text.empty()) return str(ts, self);
  FormatSpec spec;
  if (!parse_format_spec(ts, spec_text, &spec, '>', 'd', type_name(self))) return nullptr;
  switch (spec.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      bool ok;
      double d = int_to_double(ts, self, &ok);
      if (!ok) return nullptr;
      return float_format_double(ts, d, spec);
    }
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
    case 0:
      break;
    default:
      return raise_unknown_format_code(ts, spec.type, type_name(self));
  }
  if (spec.precision >= 0)
    return raise(ts, &exc::ValueError, "Precision not allowed in integer format specifier");
  if (spec.no_neg_zero)
    return raise(ts, &exc::ValueError,
                 "Negative zero coercion (z) not allowed in integer format specifier");
  if (spec.type == 'c') {
    if (spec.sign)
      return raise(ts, &exc::ValueError, "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate)
      return raise(ts, &exc::ValueError,
                   "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t v;
    if (!int_to_i64(self, &v) || v < 0 || v > 0x10FFFF)
      return raise(ts, &exc::OverflowError, "%%c arg not in range(0x110000)");
    std::string ch;
    append_utf8(&ch, static_cast<uint32_t>(v));
    return make_str(ts, format_number(spec, "", "", "", ch));
  }
  int base = 10;
  const char* prefix = "";
  switch (spec.type) {
    case 'b':
      base = 2;
      prefix = "0b";
      break;
    case 'o':
      base = 8;
      prefix = "0o";
      break;
    case 'x':
      base = 16;
      prefix = "0x";
      break;
    case 'X':
      base = 16;
      prefix = "0X";
      break;
    default:
      break;
  }
  std::string digits;
  bool neg = int_sign(self) < 0;
  if (base == 10) {
    if (!int_decimal_checked(ts, self, &digits)) return nullptr;
    if (neg) digits.erase(0, 1);
  } else {
    if (!I(self)->big) {
      int64_t v = I(self)->value;
      uint64_t m = v < 0 ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
      BigInt t = BigInt::from_u64(m);
      digits = t.to_string(base);
    } else {
      BigInt t = *I(self)->big;
      t.neg = false;
      digits = t.to_string(base);
    }
    if (spec.type == 'X')
      for (char& c : digits) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  }
  const char* sign = neg ? "-" : (spec.sign == '+' ? "+" : (spec.sign == ' ' ? " " : ""));
  int group = (spec.grouping == '_' && base != 10) ? 4 : 3;
  return make_str(ts, format_number(spec, sign, spec.alternate ? prefix : "", digits, "", group));
}

}  // namespace gp
