# topic: collections: deque (maxlen, rotate, appendleft/popleft), defaultdict (list/int/set/lambda), Counter (most_common, arithmetic, elements, update), namedtuple (_replace/_asdict/_fields/defaults), OrderedDict (move_to_end, popitem), ChainMap
# compare: exact
# timeout: 10
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict, ChainMap
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); d.extend([5, 6]); d.extendleft([-1, -2])
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 3 in d)
d.rotate(2); print(d)
d.rotate(-3); print(d)
print(d.count(3), d.index(3), list(reversed(d)), d.copy() == d)
d.remove(3); d.insert(1, 'ins'); print(d)
d.clear(); print(d, bool(d))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), end=' ')
print(window.maxlen, window)
try:
    deque().pop()
except IndexError as e:
    print('IndexError:', e)
groups = defaultdict(list)
for word in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups[word[0]].append(word)
print(groups, dict(groups), groups['z'], len(groups))
counts = defaultdict(int)
for ch in 'abracadabra':
    counts[ch] += 1
print(dict(counts), counts.default_factory.__name__)
tree = defaultdict(lambda: defaultdict(set))
tree['a']['x'].add(1)
print({k: {kk: sorted(vv) for kk, vv in v.items()} for k, v in tree.items()})
plain = defaultdict()
try:
    plain['missing']
except KeyError as e:
    print('KeyError:', e)
c = Counter('mississippi')
print(c, c.most_common(2), c['s'], c['z'], sorted(c.elements()), c.total())
c.update('ss'); c.subtract({'i': 4})
print(c, +c, Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=5), Counter(a=2) | Counter(a=5), Counter(a=2, b=1) & Counter(a=1))
print(Counter(['x', 'y', 'x']).most_common(), Counter({'a': 2}) == Counter(a=2), list(Counter('cab')))
Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]), p == (3, 4), tuple(p))
x, y = p
print(x + y, isinstance(p, tuple), len(p), Point(y=1, x=2))
Person = namedtuple('Person', 'name age city', defaults=['Unknown'])
print(Person('ann', 30), Person._field_defaults)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)
try:
    Point(1)
except TypeError as e:
    print('TypeError:', e)
od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
od.move_to_end('b')
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict(a=1, b=2)
print(od2 == OrderedDict(b=2, a=1), dict(od2) == dict(b=2, a=1), od2 == {'b': 2, 'a': 1})
od2.move_to_end('b', last=False)
print(list(od2))
defaults = {'color': 'red', 'user': 'guest'}
overrides = {'user': 'admin'}
cm = ChainMap(overrides, defaults)
print(cm['color'], cm['user'], len(cm), sorted(cm), cm.maps[0])
cm['new'] = 1
print(overrides, cm.new_child({'user': 'root'})['user'])
