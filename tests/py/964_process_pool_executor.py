# topic: concurrent.futures.ProcessPoolExecutor and ThreadPoolExecutor: submit, map (chunksize, timeout), as_completed, wait, exceptions, initializer, shutdown
# compare: exact
# timeout: 60
import concurrent.futures as cf
import os
import time

_state = {}


def init(tag):
    _state['tag'] = tag


def tagged(x):
    return '%s-%d' % (_state.get('tag'), x)


def cube(x):
    return x ** 3


def slow(x):
    time.sleep(x)
    return x


def explode(x):
    raise KeyError('bad %d' % x)


def pid(_):
    return os.getpid()


if __name__ == '__main__':
    with cf.ProcessPoolExecutor(max_workers=2, initializer=init, initargs=('w',)) as ex:
        f = ex.submit(cube, 3)
        print(f.result(), f.done(), f.exception())
        print(list(ex.map(cube, range(8), chunksize=3)))
        print(list(ex.map(tagged, range(3))))
        futs = [ex.submit(slow, d) for d in (0.3, 0.01, 0.1)]
        print([fu.result() for fu in cf.as_completed(futs)])
        done, not_done = cf.wait([ex.submit(slow, 0.01), ex.submit(slow, 2)],
                                 return_when=cf.FIRST_COMPLETED)
        print(len(done), len(not_done))
        bad = ex.submit(explode, 5)
        try:
            bad.result()
        except KeyError as e:
            print('KeyError re-raised:', e)
        print(type(bad.exception()).__name__)
        try:
            list(ex.map(explode, [1]))
        except KeyError as e:
            print('map raised', repr(e))
        print(len(set(ex.map(pid, range(20)))) <= 2)
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print('RuntimeError:', e)
    with cf.ThreadPoolExecutor(max_workers=3, thread_name_prefix='tp') as tex:
        print(list(tex.map(cube, [1, 2, 3])))
        fu = tex.submit(slow, 0.05)
        fu.add_done_callback(lambda f: print('callback sees', f.result()))
        print('result', fu.result())
        try:
            list(tex.map(slow, [1.0], timeout=0.05))
        except cf.TimeoutError:
            print('map timed out')
    f = cf.Future()
    print(f.cancel(), f.cancelled(), f.done())
