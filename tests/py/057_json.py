# compare: exact

import json
data = {'name': 'Ann', 'age': 30, 'tags': ['a', 'b'], 'ok': True, 'none': None, 'pi': 3.14}
s = json.dumps(data)
print(s)
print(json.loads(s) == data, json.loads('[1, 2.5, "x", null, false]'))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps('привет'), json.dumps('привет', ensure_ascii=False), json.dumps([1, (2, 3)]))
try:
    json.loads('{bad json}')
except json.JSONDecodeError as e:
    print('JSONDecodeError', e.msg)
print(json.loads('"\\u0041\\n"'), json.dumps({'a': 1}, separators=(',', ':')))
