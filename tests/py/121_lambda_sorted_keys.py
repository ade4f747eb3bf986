# topic: lambdas, sorted/sort with key and reverse, min/max with key/default, stable multi-key sorting
# compare: exact
# timeout: 10
people = [('alice', 30, 'NY'), ('bob', 25, 'LA'), ('carol', 30, 'LA'), ('dave', 25, 'NY'), ('eve', 35, 'SF')]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True))
by_city = sorted(people, key=lambda p: p[2])
by_city_then_age = sorted(by_city, key=lambda p: p[1])
print([p[0] for p in by_city_then_age])
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=str.lower, reverse=True))
nums = [5, -3, 2, -8, 0, 7]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(max(words, key=len), min(words, key=len), max(nums, key=lambda n: n % 5), min([], default='empty'))
print(max([], key=len, default=None), max('abc', 'xy', key=len), min(3, 1, 2), max([(1, 'b'), (1, 'a')]))
add = lambda a, b=10, *rest, **kw: a + b + sum(rest) + sum(kw.values())
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, x=100), (lambda: 'no args')(), (lambda *a: a)(1, 2))
fns = [lambda x, i=i: x * i for i in range(4)]
print([fn(10) for fn in fns])
late = [lambda x: x * i for i in range(4)]
print([fn(10) for fn in late])
print((lambda x: (lambda y: x + y))(3)(4), add.__name__, (lambda: 0).__name__)
d = {'b': 3, 'a': 1, 'c': 2}
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]), sorted(d, key=d.get), max(d, key=d.get))
print(sorted('hello world'), sorted({3, 1, 2}), sorted((3, 1, 2), reverse=True), sorted([]))
try:
    sorted([1, 'a'])
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([1, 2], key=lambda x: None if x == 1 else 1)
except TypeError as e:
    print('TypeError:', e)
try:
    max([])
except ValueError as e:
    print('ValueError:', e)
matrix = [[3, 1], [1, 2], [2, 0]]
matrix.sort(key=lambda row: row[1])
print(matrix, sorted(matrix), sorted(map(sorted, matrix)))
square = lambda n: n ** 2
print(list(map(square, range(5))), list(filter(lambda n: n % 2, range(10))))
records = [{'name': 'x', 'score': 3}, {'name': 'y', 'score': 9}, {'name': 'z', 'score': 3}]
print([r['name'] for r in sorted(records, key=lambda r: r['score'], reverse=True)])
