# topic: exceptions in threads: default excepthook prints to stderr and the thread dies, main continues; custom threading.excepthook receives args; exceptions passed back through a queue
# compare: exact
# timeout: 20
import threading
import queue
def fails(x):
    raise ValueError(f'bad value {x}')
captured = []
def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
old = threading.excepthook
threading.excepthook = hook
t = threading.Thread(target=fails, args=(7,), name='failing-thread')
t.start()
t.join()
print(captured, t.is_alive())
threading.excepthook = old
print(threading.excepthook is threading.__excepthook__)
errors = queue.Queue()
def safe_worker(n):
    try:
        if n % 2:
            raise ZeroDivisionError(f'odd {n}')
        errors.put(('ok', n))
    except Exception as e:
        errors.put((type(e).__name__, str(e)))
ts = [threading.Thread(target=safe_worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(errors.get() for _ in range(4)))
class Worker(threading.Thread):
    def __init__(self):
        super().__init__()
        self.error = None
    def run(self):
        try:
            {}['missing']
        except KeyError as e:
            self.error = e
w = Worker()
w.start()
w.join()
print('error attribute:', repr(w.error))
t = threading.Thread(target=fails, args=(1,), name='default-hook')
t.start()
t.join()
print('main thread continues after default hook printed to stderr')
