# compare: exact

from dataclasses import dataclass, field, asdict, astuple
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
a = Item('apple', 1.5)
b = Item('apple', 1.5)
print(a, a == b, a.tags, asdict(a), astuple(a))
@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int = 0
print(P(1, 2) < P(2, 0), sorted([P(3), P(1, 5)]), hash(P(1)) == hash(P(1)))
try:
    P(1).x = 5
except Exception as e:
    print(type(e).__name__)
@dataclass
class Derived(Item):
    qty: int = 1
print(Derived('pear', 2.0, qty=3))
