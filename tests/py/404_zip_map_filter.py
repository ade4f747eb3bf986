# topic: zip (shortest, strict), map with several iterables, filter with None, enumerate start, reversed on sequences/dicts, iterator laziness of these builtins
# compare: exact
# timeout: 10
names = ['ann', 'bob', 'cy']
ages = [30, 25, 41, 99]
print(list(zip(names, ages)), list(zip()), list(zip('ab')), list(zip(names, ages, 'xyz')))
print(dict(zip(names, ages)), list(zip(*zip(names, ages))))
try:
    list(zip(names, ages, strict=True))
except ValueError as e:
    print('ValueError:', e)
print(list(zip(names, names, strict=True)))
print(list(map(str.upper, names)), list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(lambda a, b: a + b, 'abc', 'xy')))
print(list(map(int, '123')), list(map(len, names)), list(map(abs, [-1, 2, -3])))
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False, True])), list(filter(str.isdigit, 'a1b2c3')))
print(list(filter(lambda n: n % 3 == 0, range(20))))
print(list(enumerate(names)), list(enumerate(names, 1)), list(enumerate('ab', start=-2)))
for i, (name, age) in enumerate(zip(names, ages), start=1):
    print(f'{i}. {name} is {age}')
print(list(reversed(names)), list(reversed(range(5))), list(reversed('abc')), list(reversed((1, 2))))
d = {'x': 1, 'y': 2, 'z': 3}
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
m = map(lambda x: print('mapping', x) or x * 2, [1, 2, 3])
print('map created')
print(next(m))
print(list(m))
z = zip(iter([1, 2, 3]), iter('ab'))
print(list(z), list(z))
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)), list(it))
r = reversed([1, 2, 3])
print(next(r), list(r), type(r).__name__, type(zip()).__name__, type(map(str, [])).__name__, type(filter(None, [])).__name__)
e = enumerate('xyz')
print(next(e), next(e), list(e), type(e).__name__)
print(sum(map(int, '1 2 3 4'.split())), max(map(len, ['a', 'bbb'])), sorted(map(str, [10, 9, 100])))
words = ['apple', 'Bob', 'cat']
print(list(map(lambda w: w[0], words)), [*map(str.lower, words)], any(map(str.isupper, words)))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(row) for row in zip(*matrix)], list(map(sum, matrix)), list(map(sum, zip(*matrix))))
print(list(zip(range(3), reversed(range(3)))), list(enumerate(reversed('ab'))))
print(list(map(None.__class__, [])) if False else '', list(filter(bool, map(str.strip, [' a ', '  ', 'b']))))
