# topic: dataclasses
# compare: exact
# timeout: 10
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         FrozenInstanceError, InitVar, KW_ONLY, make_dataclass, MISSING)


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(Point(3)), p == Point(1, 2), p != Point(2, 1), p == (1, 2), p.x, p.y)
print(Point(y=5, x=4), Point.__match_args__, [f.name for f in fields(Point)], Point.__doc__)
print(asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(Point.__hash__, Point.y, hasattr(Point, 'x'))
# (argument errors name the function by its code's qualname in gilpy: types only here)
for bad in [lambda: Point(), lambda: Point(1, 2, 3), lambda: replace(Point(1), nope=1)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', 'argument' in str(e))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default='', compare=False, repr=False)


v1, v2 = Version(1, 2), Version(1, 10, 'beta')
print(v1, v2, v1 < v2, v1 >= v2, sorted([v2, v1, Version(0, 5)]), hash(v1) == hash(Version(1, 2)))
print(v1 == Version(1, 2, 'other'), {v1: 'a'}[Version(1, 2)], max(v1, v2))
for bad in [lambda: setattr(v1, 'major', 3), lambda: delattr(v1, 'minor'),
            lambda: v1 < Point(1, 2), lambda: asdict(5), lambda: fields(3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    total: int = field(init=False, default=0)
    secret: str = field(default='s', repr=False)

    def add(self, item, n=1):
        self.items.append(item)
        self.counts[item] = self.counts.get(item, 0) + n
        self.total += n


a = Inventory('a')
b = Inventory('b')
a.add('apple', 3)
print(a, b, a.counts, a.total)


@dataclass
class Line:
    start: Point
    end: Point
    label: str = 'L'
    tags: tuple = ()


ln = Line(Point(0, 0), Point(3, 4), tags=('x', [1, 2]))
print(ln)
print(asdict(ln), astuple(ln))


@dataclass
class Base:
    a: int
    b: str = 'b'


@dataclass
class Derived(Base):
    c: float = 1.5
    d: list = field(default_factory=lambda: [1])

    def __post_init__(self):
        self.total = self.a + self.c


dd = Derived(1, 'x', 2.5)
print(dd, dd.total, [f.name for f in fields(dd)], Derived.__match_args__)


@dataclass
class WithInit:
    x: int
    scale: InitVar[int] = 2

    def __post_init__(self, scale):
        self.x *= scale


print(WithInit(3), WithInit(3, 10), [f.name for f in fields(WithInit)])


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2


print(KW(1, c=5), KW(0))


@dataclass(kw_only=True)
class AllKW:
    x: int
    y: int = 3


print(AllKW(x=1))
try:
    AllKW(1)
except TypeError as e:
    print('TypeError')


@dataclass(eq=False)
class NoEq:
    v: int


print(NoEq(1) == NoEq(1), NoEq(2))


@dataclass(unsafe_hash=True)
class Hashable:
    v: int
    w: int = field(default=0, hash=False)


print(hash(Hashable(1, 2)) == hash(Hashable(1, 3)), Hashable(5))


class Custom:
    pass


@dataclass
class Rep:
    x: int

    def __repr__(self):
        return 'custom'


print(Rep(1), Rep(1) == Rep(1))

for code in ['''
@dataclass
class Bad:
    x: list = []
''', '''
@dataclass
class Bad2:
    x: int = 1
    y: int
''', '''
@dataclass(order=True, eq=False)
class Bad3:
    x: int
''']:
    try:
        exec(code)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

C = make_dataclass('C', [('x', int), ('y', int, field(default=5))], order=True)
print(C(1), C(1) < C(2), fields(C)[1].default, fields(C)[0].default is MISSING)


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


n = Node(1, [Node(2), Node(3, [Node(4)])])
print(n)
print(asdict(n))
me = Node(0)
me.children.append(me)
print(me)


@dataclass(frozen=True)
class FP:
    x: int
    y: int

    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


print(FP(3, 4).dist(), {FP(1, 2), FP(1, 2)}, replace(FP(1, 2), x=7))
match Point(1, 7):
    case Point(1, y):
        print('matched y =', y)
