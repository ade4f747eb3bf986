# compare: exact

def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, y=2, z=3))
try:
    g(x=1, y=2, z=3)
except TypeError as e:
    print('TypeError:', e)
def h(*, key):
    return key
try:
    h(1)
except TypeError as e:
    print('TypeError:', e)
print((lambda x, y=1: x * y)(5), (lambda *a: sum(a))(1, 2, 3))
def defaults(lst=[]):
    lst.append(1)
    return lst
print(defaults(), defaults())
def annotated(a: int, b: str = 'x') -> bool:
    return True
print(annotated.__annotations__, annotated.__name__, annotated.__defaults__)
args = (1, 2)
kwargs = {'c': 3}
print(f(*args, **kwargs))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20))
