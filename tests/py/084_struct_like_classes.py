# compare: exact

class Stack:
    def __init__(self):
        self._items = []
    def push(self, v):
        self._items.append(v)
    def pop(self):
        if not self._items:
            raise IndexError('pop from empty stack')
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f'Stack({self._items})'
s = Stack()
for i in range(3):
    s.push(i)
print(s, len(s), s.pop(), s)
class LinkedList:
    class Node:
        def __init__(self, v, nxt=None):
            self.v, self.nxt = v, nxt
    def __init__(self, it):
        self.head = None
        for v in reversed(list(it)):
            self.head = self.Node(v, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.v
            n = n.nxt
print(list(LinkedList('abc')), LinkedList.Node.__qualname__)
