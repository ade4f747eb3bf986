# compare: exact

import itertools as it
print(it.count(5), it.count(1, 2), it.repeat('x', 2))
print(list(it.islice(it.count(), 2, 10, 3)), list(it.accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(it.product('ab', [1, 2])), list(it.permutations([1, 2, 3])))
print(list(it.combinations(range(4), 3)), list(it.zip_longest('ab', 'xyz')))
print([list(g) for k, g in it.groupby([1, 1, 2, 3, 3, 3])])
a, b, c = it.tee('xy', 3); print(list(a), list(b), list(c))
print(list(it.chain.from_iterable(['ab', 'cd'])), list(it.starmap(max, [(1, 5), (7, 2)])))
print(list(it.pairwise([1, 2, 3])), list(it.compress(range(5), [0, 1, 1])))
print(list(it.takewhile(str.isupper, 'ABcD')), list(it.dropwhile(str.isupper, 'ABcD')))
print(list(it.filterfalse(None, [0, 1, 0, 2])), list(it.combinations_with_replacement('ab', 3)))
