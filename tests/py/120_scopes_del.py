# topic: name resolution LEGB, del of names/items/attributes/slices, class scope rules, builtins shadowing
# compare: exact
# timeout: 10
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner()
print(outer(), x)
def shadow():
    len = lambda s: 'shadowed'
    return len('abc')
print(shadow(), len('abc'))
import builtins
print(builtins.len('xy'), hasattr(builtins, 'print'))
a = 1
del a
try:
    print(a)
except NameError as e:
    print('NameError:', e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
try:
    del d['zzz']
except KeyError as e:
    print('KeyError:', e)
class C:
    attr = 1
obj = C()
obj.inst = 2
del obj.inst
print(hasattr(obj, 'inst'), obj.attr)
try:
    del obj.attr
except AttributeError as e:
    print('AttributeError:', e)
del C.attr
print(hasattr(obj, 'attr'))
class Scope:
    y = 10
    values = [y * 2]
    doubled = [v * 2 for v in values]
    try:
        broken = [y for _ in range(1)]
    except NameError as e:
        err = str(e)
print(Scope.values, Scope.doubled, Scope.err)
def f():
    try:
        print(z)
    except NameError as e:
        print('NameError:', e)
    z = 1
try:
    f()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
def g():
    del undefined_local
try:
    g()
except (NameError, UnboundLocalError) as e:
    print(type(e).__name__ + ':', e)
p, q = 1, 2
del p, q
print('p' in globals(), 'q' in globals())
def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter(); counter()
print(counter.calls)
print(sorted(k for k in locals() if not k.startswith('_'))[:6])
def local_names(a, b=2):
    c = a + b
    return sorted(locals().items())
print(local_names(1))
for i in range(3):
    pass
del i
print('i' in dir())
