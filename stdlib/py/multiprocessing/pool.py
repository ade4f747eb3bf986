"""Pool: worker processes fed through a task queue, results collected by a thread of the parent.

Each worker announces the task it starts, so when a worker dies (killed by a signal, say) the
task it was running fails with an error instead of hanging the pool, and a new worker replaces
it.
"""

import collections
import itertools
import os
import queue
import threading
import time

from . import util
from . import context as _context
from .context import TimeoutError

__all__ = ['Pool', 'ThreadPool']

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


class WorkerLostError(Exception):
    pass


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None):
    if (maxtasks is not None) and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    put = outqueue.put
    get = inqueue.get
    if initializer is not None:
        initializer(*initargs)
    pid = os.getpid()
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            task = get()
        except (EOFError, OSError):
            util.debug('worker got EOFError or OSError -- exiting')
            break
        if task is None:
            util.debug('worker got sentinel -- exiting')
            break
        job, i, func, args, kwds = task
        put(('start', pid, job, i))
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            put(('done', pid, job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            util.debug("Possible encoding error while sending result: %s" % (wrapped))
            put(('done', pid, job, i, (False, wrapped)))
        task = job = result = func = args = kwds = None
        completed += 1
    util.debug('worker exiting after %d tasks' % completed)


class Pool(object):
    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context or _context._default_context.get_context()
        self._setup_queues()
        self._taskqueue = queue.SimpleQueue()
        self._change_notifier = None
        self._cache = {}
        self._busy = {}  # worker pid -> (job, i) it runs
        self._lock = threading.Lock()
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._state = RUN
        try:
            self._repopulate_pool()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise

        self._worker_handler = threading.Thread(target=Pool._handle_workers, args=(self,),
                                                daemon=True, name='PoolWorkerHandler')
        self._worker_handler.start()
        self._task_handler = threading.Thread(target=Pool._handle_tasks, args=(self,),
                                              daemon=True, name='PoolTaskHandler')
        self._task_handler.start()
        self._result_handler = threading.Thread(target=Pool._handle_results, args=(self,),
                                                daemon=True, name='PoolResultHandler')
        self._result_handler.start()
        self._terminate = util.Finalize(self, Pool._terminate_pool, (self,), exitpriority=15)

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} state={self._state} '
                f'pool_size={len(self._pool)}>')

    # -- workers --
    def _repopulate_pool(self):
        for i in range(self._processes - len(self._pool)):
            w = self.Process(self._ctx, target=worker,
                             args=(self._inqueue, self._outqueue, self._initializer,
                                   self._initargs, self._maxtasksperchild))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)
            util.debug('added worker')

    def _reap_workers(self):
        """Joins exited workers; fails the task a dead worker was running. True if any exited."""
        cleaned = False
        for i in reversed(range(len(self._pool))):
            w = self._pool[i]
            if w.exitcode is not None:
                w.join()
                cleaned = True
                del self._pool[i]
                with self._lock:
                    running = self._busy.pop(w.pid, None)
                if running is not None:
                    job, index = running
                    result = self._cache.get(job)
                    if result is not None:
                        err = WorkerLostError(
                            'worker process %d exited with code %s while running a task'
                            % (w.pid, w.exitcode))
                        result._set(index, (False, err))
        return cleaned

    @staticmethod
    def _handle_workers(pool):
        while pool._state == RUN or (pool._cache and pool._state != TERMINATE):
            if pool._reap_workers() and pool._state == RUN:
                pool._repopulate_pool()
            time.sleep(0.05)
        util.debug('worker handler exiting')

    @staticmethod
    def _handle_tasks(pool):
        taskqueue = pool._taskqueue
        put = pool._inqueue.put
        while True:
            item = taskqueue.get()
            if item is None:
                break
            tasks, set_length = item
            n = -1
            try:
                for n, task in enumerate(tasks):
                    if pool._state == TERMINATE:
                        break
                    try:
                        put(task)
                    except Exception as e:
                        job, idx = task[:2]
                        result = pool._cache.get(job)
                        if result is not None:
                            result._set(idx, (False, e))
                else:
                    if set_length:
                        set_length(n + 1)
                    continue
                break
            except Exception as ex:
                job, idx = task[:2] if task else (0, 0)
                if job in pool._cache:
                    pool._cache[job]._set(idx + 1, (False, ex))
                if set_length:
                    set_length(idx + 1)
        if pool._state != TERMINATE:
            for p in pool._pool:
                try:
                    put(None)
                except OSError:
                    break
        util.debug('task handler exiting')

    @staticmethod
    def _handle_results(pool):
        get = pool._outqueue.get
        while True:
            try:
                msg = get()
            except (OSError, EOFError):
                return
            if msg is None:
                break
            kind = msg[0]
            if kind == 'start':
                with pool._lock:
                    pool._busy[msg[1]] = (msg[2], msg[3])
                continue
            _, pid, job, i, obj = msg
            with pool._lock:
                if pool._busy.get(pid) == (job, i):
                    del pool._busy[pid]
            result = pool._cache.get(job)
            if result is not None:
                try:
                    result._set(i, obj)
                except KeyError:
                    pass
            msg = obj = result = None
        util.debug('result handler exiting')

    # -- public API --
    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            self._taskqueue.put(
                (((result._job, i, func, (x,), {}) for i, x in enumerate(iterable)),
                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapIterator(self)
        self._taskqueue.put(
            (((result._job, i, mapstar, (x,), {}) for i, x in enumerate(task_batches)),
             result._set_length))
        return (item for chunk in result for item in chunk)

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._taskqueue.put(
                (((result._job, i, func, (x,), {}) for i, x in enumerate(iterable)),
                 result._set_length))
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapUnorderedIterator(self)
        self._taskqueue.put(
            (((result._job, i, mapstar, (x,), {}) for i, x in enumerate(task_batches)),
             result._set_length))
        return (item for chunk in result for item in chunk)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._taskqueue.put(
            (((result._job, i, mapper, (x,), {}) for i, x in enumerate(task_batches)), None))
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')

    def close(self):
        util.debug('closing pool')
        if self._state == RUN:
            self._state = CLOSE
            self._taskqueue.put(None)

    def terminate(self):
        util.debug('terminating pool')
        self._state = TERMINATE
        self._terminate()

    def join(self):
        util.debug('joining pool')
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        for p in list(self._pool):
            p.join()
        self._outqueue.put(None)
        self._result_handler.join()

    @staticmethod
    def _terminate_pool(pool):
        util.debug('finalizing pool')
        pool._state = TERMINATE
        pool._taskqueue.put(None)
        for p in pool._pool:
            if p.exitcode is None:
                p.terminate()
        # A task handler blocked writing to a full inqueue: drain the pipe so that it moves on.
        deadline = time.monotonic() + 5
        while pool._task_handler.is_alive() and time.monotonic() < deadline:
            while pool._inqueue._reader.poll(0):
                try:
                    pool._inqueue._reader.recv_bytes()
                except (EOFError, OSError):
                    break
            pool._task_handler.join(0.01)
        pool._worker_handler.join(1)
        for p in pool._pool:
            p.join()
        try:
            pool._outqueue.put(None)
        except OSError:
            pass
        pool._result_handler.join(1)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()


class ApplyResult(object):
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        self._cache.pop(self._job, None)
        self._pool = None


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                self._cache.pop(self._job, None)
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                self._success = False
                self._value = result
                if self._error_callback:
                    self._error_callback(self._value)
                self._cache.pop(self._job, None)
                self._event.set()
                self._pool = None


class IMapIterator(object):
    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                self._cache.pop(self._job, None)
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                self._cache.pop(self._job, None)
                self._pool = None


class IMapUnorderedIterator(IMapIterator):
    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                self._cache.pop(self._job, None)
                self._pool = None


class ThreadPool(Pool):
    """Pool's API over threads (multiprocessing.pool.ThreadPool)."""

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()

    def _reap_workers(self):
        cleaned = False
        for i in reversed(range(len(self._pool))):
            w = self._pool[i]
            if not w.is_alive():
                w.join()
                cleaned = True
                del self._pool[i]
        return cleaned

    @staticmethod
    def _terminate_pool(pool):
        pool._state = TERMINATE
        pool._taskqueue.put(None)
        for p in pool._pool:
            pool._inqueue.put(None)
        pool._outqueue.put(None)
