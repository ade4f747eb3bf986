# topic: every dict method: get/setdefault/pop/popitem/update/keys/values/items/copy/clear/fromkeys, | and |=, ordering, views, equality
# compare: exact
# timeout: 10
d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), list(d), d.get('a'), d.get('z'), d.get('z', 'default'))
print(d.setdefault('a', 100), d.setdefault('new', []), d)
d['new'].append(1)
print(d.pop('new'), d.pop('missing', 'fallback'), d)
print(d.popitem(), d)
d.update({'x': 9}, y=8)
d.update([('z', 7)])
print(d)
e = d.copy()
e['a'] = 'changed'
print(d['a'], e['a'], e == d, e is d)
e.clear()
print(e, bool(e))
print(dict.fromkeys('abc'), dict.fromkeys(['k1', 'k2'], 0), dict(a=1, b=2), dict([('p', 1)]), dict({'q': 2}, r=3))
shared = dict.fromkeys(['a', 'b'], [])
shared['a'].append(1)
print(shared)
print({'a': 1} | {'b': 2}, {'a': 1, 'b': 2} | {'a': 3})
m = {'a': 1}
m |= {'b': 2}
m |= [('c', 3)]
print(m)
print({1: 'a', 2: 'b'} == {2: 'b', 1: 'a'}, list({1: 'a', 2: 'b'}) == list({2: 'b', 1: 'a'}))
o = {}
o['z'] = 1; o['a'] = 2; o['m'] = 3
del o['a']
o['a'] = 4
print(o, list(o.keys()), list(o.values()), list(o.items()))
k = d.keys()
v = d.values()
it = d.items()
d['late'] = 0
print(k, v, it, len(k), 'late' in k, 0 in v, ('late', 0) in it)
print(k & {'a', 'x', 'nope'} == {'a', 'x'}, sorted(k | {'extra'}), sorted(k - {'a'}), type(k).__name__)
counts = {}
for word in 'the cat and the hat and the bat'.split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
inverse = {}
for key, val in {'a': 1, 'b': 2, 'c': 1}.items():
    inverse.setdefault(val, []).append(key)
print(inverse)
nested = {'user': {'name': 'ann', 'tags': ['x']}}
nested['user']['tags'].append('y')
print(nested, nested['user']['name'])
for bad in (lambda: d['nope'], lambda: {}.popitem(), lambda: d.pop('nope'), lambda: {[]: 1}, lambda: dict(1, 2), lambda: d.update(5)):
    try:
        bad()
    except (KeyError, TypeError) as err:
        print(type(err).__name__ + ':', err)
print({1: 'int', 1.0: 'float', True: 'bool'}, {(1, 2): 'tuple key', None: 'none key', frozenset(): 'fs'})
print(repr({'q': "it's", 'n': None}), str({}), dict(zip('abc', range(3))))
print(sorted({'b': 1, 'a': 2}), sorted({'b': 1, 'a': 2}.items()), min({'b': 1, 'a': 2}))
dd = {i: i * i for i in range(5)}
for key in list(dd):
    if key % 2:
        del dd[key]
print(dd, list(reversed(dd)), next(iter(dd)), dd.__contains__(4))
print(d.keys() == {'a', 'c', 'x', 'y', 'z', 'late'} or sorted(d.keys()))
