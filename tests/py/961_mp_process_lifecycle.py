# topic: multiprocessing.Process lifecycle: names, exitcode on error/exit/terminate/kill, daemon, parent_process, close
# compare: exact
# timeout: 60
import multiprocessing as mp
import os
import sys
import time


def report(q):
    me = mp.current_process()
    parent = mp.parent_process()
    q.put((me.name, parent.name, parent.pid == os.getppid(), me.pid == os.getpid()))


def fail():
    raise ValueError('boom in child')


def leave(code):
    sys.exit(code)


def forever():
    while True:
        time.sleep(0.05)


class Worker(mp.Process):
    def __init__(self, q, n):
        super().__init__()
        self.q = q
        self.n = n

    def run(self):
        self.q.put(sum(range(self.n)))


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=report, args=(q,))
    print(p.name.startswith('Process-'), p.exitcode, p.is_alive(), p.pid is None)
    p.start()
    print(q.get())
    p.join()
    print('exitcode', p.exitcode, p.is_alive())
    named = mp.Process(target=report, args=(q,), name='custom')
    named.start()
    print(q.get()[0])
    named.join()
    bad = mp.Process(target=fail)
    bad.start()
    bad.join()
    print('error exitcode', bad.exitcode)
    for code in (0, 3, None, 'text'):
        c = mp.Process(target=leave, args=(code,))
        c.start()
        c.join()
        print('sys.exit(%r) ->' % (code,), c.exitcode)
    t = mp.Process(target=forever)
    t.start()
    t.terminate()
    t.join()
    print('terminated', t.exitcode)
    k = mp.Process(target=forever)
    k.start()
    k.kill()
    k.join()
    print('killed', k.exitcode)
    w = Worker(q, 100)
    w.start()
    print('subclass', q.get())
    w.join()
    w.close()
    try:
        w.is_alive()
    except ValueError as e:
        print('closed:', e)
    d = mp.Process(target=forever, daemon=True)
    d.start()
    print('daemon', d.daemon, d.is_alive())
    try:
        d.start()
    except AssertionError as e:
        print('second start:', e)
    print('main', mp.current_process().name, mp.parent_process())
