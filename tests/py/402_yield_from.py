# topic: yield from: delegation, return values of subgenerators, send/throw forwarding, flattening recursion, yield from iterables
# compare: exact
# timeout: 10
def sub(n):
    for i in range(n):
        received = yield i
        if received:
            print('sub received', received)
    return f'sub({n}) done'
def delegator():
    r1 = yield from sub(2)
    print('r1 =', r1)
    r2 = yield from sub(3)
    print('r2 =', r2)
    return 'all done'
d = delegator()
print(list(d))
d2 = delegator()
print(next(d2), d2.send('x'), d2.send('y'))
def wrapper():
    result = yield from delegator()
    yield f'wrapper got {result!r}'
print(list(wrapper()))
def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, 5]], 6], (7, (8,)), [], 9])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain('ab', [1, 2], range(2), {'k': 1}, (x * x for x in range(3)))))
def inner_catches():
    while True:
        try:
            yield 'waiting'
        except ValueError as e:
            print('inner caught', e)
            yield 'recovered'
def outer():
    yield from inner_catches()
o = outer()
print(next(o), o.throw(ValueError('thrown at outer')), next(o))
o.close()
def inner_finally():
    try:
        yield 1
        yield 2
    finally:
        print('inner finally')
def outer2():
    try:
        yield from inner_finally()
    finally:
        print('outer finally')
o2 = outer2()
next(o2)
o2.close()
def tree(node, depth=0):
    name, children = node
    yield '  ' * depth + name
    for child in children:
        yield from tree(child, depth + 1)
root = ('root', [('a', [('a1', []), ('a2', [])]), ('b', [('b1', [('deep', [])])])])
print('\n'.join(tree(root)))
def returns_only():
    return 'immediate'
    yield
def collect():
    value = yield from returns_only()
    yield value
print(list(collect()))
def gen_expr_delegate():
    yield from (c.upper() for c in 'xyz')
print(''.join(gen_expr_delegate()))
def counting():
    n = yield from accumulate_until_none()
    yield f'accumulated {n}'
def accumulate_until_none():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
c = counting()
next(c)
for v in (5, 10, 20):
    c.send(v)
print(c.send(None))
