# Process parallelism benchmark: prints one line of key=value pairs.
#  - countdown of N split over 2 threads, 2 Processes and Pool(2).map, against one thread
#  - Pool.map of 10,000 tiny tasks (tasks per second)
#  - Pipe and Queue throughput of 100,000 small objects (objects per second)
import multiprocessing as mp
import sys
import threading
import time


def countdown(n):
    while n > 0:
        n -= 1


def tiny(x):
    return x + 1


def pipe_reader(conn, n):
    for _ in range(n):
        conn.recv()
    conn.send('done')


def queue_reader(q, n, done):
    for _ in range(n):
        q.get()
    done.put('done')


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def split_threads(n):
    ts = [threading.Thread(target=countdown, args=(n // 2,)) for _ in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def split_processes(n):
    ps = [mp.Process(target=countdown, args=(n // 2,)) for _ in range(2)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000000
    objects = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    seq = timed(lambda: countdown(n))
    thr = timed(lambda: split_threads(n))
    procs = timed(lambda: split_processes(n))
    with mp.Pool(2) as pool:
        pool.map(tiny, range(10))  # workers are up
        poolmap = timed(lambda: pool.map(countdown, [n // 2, n // 2], chunksize=1))
        tasks = timed(lambda: pool.map(tiny, range(10000)))
    a, b = mp.Pipe()
    p = mp.Process(target=pipe_reader, args=(b, objects))
    p.start()
    t0 = time.perf_counter()
    for i in range(objects):
        a.send((i, 'x'))
    a.recv()
    pipe_s = time.perf_counter() - t0
    p.join()
    q, done = mp.Queue(), mp.Queue()
    p = mp.Process(target=queue_reader, args=(q, objects, done))
    p.start()
    t0 = time.perf_counter()
    for i in range(objects):
        q.put((i, 'x'))
    done.get()
    queue_s = time.perf_counter() - t0
    p.join()
    print('mp n=%d seq_s=%.3f threads_speedup=%.2f procs_speedup=%.2f poolmap_speedup=%.2f '
          'pool_tasks_per_s=%.0f pipe_objs_per_s=%.0f queue_objs_per_s=%.0f'
          % (n, seq, seq / thr, seq / procs, seq / poolmap, 10000 / tasks, objects / pipe_s,
             objects / queue_s))


if __name__ == '__main__':
    main()
