# topic: json dumps/loads: types mapping, indent/sort_keys/separators, ensure_ascii with Cyrillic, round trip, errors (JSONDecodeError, non-serializable), default=, file dump/load
# compare: exact
# timeout: 10
import json
data = {'name': 'Ann', 'age': 30, 'scores': [9.5, 8, None], 'active': True, 'tags': ('a', 'b'), 'nested': {'k': False}}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps([1, 2], separators=(',', ':')), json.dumps('тест'), json.dumps('тест', ensure_ascii=False), json.dumps({'é': 'ü'}))
back = json.loads(s)
print(back, back['tags'], back == data, type(back['scores'][1]).__name__)
print(json.loads('[1, 2.0, "x", null, true, false, {"a": {}}]'), json.loads('"\\u0416\\n"'), json.loads('  42 '), json.loads('1e3'))
print(json.dumps(1.0), json.dumps(float('inf')), json.dumps(10 ** 20), json.dumps({1: 'int key', None: 'n'}), json.dumps('"quoted"\\'))
for bad in ['{bad json}', '[1, 2', '', "{'single': 1}", '[1,]', 'NaNx']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print('JSONDecodeError:', e.msg, e.pos)
try:
    json.dumps({'s': {1, 2}})
except TypeError as e:
    print('TypeError:', e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps(Point(1, 2), default=lambda o: o.__dict__), json.dumps([Point(0, 0)], default=vars))
with open('data.json', 'w', encoding='utf-8') as f:
    json.dump({'город': 'Москва', 'n': [1, 2]}, f, ensure_ascii=False, indent=1)
with open('data.json', encoding='utf-8') as f:
    print(f.read())
with open('data.json', encoding='utf-8') as f:
    print(json.load(f))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[]'), json.dumps([]), json.dumps({}), json.dumps(None))
print(json.loads('{"x": 1.5}', parse_float=str), json.loads('[1]', parse_int=float), json.dumps({'b': 1, 'a': 2}, sort_keys=True))
