# topic: list/dict/set comprehensions: nesting, multiple for/if clauses, scoping of the loop variable, comprehension in class body, conditional values
# compare: exact
# timeout: 10
print([x * x for x in range(8)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(3) if i != j])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([n for row in matrix for n in row], [[row[i] for row in matrix] for i in range(3)])
print([[0] * 3 for _ in range(2)], [[i * j for j in range(1, 4)] for i in range(1, 4)])
print({w: len(w) for w in ['apple', 'fig', 'kiwi']}, {v: k for k, v in {'a': 1, 'b': 2}.items()})
print(sorted({c for c in 'mississippi'}), {n % 3 for n in range(10)}, {x: x ** 2 for x in range(5) if x % 2})
print([c.upper() if c in 'aeiou' else c for c in 'education'])
i = 'untouched'
print([i for i in range(3)], i)
words = 'The quick brown fox jumps over the lazy dog'.split()
print([w for w in words if len(w) > 3], {w.lower() for w in words if w.lower().startswith('t')} == {'the'})
print({len(w): w for w in words})
print([(w, len(w)) for w in sorted(set(words), key=str.lower)][:4])
flat = [y for x in [[1, [2]], [3]] for y in x]
print(flat)
class Config:
    base = 10
    values = [v for v in range(3)]
    pairs = {k: k * 2 for k in 'ab'}
print(Config.values, Config.pairs)
def make():
    factor = 3
    return [x * factor for x in range(4)]
print(make())
funcs = [lambda: n for n in range(3)]
print([f() for f in funcs])
print([(x, y) for x, y in zip('abc', range(3))], [a + b for a, b in [(1, 2), (3, 4)]], [first for first, *_ in ['xy', 'zw']])
primes = [n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print([[c for c in w] for w in ['ab', 'c']], [len([1 for _ in range(n)]) for n in range(4)])
counts = {}
[counts.__setitem__(ch, counts.get(ch, 0) + 1) for ch in 'hello']
print(counts)
print({(x, y): x * y for x in range(2) for y in range(2)}, [x for x in [] if x], {} == {k: 1 for k in ''})
print([y for x in range(5) if x % 2 for y in range(x)])
print(sum([x for x in range(101)]), len({x % 7 for x in range(1000)}), [str(n).zfill(2) for n in (1, 22, 3)])
