// complex: a pair of doubles with CPython's arithmetic (Smith's division, the polar power with an
// exact integer-power path), repr rules ("1j", "(1+2j)", "(-0-1j)") and hash.
#include <cerrno>
#include <cmath>
#include <cstring>

#include "runtime/format_spec.h"
#include "runtime/runtime.h"

namespace gp {

namespace {

struct C {
  double re, im;
};

inline ComplexObject* CX(Object* o) { return static_cast<ComplexObject*>(o); }

Object* make(ThreadState* ts, C c) { return complex_from(ts, c.re, c.im); }

// Converts an operand (complex, float, int); false with *ni set for other types.
bool to_c(ThreadState* ts, Object* o, C* out, bool* ni) {
  *ni = false;
  if (isinstance_of(o, &ComplexType)) {
    *out = {CX(o)->real, CX(o)->imag};
    return true;
  }
  if (is_float(o)) {
    *out = {float_value(o), 0.0};
    return true;
  }
  if (is_int(o)) {
    bool ok;
    double d = int_to_double(ts, o, &ok);
    *out = {d, 0.0};
    return ok;
  }
  *ni = true;
  return false;
}

#define COMPLEX_OPERANDS(a, b, x, y)                                    \
  C x, y;                                                               \
  {                                                                     \
    bool ni;                                                            \
    if (!to_c(ts, a, &x, &ni)) return ni ? not_implemented() : nullptr; \
    if (!to_c(ts, b, &y, &ni)) return ni ? not_implemented() : nullptr; \
  }

C c_prod(C a, C b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

bool c_quot(C a, C b, C* out) {
  double abs_breal = std::fabs(b.re), abs_bimag = std::fabs(b.im);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) return false;
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    *out = {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    *out = {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  } else {
    *out = {NAN, NAN};
  }
  return true;
}

C c_powu(C x, long n) {
  C r{1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

Object* complex_repr(ThreadState* ts, Object* o) {
  double re = CX(o)->real, im = CX(o)->imag;
  std::string out;
  if (re == 0 && std::copysign(1.0, re) == 1.0) {
    out = double_to_string(im, 'r', 0, false, false) + "j";
  } else {
    std::string r = double_to_string(re, 'r', 0, false, false);
    std::string i = double_to_string(im, 'r', 0, false, false);
    if (i[0] != '-') i.insert(i.begin(), '+');
    out = "(" + r + i + "j)";
  }
  return str_from(ts, out);
}

int64_t complex_hash(ThreadState*, Object* o) {
  uint64_t hr = static_cast<uint64_t>(float_hash_value(CX(o)->real, o));
  uint64_t hi = static_cast<uint64_t>(float_hash_value(CX(o)->imag, o));
  int64_t h = static_cast<int64_t>(hr + 1000003ULL * hi);
  return h == -1 ? -2 : h;
}

Object* complex_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (op != CmpOp::EQ && op != CmpOp::NE) return not_implemented();
  if (!isinstance_of(a, &ComplexType)) return not_implemented();
  C x{CX(a)->real, CX(a)->imag};
  bool eq;
  if (is_int(b)) {
    eq = x.im == 0.0 && int_float_compare(b, x.re) == 0;
  } else if (is_float(b)) {
    eq = x.im == 0.0 && x.re == float_value(b);
  } else if (isinstance_of(b, &ComplexType)) {
    eq = x.re == CX(b)->real && x.im == CX(b)->imag;
  } else {
    return not_implemented();
  }
  return py_bool(op == CmpOp::EQ ? eq : !eq);
}

Object* complex_add(ThreadState* ts, Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return make(ts, {x.re + y.re, x.im + y.im});
}
Object* complex_sub(ThreadState* ts, Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return make(ts, {x.re - y.re, x.im - y.im});
}
Object* complex_mul(ThreadState* ts, Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return make(ts, c_prod(x, y));
}
Object* complex_div(ThreadState* ts, Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b, x, y);
  C r;
  if (!c_quot(x, y, &r)) return raise(ts, &exc::ZeroDivisionError, "complex division by zero");
  return make(ts, r);
}
Object* complex_pow(ThreadState* ts, Object* a, Object* b) {
  COMPLEX_OPERANDS(a, b, x, y);
  return complex_pow_values(ts, x.re, x.im, y.re, y.im);
}
Object* complex_neg(ThreadState* ts, Object* a) {
  return complex_from(ts, -CX(a)->real, -CX(a)->imag);
}
Object* complex_pos(ThreadState* ts, Object* a) {
  if (a->type == &ComplexType) return newref(a);
  return complex_from(ts, CX(a)->real, CX(a)->imag);
}
Object* complex_abs(ThreadState* ts, Object* a) {
  double re = CX(a)->real, im = CX(a)->imag;
  if (std::isinf(re) || std::isinf(im)) return float_from(ts, HUGE_VAL);
  if (std::isnan(re) || std::isnan(im)) return float_from(ts, NAN);
  double r = std::hypot(re, im);
  if (std::isinf(r)) return raise(ts, &exc::OverflowError, "absolute value too large");
  return float_from(ts, r);
}
int complex_bool(ThreadState*, Object* a) { return CX(a)->real != 0.0 || CX(a)->imag != 0.0; }

void complex_dealloc(Object* o) { free_object(o); }

// ---- construction
// ----------------------------------------------------------------------------------

bool parse_complex_str(std::string_view s, C* out) {
  auto sp = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t b = 0, e = s.size();
  while (b < e && sp(s[b])) ++b;
  while (e > b && sp(s[e - 1])) --e;
  if (b < e && s[b] == '(') {
    if (s[e - 1] != ')') return false;
    ++b;
    --e;
    while (b < e && sp(s[b])) ++b;
    while (e > b && sp(s[e - 1])) --e;
  }
  std::string t(s.substr(b, e - b));
  if (t.empty()) return false;
  // Scan one float-ish token starting at i: returns its end.
  auto scan_number = [&](size_t i) -> size_t {
    size_t j = i;
    if (j < t.size() && (t[j] == '+' || t[j] == '-')) ++j;
    // inf / infinity / nan
    auto starts = [&](const char* w) {
      size_t n = strlen(w);
      if (t.size() - j < n) return false;
      for (size_t k = 0; k < n; ++k)
        if (tolower(static_cast<unsigned char>(t[j + k])) != w[k]) return false;
      return true;
    };
    if (starts("infinity")) return j + 8;
    if (starts("inf")) return j + 3;
    if (starts("nan")) return j + 3;
    size_t d0 = j;
    while (j < t.size() &&
           (isdigit(static_cast<unsigned char>(t[j])) || t[j] == '_' || t[j] == '.'))
      ++j;
    if (j == d0) return i;  // no digits
    if (j < t.size() && (t[j] == 'e' || t[j] == 'E')) {
      size_t k = j + 1;
      if (k < t.size() && (t[k] == '+' || t[k] == '-')) ++k;
      size_t k0 = k;
      while (k < t.size() && (isdigit(static_cast<unsigned char>(t[k])) || t[k] == '_')) ++k;
      if (k > k0) j = k;
    }
    return j;
  };
  auto num = [&](size_t from, size_t to, double* v) {
    std::string piece = t.substr(from, to - from);
    if (piece == "+" || piece == "-") {
      *v = piece == "-" ? -1.0 : 1.0;
      return true;
    }
    return float_parse(piece, v);
  };
  size_t i = 0;
  size_t j = scan_number(0);
  if (j == 0) {
    // Only a sign or nothing before 'j'.
    if (t == "j" || t == "J") {
      *out = {0.0, 1.0};
      return true;
    }
    if ((t == "+j" || t == "-j" || t == "+J" || t == "-J")) {
      *out = {0.0, t[0] == '-' ? -1.0 : 1.0};
      return true;
    }
    return false;
  }
  double first;
  if (j == t.size()) {
    if (!num(i, j, &first)) return false;
    *out = {first, 0.0};
    return true;
  }
  if ((t[j] == 'j' || t[j] == 'J') && j + 1 == t.size()) {
    if (!num(i, j, &first)) return false;
    *out = {0.0, first};
    return true;
  }
  if (t[j] != '+' && t[j] != '-') return false;
  if (!num(i, j, &first)) return false;
  size_t k = scan_number(j);
  if (k == j) k = j + 1;  // bare sign: "1+j"
  if (k + 1 != t.size() || (t[k] != 'j' && t[k] != 'J')) return false;
  double second;
  if (!num(j, k, &second)) return false;
  *out = {first, second};
  return true;
}

// The value of o as a complex for complex(): __complex__, then float conversion.
bool complex_arg(ThreadState* ts, Object* o, C* out, bool* is_cplx, const char* which) {
  *is_cplx = false;
  if (isinstance_of(o, &ComplexType)) {
    *out = {CX(o)->real, CX(o)->imag};
    *is_cplx = true;
    return true;
  }
  Object* f = type_lookup(o->type, names.complex_);
  if (f) {
    Ref<> r = Ref<>::steal(call_method(ts, o, "__complex__"));
    if (!r) return false;
    if (!isinstance_of(r.get(), &ComplexType)) {
      raise(ts, &exc::TypeError, "__complex__ returned non-complex (type %s)", type_name(r.get()));
      return false;
    }
    *out = {CX(r.get())->real, CX(r.get())->imag};
    *is_cplx = true;
    return true;
  }
  if (is_float(o) || is_int(o) || o->type->nb_float || o->type->nb_index) {
    double d;
    if (!as_double(ts, o, &d)) return false;
    *out = {d, 0.0};
    return true;
  }
  raise(ts, &exc::TypeError, "complex() %s argument must be a string or a number, not '%s'", which,
        type_name(o));
  return false;
}

Object* complex_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  Object* a[2] = {};
  if (!parse_args(ts, "complex", args, nargs, kwnames, {"real", "imag"}, 0, a)) return nullptr;
  C r{0.0, 0.0};
  if (a[0] && is_str(a[0])) {
    if (a[1])
      return raise(ts, &exc::TypeError, "complex() can't take second arg if first is a string");
    if (!parse_complex_str(str_view(a[0]), &r))
      return raise(ts, &exc::ValueError, "complex() arg is a malformed string");
  } else {
    if (a[1] && is_str(a[1]))
      return raise(ts, &exc::TypeError, "complex() second arg can't be a string");
    if (a[0] && a[0]->type == &ComplexType && !a[1] && type == &ComplexType) return newref(a[0]);
    C cr{0.0, 0.0}, ci{0.0, 0.0};
    bool cr_is = false, ci_is = false;
    if (a[0] && !complex_arg(ts, a[0], &cr, &cr_is, "first")) return nullptr;
    if (a[1]) {
      if (!isinstance_of(a[1], &ComplexType) && !is_float(a[1]) && !is_int(a[1]) &&
          !a[1]->type->nb_float && !a[1]->type->nb_index)
        return raise(ts, &exc::TypeError, "complex() second argument must be a number, not '%s'",
                     type_name(a[1]));
      if (!complex_arg(ts, a[1], &ci, &ci_is, "second")) return nullptr;
    }
    r.re = cr.re;
    r.im = cr.im;
    if (a[1]) {  // as CPython: only complex parts are folded in, so complex(0.0, -0.0) keeps -0.0
      if (ci_is) r.re -= ci.im;
      r.im = cr_is ? cr.im + ci.re : ci.re;
    }
  }
  auto* o = alloc<ComplexObject>(ts, type);
  if (!o) return nullptr;
  o->real = r.re;
  o->imag = r.im;
  return o;
}

// ---- methods
// ---------------------------------------------------------------------------------------

Object* m_conjugate(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "conjugate", kw) || !check_nargs(ts, "conjugate", nargs, 0, 0)) return nullptr;
  return complex_from(ts, CX(self)->real, -CX(self)->imag);
}
Object* m_complex(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!check_nargs(ts, "__complex__", nargs, 0, 0)) return nullptr;
  return complex_pos(ts, self);
}
Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  Ref<> r = Ref<>::steal(float_from(ts, CX(self)->real));
  Ref<> i = Ref<>::steal(float_from(ts, CX(self)->imag));
  if (!r || !i) return nullptr;
  return tuple_pack(ts, {r.get(), i.get()});
}
Object* m_format(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!no_kwargs(ts, "__format__", kw) || !check_nargs(ts, "__format__", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "__format__() argument must be str, not %s",
                 type_name(args[0]));
  return complex_format(ts, self, str_view(args[0]));
}
Object* m_pow(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__pow__", kw) || !check_nargs(ts, "__pow__", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && !is_none(args[1])) return raise(ts, &exc::ValueError, "complex modulo");
  return complex_pow(ts, self, args[0]);
}
Object* m_rpow(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__rpow__", kw) || !check_nargs(ts, "__rpow__", nargs, 1, 2)) return nullptr;
  if (nargs == 2 && !is_none(args[1])) return raise(ts, &exc::ValueError, "complex modulo");
  return complex_pow(ts, args[0], self);
}

