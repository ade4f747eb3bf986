# topic: multiprocessing IPC and synchronisation across processes: Pipe, Queue, JoinableQueue, SimpleQueue, Event, Semaphore, Condition, Barrier, RLock, Value/Array
# compare: exact
# timeout: 60
import multiprocessing as mp
import queue


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(('echo', msg))
    conn.send_bytes(b'raw bytes')
    conn.close()


def consume(jq, out):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        out.put(item * 10)
        jq.task_done()


def wait_event(ev, q):
    q.put(('waited', ev.wait(10)))


def barrier_party(b, q):
    q.put(b.wait(10) >= 0)


def cond_waiter(cond, flag, q):
    with cond:
        ok = cond.wait_for(lambda: flag.value == 1, 10)
    q.put(('cond', ok))


def sem_user(sem, counter, lock):
    with sem:
        with lock:
            counter.value += 1


if __name__ == '__main__':
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for msg in (1, 'два', [3, {'four': 4.0}], (None, True)):
        a.send(msg)
        print(a.recv())
    print('poll before:', a.poll(0))
    a.send(None)
    print(a.recv_bytes(), a.poll(0.1))
    p.join()
    r, w = mp.Pipe(duplex=False)
    w.send('one way')
    print(r.recv(), r.readable, r.writable, w.readable, w.writable)
    try:
        w.recv()
    except OSError as e:
        print('OSError:', e)

    q = mp.Queue()
    print('empty queue:', q.empty())
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print('queue.Empty raised')
    small = mp.Queue(maxsize=1)
    small.put('x')
    try:
        small.put('y', timeout=0.1)
    except queue.Full:
        print('queue.Full raised')
    print(small.get())

    jq, out = mp.JoinableQueue(), mp.Queue()
    workers = [mp.Process(target=consume, args=(jq, out)) for _ in range(2)]
    for w_ in workers:
        w_.start()
    for i in range(6):
        jq.put(i)
    jq.join()
    print(sorted(out.get() for _ in range(6)))
    for _ in workers:
        jq.put(None)
    for w_ in workers:
        w_.join()
    try:
        jq.task_done()
    except ValueError as e:
        print('ValueError:', e)

    sq = mp.SimpleQueue()
    sq.put({'k': [1, 2]})
    print(sq.get(), sq.empty())

    ev = mp.Event()
    res = mp.Queue()
    p = mp.Process(target=wait_event, args=(ev, res))
    p.start()
    print('event set before:', ev.is_set())
    ev.set()
    print(res.get(), ev.is_set())
    p.join()
    ev.clear()
    print('wait with timeout:', ev.wait(0.05))

    bar = mp.Barrier(3)
    ps = [mp.Process(target=barrier_party, args=(bar, res)) for _ in range(2)]
    for x in ps:
        x.start()
    print('main at barrier:', bar.wait(10) >= 0, bar.parties)
    print(res.get(), res.get())
    for x in ps:
        x.join()

    cond, flag = mp.Condition(), mp.Value('i', 0)
    p = mp.Process(target=cond_waiter, args=(cond, flag, res))
    p.start()
    with cond:
        flag.value = 1
        cond.notify_all()
    print(res.get())
    p.join()

    sem, counter, lock = mp.Semaphore(2), mp.Value('i', 0), mp.Lock()
    ps = [mp.Process(target=sem_user, args=(sem, counter, lock)) for _ in range(4)]
    for x in ps:
        x.start()
    for x in ps:
        x.join()
    print('semaphore users:', counter.value, sem.get_value())
    bs = mp.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print('ValueError:', e)

    rl = mp.RLock()
    print(rl.acquire(), rl.acquire(), rl.release(), rl.release())
    arr = mp.Array('d', [1.5, 2.5])
    val = mp.Value('d', 0.25)
    print(arr[:], len(arr), val.value, mp.Array('c', b'hi').value, mp.RawValue('i', 7).value)
    with arr.get_lock():
        arr[0] = 9.0
    print(list(arr))
