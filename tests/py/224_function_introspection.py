# topic: function objects: __name__/__qualname__/__doc__/__module__/__defaults__/__annotations__/__dict__, callable(), nested function names, recursion
# compare: exact
# timeout: 10
def documented(a: int, b: str = 'x', *args, c: float = 1.0, **kw) -> bool:
    """First line.

    More details here.
    """
    return True
print(documented.__name__, documented.__qualname__, documented.__module__)
print(documented.__doc__)
print(documented.__defaults__, documented.__kwdefaults__)
print(documented.__annotations__)
def undocumented():
    pass
print(undocumented.__doc__, undocumented(), undocumented.__defaults__, undocumented.__annotations__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__name__, outer() is outer())
class K:
    def m(self):
        pass
    @staticmethod
    def s():
        pass
print(K.m.__qualname__, K.s.__qualname__, K().m.__name__)
documented.custom = 'attribute'
print(documented.custom, sorted(documented.__dict__))
f = documented
print(f is documented, f.__name__)
f.__name__ = 'renamed'
print(documented.__name__, repr(documented).startswith('<function documented at'))
print(callable(len), callable(K), callable(K()), callable(K().m), callable('s'), callable(lambda: 0))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(1), fact(0))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))
def hanoi(n, src='A', dst='C', via='B', moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves
print(len(hanoi(10)), hanoi(3))
def no_return():
    x = 1
def bare_return():
    return
print(no_return(), bare_return())
def multiple():
    return 1, 'two', [3]
a, b, c = multiple()
print(a, b, c, type(multiple()).__name__)
print(type(len).__name__, type(documented).__name__, type(K().m).__name__, type(lambda: 0).__name__, len.__name__)
print(documented.__code__.co_name, documented.__code__.co_varnames, documented.__code__.co_argcount, documented.__code__.co_kwonlyargcount)
def gen():
    yield 1
print(type(gen).__name__, type(gen()).__name__, gen.__code__.co_flags & 0x20 != 0, fact.__code__.co_flags & 0x20 != 0)
