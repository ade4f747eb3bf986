# topic: default arguments (evaluated once, mutable default pitfall), *args, **kwargs, argument errors
# compare: exact
# timeout: 10
def greet(name, greeting='Hello', punct='!'):
    return f'{greeting}, {name}{punct}'
print(greet('Ann'), greet('Bob', 'Hi'), greet('Cy', punct='?'), greet(greeting='Yo', name='Di'))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_safe(1), append_safe(2))
counter = 0
def next_default():
    global counter
    counter += 1
    return counter
def uses_default(x=next_default()):
    return x
print(uses_default(), uses_default(), counter)
def total(*args):
    return sum(args), type(args).__name__, len(args)
print(total(), total(1), total(1, 2, 3), total(*range(5)))
def info(**kwargs):
    return sorted(kwargs.items()), type(kwargs).__name__
print(info(), info(a=1, b=2), info(**{'z': 0, 'y': 1}))
def everything(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs
print(everything(1, c=3))
print(everything(1, 2, 3, 4, c=5, e=6))
print(everything(*[1, 2, 3], **{'c': 7, 'd': 8, 'x': 9}))
print(greet.__defaults__, everything.__kwdefaults__, everything.__code__.co_argcount)
errors = [lambda: greet(), lambda: greet('a', 'b', 'c', 'd'), lambda: greet('a', name='b'), lambda: greet(nme='x'),
          lambda: everything(1), lambda: everything(1, 2, 3), lambda: info(1), lambda: total(x=1),
          lambda: greet(**{1: 2}), lambda: everything(1, c=1, **{'c': 2})]
for err in errors:
    try:
        err()
    except TypeError as e:
        print('TypeError:', e)
def f(a, L=[]):
    L.append(a)
    return L
f(1); f(2)
print(f.__defaults__)
def kw_only_default(*, flag=False):
    return flag
print(kw_only_default(), kw_only_default(flag=True))
def many(a, b, /, c, *, d):
    return a + b + c + d
print(many(1, 2, 3, d=4), many(1, 2, c=3, d=4))
