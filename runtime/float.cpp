// float: IEEE double. repr uses the shortest round-trip digits (std::to_chars) laid out as
// CPython's float_repr_style 'short'; other formats use glibc's correctly rounded printf digits
// laid out by double_to_string (CPython's PyOS_double_to_string rules). Comparisons with ints are
// exact, and hashes agree with int hashes for integral values (modulus 2**61 - 1).
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "runtime/bigint.h"
#include "runtime/format_spec.h"
#include "runtime/runtime.h"
#include "runtime/unicode.h"

namespace gp {

namespace {

constexpr uint64_t kHashModulus = (static_cast<uint64_t>(1) << 61) - 1;
constexpr int kHashBits = 61;

inline FloatObject* F(Object* o) { return static_cast<FloatObject*>(o); }

// Converts a float or int operand; false with *ni set when the operand is another type.
bool to_double_operand(ThreadState* ts, Object* o, double* out, bool* not_impl) {
  *not_impl = false;
  if (is_float(o)) {
    *out = float_value(o);
    return true;
  }
  if (is_int(o)) {
    bool ok;
    *out = int_to_double(ts, o, &ok);
    return ok;
  }
  *not_impl = true;
  return false;
}

#define FLOAT_OPERANDS(a, b, x, y)                                                   \
  double x, y;                                                                       \
  {                                                                                  \
    bool ni;                                                                         \
    if (!to_double_operand(ts, a, &x, &ni)) return ni ? not_implemented() : nullptr; \
    if (!to_double_operand(ts, b, &y, &ni)) return ni ? not_implemented() : nullptr; \
  }

// Digits and decimal point position: value = 0.d1d2d3... * 10^decpt.
struct Digits {
  std::string d;
  int decpt;
};

// Shortest round-trip digits of |v| (v finite).
Digits shortest_digits(double v) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  size_t epos = s.find('e');
  Digits r;
  for (char c : s.substr(0, epos))
    if (c != '.') r.d.push_back(c);
  int exp = std::atoi(std::string(s.substr(epos + 1)).c_str());
  r.decpt = exp + 1;
  while (r.d.size() > 1 && r.d.back() == '0') r.d.pop_back();
  if (r.d == "0") r.decpt = 1;
  return r;
}

// n significant digits of |v|, correctly rounded (n >= 1).
Digits sig_digits(double v, int n) {
  std::string buf(static_cast<size_t>(n) + 32, '\0');
  int len = snprintf(buf.data(), buf.size(), "%.*e", n - 1, std::fabs(v));
  buf.resize(static_cast<size_t>(len));
  size_t epos = buf.find('e');
  Digits r;
  for (size_t i = 0; i < epos; ++i)
    if (buf[i] != '.') r.d.push_back(buf[i]);
  r.decpt = std::atoi(buf.c_str() + epos + 1) + 1;
  if (v == 0) r.decpt = 1;
  return r;
}

void append_exponent(std::string* out, int exp, char e) {
  out->push_back(e);
  out->push_back(exp < 0 ? '-' : '+');
  int a = exp < 0 ? -exp : exp;
  if (a < 10) out->push_back('0');
  out->append(std::to_string(a));
}

std::string layout_fixed(const std::string& d, int decpt, bool force_point) {
  std::string out;
  int n = static_cast<int>(d.size());
  if (decpt <= 0) {
    out = "0.";
    out.append(static_cast<size_t>(-decpt), '0');
    out += d;
  } else if (decpt >= n) {
    out = d;
    out.append(static_cast<size_t>(decpt - n), '0');
    if (force_point) out.push_back('.');
  } else {
    out = d.substr(0, static_cast<size_t>(decpt));
    out.push_back('.');
    out += d.substr(static_cast<size_t>(decpt));
  }
  return out;
}

std::string layout_exp(const std::string& d, int decpt, bool force_point, char e) {
  std::string out;
  out.push_back(d[0]);
  if (d.size() > 1 || force_point) out.push_back('.');
  out.append(d, 1, std::string::npos);
  append_exponent(&out, decpt - 1, e);
  return out;
}

bool all_zero_digits(std::string_view s) {
  for (char c : s)
    if (c >= '1' && c <= '9') return false;
  return true;
}

}  // namespace

