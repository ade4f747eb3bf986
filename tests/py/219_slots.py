# topic: __slots__: no __dict__, AttributeError on unknown attributes, inheritance with/without slots, slots with defaults via class attrs
# compare: exact
# timeout: 10
class Point:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(1, 2)
p.x = 10
print(p, hasattr(p, '__dict__'), Point.__slots__, type(Point.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)
class Partial:
    __slots__ = ('a', 'b')
pp = Partial()
pp.a = 1
try:
    pp.b
except AttributeError as e:
    print('AttributeError:', e)
del pp.a
try:
    del pp.a
except AttributeError as e:
    print('AttributeError:', e)
class Point3(Point):
    __slots__ = ('z',)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
p3 = Point3(1, 2, 3)
print(p3, p3.z, hasattr(p3, '__dict__'))
class Loose(Point):
    pass
lo = Loose(0, 0)
lo.anything = 'allowed'
print(lo.anything, vars(lo))
class WithDict:
    __slots__ = ('a', '__dict__')
w = WithDict()
w.a = 1
w.other = 2
print(w.a, w.other, vars(w))
try:
    class Conflict:
        __slots__ = ('v',)
        v = 5
except ValueError as e:
    print('ValueError:', e)
class Single:
    __slots__ = 'only'
s = Single()
s.only = 'one'
print(s.only, Single.__slots__)
try:
    vars(p)
except TypeError as e:
    print('TypeError:', e)
print(sorted(n for n in dir(p) if not n.startswith('__')))
import sys
class Many:
    __slots__ = ('v',)
    def __init__(self, v):
        self.v = v
objs = [Many(i) for i in range(1000)]
print(sum(o.v for o in objs), getattr(objs[5], 'v'), getattr(Many(1), 'missing', 'dflt'))
setattr(objs[0], 'v', 'set via setattr')
print(objs[0].v)
