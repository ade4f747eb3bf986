# gilpy's intended difference from CPython (whose Pool hangs here): a Pool worker killed by a
# signal while it runs a task is replaced; the task's result raises WorkerLostError instead of
# never arriving, and the pool goes on. Run by ctest under gilpy alone; exits 0 when it holds.
import multiprocessing as mp
import os
import signal
import sys


def suicide(x):
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x


def square(x):
    return x * x


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        r = pool.apply_async(suicide, (3,))
        try:
            r.get(timeout=30)
            sys.exit('the killed task returned a value')
        except mp.TimeoutError:
            sys.exit('the pool hung on the killed task')
        except Exception as e:
            assert type(e).__name__ == 'WorkerLostError', repr(e)
        assert pool.map(square, range(10)) == [x * x for x in range(10)]
        assert len(pool._pool) == 2
        try:
            results = pool.map(suicide, range(6), chunksize=1)
            sys.exit('map with a killed worker returned %r' % (results,))
        except Exception as e:
            assert type(e).__name__ == 'WorkerLostError', repr(e)
        assert pool.apply(square, (9,)) == 81
    assert mp.active_children() == []
    print('ok')
