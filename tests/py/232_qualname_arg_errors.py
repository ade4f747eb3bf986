# topic: argument errors of functions name them by their current __qualname__ (reassigned after definition, functools.wraps, methods, generators, dataclass __init__)
# compare: exact
# timeout: 10
def mk():
    def h(a): pass
    h.__qualname__ = 'Z.h'
    return h
for call in (lambda: mk()(), lambda: mk()(1, 2), lambda: mk()(b=1), lambda: mk()(1, a=2)):
    try: call()
    except TypeError as e: print(e)
def g(a, *, k): pass
g.__qualname__ = 'Q.g'
for call in (lambda: g(1), lambda: g(1, 2, k=3), lambda: g(1, k=2, z=3)):
    try: call()
    except TypeError as e: print(e)
def p(a, /, b): pass
p.__qualname__ = 'P.p'
try: p(a=1, b=2)
except TypeError as e: print(e)
def noargs(): pass
noargs.__qualname__ = 'N.n'
try: noargs(1)
except TypeError as e: print(e)
def gen(x):
    yield x
gen.__qualname__ = 'G.gen'
try: gen()
except TypeError as e: print(e)
import functools
@functools.wraps(noargs)
def w(a): pass
try: w()
except TypeError as e: print(e)
class K:
    def m(self, a): pass
K.m.__qualname__ = 'Renamed.m'
try: K().m()
except TypeError as e: print(e)
def dflt(a, b=1): pass
dflt.__qualname__ = 'D.dflt'
try: dflt()
except TypeError as e: print(e)
try: dflt(1,2,3)
except TypeError as e: print(e)
def kwo(**kw): pass
kwo.__qualname__ = 'KW.kwo'
try: kwo(1)
except TypeError as e: print(e)
from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass(frozen=True)
class F:
    a: int
    b: list = field(default_factory=list)
for call in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: F(), lambda: Point(1, x=2)):
    try: call()
    except TypeError as e: print(e)
print(Point.__init__.__qualname__, F.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
