# compare: exact
# timeout: 60
# expect: containers mutated while being iterated, sorted, compared or printed raise CPython's
#   errors (or give its results), never crash


def attempt(label, fn):
    try:
        print(label, "ok", fn())
    except (RuntimeError, ValueError, IndexError, KeyError) as e:
        print(label, type(e).__name__, e)


def dict_add():
    d = {i: i for i in range(10)}
    for k in d:
        d[k + 100] = 1


def dict_del():
    d = {i: i for i in range(10)}
    for k in d:
        del d[k]


def dict_clear_items():
    d = {i: i for i in range(10)}
    for k, v in d.items():
        d.clear()


def dict_values_swap():
    d = {i: i for i in range(10)}
    for v in d.values():
        d.pop(v, None)
        d[v + 50] = 0


def dict_same_size_keys():
    d = {1: 1, 2: 2}
    for k in d:
        del d[k]
        d[k + 10] = 0


def dict_iter_after_clear():
    d = {1: 2, 3: 4}
    it = iter(d.items())
    next(it)
    d.clear()
    return list(it)


def set_add():
    s = set(range(10))
    for x in s:
        s.add(x + 100)


def set_discard():
    s = set(range(10))
    for x in s:
        s.discard(x)


def list_append_bounded():
    l = list(range(10))
    for x in l:
        if len(l) < 30:
            l.append(x)
    return len(l)


def list_remove():
    l = list(range(10))
    for x in l:
        l.remove(x)
    return l


def list_clear():
    l = list(range(10))
    n = 0
    for x in l:
        n += 1
        del l[:]
    return n, l


def list_iter_after_clear():
    l = list(range(5))
    it = iter(l)
    next(it)
    l.clear()
    l.extend("ab")
    return list(it)


def reversed_after_clear():
    l = list(range(5))
    r = reversed(l)
    l.clear()
    return list(r)


for fn in (dict_add, dict_del, dict_clear_items, dict_values_swap, dict_same_size_keys,
           dict_iter_after_clear, set_add, set_discard, list_append_bounded, list_remove,
           list_clear, list_iter_after_clear, reversed_after_clear):
    attempt(fn.__name__, fn)


def sort_key_appends():
    l = list(range(10))

    def key(x):
        l.append(x)
        return x

    l.sort(key=key)


def sort_key_clears():
    l = list(range(10))

    def key(x):
        l.clear()
        return -x

    l.sort(key=key)
    return l


def sort_key_reads():
    l = [3, 1, 2]
    seen = []

    def key(x):
        seen.append(len(l))
        return x

    l.sort(key=key)
    return l, seen


class Bad:
    def __init__(self, v, target):
        self.v = v
        self.target = target

    def __lt__(self, other):
        self.target.clear()
        self.target.extend(range(100))
        return self.v < other.v


def sort_lt_mutates():
    l = []
    l.extend(Bad(i, l) for i in (5, 3, 8, 1))
    try:
        l.sort()
    finally:
        print("  length after", len(l))


def sort_lt_raises():
    class X:
        def __init__(self, v):
            self.v = v

        def __lt__(self, o):
            if self.v == 3 or o.v == 3:
                raise ValueError("no 3")
            return self.v < o.v

    l = [X(i) for i in (5, 3, 1, 4)]
    try:
        l.sort()
    finally:
        print("  kept", sorted(x.v for x in l))


for fn in (sort_key_appends, sort_key_clears, sort_key_reads, sort_lt_mutates, sort_lt_raises):
    attempt(fn.__name__, fn)

l = [1, 2, 3]


class EqClears:
    def __eq__(self, o):
        l.clear()
        return False


attempt("in clears", lambda: (EqClears() in l, l))
l = [EqClears(), EqClears(), 3]
attempt("index clears", lambda: l.index(3))
l = [EqClears(), 1, 2]
attempt("count clears", lambda: (l.count(2), l))
l = [EqClears(), 5]
attempt("remove clears", lambda: l.remove(5))

lst = [1, 2, 3]


class ReprClears:
    def __repr__(self):
        lst.clear()
        return "R"


lst.append(ReprClears())
lst.extend([4, 5])
attempt("repr clears list", lambda: repr(lst))
dd = {1: 1}


class ReprClearsDict:
    def __repr__(self):
        dd.clear()
        return "R"


dd[2] = ReprClearsDict()
dd[3] = 3
attempt("repr clears dict", lambda: repr(dd))

a = [1, 2, 3]
a[:] = a
a.extend(a)
a += a
a *= 2
print(len(a), a[:6])
a[1:3] = a
print(len(a))
b = [1, 2]
b.extend(iter(b[:]))
print(b)
s = {1, 2, 3}
s |= s
s ^= s
print(s)
d = {1: 2}
d.update(d)
d |= d
print(d)
