# compare: exact

class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
d = {Key(1): 'one'}
print(d[Key(1)], Key(1) in {Key(1)}, len({Key(2), Key(2)}))
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print('TypeError:', e)
print(hash('a') == hash('a'), hash(1) == hash(1.0) == hash(True), hash(()) == hash(()))
