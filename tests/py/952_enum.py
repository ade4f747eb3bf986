# topic: enum (Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique)
# compare: exact
# timeout: 10
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return '%s is %d' % (self.name, self.value)

    @property
    def lower(self):
        return self.name.lower()

    @classmethod
    def favourite(cls):
        return cls.GREEN


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.RED.describe(), Color.BLUE.lower)
print(Color.favourite(), type(Color.RED), isinstance(Color.RED, Color), Color.__members__)
print(list(Color.__members__), repr(Color), type(Color), Color.RED in Color)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN, hash(Color.RED) == hash(Color.RED))
print(f'{Color.RED}', '{}'.format(Color.GREEN), '%s' % Color.BLUE, f'{Color.RED:>12}|')
print({Color.RED: 'r'}[Color.CRIMSON], sorted(Color, key=lambda c: c.value, reverse=True))
print([c.name for c in reversed(Color)], Color.RED.__class__.__name__)
for bad in [lambda: Color(7), lambda: Color['PINK'], lambda: Color.RED < Color.GREEN,
            lambda: setattr(Color, 'RED', 5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.ONE, repr(Number.TWO), Number.ONE + 1, Number.TWO * 3, Number.ONE < Number.THREE,
      Number(3), Number['TWO'], Number.ONE == 1, f'{Number.TWO}', f'{Number.TWO:03d}',
      sorted([Number.THREE, Number.ONE]), isinstance(Number.ONE, int), int(Number.THREE))
print([n.value for n in Number], max(Number), str(Number.ONE), hex(Number.THREE))


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


print(list(Auto), [a.value for a in Auto], repr(auto))


class Mode(StrEnum):
    READ = auto()
    WRITE = 'w'


print(repr(Mode.READ), Mode.READ, Mode.WRITE == 'w', Mode.READ.upper(), f'{Mode.WRITE}!',
      Mode('w'), list(Mode))


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), rw, repr(Perm(0)), Perm(0), bool(Perm(0)), list(rw), len(rw), Perm.R in rw,
      Perm.X in rw, repr(~Perm.R), repr(rw & Perm.W), repr(rw ^ Perm.R), Perm(7), list(Perm))
try:
    Perm(8)
except ValueError as e:
    print('ValueError', repr(str(e)))


class Opt(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(repr(Opt.A | Opt.C), Opt.A | Opt.C, Opt.B | 1, repr(Opt(8)), repr(Opt(9)), Opt.C + 1,
      repr(Opt(0)), [o.value for o in Opt], repr(~Opt.A), Opt.A & 3, isinstance(Opt.A, int))


class F(Flag):
    A = auto()
    B = auto()
    AB = A | B
    C = auto()


print(list(F), F.__members__, F.AB, repr(F(3)), F.C.value, repr(F.A | F.B | F.C))

try:
    @unique
    class U(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print('ValueError', e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3),
      repr(Planet.MERCURY))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal), Enum('X', [('a', 5), ('b', 6)]).b,
      Enum('Y', {'q': 1}).q, Enum('Z', 'a,b').b, IntEnum('N', 'x y').y + 1)


class Shape(Enum):
    SQUARE = 2
    CIRCLE = 3

    def _generate_next_value_(name, start, count, last_values):
        return name


class Custom(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.title()
    ALPHA = auto()
    BETA = auto()


print(list(Custom), Custom('Beta'))


class Missing(Enum):
    A = 'a'

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls(value.lower())
        return None


print(Missing('A'), Missing('a'))
try:
    Missing(1)
except ValueError as e:
    print('ValueError', e)
import pickle
import copy
print(pickle.loads(pickle.dumps(Color.GREEN)) is Color.GREEN, copy.deepcopy(Number.TWO) is Number.TWO)
print(enum.EnumMeta is enum.EnumType, isinstance(Color, enum.EnumMeta), Color.RED._value_)


class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'


def check(s):
    match s:
        case Status.ACTIVE:
            return 'on'
        case Status.INACTIVE:
            return 'off'


print(check(Status.ACTIVE), check(Status('inactive')))
