# topic: object model: data/non-data descriptor precedence, __set__/__delete__-only descriptors, property deleter and read-only errors, property subclasses, bound method identity/equality, __init_subclass__ and __set_name__ order under a metaclass, ABCMeta (register, __subclasshook__, metaclass subclasses, update_abstractmethods), EnumMeta paths, object.__reduce__ through copyreg._reduce_ex (protocols 0/1)
# compare: exact
# timeout: 10
# data vs non-data descriptor precedence
class NonData:
    def __get__(self, o, t=None): return 'nondata'
class Data:
    def __get__(self, o, t=None): return 'data'
    def __set__(self, o, v): print('Data.__set__', v)
class SetOnly:
    def __set__(self, o, v): print('SetOnly.__set__', v)
class DelOnly:
    def __delete__(self, o): print('DelOnly.__delete__')
class H:
    nd = NonData(); d = Data(); so = SetOnly(); do = DelOnly()
h = H()
h.__dict__.update(nd='inst', d='inst', so='inst', do='inst')
print(h.nd, h.d, h.so is H.__dict__['so'] or h.so, h.do)
h.d = 1; h.so = 2; h.nd = 3
print(h.__dict__['nd'], h.__dict__['d'], h.__dict__['so'])
del h.do
print('do' in h.__dict__)
try: h.do = 5
except AttributeError as e: print(e)
print(h.__dict__['do'])
try: del h.d
except AttributeError as e: print(e)
# property deleter / no setter messages
class PP:
    def __init__(self): self._x = 1
    @property
    def x(self): return self._x
    @x.deleter
    def x(self): print('deleting'); del self._x
    @property
    def ro(self): return 1
p = PP()
del p.x
try: p.x
except AttributeError as e: print(e)
try: p.ro = 2
except AttributeError as e: print(e)
try: del p.ro
except AttributeError as e: print(e)
try: p.x = 3
except AttributeError as e: print(e)
print(type(PP.x.deleter(None)).__name__, PP.x.fdel.__name__)
# property subclass
class MyProp(property):
    def __get__(self, o, t=None):
        if o is None: return self
        return 'my:' + str(super().__get__(o, t))
class UP:
    @MyProp
    def v(self): return 5
    @v.setter
    def v(self, val): print('set', val)
print(UP().v, type(UP.v).__name__); UP().v = 9
# bound methods
class BM:
    def m(self): return self
    @classmethod
    def c(cls): return cls
b = BM()
print(b.m == b.m, b.m is b.m, b.m.__self__ is b, b.m.__func__ is BM.m, BM.c.__self__ is BM, b.c.__self__ is BM)
print(BM().m == BM().m, hash(b.m) == hash(b.m), b.m.__name__, b.m.__qualname__, repr(b.m).startswith('<bound method BM.m of'))
print(type(b.m).__name__, b.m.__doc__, BM.m.__get__(b) == b.m)
import types
print(types.MethodType(lambda self: self * 2, 21)(), types.MethodType(BM.m, 5)())
# method objects are not settable
try: b.m.x = 1
except AttributeError as e: print(e)
# __objclass__ and descriptor reprs
print(str.upper.__objclass__, repr(str.upper), repr(int.__add__), repr(object.__init__))
print(repr(dict.__dict__['fromkeys']))
print(repr(int.real)[:40], repr(type.__dict__['__name__']))
print(type((1).__add__).__name__)
# __init_subclass__ with metaclass __new__ ordering
class Trace(type):
    def __new__(mcls, name, bases, ns):
        print('meta new start', name)
        cls = super().__new__(mcls, name, bases, ns)
        print('meta new end', name)
        return cls
    def __init__(cls, *a):
        print('meta init', cls.__name__)
        super().__init__(*a)
class TBase(metaclass=Trace):
    def __init_subclass__(cls): print('init_subclass', cls.__name__)
