# compare: exact

def read_lines():
    for line in ['10', 'x', '20', '', '30']:
        yield line
def parse(lines):
    for l in lines:
        if l.isdigit():
            yield int(l)
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total
print(list(running_total(parse(read_lines()))))
gen = (i for i in range(3))
print(type(gen).__name__, next(gen), list(gen), list(gen))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
import itertools
print(list(itertools.islice(infinite(), 3, 6)))
