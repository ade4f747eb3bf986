# compare: exact

import json
records = [{'id': i, 'name': f'user{i}', 'score': i * 1.5} for i in range(3)]
with open('records.json', 'w') as f:
    json.dump(records, f)
with open('records.json') as f:
    loaded = json.load(f)
print(loaded == records, loaded[1]['name'], sum(r['score'] for r in loaded))