std::string double_to_string(double v, char type, int precision, bool alt, bool add_dot_0,
                             bool no_neg_zero) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char t = static_cast<char>(tolower(static_cast<unsigned char>(type)));
  std::string out;
  if (std::isnan(v)) return upper ? "NAN" : "nan";
  bool neg = std::signbit(v);
  if (std::isinf(v)) {
    out = neg ? "-" : "";
    out += upper ? "INF" : "inf";
    return out;
  }
  std::string body;
  if (t == 'f') {
    std::string buf(static_cast<size_t>(precision) + 340, '\0');
    int len = snprintf(buf.data(), buf.size(), alt ? "%#.*f" : "%.*f", precision, std::fabs(v));
    buf.resize(static_cast<size_t>(len));
    body = buf;
  } else if (t == 'e') {
    Digits d = sig_digits(v, precision + 1);
    body = layout_exp(d.d, d.decpt, alt, 'e');
  } else if (t == 'g') {
    int p = precision == 0 ? 1 : precision;
    Digits d = sig_digits(v, p);
    if (!alt)
      while (d.d.size() > 1 && d.d.back() == '0') d.d.pop_back();
    bool use_exp = d.decpt <= -4 || d.decpt > (add_dot_0 ? p - 1 : p);
    if (v == 0) use_exp = false;
    if (use_exp) {
      body = layout_exp(d.d, d.decpt, alt, 'e');
    } else {
      body = layout_fixed(d.d, d.decpt, alt);
      if (add_dot_0 && body.find('.') == std::string::npos) body += ".0";
    }
  } else {  // 'r'
    Digits d = shortest_digits(v);
    bool use_exp = d.decpt <= -4 || d.decpt > 16;
    if (use_exp) {
      body = layout_exp(d.d, d.decpt, alt, 'e');
    } else {
      body = layout_fixed(d.d, d.decpt, alt);
      if (add_dot_0 && body.find('.') == std::string::npos) body += ".0";
    }
  }
  if (upper)
    for (char& c : body) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
  if (neg && !(no_neg_zero && all_zero_digits(body))) out = "-";
  out += body;
  return out;
}

std::string float_repr(double v) { return double_to_string(v, 'r', 0, false, true); }

Object* float_from(ThreadState* ts, double v) {
  auto* f = alloc<FloatObject>(ts, &FloatType);
  if (!f) return nullptr;
  f->value = v;
  return f;
}

bool as_double(ThreadState* ts, Object* o, double* out) {
  if (is_float(o)) {
    *out = float_value(o);
    return true;
  }
  if (is_int(o)) {
    bool ok;
    *out = int_to_double(ts, o, &ok);
    return ok;
  }
  if (o->type->nb_float) {
    Ref<> r = Ref<>::steal(o->type->nb_float(ts, o));
    if (!r) return false;
    if (!is_float(r.get())) {
      raise(ts, &exc::TypeError, "%s.__float__ returned non-float (type %s)", type_name(o),
            type_name(r.get()));
      return false;
    }
    *out = float_value(r.get());
    return true;
  }
  if (o->type->nb_index) {
    Ref<> r = Ref<>::steal(number_index(ts, o));
    if (!r) return false;
    bool ok;
    *out = int_to_double(ts, r.get(), &ok);
    return ok;
  }
  raise(ts, &exc::TypeError, "must be real number, not %s", type_name(o));
  return false;
}

