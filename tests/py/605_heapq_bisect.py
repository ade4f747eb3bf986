# topic: heapq (heappush/heappop/heapify/heappushpop/heapreplace/nlargest/nsmallest/merge, tuples as priorities) and bisect (bisect_left/right, insort, grade lookup)
# compare: exact
# timeout: 10
import heapq
import bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h, h[0], [heapq.heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2, 6]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(heapq.nlargest(3, [4, 1, 9, 7, 3]), heapq.nsmallest(2, [4, 1, 9, 7, 3]), heapq.nlargest(2, ['aa', 'b', 'cccc'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge(['a', 'c'], ['b'], key=str)))
tasks = []
heapq.heappush(tasks, (2, 'write code'))
heapq.heappush(tasks, (1, 'write spec'))
heapq.heappush(tasks, (3, 'release'))
heapq.heappush(tasks, (1, 'alpha task'))
while tasks:
    prio, task = heapq.heappop(tasks)
    print(prio, task)
def heapsort(iterable):
    h = list(iterable)
    heapq.heapify(h)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([5, 2, 9, 1, 5, 6, -3]))
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError:', e)
maxheap = []
for v in [3, 10, 1]:
    heapq.heappush(maxheap, -v)
print([-heapq.heappop(maxheap) for _ in range(3)])
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 100), bisect.bisect_left(a, 5))
bisect.insort(a, 5); bisect.insort_left(a, 4); bisect.insort_right(a, 0)
print(a)
def grade(score, breakpoints=(60, 70, 80, 90), grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60]])
print(bisect.bisect_left(a, 4, lo=5), bisect.bisect_right(a, 4, 0, 3))
keyed = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(keyed, 3, key=lambda t: t[1]), bisect.bisect_right(keyed, 3, key=lambda t: t[1]))
def index_of(seq, x):
    i = bisect.bisect_left(seq, x)
    return i if i != len(seq) and seq[i] == x else -1
print(index_of(a, 7), index_of(a, 8), index_of([], 1))
