// The math module: libm functions with CPython's error rules ("math domain error" when a finite
// argument gives nan, "math range error" on overflow), exact integer functions on BigInt
// (factorial, comb, perm, gcd, lcm, isqrt) and Shewchuk's exact summation for fsum.
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <vector>

#include "runtime/bigint.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

std::nullptr_t domain_error(ThreadState* ts) {
  return raise(ts, &exc::ValueError, "math domain error");
}
std::nullptr_t range_error(ThreadState* ts) {
  return raise(ts, &exc::OverflowError, "math range error");
}

bool one_arg(ThreadState* ts, const char* name, size_t nargs, TupleObject* kw) {
  return no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 1, 1);
}
bool two_args(ThreadState* ts, const char* name, size_t nargs, TupleObject* kw) {
  return no_kwargs(ts, name, kw) && check_nargs(ts, name, nargs, 2, 2);
}

// CPython's math_1: nan from a non-nan argument is a domain error; inf from a finite one is a
// range error when the function can overflow, else a domain error.
Object* math_1(ThreadState* ts, Object* arg, double (*f)(double), bool can_overflow) {
  double x;
  if (!as_double(ts, arg, &x)) return nullptr;
  errno = 0;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(ts) : domain_error(ts);
  return float_from(ts, r);
}

#define MATH_FUNC1(name, expr, overflow)                                                           \
  double f_##name(double x) { return expr; }                                                       \
  Object* m_##name(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) { \
    if (!one_arg(ts, #name, nargs, kw)) return nullptr;                                            \
    return math_1(ts, args[0], f_##name, overflow);                                                \
  }

MATH_FUNC1(acos, std::acos(x), false)
MATH_FUNC1(acosh, std::acosh(x), false)
MATH_FUNC1(asin, std::asin(x), false)
MATH_FUNC1(asinh, std::asinh(x), false)
MATH_FUNC1(atan, std::atan(x), false)
MATH_FUNC1(atanh, std::atanh(x), false)
MATH_FUNC1(cos, std::cos(x), false)
MATH_FUNC1(cosh, std::cosh(x), true)
MATH_FUNC1(erf, std::erf(x), false)
MATH_FUNC1(erfc, std::erfc(x), false)
MATH_FUNC1(exp, std::exp(x), true)
MATH_FUNC1(exp2, std::exp2(x), true)
MATH_FUNC1(expm1, std::expm1(x), true)
MATH_FUNC1(fabs, std::fabs(x), false)
MATH_FUNC1(log1p, std::log1p(x), false)
MATH_FUNC1(sin, std::sin(x), false)
MATH_FUNC1(sinh, std::sinh(x), true)
MATH_FUNC1(sqrt, std::sqrt(x), false)
MATH_FUNC1(tan, std::tan(x), false)
MATH_FUNC1(tanh, std::tanh(x), false)
MATH_FUNC1(cbrt, std::cbrt(x), false)

Object* m_gamma(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "gamma", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from(ts, x);
  if (std::isinf(x)) {
    if (x < 0) return domain_error(ts);
    return float_from(ts, x);
  }
  if (x <= 0 && x == std::floor(x)) return domain_error(ts);
  double r = std::tgamma(x);
  if (std::isinf(r)) return range_error(ts);
  return float_from(ts, r);
}

Object* m_lgamma(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "lgamma", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from(ts, x);
  if (std::isinf(x)) return float_from(ts, HUGE_VAL);
  if (x <= 0 && x == std::floor(x)) return domain_error(ts);
  int sign;
  double r = lgamma_r(x, &sign);
  if (std::isinf(r)) return range_error(ts);
  return float_from(ts, r);
}

// log of a positive int or float; *ok false on error.
bool log_value(ThreadState* ts, Object* arg, double (*f)(double), double* out) {
  if (is_int(arg)) {
    if (int_sign(arg) <= 0) {
      domain_error(ts);
      return false;
    }
    limb_t buf;
    BigView v = int_view(arg, &buf);
    uint64_t bits = v.n ? 64 * (v.n - 1) + (64 - __builtin_clzll(v.d[v.n - 1])) : 0;
    if (bits <= 1000) {
      bool ok;
      double d = int_to_double(ts, arg, &ok);
      if (!ok) return false;
      *out = f(d);
      return true;
    }
    // x = y * 2^shift with y < 2^64: log(x) = log(y) + shift * log(2)
    uint64_t shift = bits - 64;
    BigInt y;
    big_rshift(v, shift, &y);
    bool overflow;
    double yd = y.to_double(&overflow);
    *out = f(yd) + static_cast<double>(shift) * f(2.0);
    return true;
  }
  double x;
  if (!as_double(ts, arg, &x)) return false;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    domain_error(ts);
    return false;
  }
  *out = f(x);
  return true;
}

double ln(double x) { return std::log(x); }
double lg2(double x) { return std::log2(x); }
double lg10(double x) { return std::log10(x); }

Object* m_log(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "log", kw) || !check_nargs(ts, "log", nargs, 1, 2)) return nullptr;
  double num;
  if (!log_value(ts, args[0], ln, &num)) return nullptr;
  if (nargs == 2) {
    double den;
    if (!log_value(ts, args[1], ln, &den)) return nullptr;
    if (den == 0.0) return raise(ts, &exc::ZeroDivisionError, "float division by zero");
    return float_from(ts, num / den);
  }
  return float_from(ts, num);
}
Object* m_log2(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "log2", nargs, kw)) return nullptr;
  double r;
  if (!log_value(ts, args[0], lg2, &r)) return nullptr;
  return float_from(ts, r);
}
Object* m_log10(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "log10", nargs, kw)) return nullptr;
  double r;
  if (!log_value(ts, args[0], lg10, &r)) return nullptr;
  return float_from(ts, r);
}