Object* g_real(ThreadState* ts, Object* self) { return float_from(ts, CX(self)->real); }
Object* g_imag(ThreadState* ts, Object* self) { return float_from(ts, CX(self)->imag); }

const MethodDef complex_methods[] = {
    {"conjugate", m_conjugate, 0,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", m_complex, 0, "Convert this value to exact type complex."},
    {"__getnewargs__", m_getnewargs, 0, nullptr},
    {"__format__", m_format, 0, "Convert to a string according to format_spec."},
    {"__pow__", m_pow, 0, "Return pow(self, value, mod)."},
    {"__rpow__", m_rpow, 0, "Return pow(value, self, mod)."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef complex_getsets[] = {
    {"real", g_real, nullptr},
    {"imag", g_imag, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject ComplexType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "complex";
  t.basicsize = sizeof(ComplexObject);
  t.flags = kBaseType | kImmutableType;
  t.base = &ObjectType;
  t.doc =
      "Create a complex number from a real part and an optional imaginary part.\n\nThis is "
      "equivalent to (real + imag*1j) where imag defaults to 0.";
  t.dealloc = complex_dealloc;
  t.repr = complex_repr;
  t.hash = complex_hash;
  t.richcompare = complex_richcompare;
  t.boolean = complex_bool;
  t.nb[int(BinOp::Add)] = complex_add;
  t.nb[int(BinOp::Sub)] = complex_sub;
  t.nb[int(BinOp::Mul)] = complex_mul;
  t.nb[int(BinOp::TrueDiv)] = complex_div;
  t.nb[int(BinOp::Pow)] = complex_pow;
  t.neg = complex_neg;
  t.pos = complex_pos;
  t.abs = complex_abs;
  t.new_ = complex_new;
  t.methods = complex_methods;
  t.getsets = complex_getsets;
  return t;
}();

Object* complex_from(ThreadState* ts, double real, double imag) {
  auto* c = alloc<ComplexObject>(ts, &ComplexType);
  if (!c) return nullptr;
  c->real = real;
  c->imag = imag;
  return c;
}

Object* complex_pow_values(ThreadState* ts, double ar, double ai, double br, double bi) {
  C a{ar, ai}, r;
  if (bi == 0.0 && br == std::floor(br) && std::fabs(br) <= 100.0) {
    long n = static_cast<long>(br);
    if (n == 0) return complex_from(ts, 1.0, 0.0);
    if (ar == 0.0 && ai == 0.0 && n < 0)
      return raise(ts, &exc::ZeroDivisionError, "0.0 to a negative or complex power");
    if (n > 0) {
      r = c_powu(a, n);
    } else {
      C p = c_powu(a, -n);
      if (!c_quot({1.0, 0.0}, p, &r))
        return raise(ts, &exc::ZeroDivisionError, "0.0 to a negative or complex power");
    }
  } else if (br == 0.0 && bi == 0.0) {
    r = {1.0, 0.0};
  } else if (ar == 0.0 && ai == 0.0) {
    if (bi != 0.0 || br < 0.0)
      return raise(ts, &exc::ZeroDivisionError, "0.0 to a negative or complex power");
    r = {0.0, 0.0};
  } else {
    double vabs = std::hypot(ar, ai);
    double len = std::pow(vabs, br);
    double at = std::atan2(ai, ar);
    double phase = at * br;
    if (bi != 0.0) {
      len /= std::exp(at * bi);
      phase += bi * std::log(vabs);
    }
    r = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (std::isinf(r.re) || std::isinf(r.im)) {
    if (std::isfinite(ar) && std::isfinite(ai) && std::isfinite(br) && std::isfinite(bi))
      return raise(ts, &exc::OverflowError, "complex exponentiation");
  }
  return complex_from(ts, r.re, r.im);
}

Object* complex_format(ThreadState* ts, Object* self, std::string_view spec_text) {
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
    case 0:
      break;
    default:
      return raise_unknown_format_code(ts, spec.type, type_name(self));
  }
  if (spec.zero || (spec.fill == '0' && spec.fill_given && spec.align == '='))
    return raise(ts, &exc::ValueError, "Zero padding is not allowed in complex format specifier");
  if (spec.align == '=')
    return raise(ts, &exc::ValueError,
                 "'=' alignment flag is not allowed in complex format specifier");
  double re = CX(self)->real, im = CX(self)->imag;
  char type = static_cast<char>(spec.type);
  int prec = static_cast<int>(spec.precision);
  bool skip_re = false, parens = false;
  if (type == 0) {
    skip_re = re == 0 && std::copysign(1.0, re) == 1.0;
    parens = !skip_re;
    type = prec < 0 ? 'r' : 'g';
  }
  if (type == 'n') type = 'g';
  if (prec < 0) prec = type == 'r' ? 0 : 6;
  std::string body;
  if (parens) body.push_back('(');
  if (!skip_re) {
    std::string r = double_to_string(re, type, prec, spec.alternate, false, spec.no_neg_zero);
    if (r[0] != '-' && spec.sign == '+') r.insert(r.begin(), '+');
    if (r[0] != '-' && spec.sign == ' ') r.insert(r.begin(), ' ');
    body += r;
  }
  std::string i = double_to_string(im, type, prec, spec.alternate, false, spec.no_neg_zero);
  if (i[0] != '-') {
    if (!skip_re)
      i.insert(i.begin(), '+');
    else if (spec.sign == '+')
      i.insert(i.begin(), '+');
    else if (spec.sign == ' ')
      i.insert(i.begin(), ' ');
  }
  body += i;
  body += "j";
  if (parens) body.push_back(')');
  return str_from(ts, format_pad(spec, "", body, utf8_length(body), '>'));
}

}  // namespace gp
