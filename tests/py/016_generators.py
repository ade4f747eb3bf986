# compare: exact

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b
print(list(fib(10)))
g = fib(3)
print(next(g), next(g), next(g), next(g, 'done'))
def echo():
    received = yield 'ready'
    while True:
        received = yield f'echo {received}'
e = echo()
print(next(e), e.send('a'), e.send('b'))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], 'ab')))
def ret():
    yield 1
    return 'result'
def outer():
    r = yield from ret()
    yield r
print(list(outer()))
squares = (x * x for x in range(5))
print(sum(squares), sum(squares))
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('closing')
        raise
c = closer(); next(c); c.close()
def thrower():
    try:
        yield 1
    except ValueError as err:
        yield f'handled {err}'
t = thrower(); next(t); print(t.throw(ValueError('boom')))
