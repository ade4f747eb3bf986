# topic: classes made by Python metaclasses (subclasses of type): class __dict__ contents, __prepare__/__new__/__init__/__call__ overrides, class keywords, type.__new__ and super().__new__ from a metaclass, ABCMeta and EnumMeta
# compare: exact
# timeout: 10
class M(type):
    def __new__(mcls, name, bases, ns, **kw):
        print('M.__new__', name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = 42
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('M.__init__', name, kw)
        super().__init__(name, bases, ns)
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 1}
    def __call__(cls, *a, **k):
        print('M.__call__', cls.__name__, a, k)
        return super().__call__(*a, **k)
class B(metaclass=M, flag=True):
    x = 1
    def f(self): return self.x
print('x' in B.__dict__, 'f' in B.__dict__, 'injected' in B.__dict__, 'extra' in B.__dict__)
print(sorted(k for k in B.__dict__ if not k.startswith('__')))
print(sorted(k for k in vars(B) if not k.startswith('__')))
b = B()
print(b.f(), type(B).__name__, B.extra)
class C(B, flag=False):
    y = 2
print('y' in C.__dict__, 'x' in C.__dict__)
class M2(type): pass
class D(metaclass=M2): z = 3
print(D.__dict__['z'], type(D.__dict__).__name__)
D.w = 5
print('w' in D.__dict__, D.w)
del D.w
print('w' in D.__dict__)
class M3(type):
    def __new__(mcls, name, bases, ns):
        return type.__new__(mcls, name, bases, ns)
class E(metaclass=M3): q = 1
print(E.__dict__['q'])
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def g(self): ...
    k = 9
print('k' in A.__dict__, 'g' in A.__dict__, sorted(A.__abstractmethods__))
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print('RED' in Color.__dict__, type(Color.__dict__['RED']).__name__ if 'RED' in Color.__dict__ else None)
print('_member_map_' in Color.__dict__)
print(hasattr(M, '__dict__'), '__dict__' in M.__dict__, '__weakref__' in M.__dict__)
print(sorted(k for k in M.__dict__))


class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, register=True):
        cls = super().__new__(mcls, name, bases, ns)
        if register:
            mcls.classes.append(name)
        return cls
class Base(metaclass=Registry, register=False):
    a = 1
class Sub(Base):
    b = 2
print(Registry.classes, sorted(k for k in Sub.__dict__ if not k.startswith('__')))
print(Sub.__dict__['b'], Sub.a, Sub.__mro__[1].__name__)
MadeByCall = M('MadeByCall', (), {'v': 7})
print('v' in MadeByCall.__dict__, MadeByCall.v)
T = type.__new__(M2, 'T', (), {'t': 8})
print(type(T).__name__, T.__dict__['t'])
try:
    class Bad(type):
        __slots__ = ('__dict__',)
except TypeError as e:
    print('TypeError:', e)
class Counted(type):
    def __call__(cls, *a, **k):
        cls.count = getattr(cls, 'count', 0) + 1
        return super().__call__(*a, **k)
class P(metaclass=Counted):
    def __init__(self, v): self.v = v
P(1); P(2)
print(P.count, P.__dict__['count'], P(3).v, P.count)


for base in (tuple, int, type, bytes):
    for sl in (('__dict__',), ('__weakref__',), ('a',), ()):
        try:
            class T(base): __slots__ = sl
            print(base.__name__, sl, 'ok')
        except TypeError as e: print(base.__name__, sl, e)
