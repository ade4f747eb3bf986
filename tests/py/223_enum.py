# topic: enum.Enum/IntEnum/Flag/auto: members, iteration, lookup by value/name, repr/str, comparisons, unique
# compare: exact
# timeout: 10
from enum import Enum, IntEnum, Flag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
class Status(Enum):
    ACTIVE = auto()
    INACTIVE = auto()
    def label(self):
        return self.name.title()
    @classmethod
    def default(cls):
        return cls.ACTIVE
print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [c.name for c in Color], Color.RED in Color, type(Color.RED).__name__)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), isinstance(Color.RED, Color))
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
try:
    Color['PINK']
except KeyError as e:
    print('KeyError:', e)
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print('TypeError:', e)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError:', e)
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]), Priority(5), int(Priority.HIGH))
print(Priority.LOW == 1, str(Priority.LOW), repr(Priority.LOW), f'{Priority.HIGH}', max(Priority).name)
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.X & rw), Perm.R.value, Perm.X.value, repr(Perm(0)))
print(Status.ACTIVE.value, Status.INACTIVE.value, Status.ACTIVE.label(), Status.default(), Status.__members__.keys())
print({Color.RED: 'stop', Color.GREEN: 'go'}[Color(1)], hash(Color.RED) == hash(Color.RED))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError:', e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.mass, round(Planet.EARTH.gravity, 2), Planet.MERCURY.value)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
for c in Color:
    match c:
        case Color.RED:
            print('match red')
        case _:
            print('other', c.name)