bool two_doubles(ThreadState* ts, Object* const* args, double* x, double* y) {
  return as_double(ts, args[0], x) && as_double(ts, args[1], y);
}

Object* m_pow(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "pow", nargs, kw)) return nullptr;
  double x, y, r;
  if (!two_doubles(ts, args, &x, &y)) return nullptr;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.)
        r = odd_y ? x : std::fabs(x);
      else if (y == 0.)
        r = 1.;
      else
        r = odd_y ? std::copysign(0., x) : 0.;
    } else {
      if (std::fabs(x) == 1.0)
        r = 1.;
      else if (y > 0. && std::fabs(x) > 1.0)
        r = y;
      else if (y < 0. && std::fabs(x) < 1.0)
        r = -y;
      else
        r = 0.;
    }
    return float_from(ts, r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return domain_error(ts);
  if (std::isinf(r)) return x == 0.0 ? domain_error(ts) : range_error(ts);
  return float_from(ts, r);
}

Object* m_atan2(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "atan2", nargs, kw)) return nullptr;
  double y, x;
  if (!two_doubles(ts, args, &y, &x)) return nullptr;
  return float_from(ts, std::atan2(y, x));
}

Object* m_copysign(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "copysign", nargs, kw)) return nullptr;
  double x, y;
  if (!two_doubles(ts, args, &x, &y)) return nullptr;
  return float_from(ts, std::copysign(x, y));
}

Object* m_fmod(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "fmod", nargs, kw)) return nullptr;
  double x, y;
  if (!two_doubles(ts, args, &x, &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_from(ts, x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
  return float_from(ts, r);
}

Object* m_remainder(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "remainder", nargs, kw)) return nullptr;
  double x, y;
  if (!two_doubles(ts, args, &x, &y)) return nullptr;
  if (std::isnan(x) || std::isnan(y)) return float_from(ts, NAN);
  if (std::isinf(x) || y == 0.0) return domain_error(ts);
  if (std::isinf(y)) return float_from(ts, x);
  return float_from(ts, std::remainder(x, y));
}

Object* m_modf(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "modf", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  double ip, fp;
  if (std::isinf(x)) {
    ip = x;
    fp = std::copysign(0.0, x);
  } else {
    fp = std::modf(x, &ip);
  }
  Ref<> a = Ref<>::steal(float_from(ts, fp));
  Ref<> b = Ref<>::steal(float_from(ts, ip));
  if (!a || !b) return nullptr;
  return tuple_pack(ts, {a.get(), b.get()});
}

Object* m_frexp(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "frexp", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  int e = 0;
  double m = x;
  if (std::isfinite(x) && x != 0.0) m = std::frexp(x, &e);
  Ref<> a = Ref<>::steal(float_from(ts, m));
  Ref<> b = Ref<>::steal(int_from(ts, e));
  if (!a || !b) return nullptr;
  return tuple_pack(ts, {a.get(), b.get()});
}

