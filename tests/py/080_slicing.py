# compare: exact

a = list(range(10))
print(a[2:8:2], a[::-3], a[-2:], a[:-7], a[8:2:-2], a[100:], a[-100:2])
b = a[:]
b[::2] = ['e'] * 5
print(b)
del b[1:9:3]
print(b)
s = 'abcdefgh'
print(s[1:-1], s[::2], s[5:1:-1], s[-3::-2])
t = tuple(range(5))
print(t[1:4], t[::-1])
class S:
    def __getitem__(self, k):
        return k
print(S()[1:2], S()[::3], S()[1, 2:3])
