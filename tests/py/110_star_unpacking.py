# topic: tuple/star unpacking in assignment, for loops, calls, literals; * and ** in calls and displays
# compare: exact
# timeout: 10
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'hello'
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
x, *y = (9,)
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, [n, *o]] = [1, [2, 3, 4]]
print(m, n, o)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
for first, *others in [(1, 2, 3), (4,), ('a', 'b')]:
    print(first, others)
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), 4, **{'x': 5}, y=6, **dict(z=7)))
print([*range(3), *'ab', 0], (*[1, 2], 3), {*[1, 1, 2]} == {1, 2}, {**{'a': 1}, 'b': 2, **{'a': 3}})
print(*[1, 2, 3], sep='-')
print(*'abc')
print(*[])
for bad in ['a, b = [1, 2, 3]', 'a, b, c = [1, 2]', 'a, *b, c = [1]', 'a, b = 5']:
    try:
        exec(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
try:
    f(**{'x': 1}, **{'x': 2})
except TypeError as e:
    print('TypeError:', e)
def g(a, b, c):
    return a + b + c
print(g(*'xyz'), g(1, *[2, 3]), g(*[1], **{'c': 3, 'b': 2}))
try:
    g(*[1, 2, 3, 4])
except TypeError as e:
    print('TypeError:', e)
pairs = [(1, 'one'), (2, 'two'), (3, 'three')]
nums, names = zip(*pairs)
print(nums, names)
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [list(col) for col in zip(*matrix)])
a = b = c = 0
a, b = b, c = 1, 2
print(a, b, c)
d = {}
d['k'], d['j'] = 'K', 'J'
print(d)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
s1, s2, s3 = 'abc'
print(s3, s2, s1)
(*all_of_it,) = range(3)
print(all_of_it)
print(max(*[4, 7, 1]), min(*'hello'), sum([*range(4), *[10]]))
