# compare: exact

import sys
x = object()
base = sys.getrefcount(x)
y = x
print(sys.getrefcount(x) - base)
lst = [x, x]
print(sys.getrefcount(x) - base)
del y, lst
print(sys.getrefcount(x) - base)
def f(a):
    return sys.getrefcount(a) - base
print(f(x) > 0)
