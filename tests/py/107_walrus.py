# topic: assignment expressions (:=) in if/while/comprehensions/calls, scoping rules
# compare: exact
# timeout: 10
data = [3, 8, 1, 12, 5, 20]
if (n := len(data)) > 5:
    print(f'list is too long ({n} elements, expected <= 5)')
print(n)
items = iter(['a', 'b', '', 'c'])
while (item := next(items)):
    print('item', item)
print('stopped at', repr(item))
values = [y for x in data if (y := x * 2) > 10]
print(values, y)
print([last := i for i in range(5)], last)
total = 0
partial = [total := total + x for x in data]
print(partial, total)
def f(x):
    return x * 10
print([(x, fx) for x in range(4) if (fx := f(x)) % 20 == 0])
print(fx)
print((z := 5), z + 1, (w := 'walrus').upper(), w)
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 1:
    print('popped', top)
print(stack, top)
def g():
    [(k := v) for v in 'xyz']
    return k
print(g())
for line in ['age: 42', 'nothing', 'age: 7']:
    if (parts := line.partition('age: '))[1]:
        print('matched', parts[2])
    else:
        print('no match', line)
print(any((hit := v) > 10 for v in data), hit)
print(all((miss := v) < 10 for v in data), miss)
def counter():
    count = 0
    def bump():
        nonlocal count
        return (count := count + 1)
    return bump
c = counter()
print(c(), c(), c())
print({(key := k): v for k, v in [('a', 1), ('b', 2)]}, key)
print(max(data, key=lambda v: (sq := v * v) % 7), [sq2 for v in data if (sq2 := v * v) > 100])
