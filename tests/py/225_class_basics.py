# topic: class statement basics: class vs instance attributes, __dict__, __class__, methods binding, attribute lookup order, class-level mutable shared state
# compare: exact
# timeout: 10
class Dog:
    """A dog."""
    species = 'canis'
    tricks = []
    def __init__(self, name):
        self.name = name
        self.own_tricks = []
    def add_trick(self, trick):
        self.tricks.append(trick)
        self.own_tricks.append(trick)
    def bark(self, times=1):
        return ' '.join([f'{self.name}: woof'] * times)
a, b = Dog('rex'), Dog('fido')
a.add_trick('roll')
b.add_trick('sit')
print(a.tricks, b.own_tricks, Dog.tricks is a.tricks)
print(a.bark(), b.bark(2), Dog.bark(a, 3))
print(a.species, Dog.species, Dog.__doc__, Dog.__name__, a.__class__.__name__, type(a) is Dog)
a.species = 'wolf'
print(a.species, b.species, Dog.species, 'species' in vars(a), 'species' in vars(b))
del a.species
print(a.species)
Dog.species = 'changed'
print(a.species, b.species)
print(sorted(vars(a)), sorted(k for k in Dog.__dict__ if not k.startswith('__')))
m = a.bark
print(m(), m.__self__.name, m.__func__ is Dog.bark)
class Empty:
    pass
e = Empty()
e.x = 1
e.y = 2
print(vars(e), e.__dict__ is vars(e))
e.__dict__['z'] = 3
print(e.z, hasattr(e, 'z'), getattr(e, 'w', None))
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(3)]
print([c.id for c in cs], Counter.count)
class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
    def dist(self, other):
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5
p = Point().move(3, 4)
print(p.x, p.y, p.dist(Point()), Point(1, 1).move(1, 1).move(-3, 0).x)
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    p.nonexistent
except AttributeError as e:
    print('AttributeError:', e)
try:
    Point.move(1, 2)
except TypeError as e:
    print('TypeError:', e)
class NoInitArgs:
    pass
try:
    NoInitArgs(5)
except TypeError as e:
    print('TypeError:', e)
class NewAndInit:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        print('__init__', v)
        self.v = v
n = NewAndInit(7)
print(n.v)
class ReturnsOther:
    def __new__(cls):
        return 42
print(ReturnsOther())
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print('TypeError:', e)
