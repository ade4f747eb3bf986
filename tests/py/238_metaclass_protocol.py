# topic: metaclass protocol: __prepare__ namespaces, __instancecheck__/__subclasscheck__, __new__ returning other types, object.__new__/__init__ argument errors, class keywords, __set_name__ errors, __class_getitem__ (object[int] fails, type[int] works), metaclass dunders on classes
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