Object* m_ldexp(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "ldexp", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  if (!is_int(args[1]))
    return raise(ts, &exc::TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  if (!int_to_i64(args[1], &e)) e = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  if (x == 0.0 || !std::isfinite(x)) return float_from(ts, x);
  if (e > INT_MAX) return range_error(ts);
  if (e < INT_MIN) return float_from(ts, std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return range_error(ts);
  return float_from(ts, r);
}

Object* m_degrees(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "degrees", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  return float_from(ts, x * (180.0 / M_PI));
}
Object* m_radians(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "radians", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  return float_from(ts, x * (M_PI / 180.0));
}

Object* m_isfinite(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "isfinite", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  return py_bool(std::isfinite(x));
}
Object* m_isinf(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "isinf", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  return py_bool(std::isinf(x));
}
Object* m_isnan(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "isnan", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  return py_bool(std::isnan(x));
}

Object* m_isclose(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[4] = {};
  if (!parse_args(ts, "isclose", args, nargs, kw, {"a", "b", "rel_tol", "abs_tol"}, 2, a))
    return nullptr;
  double x, y, rel = 1e-9, abs_tol = 0.0;
  if (!as_double(ts, a[0], &x) || !as_double(ts, a[1], &y)) return nullptr;
  if (a[2] && !as_double(ts, a[2], &rel)) return nullptr;
  if (a[3] && !as_double(ts, a[3], &abs_tol)) return nullptr;
  if (rel < 0.0 || abs_tol < 0.0)
    return raise(ts, &exc::ValueError, "tolerances must be non-negative");
  if (x == y) return py_bool(true);
  if (std::isinf(x) || std::isinf(y)) return py_bool(false);
  double diff = std::fabs(y - x);
  return py_bool((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || diff <= abs_tol);
}

Object* m_nextafter(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "nextafter", nargs, kw)) return nullptr;
  double x, y;
  if (!two_doubles(ts, args, &x, &y)) return nullptr;
  return float_from(ts, std::nextafter(x, y));
}

Object* m_ulp(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "ulp", nargs, kw)) return nullptr;
  double x;
  if (!as_double(ts, args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from(ts, x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_from(ts, x);
  double x2 = std::nextafter(x, HUGE_VAL);
  if (std::isinf(x2)) {
    x2 = std::nextafter(x, -HUGE_VAL);
    return float_from(ts, x - x2);
  }
  return float_from(ts, x2 - x);
}

// floor/ceil: floats directly, then the __floor__/__ceil__ protocol, then float conversion.
Object* floor_ceil(ThreadState* ts, Object* x, bool is_floor) {
  if (is_float(x) && x->type == &FloatType) {
    double v = float_value(x);
    return int_from_double(ts, is_floor ? std::floor(v) : std::ceil(v));
  }
  const char* meth = is_floor ? "__floor__" : "__ceil__";
  if (type_lookup(x->type, is_floor ? names.__floor__ : names.__ceil__))
    return call_method(ts, x, meth);
  double v;
  if (!as_double(ts, x, &v)) return nullptr;
  return int_from_double(ts, is_floor ? std::floor(v) : std::ceil(v));
}
Object* m_floor(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "floor", nargs, kw)) return nullptr;
  return floor_ceil(ts, args[0], true);
}
Object* m_ceil(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "ceil", nargs, kw)) return nullptr;
  return floor_ceil(ts, args[0], false);
}
Object* m_trunc(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "trunc", nargs, kw)) return nullptr;
  Object* x = args[0];
  if (x->type == &FloatType) return int_from_double(ts, std::trunc(float_value(x)));
  if (!type_lookup(x->type, names.__trunc__))
    return raise(ts, &exc::TypeError, "type %s doesn't define __trunc__ method", type_name(x));
  return call_method(ts, x, "__trunc__");
}

// ---- integer functions
// -------------------------------------------------------------------------------

// Product of the integers in [lo, hi] by binary splitting.
void range_product(uint64_t lo, uint64_t hi, BigInt* out) {
  if (hi < lo) {
    out->set_i64(1);
    return;
  }
  if (hi - lo < 16) {
    BigInt r(1), t;
    unsigned __int128 acc = 1;
    for (uint64_t i = lo; i <= hi; ++i) {
      unsigned __int128 next = acc * i;
      if ((next >> 64) != 0) {
        BigInt a = BigInt::from_u64(static_cast<uint64_t>(acc));
        big_mul(r.view(), a.view(), &t);
        r = std::move(t);
        acc = i;
      } else {
        acc = next;
      }
    }
    BigInt a = BigInt::from_u64(static_cast<uint64_t>(acc));
    big_mul(r.view(), a.view(), out);
    return;
  }
  uint64_t mid = lo + (hi - lo) / 2;
  BigInt a, b;
  range_product(lo, mid, &a);
  range_product(mid + 1, hi, &b);
  big_mul(a.view(), b.view(), out);
}

