# compare: exact

import copy
a = [1, [2, 3], {'k': [4]}]
s = copy.copy(a); d = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(s, d)
class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
n = Node(1); n.children.append(Node(2))
m = copy.deepcopy(n)
print(m.v, m.children[0].v, m is n, m.children[0] is n.children[0])
r = [1]; r.append(r)
rc = copy.deepcopy(r)
print(rc[1] is rc, len(rc))
class Custom:
    def __init__(self, x):
        self.x = x
    def __copy__(self):
        return Custom(self.x + 100)
print(copy.copy(Custom(1)).x)
