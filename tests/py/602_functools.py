# topic: functools: reduce (with/without initial), partial (args/keywords/repr-free attributes), lru_cache with cache_info/cache_clear, cache, wraps, total_ordering, cmp_to_key, singledispatch
# compare: exact
# timeout: 10
import functools
from functools import reduce, partial, lru_cache, wraps, total_ordering, cmp_to_key
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], 'init'))
print(reduce(lambda acc, w: acc + len(w), ['ab', 'cde'], 0), reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [('a', 1), ('b', 2)], {}))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError:', e)
def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
two_to = partial(power, 2)
print(square(7), cube_mod(7), two_to(10), square.func is power, square.args, square.keywords, two_to.args)
print(square(3, exp=3), partial(partial(power, 2), 5)())
int_base2 = partial(int, base=2)
print(int_base2('1010'), list(map(partial(round, ndigits=1), [1.25, 2.35])))
calls = []
@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
@lru_cache(maxsize=2)
def square_of(n):
    print('computing', n)
    return n * n
for n in [1, 2, 1, 3, 2, 1]:
    square_of(n)
print(square_of.cache_info())
@functools.cache
def slow_add(a, b):
    print('adding', a, b)
    return a + b
print(slow_add(1, 2), slow_add(1, 2), slow_add(b=2, a=1))
def logged(func):
    @wraps(func)
    def inner(*a):
        return func(*a)
    return inner
@logged
def documented(x):
    """Doc here."""
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Version(1, 2), sorted([b, a, Version(0, 9)]), max(a, b))
def compare_len_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)
print(sorted(['bb', 'a', 'ccc', 'ab', 'b'], key=cmp_to_key(compare_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))
@functools.singledispatch
def describe(x):
    return f'object {x!r}'
@describe.register
def _(x: int):
    return f'int {x}'
@describe.register(list)
def _(x):
    return f'list of {len(x)}'
print(describe(5), describe([1, 2]), describe('s'), describe(True))
class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area)
