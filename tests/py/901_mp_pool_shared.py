# topic: multiprocessing Pool map/starmap/apply_async/imap, Value and Array with lock, Manager list/dict/Namespace, all deterministic output
# compare: exact
# timeout: 90
import multiprocessing as mp

def cube(x):
    return x ** 3

def add(a, b):
    return a + b

def increment(counter, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1

def fill(arr, start):
    for i in range(start, len(arr), 2):
        arr[i] = i * i

def manage(shared_list, shared_dict, ns, n):
    shared_list.append(n)
    shared_dict[n] = n * 10
    with ns_lock_dummy():
        pass

class ns_lock_dummy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

def set_ns(ns):
    ns.status = 'done'
    ns.count = 42

if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(cube, range(8)))
        print(pool.starmap(add, [(1, 2), ('a', 'b'), ([1], [2])]))
        async_results = [pool.apply_async(cube, (i,)) for i in range(4)]
        print([r.get(timeout=30) for r in async_results])
        print(list(pool.imap(cube, [5, 6])), sorted(pool.imap_unordered(cube, [7, 8, 9])))
    counter = mp.Value('i', 0)
    procs = [mp.Process(target=increment, args=(counter, 500)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print('counter', counter.value)
    arr = mp.Array('i', 6)
    procs = [mp.Process(target=fill, args=(arr, s)) for s in (0, 1)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(list(arr), arr[:3], len(arr))
    d = mp.Value('d', 1.5)
    print(d.value, mp.Array('c', b'hi').value)
    with mp.Manager() as manager:
        shared_list = manager.list()
        shared_dict = manager.dict()
        ns = manager.Namespace()
        procs = [mp.Process(target=manage, args=(shared_list, shared_dict, ns, i)) for i in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        p = mp.Process(target=set_ns, args=(ns,))
        p.start()
        p.join()
        print(sorted(shared_list), dict(sorted(shared_dict.items())), ns.status, ns.count)