int64_t float_hash_value(double v, const Object* obj) {
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) {
    uint64_t y = reinterpret_cast<uintptr_t>(obj);
    y = (y >> 4) | (y << 60);
    int64_t h = static_cast<int64_t>(y);
    return h == -1 ? -2 : h;
  }
  if (v == 0) return 0;
  int e;
  double m = std::frexp(std::fabs(v), &e);  // |v| = m * 2^e
  // |v| = mant * 2^(e - 53) with mant a 53-bit integer.
  uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
  int exp = e - 53;
  uint64_t x = mant % kHashModulus;
  // Multiply by 2^exp modulo 2^61 - 1: a rotation of the 61-bit value.
  int r = exp >= 0 ? exp % kHashBits : kHashBits - 1 - ((-1 - exp) % kHashBits);
  x = ((x << r) & kHashModulus) | (x >> (kHashBits - r));
  int64_t h = static_cast<int64_t>(x);
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}

bool float_parse(std::string_view text, double* out) {
  size_t b = 0, e = text.size();
  auto sp = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (b < e && sp(text[b])) ++b;
  while (e > b && sp(text[e - 1])) --e;
  std::string s;
  s.reserve(e - b);
  // Underscores only between digits.
  for (size_t i = b; i < e; ++i) {
    char c = text[i];
    if (c == '_') {
      if (i == b || i + 1 >= e || !isdigit(static_cast<unsigned char>(text[i - 1])) ||
          !isdigit(static_cast<unsigned char>(text[i + 1])))
        return false;
      continue;
    }
    s.push_back(c);
  }
  bool neg = false;
  size_t p = 0;
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    neg = s[p] == '-';
    ++p;
  }
  std::string rest = s.substr(p);
  std::string low = rest;
  for (char& c : low) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  double v;
  if (low == "inf" || low == "infinity") {
    v = HUGE_VAL;
  } else if (low == "nan") {
    v = NAN;
  } else {
    // Validate: digits [. digits] [e [sign] digits] with at least one mantissa digit.
    size_t i = 0, n = rest.size();
    size_t md = 0;
    while (i < n && isdigit(static_cast<unsigned char>(rest[i]))) ++i, ++md;
    if (i < n && rest[i] == '.') {
      ++i;
      while (i < n && isdigit(static_cast<unsigned char>(rest[i]))) ++i, ++md;
    }
    if (md == 0) return false;
    if (i < n && (rest[i] == 'e' || rest[i] == 'E')) {
      ++i;
      if (i < n && (rest[i] == '+' || rest[i] == '-')) ++i;
      size_t ed = 0;
      while (i < n && isdigit(static_cast<unsigned char>(rest[i]))) ++i, ++ed;
      if (ed == 0) return false;
    }
    if (i != n) return false;
    auto res = std::from_chars(rest.data(), rest.data() + n, v, std::chars_format::general);
    if (res.ec == std::errc::result_out_of_range) {
      v = std::strtod(rest.c_str(), nullptr);
    } else if (res.ec != std::errc() || res.ptr != rest.data() + n) {
      return false;
    }
  }
  *out = neg ? -v : v;
  return true;
}

int int_float_compare(const Object* i, double d) {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  int64_t v;
  if (int_to_i64(i, &v) && v >= -(int64_t(1) << 53) && v <= (int64_t(1) << 53)) {
    double x = static_cast<double>(v);
    return x < d ? -1 : (x > d ? 1 : 0);
  }
  double fl = std::floor(d);
  BigInt fb = BigInt::from_double(fl);
  limb_t buf;
  int c = big_cmp(int_view(i, &buf), fb.view());
  if (c != 0) return c;
  return d > fl ? -1 : 0;
}

namespace {

std::string bytes_or_str_repr(Object* o) {
  if (is_str(o)) return str_repr_text(str_view(o));
  std::string_view b = bytes_view(o);
  std::string out = "b'";
  for (unsigned char c : b) {
    if (c == '\'' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 32 || c >= 127) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out += "'";
  return out;
}

// float(str): Unicode whitespace and digits are accepted as CPython does.
Object* float_from_text(ThreadState* ts, Object* src, std::string_view text, bool is_str_src) {
  std::string norm;
  std::string_view s = text;
  if (is_str_src) {
    bool ascii = true;
    for (unsigned char c : text)
      if (c >= 0x80) ascii = false;
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
          norm.push_back(d < 0 ? '\x01' : static_cast<char>('0' + d));
        }
      }
      s = norm;
    }
  }
  double v;
  if (!float_parse(s, &v)) {
    std::string r = is_str_src ? str_repr_text(text) : bytes_or_str_repr(src);
    return raise(ts, &exc::ValueError, "could not convert string to float: %s", r.c_str());
  }
  return float_from(ts, v);
}

