# topic: collections.deque (native _collections)
# compare: exact
# timeout: 10
from collections import deque
import copy
import pickle

d = deque([1, 2, 3])
print(d, repr(deque()), deque(maxlen=3), deque([1], maxlen=3))
d.append(4); d.appendleft(0)
print(d, len(d), bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft('ab')
print(d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.rotate(); print(d)
d.rotate(100); print(d)
print(d[0], d[-1], d[2], d.count(2), d.index(2), 2 in d, 99 in d)
d[1] = 'X'; print(d)
del d[0]; print(d)
d.insert(2, 'ins'); d.insert(-1, 'neg'); d.insert(100, 'end'); d.insert(-100, 'start')
print(d)
d.remove('ins'); print(d)
d.reverse(); print(d)
print(list(reversed(d)))
c = d.copy(); c.append('c'); print(d == c, d != c, c)
print(d.index(1, 2), d.index(3, -9), d.index(1, -5, -1))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: d.remove('zz'),
            lambda: d.index('zz'), lambda: d[50], lambda: d[-50], lambda: d['a'],
            lambda: d[1:2], lambda: deque(maxlen=-1), lambda: deque([1], maxlen=1).insert(0, 2),
            lambda: deque() + [1], lambda: hash(deque()), lambda: deque(maxlen='3')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# maxlen
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen)
m.appendleft(-1); print(m)
m.extend(range(10, 15)); print(m)
m.extendleft([1, 2]); print(m)
try:
    m.maxlen = 5
except AttributeError as e:
    print('AttributeError')
z = deque([1, 2], maxlen=0); z.append(3); print(z)
print(deque(range(5), maxlen=2))

# comparisons and arithmetic
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) < deque([1, 0]),
      deque([2]) >= deque([1, 5]), deque([1]) == [1])
a = deque([1, 2]); b = a + deque([3])
print(b, a * 2, 3 * deque('ab'), deque([1]) * 0)
a += [9, 8]; print(a)
a *= 2; print(a)
a += a; print(a)
print(deque([1, 2, 3], maxlen=4) * 2)

# iteration
d = deque(range(5))
print(list(d), [x * 2 for x in d], sum(d), max(d), sorted(d, reverse=True))
it = iter(d)
next(it)
print(it.__length_hint__())
try:
    for x in d:
        if x == 2:
            d.append(99)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    for x in reversed(d):
        d.popleft()
except RuntimeError as e:
    print('RuntimeError', e)

# self-reference, clear, copy, pickle
s = deque([1]); s.append(s); print(s)
s.clear(); print(s, len(s))
p = deque([1, [2, 3]], maxlen=5)
q = copy.copy(p); r = copy.deepcopy(p)
p[1].append(4)
print(q, r, q.maxlen)
print(pickle.loads(pickle.dumps(p)), pickle.loads(pickle.dumps(deque('xyz'))))
red = deque([1, 2], maxlen=4).__reduce__()
print(red[0], red[1], red[2], list(red[3]))
print(deque([1, 2]).__reduce__()[1])

class MyDeque(deque):
    pass

md = MyDeque([1, 2, 3], maxlen=5)
md.tag = 'x'
print(md, type(md.copy()).__name__, md.copy().maxlen, isinstance(md, deque))
print(deque.__name__, deque.__module__)

# big: O(1) ends
big = deque()
for i in range(200000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], big[len(big) // 2])
while len(big) > 10:
    big.pop()
print(big)
big.rotate(3); print(big)
e = deque(range(20)); e.rotate(7); print(e)
e = deque(range(20)); e.rotate(-13); print(e)
for i in range(30):
    e.insert(i % 7, i)
for i in range(20):
    del e[(i * 5) % len(e)]
print(e)
