# topic: concurrent.futures: ThreadPoolExecutor and ProcessPoolExecutor map/submit/as_completed/wait, Future result/exception/done, exceptions propagated, shutdown
# compare: exact
# timeout: 90
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor, as_completed, wait, ALL_COMPLETED
import threading

def slow_square(x):
    return x * x

def maybe_fail(x):
    if x == 3:
        raise ValueError(f'cannot handle {x}')
    return x * 10

if __name__ == '__main__':
    with ThreadPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(slow_square, range(6))))
        futures = {ex.submit(maybe_fail, i): i for i in range(5)}
        outcomes = []
        for fut in as_completed(futures):
            i = futures[fut]
            if fut.exception() is not None:
                outcomes.append((i, 'error', str(fut.exception())))
            else:
                outcomes.append((i, 'ok', fut.result()))
        print(sorted(outcomes))
        f = ex.submit(pow, 2, 10)
        print(f.result(timeout=10), f.done(), f.cancelled(), f.exception())
        names = list(ex.map(lambda _: threading.current_thread().name.startswith('ThreadPoolExecutor'), range(3)))
        print(names)
    try:
        ex.submit(print, 'after shutdown')
    except RuntimeError as e:
        print('RuntimeError:', e)
    with ProcessPoolExecutor(max_workers=2) as pex:
        print(list(pex.map(slow_square, [1, 2, 3, 4])))
        futs = [pex.submit(maybe_fail, i) for i in (1, 2, 3)]
        done, not_done = wait(futs, timeout=60, return_when=ALL_COMPLETED)
        print(len(done), len(not_done))
        for fut in futs:
            try:
                print('result', fut.result())
            except ValueError as e:
                print('ValueError from process:', e)
        try:
            list(pex.map(maybe_fail, [1, 3]))
        except ValueError as e:
            print('map raised:', e)
    with ThreadPoolExecutor(2) as ex:
        results = list(ex.map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30]))
    print(results)
