# topic: fractions, statistics, numbers
# compare: exact
# timeout: 10
from fractions import Fraction as F
import fractions
import statistics as st
import numbers
import math

print(F(1, 3), repr(F(1, 3)), F(6, -4), F(0, 5), F(7), F(), F('3/4'), F(' -1.25e1 '), F('1_000'),
      F(0.5), F(1.1), F(F(1, 2), F(3, 4)), F(2.0).denominator)
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(2, 3)), -a, +a, abs(-a),
      a ** 2, a ** -2, (-a) ** -3, F(4, 9) ** F(1, 2), 2 ** F(3), 2 ** F(1, 2))
print(a + 1, 1 + a, a * 3, 3 / a, a + 0.5, 0.5 + a, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5,
      F(3) == 3, a < b, a > 0.3, a <= F(1, 3), 1 < a, sorted([F(1, 2), F(1, 3), 0.4, 1]))
print(int(F(7, 2)), int(F(-7, 2)), float(F(1, 8)), math.floor(F(-7, 2)), math.ceil(F(7, 2)),
      math.trunc(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(12345, 1000), 2),
      round(F(-1, 2)), bool(F(0)), bool(a))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), {F(1, 2): 'x'}[0.5])
print(F(math.pi).limit_denominator(), F(math.pi).limit_denominator(100), F(3, 7).limit_denominator(5),
      F('0.333').limit_denominator(10), F.from_float(0.25), F(1, 3).as_integer_ratio())
print(sum([F(1, n) for n in range(1, 11)]), F(10, 4).numerator, F(10, 4).denominator)
print(isinstance(F(1), numbers.Rational), isinstance(1, numbers.Integral),
      isinstance(1.5, numbers.Real), isinstance(1.5, numbers.Rational), isinstance('x', numbers.Number))
for bad in [lambda: F(1, 0), lambda: F('x/y'), lambda: F('1.2.3'), lambda: F(1.5, 2),
            lambda: F([]), lambda: F(1) / 0, lambda: F(0) ** -1, lambda: F(float('inf'))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean([1, 2]), st.mean(data),
      st.mean([F(1, 2), F(3, 4)]), st.mean([0.1, 0.2, 0.3]), st.mean(range(10)))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 2, 1]), st.geometric_mean([54, 24, 36]),
      st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]),
      st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]), st.median([5, 1, 3, 2]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'blue', 'blue', 'red', 'green', 'red']),
      st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.variance([1, 2, 3, 4, 5]), st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4]),
      st.stdev([1, 2, 3, 4, 5]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.variance([F(1, 4), F(5, 4), F(1, 2)]), st.pvariance([0.1, 0.2, 0.3, 0.4]),
      st.stdev([10, 12, 23, 23, 16, 23, 21, 16]), st.variance(data, st.mean(data)))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(1, 101), n=10),
      st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110], n=4, method='inclusive'))
print(st.correlation([1, 2, 3, 4], [2, 4, 5, 9]), st.covariance([1, 2, 3], [1, 3, 2]),
      st.linear_regression([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(115), 6), round(nd.pdf(100), 6), nd.mean, nd.variance)
for bad in [lambda: st.mean([]), lambda: st.median([]), lambda: st.mode([]), lambda: st.variance([1]),
            lambda: st.stdev([]), lambda: st.pvariance([]), lambda: st.quantiles([1]),
            lambda: st.harmonic_mean([-1, 2]), lambda: st.mean(['a'])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
