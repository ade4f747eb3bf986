// Arbitrary-precision integers for int values outside int64 (runtime/int.cpp keeps small values
// in IntObject::value). Sign and magnitude; the magnitude is little-endian 64-bit limbs with no
// leading zero limb (zero is the empty vector, never negative). Arithmetic uses unsigned __int128
// intermediates: schoolbook multiplication, Karatsuba above kKaratsubaThreshold limbs, Knuth's
// algorithm D for division, and decimal conversion in chunks of 10**19. Pure C++: no Python
// objects and no exceptions, so it can be unit-tested alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gp {

using limb_t = uint64_t;

// A read-only view of a magnitude and sign; an int64 can be viewed through a one-limb buffer.
struct BigView {
  const limb_t* d;
  size_t n;  // limbs, no leading zero limb
  bool neg;
};

class BigInt {
 public:
  std::vector<limb_t> mag;
  bool neg = false;

  BigInt() = default;
  explicit BigInt(int64_t v) { set_i64(v); }
  static BigInt from_u64(uint64_t v);
  // Truncates toward zero; v must be finite.
  static BigInt from_double(double v);
  // digits: ASCII digits of `base` (2..36) only, no sign, no underscores, non-empty.
  static BigInt from_digits(std::string_view digits, int base);

  void set_i64(int64_t v);
  BigView view() const { return {mag.data(), mag.size(), neg}; }
  bool is_zero() const { return mag.empty(); }
  int sign() const { return mag.empty() ? 0 : (neg ? -1 : 1); }
  void normalize();  // strips leading zero limbs, clears neg for zero
  bool to_i64(int64_t* out) const;
  bool to_u64(uint64_t* out) const;  // false when negative or too big
  // Correctly rounded (half-even); sets *overflow when it does not fit in a double.
  double to_double(bool* overflow) const;
  uint64_t bit_length() const;
  uint64_t bit_count() const;  // popcount of |x|
  // Digits in base 2..36 (lowercase), with '-' for negatives, no prefix.
  std::string to_string(int base = 10) const;
  // Number of decimal digits would be at least this (cheap estimate from the bit length, for the
  // int max str digits check); exact value not needed.
};

// A view of v using buf (one limb) as storage.
BigView view_i64(int64_t v, limb_t* buf);

int big_cmp(BigView a, BigView b);  // -1, 0, 1
void big_add(BigView a, BigView b, BigInt* out);
void big_sub(BigView a, BigView b, BigInt* out);
void big_mul(BigView a, BigView b, BigInt* out);
// Floor division and modulo (Python semantics); b must be non-zero. q or r may be nullptr.
void big_divmod(BigView a, BigView b, BigInt* q, BigInt* r);
// Truncating division of magnitudes: q = |a| / |b|, r = |a| % |b| (signs cleared).
void big_divmod_trunc_mag(BigView a, BigView b, BigInt* q, BigInt* r);
void big_neg(BigView a, BigInt* out);
// Two's complement semantics on infinite-width integers.
void big_and(BigView a, BigView b, BigInt* out);
void big_or(BigView a, BigView b, BigInt* out);
void big_xor(BigView a, BigView b, BigInt* out);
void big_invert(BigView a, BigInt* out);  // ~a == -a - 1
void big_lshift(BigView a, uint64_t shift, BigInt* out);
void big_rshift(BigView a, uint64_t shift, BigInt* out);  // floor (arithmetic) shift
// a ** e for e >= 0.
void big_pow(BigView a, uint64_t e, BigInt* out);
// (a ** e) % m with e >= 0, m > 0 (result in [0, m)).
void big_powmod(BigView a, BigView e, BigView m, BigInt* out);
// Modular inverse of a modulo m > 0; false when gcd(a, m) != 1.
bool big_modinv(BigView a, BigView m, BigInt* out);
void big_gcd(BigView a, BigView b, BigInt* out);  // non-negative
// Correctly rounded a / b (b != 0). Sets *overflow when the quotient is too large for a double.
double big_truediv(BigView a, BigView b, bool* overflow);
// Integer square root of a >= 0.
void big_isqrt(BigView a, BigInt* out);
// |a| mod m for 0 < m (used for hashing: m = 2**61 - 1).
uint64_t big_mod_u64(BigView a, uint64_t m);

}  // namespace gp
