# The values both interpreters pickle for the interop test (run under python3 and gilpy).
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Stateful:
    def __init__(self, n):
        self.n = n

    def __getstate__(self):
        return {'n': self.n, 'extra': 'saved'}

    def __setstate__(self, state):
        self.n = state['n']
        self.restored = state['extra']

    def __eq__(self, other):
        return type(other) is Stateful and self.n == other.n

    def __repr__(self):
        return 'Stateful(%r)' % self.n


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))

    def __eq__(self, other):
        return type(other) is Reduced and (self.a, self.b) == (other.a, other.b)

    def __repr__(self):
        return 'Reduced(%r, %r)' % (self.a, self.b)


def helper():
    return 42


def values():
    shared = [1, 2]
    rec = [0]
    rec.append(rec)
    return {
        'none': None, 'bools': (True, False), 'ints': [0, 1, -1, 255, 256, 65535, 65536,
                                                      2**31 - 1, -2**31, 2**63, -2**100, 10**50],
        'floats': [0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, float('inf'), 0.1],
        'complex': 1 + 2j, 'str': ['', 'abc', 'Привет, мир', 'x' * 300],
        'bytes': [b'', b'\x00\xff', b'y' * 300], 'bytearray': bytearray(b'ba'),
        'tuples': [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)], 'list': [1, [2, [3]]],
        'dict': {'a': 1, 2: 'b', (1, 2): [3]}, 'set': {1, 2, 3}, 'frozenset': frozenset('ab'),
        'shared': [shared, shared], 'recursive': rec, 'point': Point(1, 'two'),
        'stateful': Stateful(7), 'reduced': Reduced([1], {'k': 2}), 'func': helper,
        'class': Point, 'builtin': len, 'exc': ValueError('bad value', 3),
        'keyerror': KeyError('k'),
    }


def describe(v):
    """A text that must be the same under both interpreters for equal values."""
    out = []
    for k in sorted(v):
        x = v[k]
        if k == 'recursive':
            out.append('%s: %r %s' % (k, x[0], x[1] is x))
        elif k == 'shared':
            out.append('%s: %r %s' % (k, x, x[0] is x[1]))
        elif k == 'exc' or k == 'keyerror':
            out.append('%s: %s %r' % (k, type(x).__name__, x.args))
        elif k == 'func':
            out.append('%s: %s %r' % (k, x.__name__, x()))
        elif k in ('class', 'builtin'):
            out.append('%s: %s' % (k, x.__name__))
        elif k == 'set':
            out.append('%s: %r' % (k, sorted(x)))
        elif k == 'frozenset':
            out.append('%s: %s %r' % (k, type(x).__name__, sorted(x)))
        elif k == 'stateful':
            out.append('%s: %r %r' % (k, x, getattr(x, 'restored', None)))
        else:
            out.append('%s: %s %r' % (k, type(x).__name__, x))
    return '\n'.join(out)


if __name__ == '__main__':
    import pickle
    mode, path = sys.argv[1], sys.argv[2]
    if mode == 'dump':
        proto = int(sys.argv[3])
        with open(path, 'wb') as f:
            pickle.dump(values(), f, protocol=proto)
    else:
        with open(path, 'rb') as f:
            print(describe(pickle.load(f)))
