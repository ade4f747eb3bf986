# topic: concurrent.futures.ProcessPoolExecutor: a worker that dies breaks the pool (BrokenProcessPool)
# compare: exact
# timeout: 60
import concurrent.futures as cf
import os
import signal
from concurrent.futures.process import BrokenProcessPool


def die(_):
    os.kill(os.getpid(), signal.SIGKILL)


def ok(x):
    return x


if __name__ == '__main__':
    ex = cf.ProcessPoolExecutor(max_workers=2)
    print(ex.submit(ok, 5).result())
    f = ex.submit(die, 1)
    try:
        f.result(timeout=30)
    except BrokenProcessPool as e:
        print('BrokenProcessPool:', e)
    print(isinstance(f.exception(), BrokenProcessPool), issubclass(BrokenProcessPool, RuntimeError))
    try:
        ex.submit(ok, 1)
    except BrokenProcessPool as e:
        print('submit after break:', e)
    ex.shutdown()
    print('shut down')
