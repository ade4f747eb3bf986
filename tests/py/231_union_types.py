# topic: PEP 604 unions: types.UnionType from type.__or__/__ror__ (int | None, list[int] | None), flattening and dedup, repr, equality/hash, isinstance/issubclass, errors, typing.Optional/Union interplay
# compare: exact
# timeout: 10
import types
U=int|None
print(sorted(k for k in dir(U) if k in ('__args__','__parameters__','__or__','__ror__','__getitem__','__eq__','__hash__')))
print(types.UnionType.__module__, types.UnionType.__name__, types.UnionType.__qualname__, repr(types.UnionType))
print(U.__parameters__, U.__args__)
try: types.UnionType()
except TypeError as e: print(e)
print(type(U).__mro__)
try: int | 'x'
except TypeError as e: print(e)
try: 'x' | int
except TypeError as e: print(e)
try: int | 3
except TypeError as e: print(e)
print(int|int, int|None|int, list[int]|list[int], (int|str)|(str|bytes))
print(repr(list[int]|None), repr(None|int), repr(int|type(None)), repr(None|list[int]))
print(str | int | None, dict[str, list[int]] | None)
import collections
print(repr(collections.OrderedDict|None))
class Local: pass
class Outer:
    class Inner: pass
print(Local | Outer.Inner | None)
print((int|str)==(str|int), hash(int|str)==hash(str|int), (int|str)==int, (int|str)!=(int|bytes))
print(isinstance(3, int|str), isinstance(None, int|None), issubclass(bool, int|str), issubclass(float, int|str))
print(isinstance(3.0, (str, int|float)), isinstance('s', int | (str|bytes)))
try: isinstance([], list[int]|None)
except TypeError as e: print(e)
print(U.__class__ is types.UnionType, bool(U), format(U), str(U))
try: U.foo
except AttributeError as e: print(e)
try: (int|str)[int]
except TypeError as e: print(e)
d = {int|str: 1}
print(d[str|int])
print(list[int|None])
def f(x: int | None = None) -> str | None: return x
print(f.__annotations__)
class Meta(type): pass
class WithMeta(metaclass=Meta): pass
print(WithMeta | None, isinstance(WithMeta(), WithMeta | int))
print(types.UnionType, type(int|str) is types.UnionType)
import typing
print(typing.Optional[int] == (int|None), (int|None) == typing.Optional[int])
print(typing.Union[int, str] | None, int | typing.List[int])
print(typing.get_args(int|None), typing.get_origin(int|None))
print(isinstance(3, typing.Optional[int]), isinstance('x', typing.Union[int, str]))
print(typing.Union[int|None, str])
print(typing.Union[int, str] == (int | str))
T = typing.TypeVar('T')
print(T | None, (T | None).__parameters__)
for f in (lambda: issubclass(int, list[int]), lambda: issubclass(int, list[int] | None),
          lambda: isinstance(1, int | list[int]), lambda: issubclass(int, int | list[int]),
          lambda: issubclass(3, int | str), lambda: isinstance(1, int | 3)):
    try: print(f())
    except TypeError as e: print('TypeError:', e)
import types
print(types.UnionType.__doc__ is not None, (int|str).__or__(bytes), (int|str).__ror__(bytes))
print((int|str).__or__(3))
print(int.__or__, type.__or__(int, str), type.__ror__(int, str))
print(type(int).__or__ is type.__or__)
print(sorted(set([int|str, str|int, int|None])  , key=repr))
