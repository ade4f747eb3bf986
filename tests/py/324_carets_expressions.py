# topic: traceback carets for comparisons, unary operations, f-strings, lambdas, comprehensions
#        and generator frames
# compare: exact
# stderr: exact
import traceback


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def compare(a):
    return 1 if a < 3 else 2


def chained_compare(a):
    return 1 < a < 3


def unary(a):
    return -a + 1


def invert(a):
    return [~a]


def fstring(x):
    return f'a {x} b {1 / x}'


def fstring_format(x):
    return f'value: {x:d} end'


def use_lambda(v):
    f = lambda x: 1 / x
    return f(v)


def sort_with_key(items):
    return sorted(items, key=lambda v: v * 2 + 1)


def listcomp(items):
    return [1 / x for x in items]


def dictcomp(d):
    return {k: v.foo for k, v in d.items()}


def filtered(items):
    return [x for x in items if x > 'a']


def gen(n):
    for i in range(n):
        yield 10 // (i - 1)


def consume(n):
    return list(gen(n))


def genexpr(items):
    return sum(1 / x for x in items)


show(compare, 'x')
show(chained_compare, 'x')
show(unary, 'x')
show(invert, 1.5)
show(fstring, 0)
show(fstring_format, 'x')
show(use_lambda, 0)
show(sort_with_key, [3, 'a'])
show(listcomp, [1, 0])
show(dictcomp, {'a': 1})
show(filtered, ['b', 2])
show(consume, 3)
show(genexpr, [0])
print(consume(2))
