# topic: // % ** divmod on negatives and floats, true division, mixed int/float arithmetic
# compare: exact
# timeout: 10
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (0.1, 0.03), (-0.0, 1), (5, 0.5), (1e300, 1e-10)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5, -1e-20 % 1.0, 3.5 % float('inf'), -3.5 % float('inf'))
print(2 ** 10, 2 ** -2, (-2) ** 2, -2 ** 2, (-2) ** -3, 2 ** 0.5, 4 ** 0.5, 0 ** 0)
print((-8) ** (1 / 3))
print(10 ** 20, 10 ** -20, 2.0 ** 100, (-1) ** 1001, 1 ** 10 ** 10)
print(pow(2, 100, 1000), pow(-2, 3), pow(2, -1), pow(5, -1, 13), pow(0.5, 2))
print(3 * 1.5, 3 - 1.5, 1 + 2j * 2, 7 / 7, type(7 / 7).__name__, 6 // 2.0)
print(1 / 3, 2 / 3, 10 / 4, -10 / 4, 1e16 + 1, 0.1 * 3, 0.1 + 0.2 == 0.3)
print(round(0.1 + 0.2, 10) == 0.3, abs(-0.0), -0.0 == 0.0, str(-0.0))
print(17 % 5.0, -17 % 5.0, 17.0 // -5, divmod(-17.0, 5))
for a, b in [(1, 0), (1.0, 0), (1, 0.0), (0, 0)]:
    for op in ('/', '//', '%'):
        try:
            print(eval(f'{a} {op} {b}'))
        except ZeroDivisionError as e:
            print(op, 'ZeroDivisionError:', e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print('divmod:', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('pow:', e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print('fpow:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    10.0 ** 400
except OverflowError as e:
    print('OverflowError:', e)
print(-7 // 2 * 2 + -7 % 2, 2 ** 3 ** 2, (2 ** 3) ** 2, -3 ** 2, +-+-3)
