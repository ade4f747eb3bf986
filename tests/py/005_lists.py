# compare: exact

a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); a.extend([3, 5]); a.insert(0, 0)
print(a, len(a), a.count(5), a.index(9))
a.remove(1); print(a.pop(), a.pop(0), a)
b = sorted(a); a.sort(reverse=True); print(b, a)
print(a[2:5], a[::-2], a[-3:], a[:100])
a[1:3] = ['x', 'y', 'z']; print(a)
del a[::2]; print(a)
c = [[0] * 3 for _ in range(2)]; c[0][0] = 1; print(c)
print([1, 2] + [3], [0] * 3, 2 in [1, 2], [1, 2] < [1, 3], list(reversed([1, 2, 3])))
words = ['banana', 'Apple', 'cherry']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
l = list(range(5)); l.clear(); print(l, list('abc'), [].copy())
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
