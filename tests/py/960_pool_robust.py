# topic: multiprocessing.Pool: map/imap/apply, maxtasksperchild, close+join, terminate
# compare: exact
# timeout: 60
import multiprocessing as mp
import os
import time


def square(x):
    return x * x


def pid_of(_):
    time.sleep(0.01)
    return os.getpid()


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(list(pool.imap(square, range(6), chunksize=2)))
        print(pool.apply(square, (7,)))
    with mp.Pool(2, maxtasksperchild=2) as pool:
        pids = pool.map(pid_of, range(8), chunksize=1)
        print(len(pids), len(set(pids)) >= 4)
    pool = mp.Pool(2)
    slow = pool.map_async(time.sleep, [0.01] * 4)
    pool.close()
    pool.join()
    print('closed and joined:', slow.ready(), slow.successful())
    pool = mp.Pool(2)
    pending = pool.map_async(time.sleep, [0.5] * 8)
    pool.terminate()
    pool.join()
    print('terminated:', pending.ready())
    print('children left:', mp.active_children())
