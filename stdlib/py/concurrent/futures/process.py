"""ProcessPoolExecutor: submitted calls run in worker processes (real parallelism).

Worker processes take (id, fn, args, kwargs) from a call queue and send (id, ok, value) back; a
thread of the parent completes the futures. When a worker dies, every pending future fails with
BrokenProcessPool and the executor refuses new work, as CPython's does.
"""

import itertools
import os
import queue
import threading

import multiprocessing as mp

from . import _base


class BrokenProcessPool(_base.BrokenExecutor):
    pass


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def _process_worker(call_queue, result_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base.LOGGER.critical('Exception in initializer:', exc_info=True)
            return
    pid = os.getpid()
    while True:
        item = call_queue.get()
        if item is None:
            result_queue.put(('exit', pid))
            return
        work_id, fn, args, kwargs = item
        try:
            r = fn(*args, **kwargs)
        except BaseException as e:
            result_queue.put(('done', work_id, False, e))
        else:
            try:
                result_queue.put(('done', work_id, True, r))
            except Exception as e:
                result_queue.put(('done', work_id, False, e))


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._mp_context = mp_context or mp.get_context()
        self._initializer = initializer
        self._initargs = initargs
        self._call_queue = self._mp_context.SimpleQueue()
        self._result_queue = self._mp_context.SimpleQueue()
        self._pending = {}
        self._work_ids = itertools.count()
        self._lock = threading.Lock()
        self._shutdown_thread = False
        self._broken = False
        self._processes = {}
        self._thread = None

    def _start_workers(self):
        while len(self._processes) < self._max_workers:
            p = self._mp_context.Process(
                target=_process_worker,
                args=(self._call_queue, self._result_queue, self._initializer,
                      self._initargs))
            p.start()
            self._processes[p.pid] = p
        if self._thread is None:
            self._thread = threading.Thread(target=self._manage, daemon=True,
                                            name='ExecutorManagerThread')
            self._thread.start()

    def _manage(self):
        """Completes futures from worker results; notices dead workers."""
        reader = self._result_queue._reader
        while True:
            if reader.poll(0.05):
                try:
                    msg = self._result_queue.get()
                except (EOFError, OSError):
                    msg = None
                if msg is None:
                    return
                if msg[0] == 'exit':
                    p = self._processes.pop(msg[1], None)
                    if p is not None:
                        p.join()
                    if not self._processes:
                        return
                    continue
                _, work_id, ok, value = msg
                with self._lock:
                    f = self._pending.pop(work_id, None)
                if f is not None and not f.done():
                    if ok:
                        f.set_result(value)
                    else:
                        f.set_exception(value)
                continue
            if reader.poll(0):
                continue  # a result or exit notice arrived meanwhile: read it first
            for pid, p in list(self._processes.items()):
                if p.exitcode is None:
                    continue
                if p.exitcode == 0 and self._shutdown_thread:
                    del self._processes[pid]  # exited after its exit notice
                    continue
                self._mark_broken()
                return
            if not self._processes and self._shutdown_thread:
                return

    def _mark_broken(self):
        with self._lock:
            self._broken = ('A child process terminated abruptly, the process pool is not '
                            'usable anymore')
            pending = list(self._pending.values())
            self._pending.clear()
        for f in pending:
            if not f.done():
                try:
                    f.set_exception(BrokenProcessPool(
                        'A process in the process pool was terminated abruptly while the '
                        'future was running or pending.'))
                except _base.InvalidStateError:
                    pass
        for p in self._processes.values():
            if p.exitcode is None:
                p.terminate()
        for p in self._processes.values():
            p.join()
        self._processes.clear()

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = _base.Future()
            work_id = next(self._work_ids)
            self._pending[work_id] = f
        if not self._processes:
            self._start_workers()
        f.set_running_or_notify_cancel()
        self._call_queue.put((work_id, fn, args, kwargs))
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown_thread = True
            if cancel_futures:
                for f in self._pending.values():
                    f.cancel()
        if self._processes:
            for _ in range(len(self._processes)):
                try:
                    self._call_queue.put(None)
                except OSError:
                    break
        if wait and self._thread is not None:
            self._thread.join()
            for p in list(self._processes.values()):
                p.join()
        self._thread = None


def _map(self, fn, *iterables, timeout=None, chunksize=1):
    import time
    if chunksize < 1:
        raise ValueError("chunksize must be >= 1.")
    if timeout is not None:
        end_time = timeout + time.monotonic()
    it = zip(*iterables)
    fs = []
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            break
        fs.append(self.submit(_process_chunk, fn, chunk))

    def result_iterator():
        try:
            fs.reverse()
            while fs:
                if timeout is None:
                    yield from _base._result_or_cancel(fs.pop())
                else:
                    yield from _base._result_or_cancel(fs.pop(), end_time - time.monotonic())
        finally:
            for future in fs:
                future.cancel()
    return result_iterator()


ProcessPoolExecutor.map = _map
