# topic: multiprocessing.Process with args/kwargs/name, exitcode of successful/failing/sys.exit children, Queue and Pipe between processes, is_alive, pid
# compare: exact
# timeout: 60
import multiprocessing as mp
import sys

def square_into(q, n, *, offset=0):
    q.put((n, n * n + offset))

def failing():
    raise RuntimeError('child failed')

def exits(code):
    sys.exit(code)

def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(msg.upper())
    conn.close()

if __name__ == '__main__':
    q = mp.Queue()
    procs = [mp.Process(target=square_into, args=(q, i), kwargs={'offset': 1}, name=f'sq-{i}') for i in range(4)]
    print([p.name for p in procs], [p.exitcode for p in procs])
    for p in procs:
        p.start()
    results = sorted(q.get(timeout=20) for _ in procs)
    for p in procs:
        p.join()
    print(results, [p.exitcode for p in procs], [p.is_alive() for p in procs])
    bad = mp.Process(target=failing)
    bad.start()
    bad.join()
    print('failing child exitcode:', bad.exitcode)
    codes = []
    for code in (0, 3, None):
        p = mp.Process(target=exits, args=(code,))
        p.start()
        p.join()
        codes.append(p.exitcode)
    print('sys.exit codes:', codes)
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child,))
    p.start()
    for word in ['hello', 'pipe']:
        parent.send(word)
        print(parent.recv())
    parent.send(None)
    p.join()
    print('echo exitcode', p.exitcode, isinstance(p.pid, int))
    a, b = mp.Pipe(duplex=False)
    b.send({'k': [1, 2]})
    print(a.recv(), a.poll(0.01))
    print(mp.current_process().name, isinstance(mp.cpu_count(), int))
