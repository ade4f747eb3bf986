# topic: custom iterators and iterables: __iter__/__next__, StopIteration, exhaustion, iter() on iterators, for over custom objects
# compare: exact
# timeout: 10
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
cd = Countdown(3)
print(list(cd), list(cd), iter(cd) is cd)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(4)
print(list(r), list(r), sum(r), [x * y for x in r for y in r if x < y])
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e), e.value)
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIter(self.limit)
class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        val = self.a
        self.a, self.b = self.b, self.a + self.b
        return val
    def __iter__(self):
        return self
f = Fib(100)
print(list(f), len(list(f)), max(f), 55 in f, 56 in f)
pairs = zip(Fib(10), Countdown(5))
print(list(pairs))
class BadIter:
    def __iter__(self):
        return 42
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError:', e)
class NoNext:
    def __iter__(self):
        return self
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    next([1, 2])
except TypeError as e:
    print('TypeError:', e)
items = iter(range(10))
for x in items:
    if x == 3:
        break
print('rest after break:', list(items))
it1 = iter('abcdef')
print(list(zip(it1, it1)))
class StopEarly:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i == 3:
            raise StopIteration('done at 3')
        return self.i
print(list(StopEarly()), tuple(StopEarly()), set(StopEarly()), dict.fromkeys(StopEarly()))
lines = iter(['header', 'a', 'b'])
header = next(lines)
print(header, [l.upper() for l in lines])
print(list(map(str, iter([1, 2, 3].pop, 1))), list(iter(iter('xyz').__next__, 'z')))
