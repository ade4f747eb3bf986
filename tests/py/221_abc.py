# topic: abc.ABC, abstractmethod, abstract properties, instantiation errors, register virtual subclasses, collections.abc checks
# compare: exact
# timeout: 10
from abc import ABC, abstractmethod
import collections.abc as cabc

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f'{type(self).__name__} area={self.area():.2f} perimeter={self.perimeter():.2f}'
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s
class HalfDone(Shape):
    def area(self):
        return 0
print(Square(3).describe())
for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print('TypeError:', e)
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
class Named(ABC):
    @property
    @abstractmethod
    def name(self):
        pass
class Impl(Named):
    @property
    def name(self):
        return 'impl'
print(Impl().name, isinstance(Impl(), Named))
class Base(ABC):
    @abstractmethod
    def run(self):
        return 'base run'
class Child(Base):
    def run(self):
        return 'child + ' + super().run()
print(Child().run())
class Duck(ABC):
    pass
class Mallard:
    pass
Duck.register(Mallard)
print(isinstance(Mallard(), Duck), issubclass(Mallard, Duck), Duck in Mallard.__mro__)
class Sized2:
    def __len__(self):
        return 0
class Iter2:
    def __iter__(self):
        return iter([])
print(isinstance(Sized2(), cabc.Sized), isinstance(Iter2(), cabc.Iterable), isinstance(Iter2(), cabc.Iterator))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance({}, cabc.MutableMapping), isinstance((), cabc.MutableSequence))
print(isinstance('s', cabc.Sequence), isinstance(set(), cabc.Set), isinstance(len, cabc.Callable), isinstance(iter([]), cabc.Iterator))
print(isinstance((x for x in []), cabc.Generator), isinstance(5, cabc.Hashable), isinstance([], cabc.Hashable))
class MyMap(cabc.Mapping):
    def __init__(self, d):
        self._d = dict(d)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
mm = MyMap({'a': 1, 'b': 2})
print(mm['a'], list(mm.keys()), list(mm.items()), mm.get('z', 0), 'b' in mm, mm == {'a': 1, 'b': 2}, len(mm))
try:
    class Partial(cabc.Sequence):
        def __len__(self):
            return 0
    Partial()
except TypeError as e:
    print('TypeError:', e)
from abc import ABCMeta
class Legacy(metaclass=ABCMeta):
    @abstractmethod
    def f(self):
        pass
print(type(Legacy).__name__, type(Shape).__name__)
try:
    Legacy()
except TypeError as e:
    print('TypeError:', e)
