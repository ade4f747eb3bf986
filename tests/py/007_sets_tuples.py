# compare: exact

s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), len(s), 2 in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= {1, 2, 3, 4}, a.isdisjoint({9}))
print(sorted(frozenset('hello')), set(), frozenset())
t = (1, 2, 3)
x, *rest = t
print(t, x, rest, t[1:], t * 2, t + (4,), t.index(2), t.count(1), (1,), ())
print(hash((1, 2)) == hash((1, 2)), (1, 2) < (1, 3), max((1, 'b'), (1, 'a')))
(p, q), r = (1, 2), 3
print(p, q, r)
print(sorted({(1, 2), (0, 5)}))