Object* m_factorial(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "factorial", nargs, kw)) return nullptr;
  Ref<> n = Ref<>::steal(number_index(ts, args[0]));
  if (!n) return nullptr;
  if (int_sign(n.get()) < 0)
    return raise(ts, &exc::ValueError, "factorial() not defined for negative values");
  int64_t v;
  if (!int_to_i64(n.get(), &v) || v > 100000000)
    return raise(ts, &exc::OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
  BigInt r;
  range_product(2, static_cast<uint64_t>(v), &r);
  return int_from_bigint(ts, std::move(r));
}

Object* m_isqrt(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "isqrt", nargs, kw)) return nullptr;
  Ref<> n = Ref<>::steal(number_index(ts, args[0]));
  if (!n) return nullptr;
  if (int_sign(n.get()) < 0)
    return raise(ts, &exc::ValueError, "isqrt() argument must be nonnegative");
  limb_t buf;
  BigInt r;
  big_isqrt(int_view(n.get(), &buf), &r);
  return int_from_bigint(ts, std::move(r));
}

Object* m_gcd(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "gcd", kw)) return nullptr;
  BigInt g;
  for (size_t i = 0; i < nargs; ++i) {
    Ref<> v = Ref<>::steal(number_index(ts, args[i]));
    if (!v) return nullptr;
    limb_t buf;
    BigView bv = int_view(v.get(), &buf);
    bv.neg = false;
    BigInt t;
    big_gcd(g.view(), bv, &t);
    g = std::move(t);
  }
  return int_from_bigint(ts, std::move(g));
}

Object* m_lcm(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "lcm", kw)) return nullptr;
  BigInt l(1);
  for (size_t i = 0; i < nargs; ++i) {
    Ref<> v = Ref<>::steal(number_index(ts, args[i]));
    if (!v) return nullptr;
    limb_t buf;
    BigView bv = int_view(v.get(), &buf);
    bv.neg = false;
    if (bv.n == 0 || l.is_zero()) {
      l = BigInt();
      continue;
    }
    BigInt g, q, t;
    big_gcd(l.view(), bv, &g);
    big_divmod(l.view(), g.view(), &q, nullptr);
    big_mul(q.view(), bv, &t);
    l = std::move(t);
  }
  return int_from_bigint(ts, std::move(l));
}

// n * (n-1) * ... * (n-k+1) for BigInt n and small k; optionally divided by k! (comb).
bool falling(ThreadState* ts, Object* n_obj, uint64_t k, bool divide, BigInt* out) {
  limb_t buf;
  BigView n = int_view(n_obj, &buf);
  BigInt r(1), t, factor;
  for (uint64_t i = 0; i < k; ++i) {
    BigInt iv = BigInt::from_u64(i);
    big_sub(n, iv.view(), &factor);
    big_mul(r.view(), factor.view(), &t);
    if (divide) {
      BigInt d = BigInt::from_u64(i + 1);
      big_divmod(t.view(), d.view(), &r, nullptr);
    } else {
      r = std::move(t);
    }
  }
  *out = std::move(r);
  return true;
}

