# topic: traceback position carets under binary operations (~ for operands, ^ for the operator)
# compare: exact
# stderr: exact
import traceback


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def div(x):
    return 10 / x


def floordiv_in_expr(a, b):
    total = 1 + a // b + 3
    return total


def power(v):
    return 2 ** v * 3


def spaced(v):
    return v  %   'x'


def percent(v):
    return '%d items' % v


def matmul(a, b):
    return a @ b


def chained(a, b, c):
    return a + b - c


def nested_parens(v):
    return (v + 1) * (v - 'a')


def shifted(v):
    return 1 << v


show(div, 0)
show(floordiv_in_expr, 7, 0)
show(power, 'a')
show(spaced, 5)
show(percent, 'x')
show(matmul, 2, 3)
show(chained, 1, 2, 'c')
show(nested_parens, 3)
show(shifted, -1)
print('done')


def f(x):
    return 10 / x


print(f(0))
