# topic: object model: __set_name__ descriptors, properties across subclasses, __class__ assignment layout checks, __bases__ introspection and assignment (MRO recomputed for subclasses, errors)
# compare: exact
# timeout: 10
# descriptors with __set_name__
class Field:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)
class Model:
    a = Field()
    b = Field()
m = Model()
print(m.a, type(Model.a).__name__)
m.a = 5
print(m.a, m._a, vars(m))
# __set_name__ on a class created by type()
T = type('T', (), {'f': Field()})
print(T.f.name)
# __set_name__ not called for later assignment
Model.c = Field()
print(hasattr(Model.c, 'name'))
# property in subclasses
class Base:
    @property
    def v(self): return 'base'
    @v.setter
    def v(self, x): print('base setter', x)
class Derived(Base):
    @Base.v.getter
    def v(self): return 'derived'
d = Derived()
print(d.v); d.v = 3
class D2(Base):
    @property
    def v(self): return 'd2 ' + super().v
print(D2().v)
try:
    D2().v = 1
except AttributeError as e: print(e)
try:
    del d.v
except AttributeError as e: print(e)
print(Base.v.fget.__name__, Base.v.fset.__name__, Base.v.fdel)
# property doc
class P:
    @property
    def x(self):
        "the x"
        return 1
print(P.x.__doc__, property().__doc__ is None, P.x.__isabstractmethod__)
# __class__ assignment
class A1:
    def who(self): return 'A1'
class A2:
    def who(self): return 'A2'
o = A1()
o.__class__ = A2
print(o.who(), type(o).__name__, isinstance(o, A2))
try:
    o.__class__ = int
except TypeError as e: print(e)
try:
    (1).__class__ = bool
except TypeError as e: print(e)
class S1: __slots__ = ('a',)
class S2: __slots__ = ('b',)
try:
    s = S1(); s.__class__ = S2
except TypeError as e: print(e)
class S3: __slots__ = ('a',)
s = S1(); s.__class__ = S3; print(type(s).__name__)
try:
    o.__class__ = 5
except TypeError as e: print(e)
# __bases__ introspection
class X: pass
class Y(X): pass
class Z(Y, X.__class__.__base__): pass
print(Y.__bases__, Y.__base__, Z.__bases__, Z.__mro__)
print(object.__bases__, object.__base__, type.__bases__, int.__base__, bool.__mro__)
class W: pass
Y.__bases__ = (W,)
print(Y.__mro__, issubclass(Y, X), issubclass(Y, W))
try:
    Y.__bases__ = ()
except TypeError as e: print(e)
try:
    X.__bases__ = (Y,)
except TypeError as e: print(e)
print(X.__subclasses__(), W.__subclasses__())

class X: pass
class Y(X): pass
class W: pass
class Sub(Y): pass
def t(f):
    try: f(); print('ok')
    except TypeError as e: print('TypeError:', e)
t(lambda: setattr(int, '__bases__', (object,)))
t(lambda: delattr(Y, '__bases__'))
t(lambda: setattr(Y, '__bases__', [W]))
t(lambda: setattr(Y, '__bases__', (W, 3)))
t(lambda: setattr(Y, '__bases__', (Sub,)))
t(lambda: setattr(Y, '__bases__', (Y,)))
t(lambda: setattr(Y, '__bases__', (int,)))
t(lambda: setattr(Y, '__bases__', (X, X)))
class S1: __slots__ = ('a',)
class S2(S1): pass
t(lambda: setattr(S2, '__bases__', (X,)))
class M1: pass
class M2(M1): pass
print(Sub.__mro__)
Y.__bases__ = (W,)
print(Y.__mro__, Sub.__mro__, issubclass(Sub, W), issubclass(Sub, X))
print(X.__subclasses__(), W.__subclasses__())
class A:
    def hello(self): return 'A'
    def __add__(self, o): return 'A+'
class B:
    def hello(self): return 'B'
class C(A): pass
c = C()
print(c.hello(), c + 1)
C.__bases__ = (B,)
print(c.hello(), C.__base__)
try: c + 1
except TypeError as e: print(e)
C.__bases__ = (A, B)
print(c.hello(), c + 1, C.__mro__)
t(lambda: setattr(C, '__bases__', (B, A, B)))
class P1: pass
class P2: pass
class Q(P1, P2): pass
t(lambda: setattr(Q, '__bases__', (P2, P1)))
print(Q.__mro__)
class Z1(P1, P2): pass
class Z2(Z1): pass
t(lambda: setattr(P1, '__bases__', (P2,)))
print(Z2.__mro__)
