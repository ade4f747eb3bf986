# topic: range objects: len/index/count/contains/slicing/reversed/equality/repr, negative steps, big ranges, errors
# compare: exact
# timeout: 10
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2:4], r[::-1], r.start, r.stop, r.step)
print(5 in r, 6 in r, r.index(8), r.count(8), r.count(9), 2.0 in r, 'x' in r)
print(range(5), range(0), range(1, 1), list(range(5, 0, -1)), list(range(-3, 3)), list(range(10, -10, -4)))
print(len(range(0)), len(range(10, 0)), len(range(0, 10, -1)), len(range(-5, 5, 3)), len(range(0, 1000000000000, 7)))
print(range(0, 3) == range(0, 3), range(0) == range(5, 5), range(0, 4, 2) == range(0, 3, 2), range(1) == [0])
print(hash(range(3)) == hash(range(0, 3)), list(reversed(range(1, 10, 4))), sum(range(1, 101)), max(range(7)))
big = range(10 ** 18)
print(len(big), big[-1], 10 ** 17 in big, big[10 ** 15:10 ** 15 + 3], big[::10 ** 17])
for bad in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: range(5)[5], lambda: range(5).index(7), lambda: range('a')):
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ':', e)
print(repr(range(0, 10, 2)), str(range(-1, 1)), type(range(1)).__name__, bool(range(0)), bool(range(1)))
it = iter(range(3))
print(next(it), list(it), list(range(3))[1:], tuple(range(2)), set(range(3)) == {0, 1, 2})
for i in range(3, 0, -1):
    print('countdown', i)
print([i * i for i in range(1, 6)], list(range(0, 20, 5)), [x for x in range(20) if x % 7 == 3])
evens = range(0, 100, 2)
print(evens[10], evens.index(20), 51 in evens, len(evens[::3]), evens[-3:], evens[5:2:-1])
