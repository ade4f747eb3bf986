# topic: typing names used by scripts
# compare: exact
# timeout: 10
from typing import (Any, Callable, ClassVar, Dict, Generic, Iterable, Iterator, List, Literal,
                    NamedTuple, Optional, Protocol, Sequence, Set, Tuple, TypedDict, TypeVar, Union,
                    cast, get_args, get_origin, overload, get_type_hints, Final, Mapping, Deque,
                    DefaultDict, NewType, TYPE_CHECKING, Type, Counter)
import typing

print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str], Tuple[int, ...],
      Tuple[int, str], Callable[[int, str], bool], Callable[..., Any], Literal['a', 1], Set[float], Any,
      Iterable[str], Mapping[str, int], Type[int], ClassVar[int], Final[str], Sequence[List[int]])
print(Union[int], Union[int, int, str], Union[Union[int, str], float], Optional[Union[int, str]],
      Union[int, str] == Union[str, int], List[int] == List[int], List, Dict, Callable)
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]) is Union, get_args(Optional[int]),
      get_args(Callable[[int], str]), get_origin(int), get_args(int))
T = TypeVar('T')
K = TypeVar('K', bound=int)
print(T, K, List[T], Dict[str, T][int])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), type(s).__name__, Stack.__parameters__, isinstance(s, Stack))


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'

    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


p = Point(3, -4)
print(p, p.norm(), p._fields, p._replace(x=1), Point._field_defaults, isinstance(p, tuple), p.__annotations__)
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp._fields)


class Movie(TypedDict):
    title: str
    year: int


m: Movie = {'title': 'x', 'year': 1999}
print(m, type(Movie(title='y', year=1)), Movie.__annotations__, sorted(Movie.__required_keys__))


class Greeter(Protocol):
    def greet(self) -> str: ...


class En:
    def greet(self) -> str:
        return 'hello'


def welcome(g: Greeter) -> str:
    return g.greet()


print(welcome(En()), cast(int, '3'), cast(List[int], [1]))


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x * 2


print(f(2), f('ab'))
UserId = NewType('UserId', int)
print(UserId(5), TYPE_CHECKING, List[int]([1, 2]) if False else 'ok')


def annotated(a: int, b: 'str' = 'x') -> Optional[List[int]]:
    return None


print(get_type_hints(annotated), get_type_hints(Point))


class Config:
    name: str
    retries: int = 3
    tags: ClassVar[List[str]] = []


print(get_type_hints(Config), Config.__annotations__['tags'])
try:
    List[int]()
except TypeError as e:
    print('TypeError', e)
try:
    isinstance(1, List[int])
except TypeError as e:
    print('TypeError', e)
print(isinstance([], List), issubclass(list, Sequence), isinstance({}, Mapping), Deque[int], DefaultDict[str, int],
      Counter[str])
