# topic: traceback carets for subscripts (~ value, ^ slice), attribute access, stores and deletes
# compare: exact
# stderr: exact
import traceback


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def index(seq):
    return seq[5] + 1


def key(d):
    return d['missing']


def nested(d):
    return d['a']['b']


def spaced(seq):
    return 2 * seq [ 5 ]


def sliced(s):
    return s[1:5:0]


def call_then_index(d):
    return d.get(1, 2)[3]


def attr_none(x):
    return x.foo


def attr_chain(x):
    return x.real.imag.nope


def store_attr(x):
    x.y = 1


def store_item(s):
    s[0] = 'z'


def del_item(d):
    del d['k']


def aug_item(lst):
    lst[3] += 1


def unpack(v):
    a, b = v
    return a


show(index, [1, 2])
show(key, {})
show(nested, {'a': 1})
show(spaced, [0])
show(sliced, 'abc')
show(call_then_index, {})
show(attr_none, None)
show(attr_chain, 5)
show(store_attr, None)
show(store_item, 'abc')
show(del_item, {})
show(aug_item, [1])
show(unpack, [1, 2, 3])
x = None
print(x.attribute)