Object* comb_perm(ThreadState* ts, Object* const* args, size_t nargs, bool is_comb) {
  Ref<> n = Ref<>::steal(number_index(ts, args[0]));
  if (!n) return nullptr;
  Ref<> k;
  if (nargs > 1 && !is_none(args[1])) {
    k = Ref<>::steal(number_index(ts, args[1]));
    if (!k) return nullptr;
  } else {
    k = Ref<>::borrow(n.get());
  }
  if (int_sign(n.get()) < 0) return raise(ts, &exc::ValueError, "n must be a non-negative integer");
  if (int_sign(k.get()) < 0) return raise(ts, &exc::ValueError, "k must be a non-negative integer");
  limb_t b1, b2;
  if (big_cmp(int_view(k.get(), &b1), int_view(n.get(), &b2)) > 0) return int_from(ts, 0);
  BigInt kk = int_to_bigint(k.get());
  if (is_comb) {
    // k = min(k, n - k)
    BigInt nk;
    big_sub(int_view(n.get(), &b2), kk.view(), &nk);
    if (big_cmp(nk.view(), kk.view()) < 0) kk = std::move(nk);
  }
  uint64_t kv;
  if (!kk.to_u64(&kv) || kv > 100000000)
    return raise(ts, &exc::OverflowError, "min(n - k, k) must not exceed %ld", LONG_MAX);
  BigInt r;
  int64_t nv;
  if (int_to_i64(n.get(), &nv) && !is_comb) {
    range_product(static_cast<uint64_t>(nv) - kv + 1, static_cast<uint64_t>(nv), &r);
  } else if (int_to_i64(n.get(), &nv) && is_comb && kv > 64) {
    BigInt num, den;
    range_product(static_cast<uint64_t>(nv) - kv + 1, static_cast<uint64_t>(nv), &num);
    range_product(2, kv, &den);
    big_divmod(num.view(), den.view(), &r, nullptr);
  } else {
    falling(ts, n.get(), kv, is_comb, &r);
  }
  return int_from_bigint(ts, std::move(r));
}

Object* m_comb(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "comb", nargs, kw)) return nullptr;
  return comb_perm(ts, args, nargs, true);
}
Object* m_perm(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "perm", kw) || !check_nargs(ts, "perm", nargs, 1, 2)) return nullptr;
  return comb_perm(ts, args, nargs, false);
}

Object* m_prod(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[2] = {};
  // start is keyword-only in CPython; accept it by name.
  if (nargs != 1)
    return raise(ts, &exc::TypeError, "prod() takes exactly 1 positional argument (%zu given)",
                 nargs);
  if (!parse_args(ts, "prod", args, nargs, kw, {"iterable", "start"}, 1, a)) return nullptr;
  Ref<> acc = a[1] ? Ref<>::borrow(a[1]) : Ref<>::steal(int_from(ts, 1));
  Ref<> it = Ref<>::steal(get_iter(ts, a[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(ts, it.get()));
    if (!item) {
      if (exc_occurred(ts)) return nullptr;
      break;
    }
    Object* r = binary_op(ts, acc.get(), item.get(), BinOp::Mul);
    if (!r) return nullptr;
    acc = Ref<>::steal(r);
  }
  return acc.release();
}

// Shewchuk's exact summation with CPython's handling of infinities, nans and overflow.
Object* m_fsum(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!one_arg(ts, "fsum", nargs, kw)) return nullptr;
  Ref<> it = Ref<>::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(ts, it.get()));
    if (!item) {
      if (exc_occurred(ts)) return nullptr;
      break;
    }
    double x;
    if (!as_double(ts, item.get(), &x)) return nullptr;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave))
          return raise(ts, &exc::OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(ts, &exc::ValueError, "-inf + inf in fsum");
    return float_from(ts, special_sum);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    double lo = 0.0;
    hi = p[--n];
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_from(ts, hi);
}

double vector_norm(const std::vector<double>& v) {
  double maxv = 0.0;
  bool found_nan = false;
  for (double x : v) {
    double a = std::fabs(x);
    if (std::isnan(a)) found_nan = true;
    if (a > maxv) maxv = a;
  }
  if (std::isinf(maxv)) return maxv;
  if (found_nan) return NAN;
  if (maxv == 0.0 || v.size() <= 1) return maxv;
  if (v.size() == 2) return std::hypot(v[0], v[1]);
  // Scaled sum of squares with compensated summation.
  double sum = 0.0, comp = 0.0;
  for (double x : v) {
    double t = x / maxv;
    double sq = t * t;
    double y = sq - comp;
    double s = sum + y;
    comp = (s - sum) - y;
    sum = s;
  }
  return maxv * std::sqrt(sum);
}

Object* m_hypot(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "hypot", kw)) return nullptr;
  std::vector<double> v(nargs);
  for (size_t i = 0; i < nargs; ++i)
    if (!as_double(ts, args[i], &v[i])) return nullptr;
  return float_from(ts, vector_norm(v));
}

