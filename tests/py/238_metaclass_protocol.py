# topic: metaclass protocol: __prepare__ namespaces, __instancecheck__/__subclasscheck__, __new__ returning other types, object.__new__/__init__ argument errors, class keywords, __set_name__ errors, __class_getitem__ (object[int] fails, type[int] works), metaclass dunders on classes, metaclass mro() overrides
# compare: exact
# timeout: 10
import collections
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return collections.OrderedDict()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith('__')]
        return cls
class O(metaclass=OrderedMeta):
    b = 1
    a = 2
    def c(self): pass
print(O.order, type(O.__dict__).__name__)
class LogNS(dict):
    def __setitem__(self, k, v):
        print('ns set', k)
        super().__setitem__(k, v)
class LM(type):
    @classmethod
    def __prepare__(mcls, name, bases): return LogNS()
class L(metaclass=LM):
    x = 1
    def f(self): pass
print(sorted(k for k in L.__dict__ if not k.startswith('__')))
class BadPrep(type):
    @classmethod
    def __prepare__(mcls, name, bases): return 42
try:
    class BP(metaclass=BadPrep): pass
except TypeError as e: print(e)
# metaclass __instancecheck__ / __subclasscheck__
class Duck(type):
    def __instancecheck__(cls, obj): return hasattr(obj, 'quack')
    def __subclasscheck__(cls, sub): return hasattr(sub, 'quack')
class Quacker(metaclass=Duck): pass
class Q:
    def quack(self): pass
print(isinstance(Q(), Quacker), isinstance(1, Quacker), issubclass(Q, Quacker), issubclass(int, Quacker))
print(isinstance(Quacker(), Quacker))
# __new__ returning another type: __init__ skipped
class Other:
    def __init__(self, *a): print('Other init', a)
class Weird:
    def __new__(cls, *a): return Other()
    def __init__(self, *a): print('Weird init')
w = Weird(1)
print(type(w).__name__)
class Sub(Weird): pass
class Proper:
    def __new__(cls, *a):
        print('new', cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, *a): print('init', a)
Proper(1, 2)
class InitRet:
    def __init__(self): return 5
try: InitRet()
except TypeError as e: print(e)
try: object(1)
except TypeError as e: print(e)
class NoInit: pass
try: NoInit(1)
except TypeError as e: print(e)
class OnlyInit:
    def __init__(self, a): pass
print(type(OnlyInit(1)).__name__)
class OnlyNew:
    def __new__(cls, a): return super().__new__(cls)
print(type(OnlyNew(1)).__name__)
try: object.__new__(OnlyInit, 1)
except TypeError as e: print(e)
try: object.__init__(OnlyNew(1), 1)
except TypeError as e: print(e)
try: object.__new__(int)
except TypeError as e: print(e)
try: object.__new__(5)
except TypeError as e: print(e)
try: int.__new__(str)
except TypeError as e: print(e)
# __init_subclass__ default
try:
    class K(object, extra=1): pass
except TypeError as e: print(e)
class MK(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns, **kw)
class PK:
    def __init_subclass__(cls, **kw): print('isc', cls.__name__, kw)
class CK(PK, metaclass=MK, a=1): pass
try:
    class CK2(metaclass=MK, a=1): pass
except TypeError as e: print(e)
# __set_name__ errors
class BadSN:
    def __set_name__(self, owner, name): raise ValueError('nope')
try:
    class UsesBad:
        attr = BadSN()
except Exception as e: print(type(e).__name__, e, type(e.__cause__).__name__)
# __class_getitem__
class Gen:
    def __class_getitem__(cls, item): return f'{cls.__name__}[{item!r}]'
print(Gen[int], Gen['x'])
class Sub2(Gen): pass
print(Sub2[1])
try: object[int]
except TypeError as e: print(e)
try: Q()[0]
except TypeError as e: print(e)
# metaclass __getattr__ for class attribute access
class MG(type):
    def __getattr__(cls, name): return f'meta:{name}'
class UG(metaclass=MG): real = 1
print(UG.real, UG.virtual, getattr(UG(), 'virtual', 'none'))
# metaclass __call__ returning non-instance
class Singleton(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class One(metaclass=Singleton):
    def __init__(self): print('One init')
print(One() is One())
# metaclass repr/str/len/iter
class MR(type):
    def __repr__(cls): return f'<MR {cls.__name__}>'
    def __len__(cls): return 7
    def __iter__(cls): return iter([1, 2])
    def __getitem__(cls, k): return k * 2
class UR(metaclass=MR): pass
print(UR, repr(UR), str(UR), len(UR), list(UR), UR[3], f'{UR}')
print([UR], {'k': UR})
print(type[int], type[int].__origin__, "__class_getitem__" in type.__dict__)

class MroMeta(type):
    def mro(cls):
        return [cls, object]
class A: x = 'A'
class B(A, metaclass=MroMeta): pass
print(B.__mro__, hasattr(B, 'x'))
class NotMeta:
    def __instancecheck__(self, o): return True
print(isinstance(1, NotMeta))
try: type.__init__(A, 'a', (), {}, extra=1)
except TypeError as e: print(e)
try: type('X', (), {}, extra=1)
except TypeError as e: print(e)
import copy
class Sl:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = [2]
s2 = copy.deepcopy(Sl()); print(s2.a, s2.b)
s3 = copy.copy(Sl()); print(s3.a)
class G:
    def __getattribute__(self, n):
        raise KeyError(n)
try: G().x
except KeyError as e: print('KeyError', e)
print(hasattr(type, '__abstractmethods__'))
try: type.__abstractmethods__
except AttributeError as e: print(e)
class Q: pass
print(Q.__init__ is object.__init__, Q.__new__ is object.__new__, Q().__init__.__name__)
print(Q.__subclasshook__(Q))
print(object.__reduce_ex__(Q(), 2)[0].__name__)

class MroMeta(type):
    def mro(cls):
        return [cls, object]
class A: x = 'A'
class B(A, metaclass=MroMeta): pass
print(B.__mro__, hasattr(B, 'x'), B.mro())
class Rev(type):
    def mro(cls):
        default = super().mro()
        print('mro called for', cls.__name__, [k.__name__ for k in default])
        return [default[0]] + default[1:-1][::-1] + [default[-1]]
class P: v = 'P'
class Q: v = 'Q'
class R(P, Q, metaclass=Rev): pass
print([k.__name__ for k in R.__mro__], R.v)
class S(R): pass
print([k.__name__ for k in S.__mro__], S.v)
R.__bases__ = (Q, P)
print([k.__name__ for k in R.__mro__], R.v, [k.__name__ for k in S.__mro__])
for body in ('[cls, 5]', '7', '[cls, int, object]'):
    M = type('M', (type,), {'mro': eval('lambda cls: ' + body)})
    try:
        M('X', (), {})
    except TypeError as e: print(e)
print(type.mro(B), int.mro(), bool.mro())
