# topic: generator expressions: laziness, first iterable evaluated eagerly, exhaustion, scoping, use with any/all/sum/next short-circuit
# compare: exact
# timeout: 10
def noisy(n):
    print('noisy called')
    for i in range(n):
        print('producing', i)
        yield i
g = (x * 10 for x in noisy(3))
print('generator expression created')
print(next(g))
print(list(g))
print(list(g))
def check(x):
    print('checking', x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]))
print(all(check(x) for x in [3, 1, 5]))
print(next(x for x in range(100) if x * x > 50), next((x for x in [] if x), 'none found'))
try:
    gen = (1 / x for x in [1, 0])
    print('no error yet')
    print(list(gen))
except ZeroDivisionError as e:
    print('error on iteration:', e)
try:
    gen = (x for x in 5)
except TypeError as e:
    print('TypeError at creation:', e)
x = 'outer'
squares = list(x for x in range(3))
print(squares, x)
print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'abc', 'ab']), min((abs(v) for v in [-5, 3, -1])))
print(sorted((v for v in 'banana'), reverse=True), ''.join(c for c in 'hello' if c not in 'aeiou'))
print(dict((k, len(k)) for k in ['aa', 'b']), set(c.lower() for c in 'AaBb') == {'a', 'b'}, tuple(i for i in range(3)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
data = [1, 2, 3]
lazy = (d * 2 for d in data)
data.append(4)
print(list(lazy))
data2 = [1, 2]
lazy2 = (d for d in data2)
data2 = [100]
print(list(lazy2))
def take(n, it):
    return [v for _, v in zip(range(n), it)]
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, (n * n for n in naturals() if n % 3 == 0)))
print(type(x for x in []).__name__, (x for x in []).__name__ if hasattr((x for x in []), '__name__') else '')
total = sum(1 for line in 'a\nb\nc\n'.splitlines() if line)
print(total, list(map(lambda t: t[0] * t[1], ((1, 2), (3, 4)))))
