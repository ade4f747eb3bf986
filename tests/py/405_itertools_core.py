# topic: itertools: count/cycle/repeat, accumulate, chain, compress, dropwhile/takewhile, groupby, islice, starmap, tee, zip_longest, pairwise
# compare: exact
# timeout: 10
import itertools as it
import operator
print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.count(), 3)), list(it.islice(it.count(1.5, 0.5), 3)))
print(list(it.islice(it.cycle('abc'), 7)), list(it.repeat('x', 3)), list(map(pow, range(5), it.repeat(2))))
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], operator.mul)))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate([])))
print(list(it.chain('ab', [1, 2], (3,))), list(it.chain.from_iterable(['xy', 'z', []])))
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.compress(range(10), it.cycle([True, False]))))
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))))
for key, group in it.groupby('AAAABBBCCDAABBB'):
    print(key, list(group), end='; ')
print()
animals = ['ant', 'bee', 'bat', 'cow', 'cat', 'ape']
for letter, grp in it.groupby(sorted(animals), key=lambda w: w[0]):
    print(letter, list(grp))
print([(k, len(list(g))) for k, g in it.groupby([1, 1, 2, 3, 3, 3, 1])])
print(list(it.islice('ABCDEFG', 2)), list(it.islice('ABCDEFG', 2, 4)), list(it.islice('ABCDEFG', 2, None)), list(it.islice('ABCDEFG', 0, None, 2)))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(lambda *a: sum(a), [(1, 2, 3), ()])))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), len(it.tee('x', 3)))
print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')), list(it.zip_longest([1], [2, 3], [4])))
print(list(it.pairwise('ABCDE')), list(it.pairwise([1])), list(it.pairwise(range(4))))
print(list(it.product('ab', repeat=2)), list(it.product([1, 2], 'xy')), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations('abc', 2)), len(list(it.permutations(range(5)))), list(it.permutations([1, 2])))
print(list(it.combinations('abcd', 2)), list(it.combinations(range(4), 3)), list(it.combinations('ab', 3)))
print(list(it.combinations_with_replacement('abc', 2)))
running = list(it.accumulate([10, -3, 5, -20, 7]))
print(running, min(running), list(it.accumulate(range(1, 6), lambda x, y: x * y)))
try:
    list(it.islice('abc', -1))
except ValueError as e:
    print('ValueError:', e)
print(next(it.count()), type(it.count()).__name__, repr(it.count(5)), repr(it.repeat('a', 2)))
