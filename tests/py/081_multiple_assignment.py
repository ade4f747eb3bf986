# compare: exact

a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
first, *middle, last = range(6)
print(first, middle, last)
(a1, b1), [c1, d1] = 'ab', (3, 4)
print(a1, b1, c1, d1)
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 7
print(n)
s = 'x'; s += 'y'; s *= 2
print(s)
l = [1]; l += [2]; l *= 2
print(l)
d = {'k': 1}; d['k'] += 5; print(d)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print('ValueError:', e)
