# compare: exact

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), 2 in Countdown(3))
class Seq:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
print(list(Seq()), list(iter(Seq())))
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
calls = iter(lambda: calls_list.pop(), 0)
calls_list = [0, 1, 2]
print(list(calls))
print(list(zip(*[iter(range(6))] * 2)))
