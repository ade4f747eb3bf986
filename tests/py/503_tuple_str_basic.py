# topic: tuples: packing, single-element, immutability, methods count/index, comparison, hashing, nested mutable items, namedtuple-free record use
# compare: exact
# timeout: 10
t = (1, 2, 3)
single = (1,)
not_tuple = (1)
empty = ()
packed = 4, 5, 6
print(t, single, not_tuple, empty, packed, type(single).__name__, type(not_tuple).__name__, len(empty))
print(t + (4,), t * 2, t[1:], t[::-1], t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (2,) > (1, 9, 9))
try:
    t[0] = 9
except TypeError as e:
    print('TypeError:', e)
try:
    del t[0]
except TypeError as e:
    print('TypeError:', e)
try:
    t.append(4)
except AttributeError as e:
    print('AttributeError:', e)
try:
    t.index(99)
except ValueError as e:
    print('ValueError:', e)
m = ([1], 'x')
m[0].append(2)
print(m)
print(tuple(), tuple('ab'), tuple([1, [2]]), tuple(range(3)), tuple({'k': 'v'}), tuple(x * 2 for x in (1, 2)))
print(hash((1, 2)) == hash((1, 2)), {(0, 0): 'origin'}[(0, 0)], repr((1, 'a', None)), str(((),)), repr((1.5,)))
def min_max(values):
    return min(values), max(values)
lo, hi = min_max([4, 9, 1])
print(lo, hi, min_max('hello'))
points = [(3, 1), (1, 2), (1, 1), (2, 9)]
print(sorted(points), sorted(points, key=lambda p: p[1]), max(points), min(points, key=lambda p: -p[0]))
record = ('Alice', 30, ('NY', '10001'))
name, age, (city, zipcode) = record
print(f'{name} ({age}) lives in {city} {zipcode}')
print(len(t), sum(t), sorted((3, 1, 2)), list(reversed(t)), t == (1, 2, 3))
print((1, 2) + (), () + (), (0,) * 3, ('a',) * 0, ((1, 2),) * 2)
nested = ((1, 2), (3, 4))
print([a * b for a, b in nested], dict(nested), tuple(map(sum, nested)))
print((1, 'a') == (1, 'a'), (1, 2) != (2, 1), ('a', 1) < ('b', 0), (1, 2, 3) < (1, 2), () == ())
print(divmod(17, 5), type(divmod(1, 1)).__name__, tuple(enumerate('ab')))
