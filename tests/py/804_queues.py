# topic: queue.Queue/LifoQueue/PriorityQueue/SimpleQueue: ordering, maxsize, put/get with block=False and timeouts, Empty/Full, task_done/join, qsize/empty/full, producer-consumer with sentinel
# compare: exact
# timeout: 30
import queue
import threading
q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), [q.get() for _ in range(3)], q.empty())
lq = queue.LifoQueue()
for i in 'abc':
    lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, 'low'), (1, 'urgent'), (2, 'normal'), (1, 'also urgent')]:
    pq.put(item)
print([pq.get() for _ in range(4)])
sq = queue.SimpleQueue()
sq.put(1); sq.put(2)
print(sq.get(), sq.qsize(), sq.empty(), sq.get(), sq.empty())
bounded = queue.Queue(maxsize=2)
bounded.put('a')
bounded.put('b')
print(bounded.full(), bounded.qsize(), bounded.maxsize)
try:
    bounded.put('c', block=False)
except queue.Full:
    print('Full raised (non-blocking)')
try:
    bounded.put('c', timeout=0.05)
except queue.Full:
    print('Full raised (timeout)')
try:
    bounded.put_nowait('c')
except queue.Full:
    print('Full raised (put_nowait)')
empty = queue.Queue()
for getter in (lambda: empty.get(block=False), lambda: empty.get(timeout=0.05), empty.get_nowait, lambda: queue.SimpleQueue().get(timeout=0.01)):
    try:
        getter()
    except queue.Empty:
        print('Empty raised')
print(issubclass(queue.Empty, Exception), queue.Empty.__name__, queue.Full.__name__)
jobs = queue.Queue()
results = []
lock = threading.Lock()
def worker():
    while True:
        item = jobs.get()
        if item is None:
            jobs.task_done()
            break
        with lock:
            results.append(item * item)
        jobs.task_done()
workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    jobs.put(i)
jobs.join()
print('after join, results:', len(results), sum(results))
for _ in workers:
    jobs.put(None)
for w in workers:
    w.join()
print(sorted(results)[:5], jobs.empty())
pipe = queue.Queue(maxsize=1)
received = []
def producer():
    for i in range(5):
        pipe.put(i)
    pipe.put('STOP')
def consumer():
    while (item := pipe.get()) != 'STOP':
        received.append(item)
tp, tc = threading.Thread(target=producer), threading.Thread(target=consumer)
tp.start(); tc.start(); tp.join(); tc.join()
print(received)
try:
    queue.Queue().task_done()
except ValueError as e:
    print('ValueError:', e)
