# topic: multiprocessing.Manager proxies: list, dict, Namespace, Value, Queue, Lock, Event shared with child processes
# compare: exact
# timeout: 60
import multiprocessing as mp


def work(shared, mapping, ns, counter, q, lock, ev, n):
    with lock:
        shared.append(n)
        mapping[n] = n * n
        ns.total += n
        counter.value += 1
    q.put('done %d' % n)
    if n == 2:
        ev.set()


if __name__ == '__main__':
    with mp.Manager() as m:
        shared = m.list([0])
        mapping = m.dict(start=True)
        ns = m.Namespace()
        ns.total = 0
        ns.label = 'sum'
        counter = m.Value('i', 0)
        q = m.Queue()
        lock = m.Lock()
        ev = m.Event()
        ps = [mp.Process(target=work, args=(shared, mapping, ns, counter, q, lock, ev, n))
              for n in range(1, 4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(shared), len(shared), 3 in shared, shared[0])
        print(sorted(mapping.items(), key=str), mapping.get(2), len(mapping), 'start' in mapping)
        print(ns.total, ns.label, ns)
        print(counter.value, ev.is_set())
        print(sorted(q.get() for _ in range(3)), q.empty())
        shared.extend([7, 8])
        shared.sort(reverse=True)
        print(shared, shared.pop(), shared.index(7), shared.count(7))
        print(str(shared) == str(list(shared)), [x for x in shared])
        mapping.update({'x': 1})
        print(mapping.pop('x'), mapping.setdefault('y', 5), sorted(k for k in mapping.keys() if isinstance(k, str)))
        try:
            shared[99]
        except IndexError as e:
            print('IndexError:', e)
        try:
            mapping['missing']
        except KeyError as e:
            print('KeyError:', e)
        try:
            ns.nothing
        except AttributeError as e:
            print('AttributeError:', e)
        print(type(shared).__name__, type(mapping).__name__, type(ns).__name__)
