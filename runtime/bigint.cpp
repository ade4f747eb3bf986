// Arbitrary-precision integer arithmetic on 64-bit limbs (see bigint.h for the representation).
// The low-level routines work on raw limb arrays (least significant first); BigInt wraps them.
#include "runtime/bigint.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace gp {

namespace {

using u128 = unsigned __int128;
constexpr size_t kKaratsubaThreshold = 40;

inline size_t trim(const limb_t* d, size_t n) {
  while (n > 0 && d[n - 1] == 0) --n;
  return n;
}

int cmp_mag(const limb_t* a, size_t an, const limb_t* b, size_t bn) {
  if (an != bn) return an < bn ? -1 : 1;
  for (size_t i = an; i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

// r[0..an] = a + b with an >= bn; returns the carry (also stored in r[an] by callers that want it).
limb_t add_n(limb_t* r, const limb_t* a, size_t an, const limb_t* b, size_t bn) {
  limb_t carry = 0;
  size_t i = 0;
  for (; i < bn; ++i) {
    limb_t s = a[i] + carry;
    limb_t c1 = s < carry;
    limb_t t = s + b[i];
    limb_t c2 = t < s;
    r[i] = t;
    carry = c1 | c2;
  }
  for (; i < an; ++i) {
    limb_t t = a[i] + carry;
    carry = t < carry;
    r[i] = t;
  }
  return carry;
}

// r = a - b with a >= b (an >= bn); returns the borrow (0 when a >= b).
limb_t sub_n(limb_t* r, const limb_t* a, size_t an, const limb_t* b, size_t bn) {
  limb_t borrow = 0;
  size_t i = 0;
  for (; i < bn; ++i) {
    limb_t ai = a[i];
    limb_t t = ai - b[i];
    limb_t b1 = ai < b[i];
    limb_t t2 = t - borrow;
    limb_t b2 = t < borrow;
    r[i] = t2;
    borrow = b1 | b2;
  }
  for (; i < an; ++i) {
    limb_t ai = a[i];
    r[i] = ai - borrow;
    borrow = ai < borrow;
  }
  return borrow;
}

// r[0..n) = a * m + carry_in; returns the carry out.
limb_t mul_1(limb_t* r, const limb_t* a, size_t n, limb_t m, limb_t carry = 0) {
  for (size_t i = 0; i < n; ++i) {
    u128 t = static_cast<u128>(a[i]) * m + carry;
    r[i] = static_cast<limb_t>(t);
    carry = static_cast<limb_t>(t >> 64);
  }
  return carry;
}

// r[0..n) += a * m; returns the carry out.
limb_t addmul_1(limb_t* r, const limb_t* a, size_t n, limb_t m) {
  limb_t carry = 0;
  for (size_t i = 0; i < n; ++i) {
    u128 t = static_cast<u128>(a[i]) * m + r[i] + carry;
    r[i] = static_cast<limb_t>(t);
    carry = static_cast<limb_t>(t >> 64);
  }
  return carry;
}

// r[0..n) -= a * m; returns the borrow out.
limb_t submul_1(limb_t* r, const limb_t* a, size_t n, limb_t m) {
  limb_t borrow = 0;
  for (size_t i = 0; i < n; ++i) {
    u128 p = static_cast<u128>(a[i]) * m + borrow;
    limb_t lo = static_cast<limb_t>(p);
    borrow = static_cast<limb_t>(p >> 64);
    limb_t ri = r[i];
    r[i] = ri - lo;
    borrow += ri < lo;
  }
  return borrow;
}

// r[0..an+bn) = a * b (r must not overlap a or b).
void mul_basecase(limb_t* r, const limb_t* a, size_t an, const limb_t* b, size_t bn) {
  if (an < bn) {
    std::swap(a, b);
    std::swap(an, bn);
  }
  if (bn == 0) {
    std::fill(r, r + an, 0);
    return;
  }
  r[an] = mul_1(r, a, an, b[0]);
  for (size_t i = 1; i < bn; ++i) r[an + i] = addmul_1(r + i, a, an, b[i]);
}

// Adds a[0..an) into r[0..rn) (rn >= an); the carry ripples up within r.
void add_into(limb_t* r, size_t rn, const limb_t* a, size_t an) {
  limb_t c = add_n(r, r, an, a, an);
  for (size_t i = an; c && i < rn; ++i) {
    r[i] += 1;
    c = r[i] == 0;
  }
}
void sub_into(limb_t* r, size_t rn, const limb_t* a, size_t an) {
  limb_t b = sub_n(r, r, an, a, an);
  for (size_t i = an; b && i < rn; ++i) {
    b = r[i] == 0;
    r[i] -= 1;
  }
}

void mul_rec(limb_t* r, const limb_t* a, size_t an, const limb_t* b, size_t bn);

// Karatsuba for an >= bn > an/2, bn >= threshold. r has an+bn limbs.
void karatsuba(limb_t* r, const limb_t* a, size_t an, const limb_t* b, size_t bn) {
  size_t m = (an + 1) / 2;
  const limb_t *a0 = a, *a1 = a + m, *b0 = b, *b1 = b + m;
  size_t a0n = trim(a0, m), a1n = an - m, b0n = trim(b0, m), b1n = bn - m;
  std::fill(r, r + an + bn, 0);
  // z0 = a0*b0 at r[0..2m), z2 = a1*b1 at r[2m..)
  std::vector<limb_t> z0(a0n + b0n + 1), z2(a1n + b1n + 1);
  if (a0n && b0n) mul_rec(z0.data(), a0, a0n, b0, b0n);
  mul_rec(z2.data(), a1, a1n, b1, b1n);
  size_t z0n = trim(z0.data(), a0n + b0n), z2n = trim(z2.data(), a1n + b1n);
  std::vector<limb_t> sa(m + 1), sb(m + 1);
  size_t san, sbn;
  if (a0n >= a1n) {
    sa[a0n] = add_n(sa.data(), a0, a0n, a1, a1n);
    san = trim(sa.data(), a0n + 1);
  } else {
    sa[a1n] = add_n(sa.data(), a1, a1n, a0, a0n);
    san = trim(sa.data(), a1n + 1);
  }
  if (b0n >= b1n) {
    sb[b0n] = add_n(sb.data(), b0, b0n, b1, b1n);
    sbn = trim(sb.data(), b0n + 1);
  } else {
    sb[b1n] = add_n(sb.data(), b1, b1n, b0, b0n);
    sbn = trim(sb.data(), b1n + 1);
  }
  std::vector<limb_t> z1(san + sbn + 1, 0);
  if (san && sbn) mul_rec(z1.data(), sa.data(), san, sb.data(), sbn);
  size_t z1n = san + sbn;
  sub_into(z1.data(), z1n, z0.data(), z0n);
  sub_into(z1.data(), z1n, z2.data(), z2n);
  z1n = trim(z1.data(), z1n);
  size_t rn = an + bn;
  std::copy(z0.data(), z0.data() + z0n, r);
  std::copy(z2.data(), z2.data() + z2n, r + 2 * m);
  add_into(r + m, rn - m, z1.data(), z1n);
}

// r[0..an+bn) = a * b; r must not overlap the inputs.
void mul_rec(limb_t* r, const limb_t* a, size_t an, const limb_t* b, size_t bn) {
  if (an < bn) {
    std::swap(a, b);
    std::swap(an, bn);
  }
  if (bn < kKaratsubaThreshold) {
    mul_basecase(r, a, an, b, bn);
    return;
  }
  if (2 * bn <= an + 1) {
    // Unbalanced: multiply bn-sized slices of a by b.
    std::fill(r, r + an + bn, 0);
    std::vector<limb_t> tmp(2 * bn);
    for (size_t off = 0; off < an; off += bn) {
      size_t len = std::min(bn, an - off);
      size_t ln = trim(a + off, len);
      if (ln == 0) continue;
      mul_rec(tmp.data(), a + off, ln, b, bn);
      add_into(r + off, an + bn - off, tmp.data(), ln + bn);
    }
    return;
  }
  karatsuba(r, a, an, b, bn);
}

// Division of a 2-limb number by a normalised limb with a precomputed inverse
// (Moller & Granlund, "Improved division by invariant integers"). Requires nh < d.
struct Divisor {
  limb_t d;    // normalised (top bit set)
  limb_t inv;  // floor((B^2 - 1) / d) - B
  int shift;   // d = original << shift
  explicit Divisor(limb_t orig) {
    shift = __builtin_clzll(orig);
    d = orig << shift;
    inv = static_cast<limb_t>(((~static_cast<u128>(0)) / d) - (static_cast<u128>(1) << 64));
  }
  inline limb_t divrem(limb_t nh, limb_t nl, limb_t* rem) const {
    u128 p = static_cast<u128>(inv) * nh;
    p += (static_cast<u128>(nh + 1) << 64) | nl;
    limb_t qh = static_cast<limb_t>(p >> 64);
    limb_t ql = static_cast<limb_t>(p);
    limb_t r = nl - qh * d;
    if (r > ql) {
      --qh;
      r += d;
    }
    if (r >= d) {
      ++qh;
      r -= d;
    }
    *rem = r;
    return qh;
  }
};

// q[0..n) = a / dv (q may alias a or be nullptr); returns the remainder.
limb_t divrem_1(limb_t* q, const limb_t* a, size_t n, const Divisor& dv) {
  limb_t r = 0;
  if (dv.shift == 0) {
    for (size_t i = n; i-- > 0;) {
      limb_t qi = dv.divrem(r, a[i], &r);
      if (q) q[i] = qi;
    }
    return r;
  }
  int s = dv.shift;
  // Process the dividend shifted left by s on the fly.
  limb_t hi = n ? a[n - 1] >> (64 - s) : 0;
  r = hi;  // hi < d since d has its top bit set and hi < 2^s
  for (size_t i = n; i-- > 0;) {
    limb_t nl = (a[i] << s) | (i ? a[i - 1] >> (64 - s) : 0);
    limb_t qi = dv.divrem(r, nl, &r);
    if (q) q[i] = qi;
  }
  return r >> s;
}

// Knuth's algorithm D: q = a / b, r = a % b for bn >= 2, an >= bn. q has an-bn+1 limbs, r bn limbs.
void divrem_knuth(const limb_t* a, size_t an, const limb_t* b, size_t bn, limb_t* q, limb_t* r) {
  int s = __builtin_clzll(b[bn - 1]);
  std::vector<limb_t> v(bn), u(an + 1);
  if (s) {
    for (size_t i = bn - 1; i > 0; --i) v[i] = (b[i] << s) | (b[i - 1] >> (64 - s));
    v[0] = b[0] << s;
    u[an] = a[an - 1] >> (64 - s);
    for (size_t i = an - 1; i > 0; --i) u[i] = (a[i] << s) | (a[i - 1] >> (64 - s));
    u[0] = a[0] << s;
  } else {
    std::copy(b, b + bn, v.begin());
    std::copy(a, a + an, u.begin());
    u[an] = 0;
  }
  limb_t vtop = v[bn - 1], vnext = v[bn - 2];
  Divisor dv(vtop);  // vtop is normalised: shift == 0
  for (size_t j = an - bn + 1; j-- > 0;) {
    limb_t uh = u[j + bn], ul = u[j + bn - 1];
    limb_t qhat, rhat;
    bool rhat_overflow = false;
    if (uh >= vtop) {
      // qhat would be >= B: use B - 1.
      qhat = ~static_cast<limb_t>(0);
      u128 rr = ((static_cast<u128>(uh) << 64) | ul) - static_cast<u128>(qhat) * vtop;
      rhat_overflow = (rr >> 64) != 0;
      rhat = static_cast<limb_t>(rr);
    } else {
      qhat = dv.divrem(uh, ul, &rhat);
    }
    if (!rhat_overflow) {
      while (static_cast<u128>(qhat) * vnext > ((static_cast<u128>(rhat) << 64) | u[j + bn - 2])) {
        --qhat;
        limb_t old = rhat;
        rhat += vtop;
        if (rhat < old) break;  // rhat >= B: the test can no longer succeed
      }
    }
    limb_t borrow = submul_1(u.data() + j, v.data(), bn, qhat);
    limb_t top = u[j + bn];
    u[j + bn] = top - borrow;
    if (top < borrow) {
      --qhat;
      limb_t c = add_n(u.data() + j, u.data() + j, bn, v.data(), bn);
      u[j + bn] += c;
    }
    q[j] = qhat;
  }
  if (r) {
    if (s) {
      for (size_t i = 0; i < bn - 1; ++i) r[i] = (u[i] >> s) | (u[i + 1] << (64 - s));
      r[bn - 1] = u[bn - 1] >> s;
    } else {
      std::copy(u.begin(), u.begin() + bn, r);
    }
  }
}

void set_mag(BigInt* out, const limb_t* d, size_t n, bool neg) {
  out->mag.assign(d, d + n);
  out->neg = neg;
  out->normalize();
}

// Truncating magnitude division.
void divmod_mag(const limb_t* a, size_t an, const limb_t* b, size_t bn, BigInt* q, BigInt* r) {
  if (cmp_mag(a, an, b, bn) < 0) {
    if (r) set_mag(r, a, an, false);
    if (q) {
      q->mag.clear();
      q->neg = false;
    }
    return;
  }
  if (bn == 1) {
    Divisor dv(b[0]);
    std::vector<limb_t> qd;
    if (q) qd.resize(an);
    limb_t rem = divrem_1(q ? qd.data() : nullptr, a, an, dv);
    if (q) {
      q->mag = std::move(qd);
      q->neg = false;
      q->normalize();
    }
    if (r) {
      r->mag.clear();
      if (rem) r->mag.push_back(rem);
      r->neg = false;
    }
    return;
  }
  std::vector<limb_t> qd(an - bn + 1), rd(bn);
  divrem_knuth(a, an, b, bn, qd.data(), rd.data());
  if (q) {
    q->mag = std::move(qd);
    q->neg = false;
    q->normalize();
  }
  if (r) {
    r->mag = std::move(rd);
    r->neg = false;
    r->normalize();
  }
}

// Magnitude add/sub with signs: out = a + (negate_b ? -b : b).
void add_signed(BigView a, BigView b, bool negate_b, BigInt* out) {
  bool bneg = b.neg != negate_b;
  if (b.n == 0) bneg = false;
  std::vector<limb_t> r;
  if (a.neg == bneg || a.n == 0) {
    bool rneg = a.n == 0 ? bneg : a.neg;
    if (a.n < b.n) std::swap(a, b);
    r.resize(a.n + 1);
    r[a.n] = add_n(r.data(), a.d, a.n, b.d, b.n);
    out->mag = std::move(r);
    out->neg = rneg;
  } else {
    int c = cmp_mag(a.d, a.n, b.d, b.n);
    if (c == 0) {
      out->mag.clear();
      out->neg = false;
      return;
    }
    if (c > 0) {
      r.resize(a.n);
      sub_n(r.data(), a.d, a.n, b.d, b.n);
      out->mag = std::move(r);
      out->neg = a.neg;
    } else {
      r.resize(b.n);
      sub_n(r.data(), b.d, b.n, a.d, a.n);
      out->mag = std::move(r);
      out->neg = bneg;
    }
  }
  out->normalize();
}

// Two's complement of a (n limbs, sign-extended to `width` limbs).
std::vector<limb_t> to_twos(BigView a, size_t width) {
  std::vector<limb_t> r(width, 0);
  std::copy(a.d, a.d + a.n, r.begin());
  if (a.neg) {
    limb_t carry = 1;
    for (size_t i = 0; i < width; ++i) {
      limb_t t = ~r[i] + carry;
      carry = carry && t == 0;
      r[i] = t;
    }
  }
  return r;
}

void from_twos(std::vector<limb_t> r, BigInt* out) {
  bool neg = !r.empty() && (r.back() >> 63);
  if (neg) {
    limb_t carry = 1;
    for (auto& x : r) {
      limb_t t = ~x + carry;
      carry = carry && t == 0;
      x = t;
    }
  }
  out->mag = std::move(r);
  out->neg = neg;
  out->normalize();
}

template <class F>
void bitwise(BigView a, BigView b, BigInt* out, F f) {
  size_t w = std::max(a.n, b.n) + 1;
  std::vector<limb_t> x = to_twos(a, w), y = to_twos(b, w);
  for (size_t i = 0; i < w; ++i) x[i] = f(x[i], y[i]);
  from_twos(std::move(x), out);
}

uint64_t bitlen_mag(const limb_t* d, size_t n) {
  if (n == 0) return 0;
  return 64 * (n - 1) + (64 - __builtin_clzll(d[n - 1]));
}

// Largest power of base fitting in a limb, and how many digits it holds.
void chunk_for_base(int base, limb_t* power, int* digits) {
  limb_t p = base;
  int k = 1;
  while (p <= (~static_cast<limb_t>(0)) / static_cast<limb_t>(base)) {
    p *= base;
    ++k;
  }
  *power = p;
  *digits = k;
}

inline int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

// ---- BigInt
// ---------------------------------------------------------------------------------------

void BigInt::normalize() {
  while (!mag.empty() && mag.back() == 0) mag.pop_back();
  if (mag.empty()) neg = false;
}

void BigInt::set_i64(int64_t v) {
  mag.clear();
  neg = v < 0;
  uint64_t m = neg ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
  if (m) mag.push_back(m);
}

BigInt BigInt::from_u64(uint64_t v) {
  BigInt r;
  if (v) r.mag.push_back(v);
  return r;
}

BigInt BigInt::from_double(double v) {
  BigInt r;
  v = std::trunc(v);
  if (v == 0) return r;
  bool neg = v < 0;
  int e;
  double m = std::frexp(std::fabs(v), &e);                   // v = m * 2^e, 0.5 <= m < 1
  uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));  // exact: 53-bit integer
  int shift = e - 53;
  BigInt t = from_u64(mant);
  if (shift >= 0)
    big_lshift(t.view(), shift, &r);
  else
    big_rshift(t.view(), -shift, &r);
  r.neg = neg && !r.mag.empty();
  return r;
}

BigInt BigInt::from_digits(std::string_view digits, int base) {
  BigInt r;
  if ((base & (base - 1)) == 0) {
    int bits = __builtin_ctz(base);
    uint64_t total = static_cast<uint64_t>(digits.size()) * bits;
    r.mag.assign((total + 63) / 64, 0);
    uint64_t pos = 0;
    for (size_t i = digits.size(); i-- > 0;) {
      limb_t v = digit_value(digits[i]);
      size_t li = pos / 64;
      int off = pos % 64;
      r.mag[li] |= v << off;
      if (off + bits > 64) r.mag[li + 1] |= v >> (64 - off);
      pos += bits;
    }
    r.normalize();
    return r;
  }
  limb_t power;
  int k;
  chunk_for_base(base, &power, &k);
  r.mag.reserve(digits.size() / k + 2);
  size_t i = 0;
  size_t first = digits.size() % k;
  if (first == 0) first = k;
  while (i < digits.size()) {
    size_t len = i == 0 ? first : static_cast<size_t>(k);
    limb_t chunk = 0, mult = 1;
    for (size_t j = 0; j < len; ++j) {
      chunk = chunk * base + digit_value(digits[i + j]);
      mult *= base;
    }
    i += len;
    limb_t carry = mul_1(r.mag.data(), r.mag.data(), r.mag.size(), mult, chunk);
    if (carry) r.mag.push_back(carry);
  }
  r.normalize();
  return r;
}

bool BigInt::to_i64(int64_t* out) const {
  if (mag.empty()) {
    *out = 0;
    return true;
  }
  if (mag.size() > 1) return false;
  uint64_t m = mag[0];
  if (neg) {
    if (m > (static_cast<uint64_t>(1) << 63)) return false;
    *out = static_cast<int64_t>(~m + 1);
  } else {
    if (m >> 63) return false;
    *out = static_cast<int64_t>(m);
  }
  return true;
}

bool BigInt::to_u64(uint64_t* out) const {
  if (neg || mag.size() > 1) return false;
  *out = mag.empty() ? 0 : mag[0];
  return true;
}

double BigInt::to_double(bool* overflow) const {
  *overflow = false;
  size_t n = mag.size();
  if (n == 0) return 0.0;
  uint64_t bl = bitlen_mag(mag.data(), n);
  double r;
  if (bl <= 64) {
    r = static_cast<double>(mag[0]);
  } else {
    // Top 64 bits, with every lower bit folded into the lowest one (sticky) so the hardware's
    // round-half-even of the 64-bit value rounds exactly as the whole number would.
    uint64_t shift = bl - 64;
    size_t li = shift / 64;
    int off = shift % 64;
    uint64_t top = mag[li] >> off;
    if (off) top |= mag[li + 1] << (64 - off);
    bool sticky = off ? (mag[li] & ((static_cast<limb_t>(1) << off) - 1)) != 0 : false;
    for (size_t i = 0; i < li && !sticky; ++i) sticky = mag[i] != 0;
    if (sticky) top |= 1;
    if (bl > 1100) {
      *overflow = true;
      return 0.0;
    }
    r = std::ldexp(static_cast<double>(top), static_cast<int>(shift));
    if (std::isinf(r)) {
      *overflow = true;
      return 0.0;
    }
  }
  return neg ? -r : r;
}

uint64_t BigInt::bit_length() const { return bitlen_mag(mag.data(), mag.size()); }

uint64_t BigInt::bit_count() const {
  uint64_t c = 0;
  for (limb_t x : mag) c += __builtin_popcountll(x);
  return c;
}

namespace {
constexpr size_t kDecimalSplitThreshold = 40;

// Appends the decimal digits of a >= 0, zero-padded to `width` digits (0: no padding), using
// powers[i] = 10^(19 * 2^i).
void decimal_dc(const BigInt& a, const std::vector<BigInt>& powers, int level, size_t width,
                std::string* out) {
  if (level < 0 || a.mag.size() <= kDecimalSplitThreshold) {
    std::string s = a.is_zero() ? std::string() : a.to_string(10);
    if (width > s.size()) out->append(width - s.size(), '0');
    out->append(s);
    return;
  }
  const BigInt& p = powers[static_cast<size_t>(level)];
  if (a.mag.size() < p.mag.size()) {
    decimal_dc(a, powers, level - 1, width, out);
    return;
  }
  BigInt q, r;
  big_divmod_trunc_mag(a.view(), p.view(), &q, &r);
  size_t low_width = static_cast<size_t>(19) << level;
  decimal_dc(q, powers, level - 1, width > low_width ? width - low_width : 0, out);
  decimal_dc(r, powers, level - 1, low_width, out);
}
}  // namespace

std::string BigInt::to_string(int base) const {
  if (mag.empty()) return "0";
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  if ((base & (base - 1)) == 0) {
    int bits = __builtin_ctz(base);
    uint64_t total = bit_length();
    uint64_t ndig = (total + bits - 1) / bits;
    out.resize(ndig + (neg ? 1 : 0));
    char* p = out.data() + out.size();
    for (uint64_t i = 0; i < ndig; ++i) {
      uint64_t pos = i * bits;
      size_t li = pos / 64;
      int off = pos % 64;
      limb_t v = mag[li] >> off;
      if (off + bits > 64 && li + 1 < mag.size()) v |= mag[li + 1] << (64 - off);
      *--p = kDigits[v & (base - 1)];
    }
    if (neg) *--p = '-';
    return out;
  }
  if (base == 10 && mag.size() > kDecimalSplitThreshold) {
    // Divide and conquer: split by 10^(19 * 2^k) so the work is done by long division.
    std::vector<BigInt> powers;
    BigInt p = BigInt::from_u64(10000000000000000000ULL);
    while (p.mag.size() * 2 <= mag.size() + 1) {
      powers.push_back(p);
      BigInt sq;
      big_mul(p.view(), p.view(), &sq);
      p = std::move(sq);
    }
    std::string digits;
    BigInt a = *this;
    a.neg = false;
    decimal_dc(a, powers, static_cast<int>(powers.size()) - 1, 0, &digits);
    size_t nz = digits.find_first_not_of('0');
    if (neg) out.push_back('-');
    out.append(digits, nz == std::string::npos ? digits.size() - 1 : nz, std::string::npos);
    return out;
  }
  limb_t power;
  int k;
  chunk_for_base(base, &power, &k);
  Divisor dv(power);
  std::vector<limb_t> work(mag);
  size_t n = work.size();
  std::vector<limb_t> chunks;
  chunks.reserve(n * 64 / (k * 3) + 2);
  while (n > 0) {
    chunks.push_back(divrem_1(work.data(), work.data(), n, dv));
    while (n > 0 && work[n - 1] == 0) --n;
  }
  out.reserve(chunks.size() * k + 1);
  if (neg) out.push_back('-');
  char buf[72];
  for (size_t i = chunks.size(); i-- > 0;) {
    limb_t c = chunks[i];
    int len = 0;
    while (c) {
      buf[len++] = kDigits[c % base];
      c /= base;
    }
    if (i + 1 != chunks.size())
      while (len < k) buf[len++] = '0';
    while (len > 0) out.push_back(buf[--len]);
  }
  return out;
}

// ---- operations
// -----------------------------------------------------------------------------------

BigView view_i64(int64_t v, limb_t* buf) {
  bool neg = v < 0;
  buf[0] = neg ? (~static_cast<uint64_t>(v) + 1) : static_cast<uint64_t>(v);
  return {buf, static_cast<size_t>(v != 0), neg};
}

int big_cmp(BigView a, BigView b) {
  if (a.n == 0) a.neg = false;
  if (b.n == 0) b.neg = false;
  if (a.neg != b.neg) return a.neg ? -1 : 1;
  int c = cmp_mag(a.d, a.n, b.d, b.n);
  return a.neg ? -c : c;
}

void big_add(BigView a, BigView b, BigInt* out) { add_signed(a, b, false, out); }
void big_sub(BigView a, BigView b, BigInt* out) { add_signed(a, b, true, out); }

void big_mul(BigView a, BigView b, BigInt* out) {
  if (a.n == 0 || b.n == 0) {
    out->mag.clear();
    out->neg = false;
    return;
  }
  std::vector<limb_t> r(a.n + b.n);
  if (b.n == 1) {
    r[a.n] = mul_1(r.data(), a.d, a.n, b.d[0]);
  } else if (a.n == 1) {
    r[b.n] = mul_1(r.data(), b.d, b.n, a.d[0]);
  } else {
    mul_rec(r.data(), a.d, a.n, b.d, b.n);
  }
  out->mag = std::move(r);
  out->neg = a.neg != b.neg;
  out->normalize();
}

void big_divmod_trunc_mag(BigView a, BigView b, BigInt* q, BigInt* r) {
  divmod_mag(a.d, a.n, b.d, b.n, q, r);
}

void big_divmod(BigView a, BigView b, BigInt* q, BigInt* r) {
  BigInt qq, rr;
  divmod_mag(a.d, a.n, b.d, b.n, &qq, &rr);
  bool qneg = a.neg != b.neg;
  // Truncated: a = q*b + r with r having a's sign. Floor: adjust when r != 0 and signs differ.
  if (qneg && !rr.is_zero()) {
    // q = -(|q| + 1); r = |b| - |r| with b's sign.
    bool carry = true;
    for (auto& x : qq.mag) {
      if (!carry) break;
      x += 1;
      carry = x == 0;
    }
    if (carry) qq.mag.push_back(1);
    std::vector<limb_t> t(b.n);
    sub_n(t.data(), b.d, b.n, rr.mag.data(), rr.mag.size());
    rr.mag = std::move(t);
    rr.neg = b.neg;
    rr.normalize();
  } else {
    rr.neg = a.neg && !rr.is_zero();
  }
  qq.neg = qneg && !qq.is_zero();
  if (q) *q = std::move(qq);
  if (r) *r = std::move(rr);
}

void big_neg(BigView a, BigInt* out) {
  std::vector<limb_t> r(a.d, a.d + a.n);
  out->mag = std::move(r);
  out->neg = !a.neg && a.n > 0;
}

void big_and(BigView a, BigView b, BigInt* out) {
  bitwise(a, b, out, [](limb_t x, limb_t y) { return x & y; });
}
void big_or(BigView a, BigView b, BigInt* out) {
  bitwise(a, b, out, [](limb_t x, limb_t y) { return x | y; });
}
void big_xor(BigView a, BigView b, BigInt* out) {
  bitwise(a, b, out, [](limb_t x, limb_t y) { return x ^ y; });
}
void big_invert(BigView a, BigInt* out) {
  // ~a = -(a + 1)
  limb_t one = 1;
  BigInt t;
  big_add(a, BigView{&one, 1, false}, &t);
  t.neg = !t.neg && !t.is_zero();
  *out = std::move(t);
}

void big_lshift(BigView a, uint64_t shift, BigInt* out) {
  if (a.n == 0) {
    out->mag.clear();
    out->neg = false;
    return;
  }
  size_t limbs = shift / 64;
  int bits = shift % 64;
  std::vector<limb_t> r(a.n + limbs + 1, 0);
  if (bits == 0) {
    std::copy(a.d, a.d + a.n, r.begin() + limbs);
  } else {
    limb_t carry = 0;
    for (size_t i = 0; i < a.n; ++i) {
      r[i + limbs] = (a.d[i] << bits) | carry;
      carry = a.d[i] >> (64 - bits);
    }
    r[a.n + limbs] = carry;
  }
  out->mag = std::move(r);
  out->neg = a.neg;
  out->normalize();
}

void big_rshift(BigView a, uint64_t shift, BigInt* out) {
  size_t limbs = shift / 64;
  int bits = shift % 64;
  if (limbs >= a.n) {
    out->mag.clear();
    out->neg = false;
    if (a.neg && a.n) out->set_i64(-1);
    return;
  }
  bool lost = false;
  if (a.neg) {
    for (size_t i = 0; i < limbs && !lost; ++i) lost = a.d[i] != 0;
    if (bits && (a.d[limbs] & ((static_cast<limb_t>(1) << bits) - 1))) lost = true;
  }
  size_t n = a.n - limbs;
  std::vector<limb_t> r(n);
  if (bits == 0) {
    std::copy(a.d + limbs, a.d + a.n, r.begin());
  } else {
    for (size_t i = 0; i < n; ++i) {
      limb_t lo = a.d[i + limbs] >> bits;
      limb_t hi = (i + limbs + 1 < a.n) ? a.d[i + limbs + 1] << (64 - bits) : 0;
      r[i] = lo | hi;
    }
  }
  out->mag = std::move(r);
  out->neg = a.neg;
  out->normalize();
  if (a.neg && lost) {
    // floor: magnitude + 1
    bool carry = true;
    for (auto& x : out->mag) {
      x += 1;
      carry = x == 0;
      if (!carry) break;
    }
    if (carry) out->mag.push_back(1);
    out->neg = true;
  }
}

void big_pow(BigView a, uint64_t e, BigInt* out) {
  BigInt result(1);
  if (e == 0) {
    *out = std::move(result);
    return;
  }
  BigInt base;
  base.mag.assign(a.d, a.d + a.n);
  base.neg = a.neg;
  int top = 63 - __builtin_clzll(e);
  BigInt tmp;
  result = base;
  for (int i = top - 1; i >= 0; --i) {
    big_mul(result.view(), result.view(), &tmp);
    std::swap(result, tmp);
    if ((e >> i) & 1) {
      big_mul(result.view(), base.view(), &tmp);
      std::swap(result, tmp);
    }
  }
  *out = std::move(result);
}

void big_powmod(BigView a, BigView e, BigView m, BigInt* out) {
  BigInt base, tmp, result;
  big_divmod(a, m, nullptr, &base);  // 0 <= base < m
  result.set_i64(1);
  big_divmod(result.view(), m, nullptr, &result);  // m == 1 gives 0
  uint64_t bits = bitlen_mag(e.d, e.n);
  for (uint64_t i = bits; i-- > 0;) {
    big_mul(result.view(), result.view(), &tmp);
    big_divmod_trunc_mag(tmp.view(), m, nullptr, &result);
    if ((e.d[i / 64] >> (i % 64)) & 1) {
      big_mul(result.view(), base.view(), &tmp);
      big_divmod_trunc_mag(tmp.view(), m, nullptr, &result);
    }
  }
  *out = std::move(result);
}

void big_gcd(BigView a, BigView b, BigInt* out) {
  BigInt x, y, r;
  x.mag.assign(a.d, a.d + a.n);
  y.mag.assign(b.d, b.d + b.n);
  while (!y.is_zero()) {
    uint64_t xs, ys;
    if (x.to_u64(&xs) && y.to_u64(&ys)) {
      while (ys) {
        uint64_t t = xs % ys;
        xs = ys;
        ys = t;
      }
      *out = BigInt::from_u64(xs);
      return;
    }
    big_divmod_trunc_mag(x.view(), y.view(), nullptr, &r);
    x = std::move(y);
    y = std::move(r);
  }
  *out = std::move(x);
}

bool big_modinv(BigView a, BigView m, BigInt* out) {
  // Extended Euclid on (a mod m, m).
  BigInt r0, r1, s0(1), s1(0), q, t, u;
  big_divmod(a, m, nullptr, &r1);
  r0.mag.assign(m.d, m.d + m.n);
  // invariant: s_i * a == r_i (mod m) with (r0, s0) for m paired as s=0... use (old_r, r)
  std::swap(r0, r1);  // r0 = a mod m, r1 = m
  s0.set_i64(1);
  s1.set_i64(0);
  while (!r1.is_zero()) {
    big_divmod(r0.view(), r1.view(), &q, &t);
    r0 = std::move(r1);
    r1 = std::move(t);
    big_mul(q.view(), s1.view(), &u);
    big_sub(s0.view(), u.view(), &t);
    s0 = std::move(s1);
    s1 = std::move(t);
  }
  if (!(r0.mag.size() == 1 && r0.mag[0] == 1 && !r0.neg)) return false;
  big_divmod(s0.view(), m, nullptr, out);
  return true;
}

double big_truediv(BigView a, BigView b, bool* overflow) {
  *overflow = false;
  bool neg = a.neg != b.neg;
  if (a.n == 0) return neg ? -0.0 : 0.0;
  uint64_t na = bitlen_mag(a.d, a.n), nb = bitlen_mag(b.d, b.n);
  if (na <= 53 && nb <= 53) {
    double r = static_cast<double>(a.d[0]) / static_cast<double>(b.d[0]);
    return neg ? -r : r;
  }
  int64_t diff = static_cast<int64_t>(na) - static_cast<int64_t>(nb);
  if (diff > DBL_MAX_EXP) {
    *overflow = true;
    return 0.0;
  }
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return neg ? -0.0 : 0.0;
  int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  BigView am{a.d, a.n, false}, bm{b.d, b.n, false};
  BigInt x;
  bool inexact = false;
  if (shift <= 0) {
    big_lshift(am, static_cast<uint64_t>(-shift), &x);
  } else {
    big_rshift(am, static_cast<uint64_t>(shift), &x);
    // bits shifted out
    uint64_t s = static_cast<uint64_t>(shift);
    for (size_t i = 0; i < a.n && i < s / 64 && !inexact; ++i) inexact = a.d[i] != 0;
    if (!inexact && s % 64 && s / 64 < a.n)
      inexact = (a.d[s / 64] & ((static_cast<limb_t>(1) << (s % 64)) - 1)) != 0;
  }
  BigInt q, r;
  big_divmod_trunc_mag(x.view(), bm, &q, &r);
  if (!r.is_zero()) inexact = true;
  uint64_t qv = q.mag.empty() ? 0 : q.mag[0];  // < 2^57
  int qbits = qv ? 64 - __builtin_clzll(qv) : 0;
  int64_t extra = std::max<int64_t>(qbits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  if (extra > 0) {
    if (extra >= 64) {
      bool up = false;  // q < 2^57 < half
      qv = up;
    } else {
      uint64_t half = static_cast<uint64_t>(1) << (extra - 1);
      uint64_t low = qv & ((half << 1) - 1);
      bool up = low > half || (low == half && (inexact || ((qv >> extra) & 1)));
      qv = (qv >> extra) + (up ? 1 : 0);
    }
    shift += extra;
  }
  double res = std::ldexp(static_cast<double>(qv), static_cast<int>(shift));
  if (std::isinf(res)) {
    *overflow = true;
    return 0.0;
  }
  return neg ? -res : res;
}

void big_isqrt(BigView a, BigInt* out) {
  if (a.n == 0) {
    out->mag.clear();
    out->neg = false;
    return;
  }
  if (a.n == 1) {
    uint64_t v = a.d[0];
    uint64_t s = static_cast<uint64_t>(std::sqrt(static_cast<double>(v)));
    while (s > 0 && static_cast<u128>(s) * s > v) --s;
    while (static_cast<u128>(s + 1) * (s + 1) <= v) ++s;
    *out = BigInt::from_u64(s);
    return;
  }
  // Newton's iteration from an over-estimate: x = 2^ceil(bits/2).
  uint64_t bits = bitlen_mag(a.d, a.n);
  BigInt one(1), x, y, q;
  big_lshift(one.view(), (bits + 1) / 2, &x);
  for (;;) {
    big_divmod_trunc_mag(a, x.view(), &q, nullptr);
    big_add(x.view(), q.view(), &y);
    big_rshift(y.view(), 1, &y);
    if (big_cmp(y.view(), x.view()) >= 0) break;
    x = std::move(y);
  }
  *out = std::move(x);
}

uint64_t big_mod_u64(BigView a, uint64_t m) {
  if (a.n == 0) return 0;
  Divisor dv(m);
  return divrem_1(nullptr, a.d, a.n, dv);
}

}  // namespace gp