Object* float_from_any(ThreadState* ts, Object* x) {
  if (is_float(x)) return float_from(ts, float_value(x));
  if (is_str(x)) return float_from_text(ts, x, str_view(x), true);
  if (is_bytes(x) || is_bytearray(x)) {
    std::string_view v;
    if (!buffer_view(ts, x, &v)) return nullptr;
    return float_from_text(ts, x, v, false);
  }
  if (x->type->nb_float) {
    Object* r = x->type->nb_float(ts, x);
    if (!r) return nullptr;
    if (!is_float(r)) {
      Ref<> rr = Ref<>::steal(r);
      return raise(ts, &exc::TypeError, "%s.__float__ returned non-float (type %s)", type_name(x),
                   type_name(r));
    }
    return r;
  }
  if (x->type->nb_index) {
    double d;
    if (!as_double(ts, x, &d)) return nullptr;
    return float_from(ts, d);
  }
  return raise(ts, &exc::TypeError, "float() argument must be a string or a real number, not '%s'",
               type_name(x));
}

Object* float_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                  TupleObject* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise(ts, &exc::TypeError, "float() takes no keyword arguments");
  if (nargs > 1)
    return raise(ts, &exc::TypeError, "float expected at most 1 argument, got %zu", nargs);
  Object* r = nargs == 0 ? float_from(ts, 0.0) : float_from_any(ts, args[0]);
  if (!r || type == &FloatType) return r;
  double v = float_value(r);
  decref(r);
  auto* f = alloc<FloatObject>(ts, type);
  if (!f) return nullptr;
  f->value = v;
  return f;
}

void float_dealloc(Object* o) { free_object(o); }

Object* float_repr_slot(ThreadState* ts, Object* o) {
  return str_from(ts, float_repr(float_value(o)));
}

int64_t float_hash(ThreadState*, Object* o) { return float_hash_value(float_value(o), o); }

Object* float_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_float(a)) return not_implemented();
  double x = float_value(a);
  int c;  // a vs b: -1, 0, 1, or 2 (unordered)
  if (is_float(b)) {
    double y = float_value(b);
    if (std::isnan(x) || std::isnan(y))
      c = 2;
    else
      c = x < y ? -1 : (x > y ? 1 : 0);
  } else if (is_int(b)) {
    int r = int_float_compare(b, x);
    c = r == 2 ? 2 : -r;
  } else {
    return not_implemented();
  }
  bool res = false;
  if (c == 2) {
    res = op == CmpOp::NE;
  } else {
    switch (op) {
      case CmpOp::LT:
        res = c < 0;
        break;
      case CmpOp::LE:
        res = c <= 0;
        break;
      case CmpOp::EQ:
        res = c == 0;
        break;
      case CmpOp::NE:
        res = c != 0;
        break;
      case CmpOp::GT:
        res = c > 0;
        break;
      case CmpOp::GE:
        res = c >= 0;
        break;
    }
  }
  return py_bool(res);
}

Object* float_add(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_from(ts, x + y);
}
Object* float_sub(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_from(ts, x - y);
}
Object* float_mul(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_from(ts, x * y);
}
Object* float_div(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float division by zero");
  return float_from(ts, x / y);
}

void float_divmod_values(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m != 0.0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Object* float_floordiv(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float floor division by zero");
  double q, r;
  float_divmod_values(x, y, &q, &r);
  return float_from(ts, q);
}

Object* float_mod(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float modulo");
  double m = std::fmod(x, y);
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = std::copysign(0.0, y);
  }
  return float_from(ts, m);
}

