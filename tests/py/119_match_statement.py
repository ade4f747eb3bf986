# topic: structural pattern matching: literals, captures, sequences, mappings, classes, guards, or-patterns, as
# compare: exact
# timeout: 10
def describe(value):
    match value:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case int(n) if n < 0:
            return f'negative {n}'
        case float() | complex():
            return 'non-int number'
        case 'quit' | 'exit':
            return 'command'
        case str() as s:
            return f'string of length {len(s)}'
        case []:
            return 'empty sequence'
        case [x]:
            return f'one element {x}'
        case [x, y]:
            return f'pair {x},{y}'
        case [first, *rest]:
            return f'first {first}, {len(rest)} more'
        case {'type': 'point', 'x': x, 'y': y}:
            return f'point dict {x},{y}'
        case {'name': name, **others}:
            return f'named {name} + {sorted(others)}'
        case None:
            return 'none'
        case True:
            return 'bool true?'
        case _:
            return f'other {type(value).__name__}'

for v in [0, 2, -5, 7, 2.5, 1j, 'quit', 'hello', [], [9], (1, 2), [1, 2, 3, 4], {'type': 'point', 'x': 1, 'y': 2},
          {'name': 'n', 'b': 1, 'a': 2}, None, True, {'other': 1}, 'ab'[0:0]]:
    print(repr(v), '->', describe(v))

class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Point(x={self.x}, y={self.y})'

class Circle:
    __match_args__ = ('center', 'r')
    def __init__(self, center, r):
        self.center, self.r = center, r

def where(shape):
    match shape:
        case Point(x=0, y=0):
            return 'origin'
        case Point(0, y):
            return f'on y axis at {y}'
        case Point(x, 0):
            return f'on x axis at {x}'
        case Point(x=x, y=y) if x == y:
            return f'diagonal {x}'
        case Point():
            return 'somewhere'
        case Circle(Point(x=0, y=0), r):
            return f'circle at origin r={r}'
        case Circle(center=c, r=r) if r > 10:
            return f'big circle at {c}'
        case Circle(_, r):
            return f'circle r={r}'
    return 'unknown'

for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(4, 4), Point(1, 2), Circle(Point(0, 0), 3),
          Circle(Point(1, 1), 20), Circle(Point(1, 1), 2), 'text']:
    print(where(s))

def command(text):
    match text.split():
        case ['go', ('north' | 'south' | 'east' | 'west') as direction]:
            return f'going {direction}'
        case ['take', item, *more] if more:
            return f'taking {item} and {more}'
        case ['take', item]:
            return f'taking {item}'
        case ['look']:
            return 'looking'
        case _:
            return f'unknown command {text!r}'

for t in ['go north', 'go up', 'take lamp', 'take lamp key', 'look', '']:
    print(command(t))
x = 5
match x:
    case other:
        print('irrefutable capture', other)
match (1, 'a'):
    case (int() as i, str() as s):
        print('tuple of', i, s)
