# topic: every list method: append/extend/insert/remove/pop/clear/index/count/sort/reverse/copy, plus +, *, in, del, comparisons, list()
# compare: exact
# timeout: 10
l = [3, 1, 4]
l.append(1); print(l)
l.extend([5, 9]); l.extend('ab'); l.extend(range(2)); print(l)
l.insert(0, 'first'); l.insert(100, 'last'); l.insert(-1, 'before-last'); l.insert(-100, 'very-first'); print(l)
l.remove('a'); print(l, l.pop(), l.pop(0), l.pop(-2), l)
print(l.index(1), l.index(1, 3), l.count(1), l.count('zzz'))
try:
    l.index(1, 0, 2)
except ValueError as e:
    print('ValueError:', e)
nums = [5, 2, 8, 1, 9, 3]
c = nums.copy()
nums.sort(); print(nums, c)
nums.reverse(); print(nums)
print(nums.sort(), nums.reverse(), nums.append(0), nums.clear(), nums)
print([1, 2] + [3], [0] * 5, [1, 2] * 0, 3 * ['x'], [[]] * 2, [1] * -1)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
a = [1, 2, 3]
a *= 2; print(a)
a += 'xy'; print(a)
print(list(), list('abc'), list((1, 2)), list({'k': 1}), list(range(3)), list(x for x in 'hi'))
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 3], [2] > [1, 99], [] < [0], [1, 'a'] == [1, 'a'])
print(len([]), len([[1, 2]]), 2 in [1, 2], [2] in [[2]], min([3, 1, 2]), max([[1], [0, 5]]), sum([0.5, 0.25]))
st = []
st.append(1); st.append(2); st.append(3)
print(st.pop(), st.pop(), st)
q = ['a', 'b', 'c']
print(q.pop(0), q)
x = [1, 2, 3, 4, 5, 6]
del x[1], x[2]
print(x)
items = ['b', 'C', 'a', 'D']
items.sort(key=str.lower); print(items)
items.sort(key=str.lower, reverse=True); print(items)
print(sorted(items) is items, items.copy() == items, items.copy() is items)
e = []
for bad in (lambda: e.pop(), lambda: e.remove(1), lambda: e.index(0), lambda: [1, 2].insert(), lambda: e.extend(5), lambda: e.sort(1)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as err:
        print(type(err).__name__ + ':', err)
lst = [1, 2, 3]
lst[len(lst):] = [4, 5]
lst[:0] = [0]
print(lst, lst[::-1], list(reversed(lst)), lst[-1], lst[-len(lst)])
print(repr([1, 'two', 3.0, None, [4], (5,), {6: 7}]), str(['quote\'s', "dq\""]))
words = 'to be or not to be'.split()
print(sorted(set(words), key=words.index), words.count('be'), [w for i, w in enumerate(words) if w not in words[:i]])
alias = lst
lst = lst + [99]
print(alias, lst)
print([1, 2, 3].__len__(), [1, 2].__contains__(2), [5, 6].__getitem__(1), list.__name__)