class TSub(TBase):
    class Field:
        def __set_name__(self, o, n): print('set_name', n)
    f = Field()

import abc, enum
# ABCMeta.register, subclasshook
class Proto(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Proto:
            return any('speak' in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented
class Dog:
    def speak(self): pass
class Rock: pass
print(issubclass(Dog, Proto), isinstance(Rock(), Proto))
Proto.register(Rock)
print(issubclass(Rock, Proto), isinstance(Rock(), Proto), Proto.register(int) is int)
@Proto.register
class Deco: pass
print(issubclass(Deco, Proto), Deco.__name__)
class Meta2(abc.ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.tag = name.lower()
        return cls
class A2(metaclass=Meta2):
    @abc.abstractmethod
    def f(self): ...
    x = 5
print(A2.tag, 'x' in A2.__dict__, sorted(A2.__abstractmethods__), type(A2).__mro__)
try: A2()
except TypeError as e: print(e)
print(abc.ABCMeta.__instancecheck__(A2, 1), type(abc.ABC).__name__, abc.ABC.__dict__.get('__slots__'))
# abstractmethods updated after class creation
class Late(abc.ABC):
    @abc.abstractmethod
    def g(self): ...
Late.g = lambda self: 1
try: Late()
except TypeError as e: print(e)
abc.update_abstractmethods(Late)
print(Late().g())
# enum metaclass paths
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    def describe(self): return self.name.lower()
    @classmethod
    def first(cls): return next(iter(cls))
print(type(Color).__name__, list(Color), Color.first(), Color.RED.describe(), 'describe' in Color.__dict__)
print(len(Color), Color['GREEN'], Color(2), Color.RED in Color, [m.value for m in Color])
print(sorted(k for k in Color.__dict__ if not k.startswith('_')))
print(Color.__members__.keys(), isinstance(Color.RED, Color), type(Color.RED).__mro__)
try: Color.RED = 5
except AttributeError as e: print(e)
try: del Color.RED
except AttributeError as e: print(e)
try:
    class Ext(Color): BLUE = 3
except TypeError as e: print(e)
class Base(enum.Enum):
    def hello(self): return 'hello ' + self.name
class Derived(Base):
    X = 1
print(Derived.X.hello(), Derived.__mro__)
class IE(enum.IntEnum):
    A = 1
    B = 2
print(IE.A + 1, IE.B > IE.A, isinstance(IE.A, int), repr(IE.A), str(IE.A), format(IE.A))
class F(enum.Flag):
    R = 1
    W = 2
    X = 4
print(F.R | F.W, (F.R | F.W).value, F.R in (F.R | F.W), repr(F(0)))
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value)
@enum.unique
class U(enum.Enum):
    A = 1
try:
    @enum.unique
    class U2(enum.Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
Dyn = enum.Enum('Dyn', 'X Y Z')
print(list(Dyn), Dyn.Y.value, Dyn.__name__)
class S(str, enum.Enum):
    A = 'a'
print(S.A == 'a', S.A.upper(), S('a'))

import copyreg, copy
class P:
    def __init__(self): self.a = 1
r = P().__reduce__()
print(r[0].__name__, r[1], r[2])
print(P().__reduce_ex__(0)[1:], P().__reduce_ex__(1)[1:])
class L(list): pass
l = L([1, 2]); l.tag = 't'
r = l.__reduce__()
print(r[0].__name__, r[1], r[2])
class Sl:
    __slots__ = ('a',)
try: Sl().__reduce__()
except TypeError as e: print(e)
class SlG:
    __slots__ = ('a',)
    def __getstate__(self): return {'a': 1}
print(SlG().__reduce__()[1:])
class Empty: pass
print(Empty().__reduce__()[1:])
try: (lambda: 0).__reduce__()
except TypeError as e: print(e)
class WithGS:
    def __getstate__(self): return 'state'
print(WithGS().__reduce__()[1:])
print(copy.copy(l), copy.copy(l).tag)
