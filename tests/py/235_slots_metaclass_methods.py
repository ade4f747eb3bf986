# topic: object model: classmethods/properties on metaclasses, __init_subclass__ keywords, __slots__ with inheritance (__dict__/__weakref__ slots and their errors), __getattr__ vs __getattribute__ precedence
# compare: exact
# timeout: 10
# classmethod on metaclasses
class Meta(type):
    @classmethod
    def make(mcls, name):
        return mcls(name, (), {})
    def describe(cls):
        return 'class ' + cls.__name__
    @property
    def upper(cls):
        return cls.__name__.upper()
class K(metaclass=Meta): pass
print(Meta.make('Q').__name__, type(Meta.make('Q')).__name__, K.describe(), K.upper)
print(hasattr(K(), 'describe'), hasattr(K(), 'upper'))
try: K().describe()
except AttributeError as e: print(e)
# __init_subclass__ with kwargs
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        Plugin.registry[key] = cls.__name__
class P1(Plugin, key='p1'): pass
class P2(P1, key='p2'): pass
print(Plugin.registry, P1.key, P2.key)
try:
    class P3(Plugin, key='x', extra=1): pass
except TypeError as e: print(e)
try:
    class O(object, bogus=1): pass
except TypeError as e: print(e)
class Base2:
    def __init_subclass__(cls):
        print('init_subclass', cls.__name__, cls.__mro__[1].__name__)
class D1(Base2): pass
class D2(D1): pass
# __slots__ with inheritance
class SA:
    __slots__ = ('a',)
class SB(SA):
    __slots__ = ('b',)
class SC(SB): pass
sb = SB(); sb.a = 1; sb.b = 2
print(sb.a, sb.b, hasattr(sb, '__dict__'), SB.__slots__, type(SB.__dict__['b']).__name__)
try: sb.c = 3
except AttributeError as e: print(e)
sc = SC(); sc.c = 3; print(sc.__dict__)
try: SA().a
except AttributeError as e: print(e)
class SD:
    __slots__ = 'only'
print(SD.__slots__, [k for k in SD.__dict__ if k == 'only'])
class SE:
    __slots__ = ('x', '__dict__')
se = SE(); se.x = 1; se.y = 2; print(se.__dict__, se.x)
class SW:
    __slots__ = ('__weakref__',)
import weakref
print(hasattr(SW(), '__weakref__'), SW().__weakref__)
print(repr(SA.a)[:30])
# __getattr__ vs __getattribute__
class G:
    x = 1
    def __getattr__(self, name):
        return 'getattr:' + name
class GA:
    def __getattribute__(self, name):
        if name == 'boom':
            raise AttributeError(name)
        if name.startswith('_'):
            return object.__getattribute__(self, name)
        return 'ga:' + name
    def __getattr__(self, name):
        return 'fallback:' + name
print(G().x, G().y, GA().foo, GA().boom, getattr(G(), 'zz', 'dflt'))
class Prop:
    @property
    def p(self):
        raise AttributeError('inner')
    def __getattr__(self, n):
        return 'ga ' + n
print(Prop().p)

class A: pass
for sl in (('__weakref__',), ('__weakref__', '__weakref__'), ('__dict__', '__weakref__')):
    try:
        class B(A): __slots__ = sl
        print('ok', sl)
    except TypeError as e: print(e)
class S: __slots__ = ()
for sl in (('__weakref__',), ('__weakref__', '__weakref__'), ('__dict__', '__dict__')):
    try:
        class B(S): __slots__ = sl
        print('ok', sl, '__weakref__' in B.__dict__, B().__weakref__)
    except TypeError as e: print(e)
class SW: __slots__ = ('__weakref__',)
class SW2(SW): __slots__ = ()
print('__weakref__' in SW2.__dict__, SW2().__weakref__)
try:
    class SW3(SW): __slots__ = ('__weakref__',)
except TypeError as e: print(e)
print(type(SW.__dict__['__weakref__']).__name__, SW.__weakref__.__name__ if hasattr(SW.__weakref__,'__name__') else '')

class A: pass
class B(A): pass
class SE:
    __slots__ = ('__dict__',)
class C(SE): pass
class SW:
    __slots__ = ('__weakref__',)
class D(SW): pass
class I(int): pass
class L(list): pass
class M(type): pass
for k in (A, B, SE, C, SW, D, I, L, M):
    print(k.__name__, '__dict__' in k.__dict__, '__weakref__' in k.__dict__, hasattr(k, '__weakref__'))
