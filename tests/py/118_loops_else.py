# topic: for/while with break/continue/else, nested loops, range forms, loop variable leakage, modification during iteration
# compare: exact
# timeout: 10
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, 'equals', d, '*', n // d)
            break
    else:
        print(n, 'is prime')
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print('while', i)
else:
    print('not reached')
while False:
    pass
else:
    print('while-else runs when condition is false at start')
for x in []:
    print('never')
else:
    print('for-else on empty')
print('leaked loop var:', x if 'x' in dir() else 'undefined', n, d)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print('pair', i, j)
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
print(list(range(-5, 5, 4)), len(range(0, 100, 7)), range(0, 100, 7)[3], 42 in range(0, 100, 7))
nums = [1, 2, 3, 4, 5, 6]
for v in nums[:]:
    if v % 2 == 0:
        nums.remove(v)
print(nums)
d = {'a': 1, 'b': 2}
try:
    for k in d:
        d['c'] = 3
except RuntimeError as e:
    print('RuntimeError:', e)
s = {1, 2}
try:
    for v in s:
        s.add(v + 10)
except RuntimeError as e:
    print('RuntimeError:', e)
count = 0
while True:
    count += 1
    if count >= 100:
        break
print('count', count)
for i, ch in enumerate('abc', start=1):
    print(i, ch, end='; ')
print()
for _ in range(2):
    pass
print(_)
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
else:
    total *= -1
print(total)
def find(seq, target):
    for idx, item in enumerate(seq):
        if item == target:
            return idx
    return -1
print(find('hello', 'l'), find('hello', 'z'))
