# compare: exact

print([x * y for x in range(1, 4) for y in range(x)])
print({x % 3 for x in range(10)}, {c: ord(c) for c in 'ab'})
print([[r * c for c in range(3)] for r in range(3)])
print([x for x in range(20) if x % 2 if x % 3])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
print(sum(x for x in range(101)), any(x > 5 for x in [1, 9]), all([]))
print([(i, s) for i, s in enumerate('xyz', start=1)])
print([y := 5, y ** 2])
data = [1, 2, 3, 4]
print([v for v in data if (half := v / 2) > 1], half)
