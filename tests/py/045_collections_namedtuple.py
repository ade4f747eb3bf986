# compare: exact

from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([3, 4]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p))
Card = namedtuple('Card', 'rank suit', defaults=['spades'])
print(Card('A'), Card._field_defaults)
R = namedtuple('R', 'a def a', rename=True)
print(R._fields)
try:
    Point(1)
except TypeError as e:
    print('TypeError:', e)
