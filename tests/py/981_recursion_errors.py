# compare: exact
# timeout: 60
# expect: unbounded recursion through Python code, dunder methods, generators and nested containers
#   ends in RecursionError (catchable, the interpreter still works after it), never a crash
import sys


def attempt(label, fn):
    try:
        r = fn()
        print(label, "ok", r if isinstance(r, (int, bool)) else type(r).__name__)
    except RecursionError as e:
        print(label, "RecursionError")


def f(n):
    return f(n + 1)


attempt("function", lambda: f(0))
attempt("lambda", (lambda g: lambda: g(g))(lambda g: g(g)))


class R:
    def __repr__(self):
        return repr(self)


class S:
    def __str__(self):
        return str(self)


class G:
    def __getattr__(self, name):
        return getattr(self, name)


class GA:
    def __getattribute__(self, name):
        return self.x


class E:
    def __eq__(self, other):
        return self == other


class L:
    def __lt__(self, other):
        return self < other


class H:
    def __hash__(self):
        return hash(self)


class Len:
    def __len__(self):
        return len(self)


class B:
    def __bool__(self):
        return bool(self)


class I:
    def __iter__(self):
        return iter(self)


class GI:
    def __getitem__(self, k):
        return self[k]


class SI:
    def __setitem__(self, k, v):
        self[k] = v


class C:
    def __call__(self):
        return self()


class A:
    def __add__(self, o):
        return self + o


class Idx:
    def __index__(self):
        return [1, 2][self]


class Fmt:
    def __format__(self, spec):
        return format(self, spec)


class Cont:
    def __contains__(self, x):
        return x in self


class Init:
    def __init__(self):
        Init()


class Prop:
    @property
    def p(self):
        return self.p


attempt("__repr__", lambda: repr(R()))
attempt("__repr__ in list", lambda: repr([R()]))
attempt("__str__", lambda: str(S()))
attempt("f-string __str__", lambda: f"{S()}")
attempt("__getattr__", lambda: G().x)
attempt("__getattribute__", lambda: GA().y)
attempt("__eq__", lambda: E() == 1)
attempt("__eq__ in list", lambda: E() in [1, 2])
attempt("__lt__", lambda: L() < 1)
attempt("sorted __lt__", lambda: sorted([L(), L()]))
attempt("__hash__", lambda: hash(H()))
attempt("dict key __hash__", lambda: {H(): 1})
attempt("__len__", lambda: len(Len()))
attempt("__bool__", lambda: bool(B()))
attempt("if __bool__", lambda: 1 if B() else 0)
attempt("__iter__", lambda: iter(I()))
attempt("for __iter__", lambda: [x for x in I()])
attempt("__getitem__", lambda: GI()[0])
attempt("__setitem__", lambda: SI().__setitem__(0, 1))
attempt("__call__", lambda: C()())
attempt("__add__", lambda: A() + 1)
attempt("__index__", lambda: [1, 2][Idx()])
attempt("__format__", lambda: format(Fmt(), ""))
attempt("__contains__", lambda: 1 in Cont())
attempt("__init__", lambda: Init())
attempt("property", lambda: Prop().p)


def gen_yield_from():
    yield from gen_yield_from()


def gen_for():
    for x in gen_for():
        yield x


def gen_send(n):
    g = gen_send(n + 1)
    yield next(g)


attempt("yield from", lambda: next(gen_yield_from()))
attempt("for over generator", lambda: list(gen_for()))
attempt("next in generator", lambda: next(gen_send(0)))


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


attempt("mutual", lambda: mutual_a(0))

nested = []
for _ in range(100000):
    nested = [nested]
attempt("repr nested list", lambda: repr(nested))
attempt("str nested list", lambda: str(nested))
d = {}
for _ in range(100000):
    d = {"k": d}
attempt("repr nested dict", lambda: repr(d))
t = ()
for _ in range(100000):
    t = (t,)
attempt("repr nested tuple", lambda: repr(t))
other = []
for _ in range(100000):
    other = [other]
attempt("== nested lists", lambda: nested == other)
attempt("< nested lists", lambda: nested < other)
attempt("in nested lists", lambda: other in [nested])
attempt("self-equal nested", lambda: nested == nested)
del nested, other, d, t

# A raised RecursionError does not break the interpreter: recursion works again afterwards.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
attempt("lowered limit", lambda: depth(500))
print(depth(100))
sys.setrecursionlimit(1000)
attempt("restored limit", lambda: depth(500))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
print("done")
