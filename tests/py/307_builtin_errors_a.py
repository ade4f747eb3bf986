# topic: exact messages of common builtin errors (types, attributes, names, calls, indexing), printed as `Type: message`
# compare: exact
# timeout: 10
class Thing:
    def method(self, a):
        pass
obj = Thing()
s, n, l, d, t = 'text', 7, [1, 2, 3], {'a': 1}, (1, 2)
cases = [
    lambda: s + n, lambda: n + s, lambda: l + t, lambda: t + l, lambda: s * 2.5, lambda: l * l,
    lambda: d + d, lambda: {1} + {2}, lambda: None < 1, lambda: s - 'x', lambda: -s, lambda: ~l,
    lambda: n[0], lambda: n[0:1], lambda: d[0:1], lambda: s[1.5], lambda: l['x'], lambda: t[None],
    lambda: s.nope, lambda: n.nope, lambda: l.push(1), lambda: Thing.missing, lambda: obj.missing,
    lambda: undefined_var, lambda: len(), lambda: len(1, 2), lambda: obj.method(), lambda: obj.method(1, 2),
    lambda: Thing(1), lambda: s.split(1), lambda: s.join([1]), lambda: ''.join('a', 'b'),
    lambda: int([]), lambda: float({}), lambda: list(5), lambda: tuple(None), lambda: set(1.5),
    lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: l.index(9), lambda: t.index(9), lambda: s.index('q'),
    lambda: l.remove(9), lambda: {1}.remove(2), lambda: d['missing'], lambda: d.pop('missing'), lambda: {}.popitem(),
    lambda: set().pop(), lambda: [].pop(), lambda: [1].pop(5), lambda: l[10], lambda: t[-5], lambda: s[100],
    lambda: s.__getitem__(99), lambda: l.__setitem__(9, 0), lambda: range(3)[5], lambda: b'ab'[3], lambda: bytearray(2)[9],
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, 'no error')
    except Exception as e:
        print(i, f'{type(e).__name__}: {e}')
