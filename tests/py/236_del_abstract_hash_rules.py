# topic: object model: __del__ order (refcount, scope exit, cycles, resurrection), abstract properties/classmethods, __eq__/__hash__ inheritance rules
# compare: exact
# timeout: 10
import gc
# __del__ order
class Noisy:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
a = Noisy(1); b = Noisy(2)
del a
print('after a')
b = None
print('after b')
def scope():
    x = Noisy(3); y = Noisy(4)
    print('leaving')
scope()
l = [Noisy(5), Noisy(6)]
del l
print('list gone')
class Cyc(Noisy): pass
c = Cyc(7); c.self = c
del c
gc.collect()
print('collected')
class Resurrect:
    saved = []
    def __del__(self):
        print('resurrect del')
        Resurrect.saved.append(self)
r = Resurrect(); del r
print(len(Resurrect.saved))
Resurrect.saved.clear()
print('cleared once')
class Bad:
    def __del__(self): raise ValueError('in del')
# abstract properties
import abc
class Shape(abc.ABC):
    @property
    @abc.abstractmethod
    def area(self): ...
    @abc.abstractmethod
    def name(self): ...
    @classmethod
    @abc.abstractmethod
    def make(cls): ...
print(sorted(Shape.__abstractmethods__), Shape.area.__isabstractmethod__)
try: Shape()
except TypeError as e: print(e)
class Sq(Shape):
    @property
    def area(self): return 4
    def name(self): return 'sq'
try: Sq()
except TypeError as e: print(e)
class Sq2(Sq):
    @classmethod
    def make(cls): return cls()
print(Sq2.make().area, Sq2.__abstractmethods__, isinstance(Sq2(), Shape))
class Half(Shape):
    area = 3
    name = make = None
print(Half().area, Half.__abstractmethods__)
class AP(abc.ABC):
    @abc.abstractproperty
    def x(self): ...
try: AP()
except TypeError as e: print(e)
# __eq__/__hash__ inheritance rules
class E1:
    def __eq__(self, o): return True
print(E1.__hash__)
try: hash(E1())
except TypeError as e: print(e)
class E2(E1): pass
print(E2.__hash__)
class E3(E1):
    __hash__ = object.__hash__
print(type(hash(E3())).__name__)
class H1:
    def __hash__(self): return 42
class H2(H1):
    def __eq__(self, o): return False
print(hash(H1()), H2.__hash__)
class H3(H1):
    def __eq__(self, o): return False
    __hash__ = H1.__hash__
print(hash(H3()))
class N:
    __hash__ = None
try: hash(N())
except TypeError as e: print(e)
from collections.abc import Hashable
print(isinstance(N(), Hashable), isinstance(E1(), Hashable), isinstance(H1(), Hashable))
class NE:
    def __ne__(self, o): return 'ne'
print(NE.__hash__ is object.__hash__, NE() != 1)
class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(1), EqOnly(1) != EqOnly(2))
