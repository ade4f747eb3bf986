# topic: traceback carets when an operand is parenthesised: nodes start at the '(' of their first
# operand and end after the ')' of their last one, as CPython 3.11's ast positions
# compare: exact
# stderr: exact
import sys
import traceback


def show(fn, *args):
    # sys.excepthook is the interpreter's own printer (CPython's C one)
    try:
        fn(*args)
    except Exception:
        sys.excepthook(*sys.exc_info())


def show_tb(fn, *args):
    # traceback.py's rules: the same carets except after ') ' before a two-character operator
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def div(a, b):
    return (a) / b


def div_right(a, b):
    return a / (b)


def div_both(a, b):
    return ((a)) // ((b))


def nested(a, b, c):
    return (a + 1) * (b) % (c)


def index(x):
    return (x)[5]


def index_slice(x):
    return (x)[1:2][7]


def attr(x):
    return (x).missing


def call(f):
    return (f)(0)


def call_lambda():
    return (lambda: 1 / 0)()


def chained_calls(s):
    return (s).strip().split()[9]


def compare(a, b):
    return (a) < b


def bool_and(a, b):
    return (a) and (b)()


def ifexp(a, b):
    return (a) if (b)() else 0


def keyword_value(f, v):
    return f(x=(v) + 1)


def comprehension(xs):
    return [(x) / 0 for (x) in (xs)]


def multi_line(a, b):
    return (
        (a)
        + (b)
    )


def power(a, b):
    return (a) ** (b)


def call_result(f):
    return (f)(1)(2)


def subscript_call(d):
    return (d)['k'](3)


def unary(x):
    return -(x)


def starred(x):
    return [*(x)]


def walrus(x):
    return (y := (x)) / 0


def aug(a):
    (a)[0] += 1
    return a


show(div, 1, 0)
show(div_right, 1, 0)
show(div_both, 1, 0)
show(nested, 1, 2, 0)
show(index, [1])
show(index_slice, [1, 2, 3])
show(attr, 3)
show(call, lambda v: 1 / v)
show(call_lambda)
show(chained_calls, "a b")
show(compare, 1, "x")
show(bool_and, 1, None)
show(ifexp, 1, None)
show(keyword_value, lambda x: x, "s")
show(comprehension, [1])
show(multi_line, 1, "b")
show(power, 0, -1)
show(call_result, lambda v: None)
show(subscript_call, {"k": None})
show(unary, "s")
show(starred, 5)
show(walrus, 1)
show(aug, (1,))
show_tb(div, 1, 0)
show_tb(div_both, 1, 0)
show_tb(index, [1])
show_tb(call, lambda v: 1 / v)
show_tb(compare, 1, "x")


def uncaught(a, b):
    return (a) / (b) + 1


uncaught(1, 0)
