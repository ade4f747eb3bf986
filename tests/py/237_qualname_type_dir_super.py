# topic: object model: nested class qualnames and reprs, __name__/__qualname__/__module__ assignment, __mro_entries__, type() three-argument form (methods, errors), vars()/dir() contents, __sizeof__, super() in class/static methods, descriptor __get__ with None, operator dunders and subclasses of builtins, instance __dict__ assignment and deletion, str subclasses in format/str.format/f-strings
# compare: exact
# timeout: 10
# __repr__ of nested classes (qualname)
class Outer:
    class Inner:
        class Deep: pass
    def method(self):
        class Local: pass
        return Local
print(Outer.Inner, Outer.Inner.Deep, Outer().method(), Outer.Inner.Deep.__qualname__)
print(repr(Outer.Inner())[:28], Outer.method.__qualname__, Outer().method().__qualname__)
def fn():
    class InFn:
        def m(self): pass
    return InFn
print(fn().__qualname__, fn().m.__qualname__, fn())
Outer.Inner.__qualname__ = 'Renamed'
print(Outer.Inner, Outer.Inner.__name__)
Outer.Inner.__name__ = 'NewName'
print(Outer.Inner, Outer.Inner.__name__, Outer.Inner.__qualname__)
try: Outer.Inner.__qualname__ = 5
except TypeError as e: print(e)
try: Outer.Inner.__name__ = 5
except TypeError as e: print(e)
try: int.__name__ = 'x'
except TypeError as e: print(e)
Outer.__module__ = 'mymod'
print(Outer, Outer.Inner)
# __mro_entries__
class Fake:
    def __init__(self, real): self.real = real
    def __mro_entries__(self, bases):
        print('mro_entries', [getattr(b, '__name__', type(b).__name__) for b in bases])
        return (self.real,)
class R: x = 'r'
class UsesFake(Fake(R)): pass
print(UsesFake.__bases__, UsesFake.__orig_bases__[0].__class__.__name__, UsesFake.x)
class Empty:
    def __mro_entries__(self, bases): return ()
class UE(Empty(), R): pass
print(UE.__bases__)
try:
    class Bad(Fake(3)): pass
except TypeError as e: print(e)
class BadEntries:
    def __mro_entries__(self, bases): return [R]
try:
    class Bad2(BadEntries()): pass
except TypeError as e: print(e)
try:
    type('X', (Fake(R),), {})
except TypeError as e: print(e)
import types
print(types.resolve_bases((Fake(R), int)))
# type() three-arg form with methods
def init(self, v): self.v = v
Dyn = type('Dyn', (object,), {'__init__': init, 'double': lambda self: self.v * 2,
                              'cls_m': classmethod(lambda cls: cls.__name__),
                              'st': staticmethod(lambda: 'static'), '__repr__': lambda self: f'Dyn({self.v})'})
d = Dyn(4)
print(d, d.double(), Dyn.cls_m(), Dyn.st(), d.st(), Dyn.__module__, Dyn.__qualname__)
Sub = type('Sub', (Dyn,), {'double': lambda self: super(Sub, self).double() + 1})
print(Sub(4).double(), Sub.__mro__)
try: type('X', (), {}, 1)
except TypeError as e: print(e)
try: type('X', 1, {})
except TypeError as e: print(e)
try: type('X', (), [])
except TypeError as e: print(e)
try: type(1, (), {})
except TypeError as e: print(e)
try: type()
except TypeError as e: print(e)
try: type('X', (int, str), {})
except TypeError as e: print(e)
try: type('X', (bool,), {})
except TypeError as e: print(e)
print(type('Q', (), {'__qualname__': 'A.Q'}).__qualname__)
print(type('WithDoc', (), {'__doc__': 'hi'}).__doc__, type('NoDoc', (), {}).__doc__)
print(type(3), type(type), type(type(3)))

# vars()/dir() contents
class Base:
    cls_attr = 1
    def method(self): pass
    @property
    def prop(self): return 1
    @staticmethod
    def st(): pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
        self._priv = 4
