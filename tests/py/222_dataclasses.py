# topic: dataclasses: fields, defaults, default_factory, repr/eq/order, frozen, __post_init__, asdict/astuple/replace
# compare: exact
# timeout: 10
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError

@dataclass
class Point:
    x: int
    y: int = 0

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    def add(self, item):
        self.items.append(item)
        self.count += 1

@dataclass(frozen=True)
class Color:
    r: int
    g: int
    b: int

@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h

p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(2, 1), Point(y=3, x=4))
print(sorted([Version(1, 2), Version(1, 0, 5), Version(0, 9)]), Version(2) > Version(1, 9, 9))
inv = Inventory('ann')
inv.add('apple')
inv2 = Inventory('bob')
print(inv, inv2, inv.count, inv.items is not inv2.items)
c = Color(255, 0, 0)
try:
    c.r = 0
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)
print(c, hash(c) == hash(Color(255, 0, 0)), {c, Color(255, 0, 0)} == {c})
print(Rect(2, 3), asdict(p), astuple(Version(1, 2, 3)), replace(p, y=99))
print([f.name for f in fields(Inventory)], Point.__dataclass_fields__['y'].default)
try:
    Point()
except TypeError as e:
    print('TypeError:', e)
try:
    hash(p)
except TypeError as e:
    print('TypeError:', e)
@dataclass
class Nested:
    p: Point
    tags: tuple = ()
n = Nested(Point(1, 1), ('a',))
print(n, asdict(n))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
@dataclass
class Child(Point):
    z: int = 0
print(Child(1, 2, 3), isinstance(Child(1), Point))
