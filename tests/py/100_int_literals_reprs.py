# topic: integer literals in every base, underscores, int() parsing, int reprs and conversions
# compare: exact
# timeout: 10
print(0, -0, 00, 0_0, 1_000, 0x_ff, 0b_1010, 0o_777)
print(0xDEADBEEF, 0XAB, 0B11, 0O17)
print(int('0x1f', 16), int('1f', 16), int('0o17', 0), int('0b11', 0), int('  -42\n'))
print(int('1_000'), int('+5'), int('-0'), int('٣'), int('Z', 36), int('zz', 36))
print(int(), int(7.9), int(-7.9), int(1e10), int('10', 2), int(b'42'))
print(repr(10), str(-10), repr(True), int(True), int(False))
for text in ['12a', '', ' ', '1__0', '_1', '0x', '1.0', '08']:
    try:
        print(int(text))
    except ValueError as e:
        print('ValueError:', e)
try:
    int('12', 1)
except ValueError as e:
    print('ValueError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
try:
    int('5', base=37)
except ValueError as e:
    print('ValueError:', e)
print(int('08', 10), int('0', 0), int('00', 0))
try:
    int('08', 0)
except ValueError as e:
    print('ValueError:', e)
# int methods and attributes
n = 255
print(n.bit_length(), (-n).bit_length(), (0).bit_length(), n.to_bytes(2, 'big'), n.to_bytes(2, 'little'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff', 'big', signed=True), (-1).to_bytes(2, 'big', signed=True))
print(n.real, n.imag, n.numerator, n.denominator, n.conjugate())
print((10).as_integer_ratio(), (7).__index__(), int.__name__, type(5).__name__)
print(isinstance(True, int), issubclass(bool, int), type(1 + True))
class MyInt(int):
    pass
m = MyInt(5)
print(m, repr(m), m + 1, type(m + 1).__name__, isinstance(m, int))
print(int('١٢٣'), float('١.٥'))
