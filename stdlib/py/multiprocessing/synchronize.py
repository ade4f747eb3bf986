"""Locks, semaphores, conditions, events and barriers that work across processes, built on
named POSIX semaphores (_multiprocessing.SemLock)."""

import sys
import threading
import time

import _multiprocessing as _mp

from . import context
from . import process
from . import util

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier']

RECURSIVE_MUTEX, SEMAPHORE = 0, 1
SEM_VALUE_MAX = _mp.SEM_VALUE_MAX


class SemLock(object):
    def __init__(self, kind, value, maxvalue, *, ctx):
        if ctx is None:
            ctx = context._default_context.get_context()
        unlink_now = ctx.get_start_method() == 'fork'
        name = util.unique_name('mp')
        self._semlock = _mp.SemLock(kind, value, maxvalue, name, unlink_now)
        self._make_methods()
        util.register_after_fork(self, SemLock._after_fork)
        if not unlink_now:
            util.Finalize(self, _cleanup_name, (name,), exitpriority=-10)

    @staticmethod
    def _after_fork(obj):
        obj._semlock._after_fork()

    def _make_methods(self):
        self.acquire = self._semlock.acquire
        self.release = self._semlock.release

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __getstate__(self):
        context.assert_spawning(self)
        sl = self._semlock
        return (sl.name, sl.kind, sl.maxvalue)

    def __setstate__(self, state):
        self._semlock = _mp.SemLock._rebuild(*state)
        self._make_methods()
        util.register_after_fork(self, SemLock._after_fork)


def _cleanup_name(name):
    try:
        _mp.sem_unlink(name)
    except OSError:
        pass


class Semaphore(SemLock):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (self.__class__.__name__, value)


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % (self.__class__.__name__, value,
                                                self._semlock.maxvalue)


class Lock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = process.current_process().name
                if threading.current_thread().name != 'MainThread':
                    name += '|' + threading.current_thread().name
            elif self._semlock._get_value() == 1:
                name = 'None'
            elif self._semlock._count() > 0:
                name = 'SomeOtherThread'
            else:
                name = 'SomeOtherProcess'
        except Exception:
            name = 'unknown'
        return '<%s(owner=%s)>' % (self.__class__.__name__, name)


class RLock(SemLock):
    def __init__(self, *, ctx=None):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            if self._semlock._is_mine():
                name = process.current_process().name
                if threading.current_thread().name != 'MainThread':
                    name += '|' + threading.current_thread().name
                count = self._semlock._count()
            elif self._semlock._get_value() == 1:
                name, count = 'None', 0
            elif self._semlock._count() > 0:
                name, count = 'SomeOtherThread', 'nonzero'
            else:
                name, count = 'SomeOtherProcess', 'nonzero'
        except Exception:
            name, count = 'unknown', 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, name, count)


class Condition(object):
    """A condition variable over semaphores: sleepers count themselves in, notify wakes that many
    and waits until they have woken."""

    def __init__(self, lock=None, *, ctx=None):
        if ctx is None:
            ctx = context._default_context.get_context()
        self._lock = lock or ctx.RLock()
        self._sleeping_count = ctx.Semaphore(0)
        self._woken_count = ctx.Semaphore(0)
        self._wait_semaphore = ctx.Semaphore(0)
        self._make_methods()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore)

    def __setstate__(self, state):
        (self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore) = state
        self._make_methods()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _make_methods(self):
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __repr__(self):
        try:
            num_waiters = (self._sleeping_count._semlock._get_value() -
                           self._woken_count._semlock._get_value())
        except Exception:
            num_waiters = 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, self._lock, num_waiters)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), 'must acquire() condition before using wait()'
        self._sleeping_count.release()
        count = self._lock._semlock._count()
        for i in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for i in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), 'lock is not owned'
        assert not self._wait_semaphore.acquire(False)
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, ('notify: Bug in sleeping_count.acquire - res should not be False')
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event(object):
    def __init__(self, *, ctx=None):
        if ctx is None:
            ctx = context._default_context.get_context()
        self._cond = ctx.Condition(ctx.Lock())
        self._flag = ctx.Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __repr__(self):
        set_status = 'set' if self.is_set() else 'unset'
        return "<%s at %#x %s>" % (type(self).__qualname__, id(self), set_status)


class Barrier(object):
    """threading.Barrier across processes: the count, generation and broken flag live in shared
    memory, guarded by a Condition."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        if ctx is None:
            ctx = context._default_context.get_context()
        if parties < 1:
            raise ValueError("parties must be > 0")
        from .sharedctypes import RawArray
        self._cond = ctx.Condition()
        self._state = RawArray('i', 3, ctx=ctx)  # waiting count, generation, broken
        self._parties = parties
        self._action = action
        self._timeout = timeout

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._cond, self._state, self._parties, self._action, self._timeout)

    def __setstate__(self, state):
        (self._cond, self._state, self._parties, self._action, self._timeout) = state

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._state[2]:
                raise threading.BrokenBarrierError
            generation = self._state[1]
            index = self._state[0]
            self._state[0] = index + 1
            if index + 1 == self._parties:
                try:
                    if self._action:
                        self._action()
                except BaseException:
                    self._break()
                    raise
                self._state[0] = 0
                self._state[1] = generation + 1
                self._cond.notify_all()
                return index
            ok = self._cond.wait_for(
                lambda: self._state[1] != generation or self._state[2], timeout)
            if self._state[2] or not ok:
                if not self._state[2]:
                    self._break()
                raise threading.BrokenBarrierError
            return index

    def _break(self):
        self._state[2] = 1
        self._state[0] = 0
        self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def reset(self):
        with self._cond:
            if self._state[0]:
                self._state[2] = 1
                self._cond.notify_all()
            self._state[0] = 0
            self._state[2] = 0
            self._state[1] = self._state[1] + 1

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._state[0]

    @property
    def broken(self):
        return bool(self._state[2])
