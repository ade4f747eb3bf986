# compare: exact

import math
print(math.pi, math.e, math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.trunc(-3.7))
print(math.log(math.e), math.log10(1000), math.log2(8), math.exp(0), math.pow(2, 3))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.fabs(-2), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), math.isinf(math.inf), math.isnan(math.nan), math.comb(5, 2), math.perm(5, 2))
try:
    math.sqrt(-1)
except ValueError as e:
    print('ValueError:', e)