c = Child()
nd = lambda names: sorted(n for n in names if not n.startswith('__'))
print(nd(dir(c)), nd(dir(Child)), nd(vars(Child)), vars(c))
print(nd(dir(Base)), nd(vars(Base)))
print(sorted(n for n in dir(object())), len(dir(object)))
print([n for n in sorted(vars(Child)) if n.startswith('__')])
print([n for n in sorted(vars(Base)) if n.startswith('__')])
try: vars(1)
except TypeError as e: print(e)
try: vars(c, c)
except TypeError as e: print(e)
class WithDir:
    def __dir__(self): return ['b', 'a', 'c']
print(dir(WithDir()))
class SlotsOnly:
    __slots__ = ('x', 'y')
s = SlotsOnly(); s.x = 1
print(nd(dir(s)))
try: vars(s)
except TypeError as e: print(e)
import types
m = types.ModuleType('mm'); m.val = 1
print(nd(dir(m)), sorted(vars(m)))
print(nd(dir(int))[:8], 'bit_length' in dir(5), 'real' in dir(int))
print(nd(set(dir(Child)) - set(dir(object))))
class Meta(type):
    def meta_method(cls): pass
class WM(metaclass=Meta): x = 1
print(nd(dir(WM)), 'meta_method' in dir(WM), hasattr(WM, 'meta_method'))
# object.__sizeof__
print(hasattr(object, '__sizeof__'), callable(object().__sizeof__), type(object().__sizeof__()).__name__)
print(object().__sizeof__() > 0, [].__sizeof__() > 0, (1).__sizeof__() > 0, 'abc'.__sizeof__() > 0)
import sys
print(type(sys.getsizeof(c)).__name__, sys.getsizeof(1) > 0)
# super() in classmethods and staticmethods
class SA:
    @classmethod
    def cm(cls): return 'SA.cm ' + cls.__name__
    @staticmethod
    def sm(): return 'SA.sm'
class SB(SA):
    @classmethod
    def cm(cls): return 'SB>' + super().cm()
    @staticmethod
    def sm():
        return super().sm()
    @staticmethod
    def sm2():
        return super(SB, SB).sm()
print(SB.cm(), SB().cm(), SB.sm2())
try: SB.sm()
except (TypeError, RuntimeError) as e: print(type(e).__name__, e)
def free(): return super().x
try: free()
except RuntimeError as e: print(e)
try: super(int, 'x')
except TypeError as e: print(e)
try: super(1, 1)
except TypeError as e: print(e)
class SS(SA):
    def m(self):
        def inner(): return super().cm()
        return inner()
try: SS().m()
except (RuntimeError, TypeError) as e: print(type(e).__name__, e)
class LS(SA):
    def m(self):
        return (lambda: super().cm())()
try: LS().m()
except RuntimeError as e: print(e)
print(super(SB, SB()).cm(), super(SB, SB).cm(), super(SB).__thisclass__, repr(super(SB, SB()))[:30])
# descriptor __get__ with None instance
class Desc:
    def __get__(self, obj, objtype=None):
        return ('get', obj is None, objtype.__name__ if objtype else None)
class HD:
    d = Desc()
print(HD.d, HD().d[1], HD.__dict__['d'].__get__(None, HD))
def plain(self): return 1
print(plain.__get__(None, HD) is plain, plain.__get__(HD())())
print(property(lambda s: 1).__get__(None, HD).__class__.__name__)
print(classmethod(lambda c: c).__get__(None, HD)().__name__, staticmethod(lambda: 's').__get__(None, HD)())
print(str.upper.__get__('a')(), type(str.__dict__['upper'].__get__(None, str)).__name__)
try: str.upper.__get__(None, None)
except TypeError as e: print(e)
try: plain.__get__(None, None)
except TypeError as e: print(e)

class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return f'V.add({o!r})'
    def __radd__(self, o): return f'V.radd({o!r})'
    def __repr__(self): return f'V({self.v})'
class W(V):
    def __radd__(self, o): return f'W.radd({o!r})'
print(V(1) + W(2), 1 + V(1), V(1) + 1)
class NI:
    def __add__(self, o): return NotImplemented
    def __eq__(self, o): return NotImplemented
