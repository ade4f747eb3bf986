// Numbers: BigInt arithmetic, float repr/format and parsing, format-spec layout. These test the
// pure C++ layers (no interpreter needed); expected values come from CPython 3.11.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "runtime/bigint.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"

namespace gp {
namespace {

BigInt B(const std::string& s) {
  bool neg = s[0] == '-';
  BigInt r = BigInt::from_digits(neg ? s.substr(1) : s, 10);
  r.neg = neg && !r.is_zero();
  return r;
}
std::string S(const BigInt& b) { return b.to_string(10); }

TEST(BigInt, PowersAndDecimal) {
  BigInt two(2), r;
  big_pow(two.view(), 100, &r);
  EXPECT_EQ(S(r), "1267650600228229401496703205376");
  EXPECT_EQ(r.to_string(16), "10000000000000000000000000");
  big_pow(two.view(), 64, &r);
  EXPECT_EQ(S(r), "18446744073709551616");
  EXPECT_EQ(S(B("-0")), "0");
  EXPECT_EQ(S(B("000123")), "123");
}

TEST(BigInt, FloorDivisionSigns) {
  BigInt q, m;
  // -2**70 // 3 == -393530540239137101142, -2**70 % 3 == 2
  BigInt a = B("-1180591620717411303424");
  BigInt three(3);
  big_divmod(a.view(), three.view(), &q, &m);
  EXPECT_EQ(S(q), "-393530540239137101142");
  EXPECT_EQ(S(m), "2");
  big_divmod(B("7").view(), B("-2").view(), &q, &m);
  EXPECT_EQ(S(q), "-4");
  EXPECT_EQ(S(m), "-1");
  big_divmod(B("-7").view(), B("2").view(), &q, &m);
  EXPECT_EQ(S(q), "-4");
  EXPECT_EQ(S(m), "1");
}

TEST(BigInt, MultiplyKaratsubaMatchesSquaring) {
  // (10**600 + 1) ** 2 == 10**1200 + 2 * 10**600 + 1
  std::string a = "1" + std::string(599, '0') + "1";
  BigInt x = B(a), r;
  big_mul(x.view(), x.view(), &r);
  std::string expect = "1" + std::string(599, '0') + "2" + std::string(599, '0') + "1";
  EXPECT_EQ(S(r), expect);
}

TEST(BigInt, BitwiseTwosComplement) {
  BigInt r;
  big_and(B("-1180591620717411303424").view(), B("1180591620717411303423").view(), &r);
  EXPECT_EQ(S(r), "0");
  big_or(B("-36893488147419103232").view(), B("5").view(), &r);
  EXPECT_EQ(S(r), "-36893488147419103227");
  big_xor(B("-1").view(), B("36893488147419103232").view(), &r);
  EXPECT_EQ(S(r), "-36893488147419103233");
  big_invert(B("36893488147419103232").view(), &r);
  EXPECT_EQ(S(r), "-36893488147419103233");
  big_rshift(B("-36893488147419103233").view(), 65, &r);
  EXPECT_EQ(S(r), "-2");
}

TEST(BigInt, TrueDivisionIsCorrectlyRounded) {
  bool overflow;
  // (10**30) / 3 == 3.333333333333333e+29 ; (2**1024) / 2 overflows? no: 8.98846567431158e+307
  double d = big_truediv(B("1000000000000000000000000000000").view(), BigInt(3).view(), &overflow);
  EXPECT_FALSE(overflow);
  EXPECT_EQ(float_repr(d), "3.333333333333333e+29");
  BigInt p, two(2);
  big_pow(two.view(), 1024, &p);
  d = big_truediv(p.view(), two.view(), &overflow);
  EXPECT_EQ(float_repr(d), "8.98846567431158e+307");
  big_truediv(p.view(), BigInt(1).view(), &overflow);
  EXPECT_TRUE(overflow);
}

TEST(BigInt, PowModAndInverse) {
  BigInt r;
  ASSERT_TRUE(big_modinv(BigInt(2).view(), BigInt(5).view(), &r));
  EXPECT_EQ(S(r), "3");
  EXPECT_FALSE(big_modinv(BigInt(2).view(), BigInt(4).view(), &r));
  big_powmod(BigInt(3).view(), BigInt(200).view(), B("1000000007").view(), &r);
  EXPECT_EQ(S(r), "136318165");
}

TEST(FloatRepr, ShortestRoundTrip) {
  EXPECT_EQ(float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(float_repr(1e16), "1e+16");
  EXPECT_EQ(float_repr(1e15), "1000000000000000.0");
  EXPECT_EQ(float_repr(1e-5), "1e-05");
  EXPECT_EQ(float_repr(0.0001), "0.0001");
  EXPECT_EQ(float_repr(1.5e-7), "1.5e-07");
  EXPECT_EQ(float_repr(123.0), "123.0");
  EXPECT_EQ(float_repr(-0.0), "-0.0");
  EXPECT_EQ(float_repr(INFINITY), "inf");
  EXPECT_EQ(float_repr(-INFINITY), "-inf");
  EXPECT_EQ(float_repr(NAN), "nan");
  EXPECT_EQ(float_repr(5e-324), "5e-324");
  EXPECT_EQ(float_repr(1.7976931348623157e308), "1.7976931348623157e+308");
}

TEST(FloatFormat, Modes) {
  EXPECT_EQ(double_to_string(1234.5, 'g', 3, false, true), "1.23e+03");
  EXPECT_EQ(double_to_string(123.0, 'g', 3, false, true), "1.23e+02");
  EXPECT_EQ(double_to_string(1.5, 'e', 0, true, false), "2.e+00");
  EXPECT_EQ(double_to_string(1.5, 'g', 6, true, false), "1.50000");
  EXPECT_EQ(double_to_string(2.5, 'f', 0, false, false), "2");
  EXPECT_EQ(double_to_string(-0.001, 'f', 1, false, false, true), "0.0");
}

TEST(FloatParse, PythonSyntax) {
  double v;
  ASSERT_TRUE(float_parse(" 1.5 ", &v));
  EXPECT_EQ(v, 1.5);
  ASSERT_TRUE(float_parse("1_000.5", &v));
  EXPECT_EQ(v, 1000.5);
  ASSERT_TRUE(float_parse("-Infinity", &v));
  EXPECT_TRUE(std::isinf(v) && v < 0);
  ASSERT_TRUE(float_parse("1e500", &v));
  EXPECT_TRUE(std::isinf(v));
  EXPECT_FALSE(float_parse("x1", &v));
  EXPECT_FALSE(float_parse("1__0", &v));
  EXPECT_FALSE(float_parse("0x10", &v));
  EXPECT_FALSE(float_parse("", &v));
}

TEST(FloatHash, MatchesCPython) {
  EXPECT_EQ(float_hash_value(1.5, nullptr), 1152921504606846977LL);
  EXPECT_EQ(float_hash_value(-1.5, nullptr), -1152921504606846977LL);
  EXPECT_EQ(float_hash_value(1e300, nullptr), 1224995262755759164LL);
  EXPECT_EQ(float_hash_value(1.0, nullptr), 1);
  EXPECT_EQ(float_hash_value(INFINITY, nullptr), 314159);
}

TEST(FormatSpec, NumberLayout) {
  FormatSpec s;
  ASSERT_TRUE(parse_format_spec(nullptr, "012,", &s, '>', 'd', "int"));
  EXPECT_EQ(format_number(s, "", "", "1234", ""), "0,000,001,234");
  ASSERT_TRUE(parse_format_spec(nullptr, "#010_x", &s, '>', 'd', "int"));
  EXPECT_EQ(format_number(s, "", "0x", "ff", "", 4), "0x000_00ff");
  ASSERT_TRUE(parse_format_spec(nullptr, "*^9", &s, '>', 'd', "int"));
  EXPECT_EQ(format_number(s, "-", "", "42", ""), "***-42***");
}

}  // namespace
}  // namespace gp
