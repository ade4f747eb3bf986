# topic: copy.copy vs copy.deepcopy, aliasing, nested lists/dicts, custom __copy__/__deepcopy__, shared references preserved by deepcopy, slicing copies
# compare: exact
# timeout: 10
import copy
original = [[1, 2], [3, 4], {'k': [5]}]
alias = original
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original[0].append('mutated')
original[2]['k'].append(6)
original.append('new')
print(alias is original, alias)
print(shallow, shallow is original, shallow[0] is original[0])
print(deep, deep[0] is original[0])
shared = [0]
container = [shared, shared]
dc = copy.deepcopy(container)
print(dc[0] is dc[1], dc[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc, cc)
d = {'a': [1], 'b': {'c': 2}}
d2 = d.copy()
d3 = dict(d)
d4 = {**d}
d['a'].append(9)
print(d2['a'], d3['a'], d4['a'], copy.deepcopy(d) == d)
class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def __repr__(self):
        return f'Node({self.value}, {self.children})'
tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t3 = copy.copy(tree)
tree.children[1].value = 'changed'
print(t2, '|', t3, '|', t3.children is tree.children)
class Tracked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__ called')
        return Tracked(self.v)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called')
        return Tracked(copy.deepcopy(self.v, memo))
t = Tracked([1])
c1 = copy.copy(t)
c2 = copy.deepcopy(t)
print(c1.v is t.v, c2.v is t.v, c2.v)
print(copy.copy(5), copy.deepcopy('s'), copy.copy((1, [2]))[1] is not None, copy.deepcopy((1, 2)) == (1, 2))
tup = (1, [2])
print(copy.copy(tup) is tup, copy.deepcopy(tup) is tup, copy.deepcopy((1, 2)) is not None)
lst = [1, 2, 3]
print(lst[:] is lst, list(lst) is lst, lst.copy() == lst, copy.copy(lst) == lst)
grid = [[0] * 3] * 3
grid[0][0] = 1
safe = [[0] * 3 for _ in range(3)]
safe[0][0] = 1
print(grid, safe)
s = {1, 2}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(frozenset({1})) == frozenset({1}))
