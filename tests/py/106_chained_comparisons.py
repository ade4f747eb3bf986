# topic: comparison operators, chained comparisons (single evaluation), is/in chains, mixed types
# compare: exact
# timeout: 10
def v(tag, x):
    print('eval', tag)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 == 1 == 1.0, 1 != 2 != 1, 1 < 2 > 1)
print(v('a', 1) < v('b', 2) < v('c', 3))
print(v('a', 5) < v('b', 2) < v('c', 3))
print(0 <= v('x', 5) <= 10)
print('b' > 'a', 'abc' < 'abd', 'Z' < 'a', '' < 'a', 'ab' < 'abc', 'é' > 'z')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 'a') < (1, 'b'), [] == [], () < (0,), [3] > [2, 9])
print((1, 2) == (1, 2), [1, 2] == (1, 2), {1: 2} == {1: 2}, {1, 2} == {2, 1}, {1} < {1, 2}, {1, 2} <= {1, 2})
print(1 == 1.0, 1 < 1.5, 2 ** 64 > 1.8e19, -1 < -0.5, 1.0 == True, 0 == -0.0, 3 >= 3.0)
x = [1, 2, 3]
print(2 in x, 4 not in x, 1 in x in [x], x is x is not None, 'a' in 'cat' in 'concatenate')
print(None is None is not False, 3 in range(5) == True)
print(1 < 2 == 2 < 3, 1 < 2 == 3, (1 < 2) == 3)
a = b = [1]
print(a is b, a == b, a is [1], a == [1], not a is b, not a == b)
for left, right in [(1, 'a'), ([1], (1,)), (None, 0), ({}, []), (1j, 2)]:
    try:
        print(left < right)
    except TypeError as e:
        print('TypeError:', e)
print(1 == 'a', [1] == (1,), None == 0, {} != [], 1j == 1j)
nan = float('nan')
print(nan < 1, nan > 1, nan == nan, [nan] == [nan], nan in [nan], (nan,) == (nan,))
print(sorted([3, 1, 2]) == [1, 2, 3] == list(range(1, 4)))
print(max('apple', 'Banana', 'cherry'), min([[2, 1], [1, 9], [1, 2]]), 'a' * 3 < 'aaa' + 'a')
print(all(i < j for i, j in zip([1, 2, 3], [2, 3, 4])), 5 > 4 > 3 > 2 > 1 > 0 > -1)
