# compare: exact

from collections import deque
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8]); d.extendleft([-1, -2]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
m = deque(maxlen=3)
for i in range(5):
    m.append(i)
print(m, m.maxlen, list(m))
print(deque('abc') == deque('abc'), 2 in d, d.count(7), d.index(8))
d.remove(7); d.reverse(); print(d)
d.clear(); print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print('IndexError:', e)
