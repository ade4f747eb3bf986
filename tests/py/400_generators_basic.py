# topic: generator functions: lazy execution order, state across yields, return ends iteration, generator objects are single-pass, infinite generators with islice
# compare: exact
# timeout: 10
def countdown(n):
    print('starting countdown')
    while n > 0:
        print('yielding', n)
        yield n
        n -= 1
    print('countdown done')
g = countdown(3)
print('created', type(g).__name__)
for v in g:
    print('got', v)
print(list(g))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)))
f = fib()
print([next(f) for _ in range(5)], next(f))
def early_return(items):
    for item in items:
        if item is None:
            return
        yield item
print(list(early_return([1, 2, None, 3])))
def evens(limit):
    yield from (i for i in range(limit) if i % 2 == 0)
print(list(evens(10)), sum(evens(100)))
def chunked(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
print(list(chunked('abcdefgh', 3)), list(chunked([1, 2, 3, 4], 2)))
def read_lines(text):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            yield line
config = '''
# comment
name = app
  debug = true

port = 80
'''
print(dict(tuple(p.strip() for p in l.split('=')) for l in read_lines(config)))
def pipeline():
    nums = (n for n in range(20))
    squares = (n * n for n in nums)
    odd = (s for s in squares if s % 2)
    return list(odd)
print(pipeline())
gen = (x for x in [1, 2])
print(next(gen), next(gen), next(gen, 'end'))
def empty():
    return
    yield
print(list(empty()), type(empty()).__name__)
def stateful():
    total = 0
    for i in range(1, 5):
        total += i
        yield total
print(list(stateful()), max(stateful()), 6 in stateful())
g2 = countdown(2)
print(next(g2))
print(g2.gi_running, g2.gi_frame is not None)
print(list(g2))
print(g2.gi_frame)
def gen_with_args(*args, **kwargs):
    yield args
    yield kwargs
print(list(gen_with_args(1, 2, k='v')))
print(list(zip(countdown(2), 'ab')))