Object* float_divmod(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float divmod()");
  double q, r;
  float_divmod_values(x, y, &q, &r);
  Ref<> qo = Ref<>::steal(float_from(ts, q));
  Ref<> ro = Ref<>::steal(float_from(ts, r));
  if (!qo || !ro) return nullptr;
  return tuple_pack(ts, {qo.get(), ro.get()});
}

Object* float_pow(ThreadState* ts, Object* a, Object* b) {
  FLOAT_OPERANDS(a, b, x, y);
  return float_pow_doubles(ts, x, y);
}

Object* float_neg(ThreadState* ts, Object* a) { return float_from(ts, -float_value(a)); }
Object* float_pos(ThreadState* ts, Object* a) {
  if (a->type == &FloatType) return newref(a);
  return float_from(ts, float_value(a));
}
Object* float_abs(ThreadState* ts, Object* a) { return float_from(ts, std::fabs(float_value(a))); }
int float_bool(ThreadState*, Object* a) { return float_value(a) != 0.0; }
Object* float_int(ThreadState* ts, Object* a) { return int_from_double(ts, float_value(a)); }
Object* float_float(ThreadState* ts, Object* a) { return float_pos(ts, a); }

// ---- methods
// ---------------------------------------------------------------------------------------

#define NOARGS(name) \
  if (!no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr

Object* m_is_integer(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  NOARGS("is_integer");
  double v = float_value(self);
  return py_bool(std::isfinite(v) && std::floor(v) == v);
}

Object* m_as_integer_ratio(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                           TupleObject* kw) {
  NOARGS("as_integer_ratio");
  double v = float_value(self);
  if (std::isinf(v))
    return raise(ts, &exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(v)) return raise(ts, &exc::ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(v, &e);
  // Scale the mantissa to an integer.
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --e;
  }
  BigInt num = BigInt::from_double(m), den(1);
  if (e > 0) {
    big_lshift(num.view(), static_cast<uint64_t>(e), &num);
  } else if (e < 0) {
    big_lshift(den.view(), static_cast<uint64_t>(-e), &den);
  }
  Ref<> n = Ref<>::steal(int_from_bigint(ts, std::move(num)));
  Ref<> d = Ref<>::steal(int_from_bigint(ts, std::move(den)));
  if (!n || !d) return nullptr;
  return tuple_pack(ts, {n.get(), d.get()});
}

Object* m_conjugate(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  NOARGS("conjugate");
  return float_pos(ts, self);
}

Object* m_hex(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  NOARGS("hex");
  double v = float_value(self);
  if (std::isnan(v) || std::isinf(v)) return str_from(ts, float_repr(v));
  std::string out = std::signbit(v) ? "-" : "";
  v = std::fabs(v);
  if (v == 0) {
    out += "0x0.0p+0";
    return str_from(ts, out);
  }
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  int bexp = static_cast<int>((bits >> 52) & 0x7FF);
  uint64_t frac = bits & ((static_cast<uint64_t>(1) << 52) - 1);
  int lead = 1, exp;
  if (bexp == 0) {
    lead = 0;
    exp = -1022;
  } else {
    exp = bexp - 1023;
  }
  char buf[64];
  snprintf(buf, sizeof buf, "0x%d.%013llxp%+d", lead, static_cast<unsigned long long>(frac), exp);
  out += buf;
  return str_from(ts, out);
}

Object* m_fromhex(ThreadState* ts, Object* cls, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  if (!no_kwargs(ts, "fromhex", kw) || !check_nargs(ts, "fromhex", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "fromhex() argument must be str, not %s", type_name(args[0]));
  std::string_view s = str_view(args[0]);
  auto sp = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t b = 0, e = s.size();
  while (b < e && sp(s[b])) ++b;
  while (e > b && sp(s[e - 1])) --e;
  std::string t(s.substr(b, e - b));
  bool neg = false;
  size_t p = 0;
  if (p < t.size() && (t[p] == '+' || t[p] == '-')) neg = t[p++] == '-';
  std::string rest = t.substr(p);
  std::string low = rest;
  for (char& c : low) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
  double v;
  if (low == "inf" || low == "infinity") {
    v = HUGE_VAL;
  } else if (low == "nan") {
    v = NAN;
  } else {
    size_t i = 0;
    if (low.size() >= 2 && low[0] == '0' && low[1] == 'x') i = 2;
    size_t digits = 0;
    while (i < low.size() && isxdigit(static_cast<unsigned char>(low[i]))) ++i, ++digits;
    if (i < low.size() && low[i] == '.') {
      ++i;
      while (i < low.size() && isxdigit(static_cast<unsigned char>(low[i]))) ++i, ++digits;
    }
    bool ok = digits > 0;
    if (ok && i < low.size() && low[i] == 'p') {
      ++i;
      if (i < low.size() && (low[i] == '+' || low[i] == '-')) ++i;
      size_t ed = 0;
      while (i < low.size() && isdigit(static_cast<unsigned char>(low[i]))) ++i, ++ed;
      ok = ed > 0;
    }
    if (!ok || i != low.size())
      return raise(ts, &exc::ValueError, "invalid hexadecimal floating-point string");
    std::string h = (low.size() >= 2 && low[0] == '0' && low[1] == 'x') ? low : "0x" + low;
    errno = 0;
    v = std::strtod(h.c_str(), nullptr);
    if (std::isinf(v))
      return raise(ts, &exc::OverflowError, "hexadecimal value too large to represent as a float");
  }
  Ref<> r = Ref<>::steal(float_from(ts, neg ? -v : v));
  if (!r || cls == static_cast<Object*>(&FloatType)) return r.release();
  return call1(ts, cls, r.get());
}

// round(x, ndigits) correctly rounded (half-even on the exact binary value), as CPython.
Object* round_to_digits(ThreadState* ts, double x, int64_t nd) {
  if (!std::isfinite(x) || x == 0.0) return float_from(ts, x);
  if (nd > 323) return float_from(ts, x);
  if (nd < -308) return float_from(ts, 0.0 * x);
  // x = mant * 2^exp exactly.
  int e;
  double m = std::frexp(std::fabs(x), &e);
  uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
  int exp = e - 53;
  BigInt num = BigInt::from_u64(mant), den(1), p10;
  limb_t ten = 10;
  big_pow(BigView{&ten, 1, false}, static_cast<uint64_t>(nd < 0 ? -nd : nd), &p10);
  // value * 10^nd = num / den
  if (exp >= 0)
    big_lshift(num.view(), static_cast<uint64_t>(exp), &num);
  else
    big_lshift(den.view(), static_cast<uint64_t>(-exp), &den);
  if (nd >= 0)
    big_mul(num.view(), p10.view(), &num);
  else
    big_mul(den.view(), p10.view(), &den);
  BigInt q, r, twice;
  big_divmod(num.view(), den.view(), &q, &r);
  big_add(r.view(), r.view(), &twice);
  int c = big_cmp(twice.view(), den.view());
  if (c > 0 || (c == 0 && !q.is_zero() && (q.mag[0] & 1))) {
    limb_t one = 1;
    big_add(q.view(), BigView{&one, 1, false}, &q);
  }
  double res;
  bool overflow = false;
  if (nd >= 0) {
    res = big_truediv(q.view(), p10.view(), &overflow);
  } else {
    BigInt full;
    big_mul(q.view(), p10.view(), &full);
    res = full.to_double(&overflow);
  }
  if (overflow) return raise(ts, &exc::OverflowError, "rounded value too large to represent");
  return float_from(ts, std::copysign(res, x));
}

Object* m_round(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__round__", kw) || !check_nargs(ts, "__round__", nargs, 0, 1)) return nullptr;
  double x = float_value(self);
  if (nargs == 0 || is_none(args[0])) {
    double r = std::round(x);
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
    return int_from_double(ts, r);
  }
  Ref<> nd = Ref<>::steal(number_index(ts, args[0]));
  if (!nd) return nullptr;
  int64_t n;
  if (!int_to_i64(nd.get(), &n)) n = int_sign(nd.get()) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
  return round_to_digits(ts, x, n);
}

Object* m_trunc(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  NOARGS("__trunc__");
  return int_from_double(ts, float_value(self));
}
Object* m_floor(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  NOARGS("__floor__");
  return int_from_double(ts, std::floor(float_value(self)));
}
Object* m_ceil(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  NOARGS("__ceil__");
  return int_from_double(ts, std::ceil(float_value(self)));
}
Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  NOARGS("__getnewargs__");
  Ref<> v = Ref<>::steal(float_from(ts, float_value(self)));
  if (!v) return nullptr;
  return tuple_pack(ts, {v.get()});
}
Object* m_format(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!no_kwargs(ts, "__format__", kw) || !check_nargs(ts, "__format__", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "__format__() argument must be str, not %s",
                 type_name(args[0]));
  return float_format(ts, self, str_view(args[0]));
}
Object* m_pow(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__pow__", kw) || !check_nargs(ts, "__pow__", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && !is_none(args[1]))
    return raise(ts, &exc::TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
  return float_pow(ts, self, args[0]);
}
Object* m_rpow(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__rpow__", kw) || !check_nargs(ts, "__rpow__", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && !is_none(args[1]))
    return raise(ts, &exc::TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
  return float_pow(ts, args[0], self);
}
Object* m_divmod(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!no_kwargs(ts, "__divmod__", kw) || !check_nargs(ts, "__divmod__", nargs, 1, 1))
    return nullptr;
  return float_divmod(ts, self, args[0]);
}
Object* m_rdivmod(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  if (!no_kwargs(ts, "__rdivmod__", kw) || !check_nargs(ts, "__rdivmod__", nargs, 1, 1))
    return nullptr;
  return float_divmod(ts, args[0], self);
}
Object* m_sizeof(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return int_from(ts, 24);
}

Object* m_getformat(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_nargs(ts, "__getformat__", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0]) || (!str_eq(args[0], "double") && !str_eq(args[0], "float")))
    return raise(ts, &exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from(ts, "IEEE, little-endian");
}

Object* g_real(ThreadState* ts, Object* self) { return float_pos(ts, self); }
Object* g_imag(ThreadState* ts, Object*) { return float_from(ts, 0.0); }

const MethodDef float_methods[] = {
    {"is_integer", m_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", m_as_integer_ratio, 0, "Return integer ratio."},
    {"conjugate", m_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"hex", m_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", m_fromhex, kMethClass, "Create a floating-point number from a hexadecimal string."},
    {"__round__", m_round, 0, "Return the Integral closest to x, rounding half toward even."},
    {"__trunc__", m_trunc, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", m_floor, 0, "Return the floor as an Integral."},
    {"__ceil__", m_ceil, 0, "Return the ceiling as an Integral."},
    {"__getnewargs__", m_getnewargs, 0, nullptr},
    {"__format__", m_format, 0, "Formats the float according to format_spec."},
    {"__pow__", m_pow, 0, "Return pow(self, value, mod)."},
    {"__rpow__", m_rpow, 0, "Return pow(value, self, mod)."},
    {"__divmod__", m_divmod, 0, "Return divmod(self, value)."},
    {"__rdivmod__", m_rdivmod, 0, "Return divmod(value, self)."},
    {"__sizeof__", m_sizeof, 0, nullptr},
    {"__getformat__", m_getformat, kMethClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef float_getsets[] = {
    {"real", g_real, nullptr},
    {"imag", g_imag, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject FloatType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "float";
  t.basicsize = sizeof(FloatObject);
  t.flags = kBaseType | kFloatSubclass | kImmutableType;
  t.base = &ObjectType;
  t.doc = "Convert a string or number to a floating point number, if possible.";
  t.dealloc = float_dealloc;
  t.repr = float_repr_slot;
  t.hash = float_hash;
  t.richcompare = float_richcompare;
  t.boolean = float_bool;
  t.nb[int(BinOp::Add)] = float_add;
  t.nb[int(BinOp::Sub)] = float_sub;
  t.nb[int(BinOp::Mul)] = float_mul;
  t.nb[int(BinOp::TrueDiv)] = float_div;
  t.nb[int(BinOp::FloorDiv)] = float_floordiv;
  t.nb[int(BinOp::Mod)] = float_mod;
  t.nb[int(BinOp::Pow)] = float_pow;
  t.neg = float_neg;
  t.pos = float_pos;
  t.abs = float_abs;
  t.nb_int = float_int;
  t.nb_float = float_float;
  t.new_ = float_new;
  t.methods = float_methods;
  t.getsets = float_getsets;
  return t;
}();

Object* float_pow_doubles(ThreadState* ts, double iv, double iw) {
  auto is_odd_int = [](double w) { return std::fmod(std::fabs(w), 2.0) == 1.0; };
  if (iw == 0) return float_from(ts, 1.0);
  if (std::isnan(iv)) return float_from(ts, iv);
  if (std::isnan(iw)) return float_from(ts, iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    double a = std::fabs(iv);
    if (a == 1.0) return float_from(ts, 1.0);
    if ((iw > 0) == (a > 1.0)) return float_from(ts, std::fabs(iw));
    return float_from(ts, 0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_int(iw);
    if (iw > 0) return float_from(ts, odd ? iv : std::fabs(iv));
    return float_from(ts, odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = is_odd_int(iw);
    if (iw < 0)
      return raise(ts, &exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_from(ts, odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return complex_pow_values(ts, iv, 0.0, iw, 0.0);
    iv = -iv;
    negate = is_odd_int(iw);
  }
  if (iv == 1.0) return float_from(ts, negate ? -1.0 : 1.0);
  errno = 0;
  double r = std::pow(iv, iw);
  if (std::isinf(r)) return raise(ts, &exc::OverflowError, "(34, 'Numerical result out of range')");
  return float_from(ts, negate ? -r : r);
}

Object* float_format_double(ThreadState* ts, double v, const FormatSpec& spec) {
  char type = static_cast<char>(spec.type);
  int precision = static_cast<int>(spec.precision);
  bool add_dot_0 = false;
  bool pct = false;
  if (type == 0) {
    add_dot_0 = true;
    type = precision < 0 ? 'r' : 'g';
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    v *= 100;
    pct = true;
  }
  if (precision < 0) precision = 6;
  std::string text =
      double_to_string(v, type, precision, spec.alternate, add_dot_0, spec.no_neg_zero);
  std::string_view body = text;
  bool neg = !body.empty() && body[0] == '-';
  if (neg) body.remove_prefix(1);
  size_t nd = 0;
  while (nd < body.size() && isdigit(static_cast<unsigned char>(body[nd]))) ++nd;
  std::string rest(body.substr(nd));
  if (pct) rest.push_back('%');
  const char* sign = neg ? "-" : (spec.sign == '+' ? "+" : (spec.sign == ' ' ? " " : ""));
  return str_from(ts, format_number(spec, sign, "", body.substr(0, nd), rest, 3));
}

Object* float_format(ThreadState* ts, Object* self, std::string_view spec_text) {
  if (spec_text.empty()) return str(ts, self);
  FormatSpec spec;
  if (!parse_format_spec(ts, spec_text, &spec, '>', 0, type_name(self))) return nullptr;
  switch (spec.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
    case 0:
      break;
    default:
      return raise_unknown_format_code(ts, spec.type, type_name(self));
  }
  return float_format_double(ts, float_value(self), spec);
}

}  // namespace gp
