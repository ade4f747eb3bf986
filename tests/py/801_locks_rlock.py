# topic: Lock and RLock: counter with lock gives exact total, acquire(blocking=False), timeout, locked(), with statement, RLock reentrancy, releasing unlocked lock error
# compare: exact
# timeout: 30
import threading
counter = 0
lock = threading.Lock()
def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
threads = [threading.Thread(target=add, args=(20000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('counter', counter)
l = threading.Lock()
print(l.locked(), l.acquire(), l.locked(), l.acquire(blocking=False), l.acquire(timeout=0.05))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print('RuntimeError:', e)
r = threading.RLock()
with r:
    with r:
        print('reentrant acquire ok')
def recursive(n):
    with r:
        return 0 if n == 0 else 1 + recursive(n - 1)
print(recursive(10))
try:
    threading.RLock().release()
except RuntimeError as e:
    print('RuntimeError:', e)
held = threading.Lock()
held.acquire()
result = []
def try_acquire():
    result.append(held.acquire(timeout=0.1))
t = threading.Thread(target=try_acquire)
t.start()
t.join()
print('other thread got held lock:', result)
held.release()
rl = threading.RLock()
rl.acquire()
other = []
t = threading.Thread(target=lambda: other.append(rl.acquire(blocking=False)))
t.start()
t.join()
print('rlock owned by main, other thread acquire:', other)
rl.release()
balance = {'a': 100, 'b': 100}
bank_lock = threading.Lock()
def transfer(src, dst, amount, times):
    for _ in range(times):
        with bank_lock:
            balance[src] -= amount
            balance[dst] += amount
ts = [threading.Thread(target=transfer, args=('a', 'b', 1, 500)), threading.Thread(target=transfer, args=('b', 'a', 2, 250))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(balance, sum(balance.values()))
print(type(threading.Lock()).__name__, type(threading.RLock()).__name__ in ('RLock', '_RLock'))
