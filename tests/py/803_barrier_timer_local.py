# topic: Barrier (parties, wait indices, action, broken barrier), Timer (fires once, cancel), threading.local per-thread values
# compare: exact
# timeout: 30
import threading
phases = []
lock = threading.Lock()
def action():
    phases.append('barrier action ran')
barrier = threading.Barrier(3, action=action)
indices = []
def party(name):
    with lock:
        phases.append(f'{name} before')
    idx = barrier.wait()
    with lock:
        indices.append(idx)
ts = [threading.Thread(target=party, args=(f'p{i}',)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indices), phases.count('barrier action ran'), phases.index('barrier action ran') == 3, barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print('BrokenBarrierError, broken =', b2.broken)
b2.reset()
print('after reset broken =', b2.broken)
fired = []
timer = threading.Timer(0.05, lambda: fired.append('fired'))
timer.start()
timer.join()
print(fired, timer.is_alive())
cancelled = []
t2 = threading.Timer(5, lambda: cancelled.append('should not fire'))
t2.start()
t2.cancel()
t2.join()
print(cancelled, t2.finished.is_set())
t3 = threading.Timer(0.01, print, args=('timer with args',), kwargs={'sep': '-'})
t3.start()
t3.join()
data = threading.local()
data.value = 'main'
seen = {}
def use_local(name):
    print_missing = not hasattr(data, 'value')
    data.value = name
    with lock:
        seen[name] = (print_missing, data.value)
ts = [threading.Thread(target=use_local, args=(f't{i}',)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(dict(sorted(seen.items())), data.value)
class Ctx(threading.local):
    def __init__(self):
        self.stack = []
ctx = Ctx()
ctx.stack.append('main')
out = []
def push():
    ctx.stack.append('thread')
    out.append(list(ctx.stack))
t = threading.Thread(target=push)
t.start()
t.join()
print(out, ctx.stack)
