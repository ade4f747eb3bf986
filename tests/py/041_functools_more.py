# compare: exact

import functools
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.cache
def sq(x):
    return x * x
print(sq(4), sq(4), sq.cache_info().hits)
def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper
@deco
def documented():
    """docstring here"""
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
p = functools.partial(sorted, key=len)
print(p(['ccc', 'a', 'bb']), p.args, p.keywords)
class Lazy:
    @functools.cached_property
    def value(self):
        print('computing')
        return 42
l = Lazy(); print(l.value, l.value)
@functools.singledispatch
def show(x):
    return 'object'
@show.register(int)
def _(x):
    return 'int'
@show.register(list)
def _(x):
    return 'list'
print(show(1), show([1]), show('s'))
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
