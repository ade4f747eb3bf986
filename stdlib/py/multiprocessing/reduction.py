"""Pickling helpers for multiprocessing (file descriptors travel by inheritance)."""

import io
import pickle

from . import context

# The native pickler (stdlib/pickle.cpp) when pickle has it: Connection.send and Queue.put call
# ForkingPickler.dumps for every object.
_native_dumps = pickle._native.dumps if getattr(pickle, "_native", None) is not None else None


class ForkingPickler(pickle.Pickler):
    @classmethod
    def dumps(cls, obj, protocol=None):
        if cls is ForkingPickler and _native_dumps is not None:
            return _native_dumps(obj, protocol)
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getvalue()

    loads = staticmethod(pickle.loads)


def dump(obj, file, protocol=None):
    ForkingPickler(file, protocol).dump(obj)


class DupFd(object):
    """A file descriptor that a spawned child inherits under the same number."""

    def __init__(self, fd):
        popen = context.get_spawning_popen()
        if popen is None:
            raise RuntimeError('file descriptors can only be shared with a child being '
                               'started')
        self.fd = popen.duplicate_for_child(fd)

    def detach(self):
        return self.fd
