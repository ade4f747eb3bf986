# topic: RecursionError caught (message), getrecursionlimit/setrecursionlimit, deep but legal recursion, recovery after the error
# compare: exact
# timeout: 10
import sys
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print('RecursionError:', e)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
class Node:
    def __init__(self, child=None):
        self.child = child
    def __repr__(self):
        return f'Node({self.child!r})'
chain = None
for _ in range(50):
    chain = Node(chain)
print(repr(chain)[:30], repr(chain).count('Node'))
def mutual_a(n):
    return mutual_b(n) if n else 'done'
def mutual_b(n):
    return mutual_a(n - 1)
print(mutual_a(300))
try:
    lst = []
    lst.append(lst)
    print(str(lst))
except RecursionError as e:
    print('unexpected', e)
class Loop:
    def __getattr__(self, name):
        return self.missing
try:
    Loop().x
except RecursionError as e:
    print('RecursionError in __getattr__:', e)
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError:
    print('limit 200 too small for depth 500')
sys.setrecursionlimit(old)
print(depth(800), sys.getrecursionlimit() == old)
def count_frames(n=0):
    try:
        return count_frames(n + 1)
    except RecursionError:
        return n
print(count_frames() > 900)
print(infinite.__name__, 'recovered fine')
