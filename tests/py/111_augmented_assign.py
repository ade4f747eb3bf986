# topic: augmented assignment on names, attributes, items, slices; in-place vs rebinding semantics
# compare: exact
# timeout: 10
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x /= 3; print(x)
x //= 2; print(x)
x **= 2; print(x)
x %= 7; print(x)
n = 0b1100
n &= 0b1010; print(n)
n |= 0b0001; print(n)
n ^= 0b1111; print(n)
n <<= 3; print(n)
n >>= 1; print(n)
s = 'ab'
s += 'cd'; s *= 2
print(s)
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
class Obj:
    count = 0
o = Obj()
o.count += 1
o.count += 1
print(o.count, Obj.count)
Obj.count += 10
print(Obj.count, o.count)
d = {'k': 1}
d['k'] += 5
d.setdefault('new', []).append(1)
d['new'] += [2]
print(d)
m = [[0] * 3 for _ in range(2)]
m[1][2] += 7
m[0][0] -= 1
print(m)
lst = [1, 2, 3, 4, 5]
lst[1:3] += ['x']
print(lst)
class Loud:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        print('getitem', key)
        return self.data.get(key, 0)
    def __setitem__(self, key, value):
        print('setitem', key, value)
        self.data[key] = value
def key():
    print('key evaluated')
    return 'k'
L = Loud()
L[key()] += 3
print(L.data)
counter = {}
for ch in 'mississippi':
    counter[ch] = counter.get(ch, 0) + 1
print(counter)
st = {1, 2}
alias = st
st |= {3}
st -= {1}
print(st == alias, sorted(st))
try:
    t = (1, [2])
    t[1] += [3]
except TypeError as e:
    print('TypeError:', e, t)
try:
    undefined_thing += 1
except NameError as e:
    print('NameError:', e)
def f():
    total += 1
try:
    total = 0
    f()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
