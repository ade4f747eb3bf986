# topic: classmethod (alternative constructors, subclass-aware), staticmethod, class attributes vs instance attributes
# compare: exact
# timeout: 10
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.count += 1
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split('-'))
        return cls(y, m, d)
    @classmethod
    def today_fake(cls):
        return cls(2024, 1, 1)
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f'{type(self).__name__}({self.y}, {self.m}, {self.d})'
class EuroDate(Date):
    def __str__(self):
        return f'{self.d:02}.{self.m:02}.{self.y}'
d = Date.from_string('2023-07-15')
e = EuroDate.from_string('2020-02-29')
print(d, e, str(e), EuroDate.today_fake(), Date.count)
print(Date.is_leap(2000), Date.is_leap(1900), d.is_leap(2024), EuroDate.is_leap(2023))
print(type(Date.__dict__['from_string']).__name__, type(Date.__dict__['is_leap']).__name__)
print(Date.from_string.__self__ is Date, EuroDate.from_string.__self__ is EuroDate, d.from_string.__self__ is Date)
class Counter:
    instances = []
    shared = 0
    def __init__(self):
        self.instances.append(self)
        self.shared += 1
c1, c2 = Counter(), Counter()
print(len(Counter.instances), Counter.shared, c1.shared, c2.shared)
class Registry:
    _items = {}
    @classmethod
    def register(cls, key, value):
        cls._items[key] = value
        return cls
    @classmethod
    def items(cls):
        return dict(cls._items)
Registry.register('a', 1).register('b', 2)
print(Registry.items())
class Math:
    @staticmethod
    def add(a, b):
        return a + b
    @staticmethod
    def twice(x):
        return Math.add(x, x)
print(Math.add(2, 3), Math().twice(4), Math.twice(0.5))
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class Dyn:
    length = sm
    who = cm
print(Dyn.length('abc'), Dyn.who(), Dyn().who())
class Shape:
    sides = 0
    @classmethod
    def describe(cls):
        return f'{cls.__name__} has {cls.sides} sides'
class Triangle(Shape):
    sides = 3
class Square(Shape):
    sides = 4
print([k.describe() for k in (Shape, Triangle, Square)])
print(isinstance(Date.__dict__['is_leap'], staticmethod), callable(Date.__dict__['is_leap']))
