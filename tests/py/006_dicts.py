# compare: exact

d = {'a': 1, 'b': 2}
d['c'] = 3; d.update({'a': 10}, z=26)
print(d, len(d), d.get('x'), d.get('x', 0), 'a' in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop('b'), d.setdefault('q', []), d.popitem(), d)
print(dict(zip('abc', range(3))), dict.fromkeys('xy', 0), {k: v * 2 for k, v in [('m', 1)]})
e = {1: 'one', 2: 'two'}
print(e | {3: 'three'}, {**e, 2: 'TWO'})
for k, v in sorted({'z': 1, 'y': 2}.items()):
    print(k, v)
try:
    d['missing']
except KeyError as err:
    print('KeyError', err)
print({1: 2} == {1: 2}, list(reversed({'p': 1, 'q': 2})))
nested = {'a': {'b': {'c': 1}}}
print(nested['a']['b']['c'], str(nested))
