# topic: __call__, arithmetic dunders with reflected (__radd__) and in-place (__iadd__) variants, unary ops, NotImplemented dispatch
# compare: exact
# timeout: 10
class Vec:
    def __init__(self, *c):
        self.c = tuple(c)
    def __repr__(self):
        return f'Vec{self.c}'
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(*(a + b for a, b in zip(self.c, other.c)))
        if isinstance(other, (int, float)):
            return Vec(*(a + other for a in self.c))
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, other):
        return Vec(*(a - b for a, b in zip(self.c, other.c)))
    def __mul__(self, k):
        if isinstance(k, Vec):
            return sum(a * b for a, b in zip(self.c, k.c))
        return Vec(*(a * k for a in self.c))
    def __rmul__(self, k):
        print('rmul called')
        return self * k
    def __truediv__(self, k):
        return Vec(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return Vec(*(a // k for a in self.c))
    def __mod__(self, k):
        return Vec(*(a % k for a in self.c))
    def __pow__(self, k):
        return Vec(*(a ** k for a in self.c))
    def __neg__(self):
        return Vec(*(-a for a in self.c))
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __matmul__(self, other):
        return 'matmul'
    def __eq__(self, other):
        return isinstance(other, Vec) and self.c == other.c
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v - w, v * 3, 3 * v, v * w, w / 2, w // 3, w % 3, v ** 2, -v, +v, abs(w), v @ w)
print(v + 10, 10 + v, sum([v, w, Vec(10, 10)]), sum([v, w], Vec(0, 0)))
try:
    v + 'str'
except TypeError as e:
    print('TypeError:', e)
try:
    'str' - v
except TypeError as e:
    print('TypeError:', e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        print('iadd', item)
        self.items.append(item)
        return self
    def __add__(self, item):
        print('add', item)
        new = Acc()
        new.items = self.items + [item]
        return new
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
c = a + 3
print(c is a, c.items, a.items)
class OnlyAdd:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return OnlyAdd(self.n + other)
o = OnlyAdd(1)
o2 = o
o += 5
print(o.n, o2.n, o is o2)
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, x, *, verbose=False):
        if verbose:
            print(f'multiplying {x} by {self.factor}')
        return x * self.factor
double = Multiplier(2)
print(double(21), double('ab', verbose=True), callable(double), callable(Multiplier), callable(5))
print(list(map(double, [1, 2, 3])))
five = 5
try:
    five()
except TypeError as e:
    print('TypeError:', e)
class Left:
    def __add__(self, other):
        print('Left.__add__')
        return NotImplemented
class Right:
    def __radd__(self, other):
        print('Right.__radd__')
        return 'right handled'
print(Left() + Right())
class SubRight(Vec):
    def __radd__(self, other):
        return 'subclass radd first'
print(Vec(1) + SubRight(2))
class Cmp:
    def __invert__(self):
        return 'inverted'
    def __lshift__(self, n):
        return f'lshift {n}'
    def __rrshift__(self, n):
        return f'rrshift {n}'
    def __and__(self, o):
        return 'and'
    def __ror__(self, o):
        return 'ror'
    def __xor__(self, o):
        return 'xor'
print(~Cmp(), Cmp() << 2, 5 >> Cmp(), Cmp() & 1, 1 | Cmp(), Cmp() ^ 0)
