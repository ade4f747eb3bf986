# topic: json dumps/loads formatting and errors
# compare: exact
# timeout: 10
import json
from collections import OrderedDict

data = {'name': 'Ann', 'age': 31, 'tags': ['a', 'b'], 'ok': True, 'none': None,
        'pi': 3.14159, 'big': 10 ** 20, 'nested': {'x': [1, 2, {'y': []}], 'z': {}},
        'tuple': (1, 2), 'neg': -0.5, 'exp': 1e-7, 'f': 1e22}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, indent='\t'))
print(json.dumps(data, indent=0))
print(json.dumps(data, separators=(',', ':')))
print(json.dumps(data, indent=2, separators=(', ', ': ')))
print(json.dumps([]), json.dumps({}), json.dumps([[]], indent=2), json.dumps({'a': {}}, indent=2))
print(json.dumps('héllo ✓ "q" \\ \n\t\x01\x7f 😀'))
print(json.dumps('héllo ✓ "q" \\ \n\t\x01\x7f 😀', ensure_ascii=False))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd', 'e': 1}))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 0.1, 1.0, -0.0, 123456789.125]))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 1, 'y': 2}}, sort_keys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
print(json.dumps({'p': [Point(1, 2)]}, default=vars, indent=1))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({'s': {3, 1, 2}}, cls=Enc))
for bad in [lambda: json.dumps(Point(1, 2)), lambda: json.dumps({(1, 2): 3}),
            lambda: json.dumps(float('nan'), allow_nan=False), lambda: json.dumps({1, 2}),
            lambda: json.dumps(b'x')]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
circ = []
circ.append(circ)
try:
    json.dumps(circ)
except ValueError as e:
    print('ValueError', e)

# loads
text = json.dumps(data, indent=2)
back = json.loads(text)
print(back == json.loads(json.dumps(data)), back['tuple'], back['big'], type(back['pi']))
print(json.loads('[1, 2.5, -3, 1e3, 1E-2, -0, true, false, null, "x\\u00e9\\ud83d\\ude00\\n\\"/"]'))
print(json.loads('  {"a" : [ ] , "b" : { } }  '))
print(json.loads('NaN'), json.loads('[Infinity, -Infinity]'))
print(json.loads(b'{"bytes": 1}'), json.loads(bytearray(b'[1]')))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads('"a\tb"', strict=False))
print(json.decoder.JSONDecoder().raw_decode('[1] tail'))
for s in ['', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '"a\\qb"', '"\\u12"',
          '[1]x', 'tru', '"a\nb"', '{"a":1 "b"}', '  \n  [', '{', '[', '\ufeff[]', '-', '1.',
          '01', '[1,\n 2,\n x]', '{"a"', '{"a":', '[1, 2', '{"a": 1', '  ', 'nul']:
    try:
        print(repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
try:
    json.loads(5)
except TypeError as e:
    print('TypeError', e)

# dump / load with files
with open('data.json', 'w') as f:
    json.dump(data, f, indent=2)
with open('data.json') as f:
    print(json.load(f) == back)
with open('data.json') as f:
    print(f.read()[:40].replace('\n', '|'))
