# topic: container dunders: __getitem__/__setitem__/__delitem__/__contains__/__len__/__iter__/__reversed__/__missing__, slices, old-style iteration
# compare: exact
# timeout: 10
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f'position {pos} out of range')
        return self.cells.get(pos, '.')
    def __setitem__(self, pos, value):
        self.cells[pos] = value
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, value):
        return value in self.cells.values()
    def __len__(self):
        return self.w * self.h
g = Grid(3, 2)
g[0, 0] = 'X'
g[2, 1] = 'O'
print(g[0, 0], g[1, 1], len(g), 'X' in g, 'Z' in g, 'Z' not in g)
del g[0, 0]
print(g[0, 0], 'X' in g)
try:
    g[5, 5]
except IndexError as e:
    print('IndexError:', e)
try:
    del g[1, 1]
except KeyError as e:
    print('KeyError:', e)
class Seq:
    def __init__(self, data):
        self.data = list(data)
    def __getitem__(self, index):
        if isinstance(index, slice):
            return Seq(self.data[index])
        return self.data[index]
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return f'Seq({self.data})'
s = Seq('abcdef')
print(s[0], s[-1], s[1:4], s[::2], list(s), 'c' in s, 'z' in s, list(reversed(s)), sorted(s, reverse=True))
for i, ch in enumerate(s):
    if i > 1:
        break
    print('iter', ch)
print(max(s), ''.join(s), tuple(s[::-1]))
class Reversible:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter(range(self.n))
    def __reversed__(self):
        return iter(['custom', 'reversed'])
print(list(Reversible(3)), list(reversed(Reversible(3))))
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares())
class Contains:
    def __contains__(self, item):
        print('checking', item)
        return item % 2 == 0
print(4 in Contains(), 3 in Contains(), 5 not in Contains())
class Counts(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counts()
for w in 'a b a c a'.split():
    c[w] += 1
print(c, c.get('zzz'), 'zzz' in c)
class NotIterable:
    pass
for op in (lambda: list(NotIterable()), lambda: 1 in NotIterable(), lambda: NotIterable()[0], lambda: len(NotIterable())):
    try:
        op()
    except TypeError as e:
        print('TypeError:', e)
class ReadOnly:
    def __getitem__(self, k):
        return k
ro = ReadOnly()
try:
    ro['a'] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    del ro['a']
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ':', e)
