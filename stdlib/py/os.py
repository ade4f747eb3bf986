"""OS routines for gilpy: the posix module's system calls plus the pure-Python parts of os."""

import sys
import posix
from posix import *
from posix import _exit, _environ_dict
import posixpath as path
import _structseq

stat_result = posix.stat_result
terminal_size = posix.terminal_size

name = 'posix'
linesep = '\n'
sep = path.sep
altsep = None
extsep = '.'
pathsep = ':'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
supports_bytes_environ = True
error = OSError

sys.modules['os.path'] = path


class PathLike:
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


class _Environ:
    """os.environ: a mapping that writes through to the process environment."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError('str expected, not %s' % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError('str expected, not %s' % type(value).__name__)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kwargs):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def clear(self):
        for k in list(self._data):
            del self[k]

    def copy(self):
        return dict(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % (k, v) for k, v in self._data.items())

    def __or__(self, other):
        d = dict(self._data)
        d.update(other)
        return d

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(posix._environ_dict())


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get('PATH', defpath).split(pathsep)


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    __slots__ = ('name', 'path', '_stat', '_lstat')

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None
        self._lstat = None

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def is_dir(self, *, follow_symlinks=True):
        try:
            return (self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000) == 0o040000
        except OSError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return (self.stat(follow_symlinks=follow_symlinks).st_mode & 0o170000) == 0o100000
        except OSError:
            return False

    def is_symlink(self):
        try:
            return (self.stat(follow_symlinks=False).st_mode & 0o170000) == 0o120000
        except OSError:
            return False

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)


class _ScandirIterator:
    def __init__(self, entries):
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        self._it = iter(())


def scandir(path_='.'):
    p = fspath(path_)
    return _ScandirIterator([DirEntry(p, n) for n in listdir(p)])


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for n in names:
        full = path.join(top, n)
        if path.isdir(full):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


_at_fork = {'before': [], 'after_in_child': [], 'after_in_parent': []}


def register_at_fork(*, before=None, after_in_child=None, after_in_parent=None):
    if before is None and after_in_child is None and after_in_parent is None:
        raise TypeError('At least one argument is required.')
    for key, fn in (('before', before), ('after_in_child', after_in_child),
                    ('after_in_parent', after_in_parent)):
        if fn is not None:
            if not callable(fn):
                raise TypeError("'%s' must be callable, not %s" % (key, type(fn).__name__))
            _at_fork[key].append(fn)


def _run_hooks(hooks):
    # As CPython: a failing hook is reported ("Exception ignored in: ...") and the others still run.
    for fn in hooks:
        try:
            fn()
        except BaseException as e:
            try:
                sys.stderr.write('Exception ignored in: %r\n' % (fn,))
                sys._gilpy_print_exception(e.with_traceback(e.__traceback__.tb_next))
            except BaseException:
                pass


def _run_after_fork_child():
    _run_hooks(_at_fork['after_in_child'])


def _run_after_fork_parent():
    _run_hooks(_at_fork['after_in_parent'])


_posix_fork = posix.fork


def fork():
    _run_hooks(reversed(_at_fork['before']))
    return _posix_fork()


def popen(cmd, mode='r', buffering=-1):
    import subprocess
    if mode not in ('r', 'w'):
        raise ValueError('invalid mode %r' % mode)
    if mode == 'r':
        proc = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE, text=True)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, stdin=subprocess.PIPE, text=True)
    return _wrap_close(proc.stdin, proc)


class _wrap_close:
    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        returncode = self._proc.wait()
        if returncode == 0:
            return None
        return returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def execl(file, *args):
    execv(file, args)


def execvp(file, args):
    if '/' in file:
        execv(file, args)
        return
    for d in get_exec_path():
        full = path.join(d, file)
        if access(full, X_OK):
            execv(full, args)
    raise FileNotFoundError(2, 'No such file or directory')


def execlp(file, *args):
    execvp(file, args)
