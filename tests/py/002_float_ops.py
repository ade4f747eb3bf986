# compare: exact

print(0.1 + 0.2, 1 / 3, 2 / 2, 7 / 2, -7 / 2, 1e22, 1e-7, 123456789.0 * 10)
print(float('inf'), -float('inf'), float('nan') != float('nan'))
print(3.0 // 2, -3.5 // 2, 3.5 % 2, -3.5 % 2, 2 ** 0.5, 10 ** -2)
print(round(2.675, 2), round(3.14159, 3), round(0.5), round(1.5))
print(float('1.5e3'), float(' 2.5 '), int(3.99), int(-3.99))
print((0.5).as_integer_ratio(), (2.0).is_integer(), float.fromhex('0x1p-2'))
print(f'{1.0:.3f} {2.5:e} {1234567.891:,.2f} {0.25:%}')
print(max(1.5, 2), min(-1, -1.5), sum([0.1] * 10))
try:
    1 / 0.0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
