# topic: no carets when the range covers the whole line; multi-line ranges drawn to the end of
#        their first line; one-line compound statements
# compare: exact
# stderr: exact
import traceback


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def raiser():
    raise ValueError('x')


def call_alone(x):
    raiser()


def inline_if(x):
    if x: raise KeyError('inline')


def multi_line_binop(v):
    return (1 +
            2 +
            v)


def multi_line_call(v):
    total = sum(
        [1, 2, v])
    return total


def multi_line_subscript():
    return [1,
            2][5]


def continued(v):
    x = 1 + \
        v
    return x


def assert_cmp(v):
    assert v > 4, 'too small: ' + str(v)


def assert_plain(v):
    assert v


def statement_call():
    int('z')


show(raiser)
show(call_alone, 1)
show(inline_if, 1)
show(multi_line_binop, None)
show(multi_line_call, 'a')
show(multi_line_subscript)
show(continued, 'x')
show(assert_cmp, 3)
show(assert_plain, 0)
show(statement_call)
raise ValueError('whole line')
