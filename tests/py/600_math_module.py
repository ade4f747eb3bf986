# topic: math module: constants, floor/ceil/trunc, sqrt/isqrt, exp/log variants, trig, factorial/comb/perm/gcd/lcm, fsum/prod, isclose, inf/nan helpers
# compare: exact
# timeout: 10
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.floor(5), type(math.floor(2.5)).__name__)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30), math.pow(2, 10), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(0), math.expm1(0))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), math.atan2(1, 1), math.asin(1))
print(math.degrees(math.pi), math.radians(180), math.atan(1) * 4 == math.pi)
print(math.factorial(0), math.factorial(10), math.factorial(25), math.comb(10, 3), math.perm(5, 2), math.perm(5), math.comb(5, 7))
print(math.gcd(48, 36), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm())
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2], start=2))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1e308), math.isfinite(math.inf), math.copysign(3, -0.0), math.fabs(-2))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.modf(3.75), math.modf(-3.75), math.frexp(8), math.ldexp(0.5, 4))
print(math.dist((0, 0), (3, 4)), math.cosh(0), math.sinh(0), math.tanh(0), math.erf(0), math.gamma(5), math.lgamma(1))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(1e20), math.floor(1e300) == int(1e300), math.ulp(1.0), math.nextafter(1.0, 2.0))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(3.5), lambda: math.factorial(-2),
            lambda: math.isqrt(-1), lambda: math.comb(-1, 2), lambda: math.exp(1000), lambda: math.floor('x'), lambda: math.gcd(1.5, 2)):
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
def is_prime(n):
    return n > 1 and all(n % d for d in range(2, math.isqrt(n) + 1))
print([n for n in range(60) if is_prime(n)])
print(round(math.sqrt(2) ** 2, 10), math.sqrt(2) ** 2 == 2, f'{math.pi:.10f}', int(math.log10(10 ** 15)))
