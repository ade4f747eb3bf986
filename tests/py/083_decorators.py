# compare: exact

import functools
def trace(f):
    @functools.wraps(f)
    def w(*args):
        print('call', f.__name__, args)
        return f(*args)
    return w
def repeat(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@trace
@repeat(2)
def hi(x):
    return x * 2
print(hi(3))
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.f(*a)
@CountCalls
def one():
    return 1
one(); one()
print(one.calls)
def add_attr(cls):
    cls.extra = 'added'
    return cls
@add_attr
class Decorated:
    pass
print(Decorated.extra)
