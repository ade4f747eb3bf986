"""Pool: worker processes, each with its own task pipe and result pipe, driven by one dispatcher
thread of the parent that hands tasks to workers as they free up (two in flight per worker).

No lock is shared between workers, so a worker killed by a signal cannot leave the pool stuck:
its result pipe reaches EOF, the tasks it held fail with WorkerLostError, and a new worker takes
its place.
"""

import collections
import itertools
import os
import queue
import threading
import time

import _multiprocessing as _mp

from . import connection
from . import util
from . import context as _context
from .context import TimeoutError

__all__ = ['Pool', 'ThreadPool']

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

PREFETCH = 2  # tasks sent ahead to each worker

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


def worker(tasks, results, initializer=None, initargs=(), maxtasks=None, close_fds=()):
    """Runs in a worker process: tasks arrive on `tasks`, results leave on `results`."""
    for fd in close_fds:  # the parent's ends of every pipe (fork start method only)
        try:
            os.close(fd)
        except OSError:
            pass
    if (maxtasks is not None) and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            task = tasks.recv()
        except (EOFError, OSError):
            util.debug('worker got EOFError or OSError -- exiting')
            break
        if task is None:
            util.debug('worker got sentinel -- exiting')
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            result = (False, e)
        try:
            results.send((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            util.debug("Possible encoding error while sending result: %s" % (wrapped))
            results.send((job, i, (False, wrapped)))
        task = result = func = args = kwds = None
        completed += 1
    util.debug('worker exiting after %d tasks' % completed)


class _Worker(object):
    """The parent's view of one worker process."""

    def __init__(self, process, tasks, results):
        self.process = process
        self.tasks = tasks        # parent -> worker
        self.results = results    # worker -> parent
        self.outstanding = collections.deque()  # (job, i) sent, not yet answered
        self.sent = 0
        self.dead = False


class Pool(object):
    _wrap_exception = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._workers = []
        self._state = INIT
        self._ctx = context or _context._default_context.get_context()
        self._taskqueue = queue.SimpleQueue()
        self._cache = {}
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
        self._wakeup_r, self._wakeup_w = _mp.pipe()
        self._state = RUN
        try:
            self._repopulate_pool()
        except Exception:
            for w in self._workers:
                if w.process.exitcode is None:
                    w.process.terminate()
            for w in self._workers:
                w.process.join()
            raise
        self._dispatcher = threading.Thread(target=Pool._dispatch, args=(self,), daemon=True,
                                            name='PoolDispatcher')
        self._dispatcher.start()
        self._terminate = util.Finalize(self, Pool._terminate_pool, (self,), exitpriority=15)

    @property
    def _pool(self):
        return [w.process for w in self._workers]

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} state={self._state} '
                f'pool_size={len(self._workers)}>')

    # -- workers (all but _repopulate_pool at start run in the dispatcher thread) --
    def _parent_fds(self):
        fds = [self._wakeup_r, self._wakeup_w]
        for w in self._workers:
            if not w.dead:
                fds.append(w.tasks.fileno())
                fds.append(w.results.fileno())
        return fds

    def _start_worker(self):
        task_r, task_w = connection.Pipe(duplex=False)
        result_r, result_w = connection.Pipe(duplex=False)
        close_fds = ()
        if self._ctx.get_start_method() == 'fork':
            close_fds = tuple(self._parent_fds() + [task_w.fileno(), result_r.fileno()])
        p = self.Process(self._ctx, target=worker,
                         args=(task_r, result_w, self._initializer, self._initargs,
                               self._maxtasksperchild, close_fds))
        p.name = p.name.replace('Process', 'PoolWorker')
        p.daemon = True
        p.start()
        task_r.close()
        result_w.close()
        self._workers.append(_Worker(p, task_w, result_r))
        util.debug('added worker')

    def _repopulate_pool(self):
        while len(self._workers) < self._processes:
            self._start_worker()

    def _worker_lost(self, w):
        w.dead = True
        w.tasks.close()
        w.results.close()
        w.process.join(1)
        if w.process.exitcode is None:
            w.process.terminate()
            w.process.join()
        self._workers.remove(w)
        for job, i in w.outstanding:
            result = self._cache.get(job)
            if result is not None:
                err = WorkerLostError('worker process %d exited with code %s while running a '
                                      'task' % (w.process.pid, w.process.exitcode))
                result._set(i, (False, err))
        w.outstanding.clear()

    def _feed_worker(self, w, sources, depth, maxtasks):
        """Sends tasks to worker w until it has `depth` in flight (or its task budget is spent)."""
        pool = self
        while (sources and not w.dead and len(w.outstanding) < depth and
               (maxtasks is None or w.sent < maxtasks)):
            src = sources[0]
            try:
                task = next(src[0])
            except StopIteration:
                sources.popleft()
                if src[1]:
                    src[1](src[2])
                continue
            except Exception as e:
                sources.popleft()
                util.debug('task generator raised %r' % (e,))
                continue
            src[2] += 1
            try:
                w.tasks.send(task)
            except (OSError, EOFError):
                w.outstanding.append(task[:2])
                pool._worker_lost(w)
                return
            except Exception as e:  # the task does not pickle
                result = pool._cache.get(task[0])
                if result is not None:
                    result._set(task[1], (False, e))
                continue
            w.outstanding.append(task[:2])
            w.sent += 1

    @staticmethod
    def _dispatch(pool):
        sources = collections.deque()  # [iterator of tasks, set_length, count]
        closing = False
        while True:
            while True:
                try:
                    item = pool._taskqueue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    closing = True
                else:
                    sources.append([iter(item[0]), item[1], 0])
            if pool._state == TERMINATE:
                break
            # hand tasks to workers with room: first one to every idle worker, then the
            # prefetched second ones (so two long tasks go to two workers, not to one)
            maxtasks = pool._maxtasksperchild
            for depth in range(1, PREFETCH + 1):
                for w in list(pool._workers):
                    pool._feed_worker(w, sources, depth, maxtasks)
            busy = any(w.outstanding for w in pool._workers)
            if closing and not sources and not busy:
                break
            fds = [pool._wakeup_r] + [w.results.fileno() for w in pool._workers]
            ready = _mp.poll_many(fds, 0.2)
            for fd in ready:
                if fd == pool._wakeup_r:
                    os.read(pool._wakeup_r, 4096)
                    continue
                w = next((w for w in pool._workers if w.results.fileno() == fd), None)
                if w is None:
                    continue
                try:
                    job, i, obj = w.results.recv()
                except (EOFError, OSError):
                    pool._worker_lost(w)
                    continue
                if w.outstanding:
                    w.outstanding.popleft()
                result = pool._cache.get(job)
                if result is not None:
                    try:
                        result._set(i, obj)
                    except KeyError:
                        pass
                result = obj = None
            # workers that ended by themselves (maxtasksperchild) are replaced
            for w in list(pool._workers):
                if not w.outstanding and w.process.exitcode is not None:
                    pool._worker_lost(w)
            if pool._state == RUN or (sources or busy):
                if pool._state != TERMINATE:
                    pool._repopulate_pool()
        # closing or terminating: stop the workers
        for w in list(pool._workers):
            if pool._state == TERMINATE:
                if w.process.exitcode is None:
                    w.process.terminate()
            else:
                try:
                    w.tasks.send(None)
                except (OSError, EOFError):
                    pass
        for w in list(pool._workers):
            w.process.join()
            w.tasks.close()
            w.results.close()
        util.debug('dispatcher exiting')

    def _wake(self):
        try:
            os.write(self._wakeup_w, b'x')
        except OSError:
            pass

    def _submit(self, tasks, set_length):
        self._taskqueue.put((tasks, set_length))
        self._wake()

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
            self._submit(((result._job, i, func, (x,), {}) for i, x in enumerate(iterable)),
                         result._set_length)
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapIterator(self)
        self._submit(((result._job, i, mapstar, (x,), {}) for i, x in enumerate(task_batches)),
                     result._set_length)
        return (item for chunk in result for item in chunk)

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._submit(((result._job, i, func, (x,), {}) for i, x in enumerate(iterable)),
                         result._set_length)
            return result
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = IMapUnorderedIterator(self)
        self._submit(((result._job, i, mapstar, (x,), {}) for i, x in enumerate(task_batches)),
                     result._set_length)
        return (item for chunk in result for item in chunk)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit([(result._job, 0, func, args, kwds)], None)
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._workers) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._submit(((result._job, i, mapper, (x,), {}) for i, x in enumerate(task_batches)),
                     None)
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
            self._wake()

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
        self._dispatcher.join()

    @staticmethod
    def _terminate_pool(pool):
        util.debug('finalizing pool')
        pool._state = TERMINATE
        pool._wake()
        pool._dispatcher.join()
        for fd in (pool._wakeup_r, pool._wakeup_w):
            try:
                os.close(fd)
            except OSError:
                pass

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
    """Pool's API over threads (multiprocessing.pool.ThreadPool): worker threads take tasks
    from one queue and complete the results themselves."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        self._state = INIT
        self._cache = {}
        self._taskqueue = queue.SimpleQueue()
        self._inqueue = queue.SimpleQueue()
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._state = RUN
        self._threads = [threading.Thread(target=ThreadPool._work, args=(self,), daemon=True)
                         for _ in range(processes)]
        for t in self._threads:
            t.start()
        self._dispatcher = threading.Thread(target=ThreadPool._feed, args=(self,), daemon=True)
        self._dispatcher.start()
        self._terminate = util.Finalize(self, ThreadPool._terminate_pool, (self,),
                                        exitpriority=15)

    @property
    def _workers(self):
        return self._threads

    @property
    def _pool(self):
        return self._threads

    def _wake(self):
        pass

    def _submit(self, tasks, set_length):
        self._taskqueue.put((tasks, set_length))

    @staticmethod
    def _feed(pool):
        while True:
            item = pool._taskqueue.get()
            if item is None:
                break
            tasks, set_length = item
            n = 0
            for task in tasks:
                if pool._state == TERMINATE:
                    break
                pool._inqueue.put(task)
                n += 1
            if set_length:
                set_length(n)
        for _ in pool._threads:
            pool._inqueue.put(None)

    @staticmethod
    def _work(pool):
        if pool._initializer is not None:
            pool._initializer(*pool._initargs)
        while True:
            task = pool._inqueue.get()
            if task is None or pool._state == TERMINATE:
                return
            job, i, func, args, kwds = task
            try:
                obj = (True, func(*args, **kwds))
            except Exception as e:
                obj = (False, e)
            result = pool._cache.get(job)
            if result is not None:
                try:
                    result._set(i, obj)
                except KeyError:
                    pass

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        self._dispatcher.join()
        for t in self._threads:
            t.join()

    @staticmethod
    def _terminate_pool(pool):
        pool._state = TERMINATE
        pool._taskqueue.put(None)
