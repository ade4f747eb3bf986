"""Connections: message pipes between processes (length-prefixed pickles over a file
descriptor), Pipe(), and Unix-socket Listener/Client for managers."""

import os
import tempfile
import itertools

import _multiprocessing as _mp

from . import reduction
from . import util
from .context import BufferTooShort, AuthenticationError

__all__ = ['Client', 'Listener', 'Pipe', 'wait', 'Connection']

_header_size = 4


class Connection(object):
    _fd = None

    def __init__(self, handle, readable=True, writable=True):
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._fd = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = None

    def _check_closed(self):
        if self._fd is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._fd is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._fd

    def close(self):
        if self._fd is not None:
            try:
                os.close(self._fd)
            finally:
                self._fd = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def _send(self, buf):
        _mp.write_all(self._fd, buf)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = bytes(buf)
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        data = m[offset:offset + size]
        self._send(len(data).to_bytes(_header_size, 'big') + data)

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        data = reduction.ForkingPickler.dumps(obj)
        self._send(len(data).to_bytes(_header_size, 'big') + data)

    def _recv_message(self, maxlength=None):
        header = _mp.read_exact(self._fd, _header_size)
        if not header:
            raise EOFError
        size = int.from_bytes(header, 'big')
        if maxlength is not None and size > maxlength:
            raise OSError("bad message length")
        if size == 0:
            return b''
        data = _mp.read_exact(self._fd, size)
        if len(data) != size:
            raise EOFError
        return data

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        return self._recv_message(maxlength)

    def recv_bytes_into(self, buf, offset=0):
        self._check_closed()
        self._check_readable()
        data = self._recv_message()
        if offset < 0 or offset > len(buf):
            raise ValueError("offset out of bounds")
        if len(data) + offset > len(buf):
            raise BufferTooShort(data)
        buf[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        self._check_closed()
        self._check_readable()
        return reduction.ForkingPickler.loads(self._recv_message())

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return _mp.poll(self._fd, timeout)

    def __reduce__(self):
        fd = reduction.DupFd(self._fd).detach()
        return (rebuild_connection, (fd, self._readable, self._writable))


def rebuild_connection(fd, readable, writable):
    return Connection(fd, readable, writable)


def Pipe(duplex=True):
    """Returns a pair (conn1, conn2) of Connection objects connected by a pipe."""
    if duplex:
        fd1, fd2 = _mp.socketpair()
        return Connection(fd1), Connection(fd2)
    r, w = _mp.pipe()
    return Connection(r, writable=False), Connection(w, readable=False)


_address_counter = itertools.count()


def arbitrary_address(family='AF_UNIX'):
    return os.path.join(tempfile.gettempdir(),
                        'gilpy-mp-%d-%d-%s' % (os.getpid(), next(_address_counter),
                                               os.urandom(4).hex()))


class Listener(object):
    """A Unix socket that accepts Connections (used by managers)."""

    def __init__(self, address=None, family=None, backlog=128, authkey=None):
        self._address = address or arbitrary_address()
        self._fd = _mp.listen(self._address, backlog)
        self._unlink = util.Finalize(self, _unlink_address, (self._address,), exitpriority=0)

    def accept(self):
        if self._fd is None:
            raise OSError('listener is closed')
        return Connection(_mp.accept(self._fd))

    def close(self):
        fd = self._fd
        if fd is not None:
            self._fd = None
            os.close(fd)
            self._unlink()

    @property
    def address(self):
        return self._address

    @property
    def last_accepted(self):
        return None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def _unlink_address(address):
    try:
        os.unlink(address)
    except OSError:
        pass


def Client(address, family=None, authkey=None):
    return Connection(_mp.connect(address))


def wait(object_list, timeout=None):
    """The objects of object_list (connections or fds) that are ready to read."""
    import time
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        ready = []
        for o in object_list:
            fd = o if isinstance(o, int) else o.fileno()
            if _mp.poll(fd, 0):
                ready.append(o)
        if ready:
            return ready
        if deadline is not None and time.monotonic() >= deadline:
            return []
        first = object_list[0] if object_list else None
        if first is None:
            time.sleep(0.01 if timeout is None else min(0.01, timeout))
            continue
        fd = first if isinstance(first, int) else first.fileno()
        _mp.poll(fd, 0.005)
