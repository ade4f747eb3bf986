# topic: threading.Thread with args/kwargs/name/daemon, start/join, is_alive, results stored via list, current_thread/main_thread names, subclassing run()
# compare: exact
# timeout: 20
import threading

results = [None] * 5

def worker(index, base, *, power=2):
    results[index] = (threading.current_thread().name, base ** power)

threads = [threading.Thread(target=worker, args=(i, i + 1), kwargs={'power': 3}, name=f'worker-{i}') for i in range(5)]
print([t.name for t in threads], [t.is_alive() for t in threads], threads[0].daemon)
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print([t.is_alive() for t in threads], threading.current_thread().name, threading.main_thread() is threading.current_thread())

class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f'counter-{n}')
        self.n = n
        self.total = 0
    def run(self):
        for i in range(self.n):
            self.total += i

counters = [Counter(n) for n in (10, 100, 1000)]
for c in counters:
    c.start()
for c in counters:
    c.join()
print([(c.name, c.total) for c in counters])
t = threading.Thread(target=lambda: None)
print(t.name.startswith('Thread-'), t.ident is None)
t.start()
t.join()
print(isinstance(t.ident, int), t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print('RuntimeError:', e)
d = threading.Thread(target=print, args=('daemon thread says hi',), daemon=True)
print(d.daemon)
d.start()
d.join()
def get_ident_info():
    local_results.append(threading.get_ident() != threading.main_thread().ident)
local_results = []
th = threading.Thread(target=get_ident_info)
th.start()
th.join()
print(local_results, threading.active_count() >= 1, len(threading.enumerate()) >= 1)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print('RuntimeError:', e)
print(threading.current_thread().name, repr(threading.main_thread().name))
