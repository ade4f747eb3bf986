# topic: slicing with steps/negatives on list/str/tuple/bytes/range, slice assignment and deletion
# compare: exact
# timeout: 10
lst = list(range(10))
s = 'abcdefghij'
t = tuple(lst)
b = b'0123456789'
r = range(10)
specs = [(None, None, None), (2, None, None), (None, 3, None), (2, 8, 2), (None, None, -1), (-3, None, None),
         (None, -3, None), (8, 2, -2), (-1, -10, -3), (100, None, None), (-100, 3, None), (None, None, 3),
         (5, 5, None), (7, 2, None), (1, -1, 4), (None, None, -4), (3, None, -1)]
for start, stop, step in specs:
    sl = slice(start, stop, step)
    print(sl, lst[sl], s[sl], t[sl], b[sl], list(r[sl]), r[sl])
print(s[::-1], s[-1], s[-2:], s[:-2], s[1:2], s[5:1], repr(s[20:]))
print(slice(1, 5, 2).indices(3), slice(None, None, -1).indices(5), slice(-2, None).indices(10))
x = list(range(8))
x[2:4] = ['a', 'b', 'c']
print(x)
x[::2] = [0] * len(x[::2])
print(x)
x[1:1] = [99, 98]
print(x)
x[-2:] = []
print(x)
del x[::3]
print(x)
del x[1:3]
print(x)
x[:] = 'xyz'
print(x)
try:
    x[::2] = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    lst[::0]
except ValueError as e:
    print('ValueError:', e)
y = [1, 2, 3, 4, 5]
y[1:4] = range(2)
print(y)
y[10:] = [7]
print(y)
ba = bytearray(b'hello world')
ba[0:5] = b'HELLO'
del ba[5:6]
print(ba, ba[::-1], ba[2:4], ba[-1])
print(b[3], b[-1], b[1:3], t[1], t[-1:], 'x'[0:100])
nested = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in nested[::-1]], [row[1] for row in nested], nested[1][1:])
word = 'racecar'
print(word == word[::-1], 'python'[::2], 'python'[1::2], 'python'[-3:-1], 'python'[:3] + 'python'[3:])
copy = lst[:]
print(copy is lst, copy == lst)
class Show:
    def __getitem__(self, key):
        return key
sh = Show()
print(sh[1:2], sh[::], sh[1:2, 3], sh[..., 1], sh[:, ::-1])
