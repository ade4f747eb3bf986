# compare: exact

from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def perimeter(self):
        pass
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def perimeter(self):
        return 4 * self.s
try:
    Shape()
except TypeError as e:
    print('TypeError:', e)
class Partial(Shape):
    def area(self):
        return 0
try:
    Partial()
except TypeError as e:
    print('TypeError:', e)
print(Square(3).describe(), isinstance(Square(1), Shape))
from collections.abc import Iterable, Sequence, Mapping, Callable
print(isinstance([], Iterable), isinstance({}, Mapping), isinstance('x', Sequence), isinstance(len, Callable))
class MyIter:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
print(isinstance(MyIter(), Iterable), isinstance(5, Iterable))
