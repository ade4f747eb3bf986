# topic: Condition (wait_for/notify_all), Event (set/wait/clear/is_set with timeouts), Semaphore/BoundedSemaphore limits, printed as invariants
# compare: exact
# timeout: 30
import threading
import time
items = []
cond = threading.Condition()
consumed = []
def consumer(cid):
    with cond:
        cond.wait_for(lambda: len(items) > 0)
        consumed.append(items.pop(0))
cs = [threading.Thread(target=consumer, args=(i,)) for i in range(3)]
for c in cs:
    c.start()
for v in ['x', 'y', 'z']:
    with cond:
        items.append(v)
        cond.notify()
for c in cs:
    c.join()
print(sorted(consumed), items)
with cond:
    print(cond.wait(timeout=0.05))
    print(cond.wait_for(lambda: False, timeout=0.05))
ev = threading.Event()
print(ev.is_set(), ev.wait(0.05))
got = []
def waiter():
    got.append(ev.wait(5))
ws = [threading.Thread(target=waiter) for _ in range(3)]
for w in ws:
    w.start()
ev.set()
for w in ws:
    w.join()
print(got, ev.is_set(), ev.wait(0))
ev.clear()
print(ev.is_set())
sem = threading.Semaphore(2)
active = 0
max_active = 0
guard = threading.Lock()
def limited():
    global active, max_active
    with sem:
        with guard:
            active += 1
            max_active = max(max_active, active)
        time.sleep(0.02)
        with guard:
            active -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('max concurrently inside semaphore:', max_active, 'final active:', active)
s = threading.Semaphore(1)
print(s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.02))
s.release()
s.release()
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print('ValueError:', e)
try:
    cond.notify()
except RuntimeError as e:
    print('RuntimeError:', e)
done = threading.Event()
order = []
def step2():
    done.wait()
    order.append('second')
t = threading.Thread(target=step2)
t.start()
order.append('first')
done.set()
t.join()
print(order)
