# compare: exact

import sys
print('a', 'b', sep='-', end='!\n')
print(1, 2, 3, sep='')
print('no newline', end='')
print()
print('to stderr', file=sys.stderr)
print(*['x', 'y'], sep=', ')
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print('into', 'object', file=w)
print(w.parts)
print('flush', flush=True)
print(None, True, 1.0, [1, 'a'], {'k': (1,)})
