# topic: closures, cell sharing, late binding, nonlocal, counters and accumulators, __closure__
# compare: exact
# timeout: 10
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return increment, get
inc, get = make_counter(10)
print(inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get2(), get())
def make_multipliers():
    return [lambda x: x * i for i in range(3)]
print([m(2) for m in make_multipliers()])
def make_multipliers_fixed():
    return [lambda x, i=i: x * i for i in range(3)]
print([m(2) for m in make_multipliers_fixed()])
def outer():
    x = 1
    def middle():
        x = 2
        def inner():
            nonlocal x
            x += 10
            return x
        r = inner()
        return r, x
    return middle(), x
print(outer())
def accumulator():
    items = []
    def add(item):
        items.append(item)
        return list(items)
    return add
acc = accumulator()
acc('a')
print(acc('b'), acc.__closure__[0].cell_contents)
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars, get.__closure__ is not None)
def no_closure():
    return 1
print(no_closure.__closure__)
def make_adders():
    adders = {}
    for n in (1, 5, 10):
        def adder(x, n=n):
            return x + n
        adders[n] = adder
    return adders
print({k: f(100) for k, f in make_adders().items()})
def fib_memo():
    cache = {0: 0, 1: 1}
    def fib(n):
        if n not in cache:
            cache[n] = fib(n - 1) + fib(n - 2)
        return cache[n]
    return fib
print(fib_memo()(80))
def shared():
    value = 'initial'
    def setter(v):
        nonlocal value
        value = v
    def getter():
        return value
    return setter, getter
s, g = shared()
s('changed')
print(g())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 'after'
    return [f() for f in fs]
print(late())
x = 'global x'
def reads_global():
    def inner():
        return x
    return inner()
print(reads_global())
def delete_cell():
    v = 1
    def read():
        return v
    del v
    try:
        read()
    except NameError as e:
        print('NameError:', e)
delete_cell()