try: NI() + NI()
except TypeError as e: print(e)
print(NI() == NI(), NI() != NI())
n = NI()
print(n == n)
class B:
    def __len__(self): return 0
class B2:
    def __bool__(self): return 'yes'
class B3:
    def __len__(self): return -1
print(bool(B()))
try: bool(B2())
except TypeError as e: print(e)
try: bool(B3())
except ValueError as e: print(e)
class Idx:
    def __index__(self): return 2
print([1, 2, 3][Idx()], bin(Idx()), range(5)[Idx()], 'abc'[Idx():])
class BadIdx:
    def __index__(self): return 'x'
try: [1][BadIdx()]
except TypeError as e: print(e)
# instance __dict__ assignment
class DA: pass
d = DA(); d.__dict__ = {'a': 1}; print(d.a)
try: d.__dict__ = 5
except TypeError as e: print(e)
try: del d.__dict__
except TypeError as e: print(e)
setattr(d, 'with space', 1); print(getattr(d, 'with space'))
try: setattr(d, 1, 2)
except TypeError as e: print(e)
try: getattr(d, 1)
except TypeError as e: print(e)
d.__dict__[5] = 'int key'
print(sorted(map(str, vars(d))))
# class __dict__ not assignable
try: DA.__dict__ = {}
except (AttributeError, TypeError) as e: print(type(e).__name__, e)
try: DA.__dict__['x'] = 1
except TypeError as e: print(e)
# __class__ cell
class CC:
    def get(self): return __class__
    def sup(self): return super()
print(CC().get() is CC, type(CC().sup()).__name__)
# type.__getattribute__ / type attrs
print(type.__getattribute__(int, '__name__'), object.__getattribute__(DA(), '__class__'))
print(int.__dict__['__add__'].__name__, DA.__module__, DA.__doc__)
print(sorted(DA.__flags__.__class__.__mro__, key=str)[0], DA.__basicsize__ > 0, DA.__itemsize__)
# __init__ called with wrong args on subclass of builtin
class MyList(list):
    def __init__(self, *a, tag=None):
        super().__init__(*a)
        self.tag = tag
ml = MyList([1, 2], tag='t')
print(ml, ml.tag, type(ml[:]).__name__, type(ml + ml).__name__, ml == [1, 2])
class MyDict(dict):
    def __missing__(self, k): return k * 2
print(MyDict()[3], MyDict(a=1)['a'], MyDict().get(3))
class MyInt(int):
    def __new__(cls, v, extra=None):
        o = super().__new__(cls, v)
        o.extra = extra
        return o
mi = MyInt(5, 'e')
print(mi, mi.extra, mi + 1, type(mi + 1).__name__, repr(mi), MyInt('7'))
class MyStr(str):
    def __str__(self): return 'custom'
print(str(MyStr('x')), f'{MyStr("x")}', '%s' % MyStr('x'), MyStr('x') + 'y', repr(MyStr('q')))
class MyTuple(tuple):
    def __new__(cls, *a): return super().__new__(cls, a)
print(MyTuple(1, 2), len(MyTuple(1, 2, 3)), type(MyTuple(1) + (2,)).__name__)

class MyStr(str):
    def __str__(self): return 'custom'
print(format(MyStr('x')), MyStr('x').__format__(''), format(MyStr('x'), '>3'), '{}'.format(MyStr('x')))
class F(str):
    def __format__(self, spec): return 'F' + spec
print('{}'.format(F('a')), '{:x}'.format(F('a')), f'{F("a")}', f'{F("a")!s}', format(F('a'), 'q'), '%s' % F('z'))
print('{!r}'.format(MyStr('x')), '{!s}'.format(MyStr('x')), '{0}-{0}'.format(MyStr('y')))

class DA3:
    def __init__(self): self.a = 1
    def get(self): return self.a
d = DA3()
for i in range(3): d.get()
del d.__dict__
print(d.__dict__)
try: d.get()
except AttributeError as e: print(e)
d.b = 2
print(vars(d), hasattr(d, 'a'))
del d.__dict__
d.a = 5
print(d.get())
