# topic: float repr/str (shortest round-trip), special values, float() parsing, float methods
# compare: exact
# timeout: 10
values = [0.0, -0.0, 1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0,
          1e-4, 1e-5, 0.0001234, 1.5e300, 5e-324, 1.7976931348623157e308, 100.0, 1e22, 1e23,
          3.141592653589793, 2.5, 1234.5678, -1.25e-7, 9007199254740993.0, 0.3, 1.1 * 1.1]
for v in values:
    print(repr(v), str(v))
inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, repr(inf), float('-inf'), float('Infinity'), float('  nan '), float('+1.5'))
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, inf == inf, inf - inf, inf * 0)
print(float('1_000.5'), float('.5'), float('5.'), float('1e3'), float('-1E-3'), float(7), float(True))
for bad in ['', 'abc', '1.2.3', '1e', '--1', 'in f']:
    try:
        float(bad)
    except ValueError as e:
        print('ValueError:', e)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print((255.0).hex(), float.fromhex('0x1.8p1'), (1.0).hex(), (-0.1).hex())
print(int(2.9), int(-2.9), round(2.675, 2), round(2.5), round(3.5), round(-0.5), round(1.23456, 3))
print(round(1234.5678, -2), round(5, -1), round(15, -1), round(25, -1), type(round(2.5)).__name__)
print(round(2.5, 0), type(round(2.5, 0)).__name__, round(-1.5), round(0.125, 2), round(0.375, 2))
print(1e-7, 1e-6, 0.000001, 1e20, 1e21, 12345678901234567890.0, float(10 ** 20))
print(float(2 ** 53), float(2 ** 53 + 1), 2.0 ** 0.5, 10 / 3 * 3, 4.35 * 100)
print(sum([0.1] * 10), 0.1 * 10, 1.0 - 0.9, 3 * 0.1, 0.7 + 0.1)
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), math.copysign(1, -0.0))
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0) == hash(0.0), hash(inf))
print(max(0.0, -0.0), min(-0.0, 0.0), sorted([3.0, -1.5, nan, 2.0])[0] in (-1.5, nan))
print(float.__name__, (1.5).real, (1.5).imag, (1.5).conjugate(), abs(-2.5))
print(f'{1e100}', str(1e-100), 1e100 == 10 ** 100, 1e22 == 10 ** 22, 0.1 == 1 / 10)
