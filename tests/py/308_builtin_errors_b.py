# topic: exact messages of builtin errors in conversions, math, iteration, unpacking, hashing, strings, bytes, imports
# compare: exact
# timeout: 10
import math
def gen():
    yield 1
g = gen()
next(g)
cases = [
    lambda: int('3.5'), lambda: int('0x10'), lambda: int('1e3'), lambda: float('1,5'), lambda: complex('1+'),
    lambda: int('9' * 5000), lambda: math.factorial(-1), lambda: math.sqrt('4'), lambda: math.log(-1),
    lambda: math.acos(2), lambda: math.exp(1000), lambda: math.floor(float('nan')), lambda: math.ceil(float('inf')),
    lambda: 2.0 ** 5000, lambda: round(1.5, 'a'), lambda: divmod('a', 1), lambda: pow(2, 0.5, 3),
    lambda: chr(0x110000), lambda: chr('a'), lambda: ord(''), lambda: ord(5), lambda: hex(1.5), lambda: bin('1'),
    lambda: next(g), lambda: next(iter({})), lambda: iter(None), lambda: reversed({1, 2}), lambda: reversed(5),
    lambda: zip(1, 2), lambda: map(None), lambda: enumerate(5), lambda: sorted(5), lambda: sum(5), lambda: sum([1], 'a'),
    lambda: min(5), lambda: max([], key=len), lambda: {[]: 1}, lambda: {{}}, lambda: frozenset([[1]]),
    lambda: 'abc'.center(), lambda: 'abc'.center(5, 'xy'), lambda: 'a'.replace(), lambda: 'a,b'.split(''),
    lambda: 'x'.encode('ascii', 'strict') + 'é'.encode('ascii'), lambda: b'\xff'.decode('utf-8'),
    lambda: b'abc' + 'def', lambda: bytes('abc'), lambda: bytes([256]), lambda: bytes(-1), lambda: b'a'.decode('nope'),
    lambda: bytearray([1]).append(300), lambda: 'abc'.startswith(1), lambda: 'a'.zfill('3'), lambda: 'ab'.count(),
    lambda: __import__('os').no_such_function, lambda: __import__('no_module_here'), lambda: getattr(1, 'x'),
    lambda: setattr(1, 'x', 2), lambda: delattr(object(), 'x'), lambda: isinstance(1, 'int'), lambda: issubclass(1, int),
    lambda: type('X', (1,), {}), lambda: super(), lambda: object.__new__(5), lambda: [].sort(key=1),
    lambda: list.append([], 1, 2), lambda: str.upper(5), lambda: 'a' in 5, lambda: 5 in 'abc',
]
for i, case in enumerate(cases):
    try:
        r = case()
        print(i, 'no error', repr(r)[:20])
    except Exception as e:
        print(i, f'{type(e).__name__}: {e}')
