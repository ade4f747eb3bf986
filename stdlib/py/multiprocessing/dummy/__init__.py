"""multiprocessing's API over threads."""

import threading
from queue import Queue

__all__ = ['Process', 'current_process', 'active_children', 'freeze_support', 'Lock', 'RLock',
           'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Queue', 'Pool',
           'JoinableQueue', 'Pipe']

from threading import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier


class DummyProcess(threading.Thread):
    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}):
        threading.Thread.__init__(self, group, target, name, args, kwargs)
        self._pid = None
        self._start_called = False

    def start(self):
        self._start_called = True
        threading.Thread.start(self)

    @property
    def exitcode(self):
        if self._start_called and not self.is_alive():
            return 0
        return None

    @property
    def pid(self):
        return self.ident


Process = DummyProcess
current_process = threading.current_thread


def active_children():
    return [t for t in threading.enumerate() if isinstance(t, DummyProcess)]


def freeze_support():
    pass


JoinableQueue = Queue


def Pool(processes=None, initializer=None, initargs=()):
    from ..pool import ThreadPool
    return ThreadPool(processes, initializer, initargs)


def Pipe(duplex=True):
    from ..connection import Pipe as _Pipe
    return _Pipe(duplex)
