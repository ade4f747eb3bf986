# topic: rich comparison dunders, NotImplemented fallback and reflection, sorting custom objects, == defaults to identity
# compare: exact
# timeout: 10
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __le__(self, other):
        return self == other or self < other
    __hash__ = None
vs = [Version(s) for s in ['1.10', '1.2', '1.2.1', '0.9', '1.2']]
print(sorted(vs), max(vs), min(vs), Version('1.2') == Version('1.2'), Version('1.2') != Version('1.3'))
print(Version('2.0') > Version('1.9'), Version('1.0') >= Version('1.0'), Version('1') == '1', Version('1') != 1)
try:
    Version('1') < 5
except TypeError as e:
    print('TypeError:', e)
try:
    hash(Version('1'))
except TypeError as e:
    print('TypeError:', e)
class Loud:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        print(f'{self.name}.__eq__({getattr(other, "name", other)})')
        return NotImplemented
    def __lt__(self, other):
        print(f'{self.name}.__lt__')
        return NotImplemented
    def __gt__(self, other):
        print(f'{self.name}.__gt__')
        return NotImplemented
a, b = Loud('a'), Loud('b')
print(a == b)
print(a != b)
try:
    a < b
except TypeError as e:
    print('TypeError:', e)
class Sub(Loud):
    def __eq__(self, other):
        print('Sub.__eq__ first')
        return True
print(a == Sub('s'))
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p is p)
try:
    p < q
except TypeError as e:
    print('TypeError:', e)
class AlwaysEqual:
    def __eq__(self, other):
        return True
print(AlwaysEqual() == 5, 5 == AlwaysEqual(), AlwaysEqual() in [1, 2], [AlwaysEqual()] == [3])
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f'O{self.v}'
print(sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]), OnlyLt(5) > OnlyLt(4), max([OnlyLt(1), OnlyLt(9)]))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print('TypeError:', e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
print(Money(5) == Money(5), len({Money(5), Money(5), Money(6)}), Money(1) in {Money(1)}, Money(1) != Money(2))
