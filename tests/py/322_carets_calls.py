# topic: traceback carets under calls (the whole call), nested calls, method calls, decorators
# compare: exact
# stderr: exact
import traceback


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def fail(x):
    raise ValueError('failed with %r' % (x,))


def level3(x):
    return 1 + fail(x)


def level2(x):
    return [level3(x), 2]


def level1(x):
    return str(level2(x)) + '!'


class Obj:
    def meth(self, v):
        return v.upper()

    def chain(self):
        return self


def method_call(o):
    return len(o.meth(5))


def keyword_call(o):
    return dict(a=o.meth(v=None), b=2)


def star_call(args):
    return max(*args, key=len)


def multiline_chain(o):
    return (o
            .chain()
            .meth(3))


def decorate(arg):
    def wrap(fn):
        return fn.missing_attribute
    return wrap


def decorated():
    @decorate(1)
    def g():
        pass


show(level1, 'x')
show(method_call, Obj())
show(keyword_call, Obj())
show(star_call, [1, 2])
show(multiline_chain, Obj())
show(decorated)
print(level1(0), 'never')
