# topic: __hash__/__eq__ contract in sets/dicts, unhashable defaults when __eq__ defined, __bool__ and __len__ truthiness rules
# compare: exact
# timeout: 10
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'P({self.x},{self.y})'
pts = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(pts), Point(1, 2) in pts, {Point(0, 0): 'origin'}[Point(0, 0)])
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__)
try:
    {EqOnly()}
except TypeError as e:
    print('TypeError:', e)
class Default:
    pass
d1 = Default()
print(hash(d1) == hash(d1), d1 in {d1}, Default.__hash__ is object.__hash__)
class Inherit(Point):
    pass
print(hash(Inherit(1, 2)) == hash(Point(1, 2)), Inherit(1, 2) == Point(1, 2))
class BadHash:
    def __hash__(self):
        return 'nope'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError:', e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Neither:
    pass
for obj in (Empty(), Full(), Both(), Neither()):
    print(type(obj).__name__, bool(obj), 'truthy' if obj else 'falsy', not obj)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print('ValueError:', e)
class FloatLen:
    def __len__(self):
        return 2.5
try:
    len(FloatLen())
except TypeError as e:
    print('TypeError:', e)
try:
    len(Neither())
except TypeError as e:
    print('TypeError:', e)
print(len(Full()), Full().__len__())
print(hash(1) == hash(1.0) == hash(True), hash('a') == hash('a'), hash((1, 'a')) == hash((1, 'a')))
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(None) == hash(None))
for bad in ([1], {1: 2}, {1}, bytearray(b'x'), (1, [2])):
    try:
        hash(bad)
    except TypeError as e:
        print('TypeError:', e)
cache = {}
key = (Point(1, 1), 'tag')
cache[key] = 'value'
print(cache[(Point(1, 1), 'tag')])
