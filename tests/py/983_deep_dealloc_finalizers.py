# compare: exact
# timeout: 60
# expect: freeing very long chains of objects (nested lists, dicts, tuples, instances, iterators,
#   closures, exception chains) does not overflow the stack; __del__ that resurrects, deletes
#   other objects or raises is handled as in CPython
import gc
import sys

N = 10**6
l = None
for _ in range(N):
    l = [l]
del l
print("lists")
d = None
for _ in range(N):
    d = {"k": d}
del d
print("dicts")
t = None
for _ in range(N):
    t = (t, 1)
del t
print("tuples")
s = frozenset()
for _ in range(10**5):
    s = frozenset([s, 1])
del s
print("frozensets")


class Node:
    pass


head = None
for _ in range(10**5):
    n = Node()
    n.next = head
    head = n
del head, n
print("instances")


class Slot:
    __slots__ = ("next",)


head = None
for _ in range(10**5):
    n = Slot()
    n.next = head
    head = n
del head, n
print("slots")

deleted = 0


class Counted:
    def __del__(self):
        global deleted
        deleted += 1


head = None
for _ in range(10**5):
    n = Counted()
    n.next = head
    head = n
del head, n
print("finalized", deleted)

it = iter([1, 2])
for _ in range(10**5):
    it = map(abs, it)
del it
print("iterators")


def wrap(f):
    return lambda: f


f = None
for _ in range(10**5):
    f = wrap(f)
del f
print("closures")
e = None
for i in range(10**5):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
del e
print("exception chain")

sys.setrecursionlimit(100000)


def deep(n):
    return deep(n + 1) if n < 50000 else 1 / 0


try:
    deep(0)
except ZeroDivisionError as err:
    tb = err.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("traceback entries", n)
sys.setrecursionlimit(1000)

cyc = []
for _ in range(10**5):
    cyc = [cyc]
cyc.append(cyc)
del cyc
print("collected", gc.collect() > 0)

keep = []


class Resurrect:
    def __del__(self):
        keep.append(self)


for _ in range(1000):
    Resurrect()
print("resurrected", len(keep))
keep.clear()
print("cleared", len(keep))


class DelOther:
    def __del__(self):
        print("del other, victims", len(victims))
        victims.clear()


class Victim:
    def __del__(self):
        print("victim freed")


victims = [Victim()]
x = DelOther()
del x
print("after", victims)


class Raises:
    def __del__(self):
        raise ValueError("in __del__")


for _ in range(3):
    Raises()
print("raises survived")


class Chain:
    def __init__(self, nxt):
        self.nxt = nxt

    def __del__(self):
        print("chain", self.nxt is None)


c = Chain(Chain(Chain(None)))
del c


class SelfRef:
    def __del__(self):
        print("selfref", self.me is self)


s = SelfRef()
s.me = s
del s
print("collect", gc.collect() >= 1)
print("done")
