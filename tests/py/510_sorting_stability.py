# topic: sort stability, multi-pass sorts, key functions (operator.itemgetter/attrgetter), reverse stability, sorting mixed numeric types, sort of records
# compare: exact
# timeout: 10
from operator import itemgetter, attrgetter
records = [('alice', 'B', 88), ('bob', 'A', 95), ('carol', 'B', 88), ('dave', 'A', 70), ('eve', 'C', 88), ('frank', 'A', 95)]
print(sorted(records, key=itemgetter(2)))
print(sorted(records, key=itemgetter(2), reverse=True))
print(sorted(records, key=itemgetter(1, 2)))
step1 = sorted(records, key=itemgetter(0), reverse=True)
step2 = sorted(step1, key=itemgetter(2))
print([r[0] for r in step2])
print(sorted(records, key=lambda r: (-r[2], r[0])))
class Emp:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
    def __repr__(self):
        return f'{self.name}:{self.dept}:{self.salary}'
emps = [Emp('z', 'eng', 100), Emp('a', 'ops', 80), Emp('m', 'eng', 80), Emp('b', 'eng', 100)]
print(sorted(emps, key=attrgetter('dept', 'salary')), sorted(emps, key=attrgetter('salary'), reverse=True))
print(sorted([3, 1.5, 2, True, 0.0, -1]), sorted([10, 9, 100, 1000], key=str), sorted(['10', '9', '100'], key=int))
data = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(data, key=itemgetter(0)), sorted(data, key=itemgetter(0), reverse=True))
letters = list('bAcaBC')
print(sorted(letters), sorted(letters, key=str.lower), sorted(letters, key=str.upper, reverse=True))
items = [{'n': 'x', 'p': 3}, {'n': 'y', 'p': 1}, {'n': 'z', 'p': 3}]
print([d['n'] for d in sorted(items, key=itemgetter('p'))], [d['n'] for d in sorted(items, key=itemgetter('p'), reverse=True)])
big = [(i % 7, i) for i in range(50)]
stable = sorted(big, key=itemgetter(0))
print(all(a[1] < b[1] for a, b in zip(stable, stable[1:]) if a[0] == b[0]), stable[:8])
words = 'banana Apple cherry apple Banana date Date'.split()
print(sorted(words), sorted(words, key=lambda w: (w.lower(), w)), sorted(set(map(str.lower, words))))
nums = [5, 3, 8, 1]
nums.sort(key=lambda n: -n)
print(nums, sorted(nums) == sorted(nums, reverse=True)[::-1])
print(sorted([[2, 'b'], [1, 'z'], [2, 'a']]), sorted([(1,), (), (0, 0)]), sorted(['', 'a', ' ']))
print(sorted([-0.0, 0, 0.0, -1]), sorted([2 ** 70, 1e21, 10 ** 21 + 1]), sorted(['é', 'e', 'z', 'E']))
ranking = {'gold': 1, 'silver': 2, 'bronze': 3}
medals = ['bronze', 'gold', 'silver', 'gold']
print(sorted(medals, key=ranking.get), sorted(medals, key=ranking.__getitem__, reverse=True))
getter = itemgetter(1, 0)
print(getter(('a', 'b')), itemgetter(-1)([1, 2, 3]), attrgetter('name')(emps[0]), itemgetter(slice(1, 3))('abcd'))
