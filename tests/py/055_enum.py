# compare: exact

from enum import Enum, IntEnum, auto, Flag
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color['RED'], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED is Color(1), Color.RED == 1)
class Prio(IntEnum):
    LOW = 1
    HIGH = 2
print(Prio.HIGH > Prio.LOW, Prio.LOW + 1, sorted([Prio.HIGH, Prio.LOW]))
class Auto(Enum):
    A = auto()
    B = auto()
print(Auto.A.value, Auto.B.value)
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
for c in Color:
    print(c.name, end=' ')
print()