Object* m_dist(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!two_args(ts, "dist", nargs, kw)) return nullptr;
  Ref<> p = Ref<>::steal(is_tuple(args[0]) ? newref(args[0]) : call1(ts, &TupleType, args[0]));
  if (!p) return nullptr;
  Ref<> q = Ref<>::steal(is_tuple(args[1]) ? newref(args[1]) : call1(ts, &TupleType, args[1]));
  if (!q) return nullptr;
  ssize n = tuple_size(p.get());
  if (tuple_size(q.get()) != n)
    return raise(ts, &exc::ValueError, "both points must have the same number of dimensions");
  std::vector<double> d(static_cast<size_t>(n));
  for (ssize i = 0; i < n; ++i) {
    double a, b;
    if (!as_double(ts, tuple_item(p.get(), i), &a) || !as_double(ts, tuple_item(q.get(), i), &b))
      return nullptr;
    d[static_cast<size_t>(i)] = a - b;
  }
  return float_from(ts, vector_norm(d));
}

const MethodDef math_functions[] = {
    {"acos", m_acos, 0, "Return the arc cosine (measured in radians) of x."},
    {"acosh", m_acosh, 0, "Return the inverse hyperbolic cosine of x."},
    {"asin", m_asin, 0, "Return the arc sine (measured in radians) of x."},
    {"asinh", m_asinh, 0, "Return the inverse hyperbolic sine of x."},
    {"atan", m_atan, 0, "Return the arc tangent (measured in radians) of x."},
    {"atan2", m_atan2, 0, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", m_atanh, 0, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", m_cbrt, 0, "Return the cube root of x."},
    {"ceil", m_ceil, 0, "Return the ceiling of x as an Integral."},
    {"comb", m_comb, 0,
     "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", m_copysign, 0,
     "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", m_cos, 0, "Return the cosine of x (measured in radians)."},
    {"cosh", m_cosh, 0, "Return the hyperbolic cosine of x."},
    {"degrees", m_degrees, 0, "Convert angle x from radians to degrees."},
    {"dist", m_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"erf", m_erf, 0, "Error function at x."},
    {"erfc", m_erfc, 0, "Complementary error function at x."},
    {"exp", m_exp, 0, "Return e raised to the power of x."},
    {"exp2", m_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", m_expm1, 0, "Return exp(x)-1."},
    {"fabs", m_fabs, 0, "Return the absolute value of the float x."},
    {"factorial", m_factorial, 0, "Find n!."},
    {"floor", m_floor, 0, "Return the floor of x as an Integral."},
    {"fmod", m_fmod, 0, "Return fmod(x, y), according to platform C."},
    {"frexp", m_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", m_fsum, 0, "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", m_gamma, 0, "Gamma function at x."},
    {"gcd", m_gcd, 0, "Greatest Common Divisor."},
    {"hypot", m_hypot, 0, "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", m_isclose, 0, "Determine whether two floating point numbers are close in value."},
    {"isfinite", m_isfinite, 0,
     "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", m_isinf, 0,
     "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", m_isnan, 0, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", m_isqrt, 0, "Return the integer part of the square root of the input."},
    {"lcm", m_lcm, 0, "Least Common Multiple."},
    {"ldexp", m_ldexp, 0, "Return x * (2**i)."},
    {"lgamma", m_lgamma, 0, "Natural logarithm of absolute value of Gamma function at x."},
    {"log", m_log, 0, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", m_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", m_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"log2", m_log2, 0, "Return the base 2 logarithm of x."},
    {"modf", m_modf, 0, "Return the fractional and integer parts of x."},
    {"nextafter", m_nextafter, 0, "Return the next floating-point value after x towards y."},
    {"perm", m_perm, 0,
     "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", m_pow, 0, "Return x**y (x to the power of y)."},
    {"prod", m_prod, 0, "Calculate the product of all the elements in the input iterable."},
    {"radians", m_radians, 0, "Convert angle x from degrees to radians."},
    {"remainder", m_remainder, 0, "Difference between x and the closest integer multiple of y."},
    {"sin", m_sin, 0, "Return the sine of x (measured in radians)."},
    {"sinh", m_sinh, 0, "Return the hyperbolic sine of x."},
    {"sqrt", m_sqrt, 0, "Return the square root of x."},
    {"tan", m_tan, 0, "Return the tangent of x (measured in radians)."},
    {"tanh", m_tanh, 0, "Return the hyperbolic tangent of x."},
    {"trunc", m_trunc, 0, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", m_ulp, 0, "Return the value of the least significant bit of the float x."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_math(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, math_functions)) return false;
  struct {
    const char* name;
    double v;
  } consts[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", HUGE_VAL}, {"nan", NAN}};
  for (auto& c : consts) {
    Object* f = float_from(ts, c.v);
    if (!f || !module_add(ts, m, c.name, f)) return false;
  }
  return true;
}

}  // namespace gp
