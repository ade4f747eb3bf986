# topic: set and frozenset methods and operators: add/discard/remove/pop/update variants, union/intersection/difference/symmetric, subset tests; printed sorted
# compare: exact
# timeout: 10
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})), sorted(a.symmetric_difference([5, 6])))
print(a <= b, {3} <= b, {3} < b, b < b, b <= b, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7}))
s = set()
s.add(3); s.add(3); s.add('x')
print(len(s), 3 in s, 'x' in s, 4 not in s)
s.discard('x'); s.discard('missing')
print(sorted(s))
try:
    s.remove('missing')
except KeyError as e:
    print('KeyError:', e)
c = {5}
print(c.pop(), c)
try:
    c.pop()
except KeyError as e:
    print('KeyError:', e)
u = {1, 2}
u.update([3], (4,), {5})
print(sorted(u))
u.intersection_update({1, 2, 3, 99})
print(sorted(u))
u.difference_update([1])
print(sorted(u))
u.symmetric_difference_update({3, 7})
print(sorted(u))
u |= {10}; u &= {2, 10, 11}; u -= {11}; u ^= {2, 20}
print(sorted(u))
f = frozenset([3, 1, 2])
print(sorted(f), type(f | {9}).__name__, type({9} | f).__name__, f == {1, 2, 3}, hash(f) == hash(frozenset({1, 2, 3})))
print({f: 'frozen key'}[frozenset([1, 2, 3])], {frozenset([1]), frozenset([1])} == {frozenset([1])})
try:
    f.add(4)
except AttributeError as e:
    print('AttributeError:', e)
print(set('hello') == {'h', 'e', 'l', 'o'}, sorted(set('hello')), len(set([1, 1.0, True])), set() == frozenset())
print(repr(set()), repr(frozenset()), repr({1, 2, 3}), repr(frozenset({5})), {(1, 2), (1, 2)})
words = ['apple', 'banana', 'apple', 'cherry', 'banana']
print(sorted(set(words)), len(set(words)), sorted({w[0] for w in words}))
dedup = list(dict.fromkeys(words))
print(dedup)
copy = a.copy()
copy.clear()
print(sorted(a), copy)
for bad in (lambda: {[1]}, lambda: a | [1], lambda: a < [1], lambda: set(5), lambda: {1}.add([])):
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
evens = set(range(0, 20, 2))
threes = set(range(0, 20, 3))
print(sorted(evens & threes), sorted(evens - threes)[:4], len(evens | threes), min(evens ^ threes), max(evens))
print(sorted({-1, 5, 3}, reverse=True), sum({1, 2, 3}), any({0, ''}), all(set()))
