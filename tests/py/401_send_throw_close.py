# topic: generator.send/throw/close: priming, values returned by send, GeneratorExit and finally, throw caught inside, StopIteration on close/exhaustion
# compare: exact
# timeout: 10
def echo():
    print('echo started')
    received = None
    while True:
        try:
            received = yield f'echo: {received}'
        except ValueError as e:
            print('caught inside generator:', e)
            received = 'after error'
        except GeneratorExit:
            print('GeneratorExit received, cleaning up')
            raise
g = echo()
print(next(g))
print(g.send('hello'))
print(g.send(42))
print(g.throw(ValueError('boom')))
print(g.send('again'))
g.close()
print('closed')
try:
    next(g)
except StopIteration:
    print('StopIteration after close')
def averager():
    total, count = 0, 0
    average = None
    while True:
        value = yield average
        if value is None:
            return average
        total += value
        count += 1
        average = total / count
avg = averager()
next(avg)
for v in [10, 20, 30, 40]:
    print('average', avg.send(v))
try:
    avg.send(None)
except StopIteration as e:
    print('returned', e.value)
fresh = echo()
try:
    fresh.send('not primed')
except TypeError as e:
    print('TypeError:', e)
print(fresh.send(None))
fresh.close()
def uncaught():
    yield 1
    yield 2
u = uncaught()
next(u)
try:
    u.throw(KeyError('propagates'))
except KeyError as e:
    print('KeyError propagated:', e)
print(next(u, 'generator finished after throw'))
def with_finally():
    try:
        yield 'a'
        yield 'b'
    finally:
        print('finally on close')
w = with_finally()
print(next(w))
w.close()
w.close()
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse to die'
ie = ignores_exit()
next(ie)
try:
    ie.close()
except RuntimeError as e:
    print('RuntimeError:', e)
not_started = with_finally()
not_started.close()
print('closing unstarted generator runs no finally')
def thrower():
    try:
        yield 1
    except TypeError:
        yield 'handled TypeError'
    yield 'continues'
t = thrower()
next(t)
print(t.throw(TypeError), next(t))
def stop_inside():
    yield 1
    raise StopIteration('bad')
try:
    list(stop_inside())
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))
def accumulate():
    items = []
    while True:
        item = yield len(items)
        items.append(item)
acc = accumulate()
next(acc)
print([acc.send(x) for x in 'abc'])
