"""Pickling helpers for multiprocessing (file descriptors travel by inheritance)."""

import io
import pickle

from . import context


class ForkingPickler(pickle.Pickler):
    @classmethod
    def dumps(cls, obj, protocol=None):
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
