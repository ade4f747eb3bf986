# topic: builtins min/max/sum/any/all/round/divmod/pow/abs/hex/oct/bin/chr/ord/format/repr/ascii with edge cases
# compare: exact
# timeout: 10
print(min(3, 1, 2), max([3, 1, 2]), min('b', 'a'), max((1, 2), (1, 3)), min([], default=0), max([5], default=9))
print(min([1, -5, 3], key=abs), max(['aa', 'b', 'ccc'], key=len), max([2, 2.0]), max([2.0, 2]), min([True, 0]))
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum([1.5, 2]), sum((True, True)))
print(any([]), all([]), any([0, None, '']), any([0, 1]), all([1, 'a', [0]]), all([1, 0]), any(x > 3 for x in [1, 5]))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(10.0), round(7, 2))
print(round(123.456, -1), round(123.456, -2), round(-0.4), round(1e20), round(1234, -2), round(1250, -2), round(1350, -2))
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(7.5, 2), divmod(-7.5, 2), divmod(0, 5))
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3), pow(2.5, 2), pow(4, 0.5), pow(0, 0))
print(abs(-3), abs(3.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-10 ** 20))
print(hex(0), hex(255), hex(-42), oct(8), oct(-8), bin(0), bin(5), bin(-5), hex(2 ** 70), bin(True))
print(chr(65), chr(0x263A), chr(0), repr(chr(127)), ord('A'), ord('€'), ord('\x00'), [chr(c) for c in range(97, 102)])
print(format(1234.5, ','), format(0.5, '%'), format(42, 'b'), format(42, '#x'), format('s', '>3'), format(3), format(1e300 * 10))
print(repr('a\nb'), repr("'"), repr('"'), repr('\'"'), repr(1e-10), repr(-0.0), repr([1.0, 'x']), repr(range(0, 5, 2)))
print(ascii('plain'), ascii('héllo'), ascii('日本'), ascii(['ж']), ascii(b'\xff'), ascii('\n'))
print(int(True), float(False), complex(1), bool(-1), str(1.0), int('  7  '), float(' -1.5e2 '), int(-0.9), int(0.9))
print(len('abc'), len([1, 2]), len({}), len(range(10)), len(range(0, 10, 3)), len(b'\x00\x01'), len((1,)))
print(sorted([3, 1, 2]), sorted('cba'), sorted({'b': 1, 'a': 2}), sorted([1, 2, 3], reverse=True), list(reversed([1, 2])))
print(max(1, 2, key=lambda x: -x), min('apple', 'fig', key=len), max({'a': 3, 'b': 5}.values()), max(range(10), key=lambda x: x % 4))
for bad in (lambda: min(), lambda: max(1), lambda: sum(['a']), lambda: round('x'), lambda: abs(None), lambda: chr(-5),
            lambda: ord('ab'), lambda: hex(3.0), lambda: divmod(1, 0), lambda: pow(0, -1), lambda: min([1, 'a'])):
    try:
        print(bad())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__ + ':', e)
print(round(float('inf')) if False else 'skip', round(2.5, None), type(round(2.5, None)).__name__, type(round(2.5, 0)).__name__)
