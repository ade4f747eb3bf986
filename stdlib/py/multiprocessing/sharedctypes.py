"""Value and Array in shared memory (typecodes as the array module's: 'i', 'd', 'c', ...)."""

import _multiprocessing as _mp

from . import context
from . import util

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

_SIZES = {'b': 1, 'B': 1, 'c': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'f': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'd': 8, 'u': 4}
_CTYPE_NAMES = {'b': 'c_byte', 'B': 'c_ubyte', 'c': 'c_char', '?': 'c_bool', 'h': 'c_short',
                'H': 'c_ushort', 'i': 'c_int', 'I': 'c_uint', 'f': 'c_float', 'l': 'c_long',
                'L': 'c_ulong', 'q': 'c_longlong', 'Q': 'c_ulonglong', 'd': 'c_double'}
_BY_CTYPE_NAME = {v: k for k, v in _CTYPE_NAMES.items()}
_BY_CTYPE_NAME.update({'c_int32': 'i', 'c_int64': 'q', 'c_uint32': 'I', 'c_uint64': 'Q',
                       'c_int8': 'b', 'c_uint8': 'B', 'c_int16': 'h', 'c_uint16': 'H',
                       'c_size_t': 'L', 'c_ssize_t': 'l'})


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type in _SIZES and typecode_or_type != 'u':
            return typecode_or_type
        if typecode_or_type in _BY_CTYPE_NAME:
            return _BY_CTYPE_NAME[typecode_or_type]
        raise TypeError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
    code = getattr(typecode_or_type, '_type_', None)
    if code in _SIZES:
        return code
    name = getattr(typecode_or_type, '__name__', None)
    if name in _BY_CTYPE_NAME:
        return _BY_CTYPE_NAME[name]
    raise TypeError('unsupported type for shared memory: %r' % (typecode_or_type,))


def _zero(code):
    if code == 'c':
        return b'\x00'
    if code in 'fd':
        return 0.0
    if code == '?':
        return False
    return 0


class _Block(object):
    """A shared memory block. Under fork its name is unlinked at once (children inherit the
    mapping); under spawn it is kept until the creating process exits, for children to open."""

    def __init__(self, size, ctx, name=None):
        if name is None:
            if ctx is None:
                ctx = context._default_context.get_context()
            name = util.unique_name('mpshm')
            self.shm = _mp.SharedMemory(name, size, True)
            if ctx.get_start_method() == 'fork':
                self.shm.unlink()
            else:
                util.Finalize(self, _unlink_shm, (self.shm,), exitpriority=-10)
        else:
            self.shm = _mp.SharedMemory(name, size, False)

    def __reduce__(self):
        context.assert_spawning(self)
        return (_rebuild_block, (self.shm.name, self.shm.size))


def _unlink_shm(shm):
    try:
        shm.unlink()
    except OSError:
        pass


def _rebuild_block(name, size):
    return _Block(size, None, name=name)


class _RawValue(object):
    def __init__(self, code, block):
        self._code = code
        self._block = block
        self._shm = block.shm

    @property
    def value(self):
        return self._shm.get(self._code, 0)

    @value.setter
    def value(self, v):
        self._shm.set(self._code, 0, v)

    def __reduce__(self):
        return (_RawValue, (self._code, self._block))

    def __repr__(self):
        return '%s(%r)' % (_CTYPE_NAMES.get(self._code, self._code), self.value)


class _RawArray(object):
    def __init__(self, code, length, block):
        self._code = code
        self._length = length
        self._block = block
        self._shm = block.shm

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError('invalid index')
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._shm.get(self._code, k) for k in range(*i.indices(self._length))]
        return self._shm.get(self._code, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            indices = range(*i.indices(self._length))
            values = list(v)
            if len(values) != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for k, x in zip(indices, values):
                self._shm.set(self._code, k, x)
            return
        self._shm.set(self._code, self._index(i), v)

    def __iter__(self):
        for k in range(self._length):
            yield self._shm.get(self._code, k)

    @property
    def value(self):
        if self._code != 'c':
            raise AttributeError("value")
        data = b''.join(self[:])
        return data.split(b'\x00', 1)[0]

    @value.setter
    def value(self, v):
        if self._code != 'c':
            raise AttributeError("value")
        if len(v) > self._length:
            raise ValueError("byte string too long")
        for k in range(len(v)):
            self._shm.set('c', k, v[k:k + 1])
        if len(v) < self._length:
            self._shm.set('c', len(v), b'\x00')

    @property
    def raw(self):
        return b''.join(self[:])

    def __reduce__(self):
        return (_RawArray, (self._code, self._length, self._block))

    def __repr__(self):
        return '<%s_Array_%d object at %#x>' % (_CTYPE_NAMES.get(self._code, self._code),
                                               self._length, id(self))


def RawValue(typecode_or_type, *args, ctx=None):
    code = _typecode(typecode_or_type)
    obj = _RawValue(code, _Block(_SIZES[code], ctx))
    obj.value = args[0] if args else _zero(code)
    return obj


def RawArray(typecode_or_type, size_or_initializer, *, ctx=None):
    code = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        length = size_or_initializer
        init = None
    elif code == 'c' and isinstance(size_or_initializer, (bytes, bytearray)):
        data = bytes(size_or_initializer)
        init = [data[k:k + 1] for k in range(len(data))]
        length = len(init)
    else:
        init = list(size_or_initializer)
        length = len(init)
    obj = _RawArray(code, length, _Block(_SIZES[code] * max(length, 1), ctx))
    if init is not None:
        for k, v in enumerate(init):
            obj[k] = v
    return obj


def _make_lock(lock, ctx):
    if lock is None or lock is True:
        if ctx is None:
            ctx = context._default_context.get_context()
        return ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    obj = RawValue(typecode_or_type, *args, ctx=ctx)
    if lock is False:
        return obj
    return Synchronized(obj, _make_lock(lock, ctx))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    obj = RawArray(typecode_or_type, size_or_initializer, ctx=ctx)
    if lock is False:
        return obj
    lock = _make_lock(lock, ctx)
    if obj._code == 'c':
        return SynchronizedString(obj, lock)
    return SynchronizedArray(obj, lock)


def synchronized(obj, lock=None, ctx=None):
    lock = _make_lock(lock, ctx)
    if isinstance(obj, _RawArray):
        return SynchronizedArray(obj, lock)
    return Synchronized(obj, lock)


def copy(obj):
    if isinstance(obj, _RawArray):
        return RawArray(obj._code, obj[:])
    return RawValue(obj._code, obj.value)


class SynchronizedBase(object):
    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock if lock is not None else _make_lock(None, ctx)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return (type(self), (self._obj, self._lock))

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %r>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __iter__(self):
        with self._lock:
            items = self._obj[:]
        return iter(items)


class SynchronizedString(SynchronizedArray):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw
