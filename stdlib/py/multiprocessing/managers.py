"""Managers: a server process owning shared objects (list, dict, Namespace, Queue, Lock, Value,
...) and proxies that forward method calls to it over Unix-socket connections. A proxy opens one
connection per process and thread, so proxies inherited by forked children just work."""

import os
import queue
import signal
import sys
import threading

from . import connection
from . import context
from . import process
from . import util
from .context import ProcessError

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token', 'Namespace']


class Token(object):
    __slots__ = ('typeid', 'address', 'id')

    def __init__(self, typeid, address, id):
        (self.typeid, self.address, self.id) = (typeid, address, id)

    def __getstate__(self):
        return (self.typeid, self.address, self.id)

    def __setstate__(self, state):
        (self.typeid, self.address, self.id) = state

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % (self.__class__.__name__, self.typeid,
                                                    self.address, self.id)


class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-' * 75 + '\n' + str(self.args[0]) + '-' * 75)


def _is_view(obj):
    return type(obj).__name__ in ('dict_keys', 'dict_values', 'dict_items')


class Server(object):
    """Runs in the manager process: one thread per client connection."""

    def __init__(self, registry, address, authkey, serializer):
        self.registry = registry
        self.listener = connection.Listener(address=address)
        self.address = self.listener.address
        self.id_to_obj = {'0': (None, ())}
        self.mutex = threading.Lock()
        self.stop_event = threading.Event()

    def serve_forever(self):
        accepter = threading.Thread(target=self.accepter, daemon=True)
        accepter.start()
        try:
            while not self.stop_event.is_set():
                self.stop_event.wait(1)
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.listener.close()
            util._flush_std_streams()

    def accepter(self):
        while True:
            try:
                c = self.listener.accept()
            except OSError:
                return
            t = threading.Thread(target=self.handle_connection, args=(c,), daemon=True)
            t.start()

    def handle_connection(self, conn):
        while not self.stop_event.is_set():
            try:
                request = conn.recv()
            except (EOFError, OSError):
                conn.close()
                return
            try:
                reply = self.handle_request(request)
            except BaseException as e:
                reply = ('#ERROR', e)
            try:
                conn.send(reply)
            except Exception as e:
                try:
                    conn.send(('#ERROR', RemoteError('cannot send result: %r' % (e,))))
                except Exception:
                    pass
            if request[0] == 'shutdown':
                conn.close()
                self.stop_event.set()
                return

    def handle_request(self, request):
        kind = request[0]
        if kind == 'call':
            _, ident, methodname, args, kwds = request
            with self.mutex:
                obj, method_to_typeid = self.id_to_obj[ident]
            if methodname == '#GETVALUE':
                return ('#RETURN', obj)
            result = getattr(obj, methodname)(*args, **kwds)
            typeid = method_to_typeid.get(methodname) if method_to_typeid else None
            if typeid:
                ident, exposed = self.create_object(typeid, result)
                return ('#PROXY', (typeid, ident, exposed))
            if _is_view(result):
                result = list(result)
            return ('#RETURN', result)
        if kind == 'create':
            _, typeid, args, kwds = request
            callable_ = self.registry[typeid][0]
            obj = callable_(*args, **kwds)
            return ('#RETURN', self.create_object(typeid, obj))
        if kind in ('incref', 'decref', 'dummy'):
            return ('#RETURN', None)
        if kind == 'shutdown':
            return ('#RETURN', None)
        raise ValueError('unknown request %r' % (kind,))

    def create_object(self, typeid, obj):
        exposed = self.registry[typeid][1]
        method_to_typeid = self.registry[typeid][2] or {}
        if exposed is None:
            exposed = public_methods(obj)
        ident = '%x' % id(obj)
        with self.mutex:
            self.id_to_obj[ident] = (obj, method_to_typeid)
        return ident, tuple(exposed)


def public_methods(obj):
    return [name for name in dir(obj) if name[0] != '_' and callable(getattr(obj, name))]


class State(object):
    __slots__ = ['value']
    INITIAL = 0
    STARTED = 1
    SHUTDOWN = 2


class BaseManager(object):
    _registry = {}

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        if authkey is None:
            authkey = process.current_process().authkey
        self._address = address
        self._authkey = authkey
        self._state = State()
        self._state.value = State.INITIAL
        self._serializer = serializer
        self._ctx = ctx or context._default_context.get_context()
        self._shutdown_timeout = shutdown_timeout

    def get_server(self):
        raise NotImplementedError('get_server() is not supported by gilpy')

    def connect(self):
        self._state.value = State.STARTED

    def start(self, initializer=None, initargs=()):
        if self._state.value != State.INITIAL:
            if self._state.value == State.STARTED:
                raise ProcessError("Already started server")
            elif self._state.value == State.SHUTDOWN:
                raise ProcessError("Manager has shut down")
            else:
                raise ProcessError("Unknown state {!r}".format(self._state.value))
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        reader, writer = connection.Pipe(duplex=False)
        self._process = self._ctx.Process(
            target=type(self)._run_server,
            args=(self._registry, self._address, self._authkey, self._serializer, writer,
                  initializer, initargs))
        ident = ':'.join(str(i) for i in self._process._identity)
        self._process.name = type(self).__name__ + '-' + ident
        self._process.start()
        writer.close()
        self._address = reader.recv()
        reader.close()
        self._state.value = State.STARTED
        self.shutdown = util.Finalize(
            self, type(self)._finalize_manager,
            args=(self._process, self._address, self._state, self._shutdown_timeout),
            exitpriority=0)

    @classmethod
    def _run_server(cls, registry, address, authkey, serializer, writer, initializer=None,
                    initargs=()):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if initializer is not None:
            initializer(*initargs)
        server = Server(registry, address, authkey, serializer)
        writer.send(server.address)
        writer.close()
        util.info('manager serving at %r', server.address)
        server.serve_forever()

    def _create(self, typeid, *args, **kwds):
        assert self._state.value == State.STARTED, 'server not yet started'
        conn = connection.Client(self._address)
        try:
            kind, result = _request(conn, ('create', typeid, args, kwds))
        finally:
            conn.close()
        return result

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)
            if not self._process.is_alive():
                self._process = None

    def __enter__(self):
        if self._state.value == State.INITIAL:
            self.start()
        if self._state.value != State.STARTED:
            raise ProcessError("Unable to start server")
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    @staticmethod
    def _finalize_manager(process, address, state, shutdown_timeout):
        if process.is_alive():
            util.info('sending shutdown message to manager')
            try:
                conn = connection.Client(address)
                try:
                    _request(conn, ('shutdown',))
                finally:
                    conn.close()
            except Exception:
                pass
            process.join(timeout=shutdown_timeout)
            if process.is_alive():
                util.info('manager still alive')
                if hasattr(process, 'terminate'):
                    process.terminate()
                    process.join(timeout=shutdown_timeout)
                    if process.is_alive():
                        process.kill()
                        process.join()
        state.value = State.SHUTDOWN

    @property
    def address(self):
        return self._address

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        if '_registry' not in cls.__dict__:
            cls._registry = cls._registry.copy()
        if proxytype is None:
            proxytype = AutoProxy
        exposed = exposed or getattr(proxytype, '_exposed_', None)
        method_to_typeid = method_to_typeid or getattr(proxytype, '_method_to_typeid_', None)
        cls._registry[typeid] = (callable, exposed, method_to_typeid, proxytype)
        _proxy_types[typeid] = proxytype
        if create_method:
            def temp(self, *args, **kwds):
                util.debug('requesting creation of a shared %r object', typeid)
                ident, exp = self._create(typeid, *args, **kwds)
                token = Token(typeid, self._address, ident)
                return proxytype(token, manager=self, exposed=exp)
            temp.__name__ = typeid
            setattr(cls, typeid, temp)


def _request(conn, request):
    conn.send(request)
    kind, result = conn.recv()
    if kind == '#ERROR':
        raise result
    return kind, result


class BaseProxy(object):
    def __init__(self, token, serializer=None, manager=None, authkey=None, exposed=None,
                 incref=True, manager_owned=False):
        self._token = token
        self._id = token.id
        self._manager = manager
        self._exposed = exposed
        self._conns = {}

    def _connection(self):
        key = (os.getpid(), threading.get_ident())
        conn = self._conns.get(key)
        if conn is None:
            conn = connection.Client(self._token.address)
            self._conns[key] = conn
        return conn

    def _callmethod(self, methodname, args=(), kwds={}):
        conn = self._connection()
        kind, result = _request(conn, ('call', self._id, methodname, args, kwds))
        if kind == '#PROXY':
            typeid, ident, exposed = result
            registry = (self._manager._registry if self._manager is not None
                        else SyncManager._registry)
            proxytype = registry[typeid][-1]
            token = Token(typeid, self._token.address, ident)
            return proxytype(token, manager=self._manager, exposed=exposed)
        return result

    def _getvalue(self):
        return self._callmethod('#GETVALUE')

    def __reduce__(self):
        # By typeid, not by class: proxy classes made by MakeProxyType have no importable name.
        return (RebuildProxy, (self._token, getattr(self, '_exposed', None)))

    def __deepcopy__(self, memo):
        return self._getvalue()

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._token.typeid,
                                                 id(self))

    def __str__(self):
        try:
            return self._callmethod('__repr__')
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


_proxy_types = {}  # typeid -> proxy type, from every manager class's register()


def RebuildProxy(token, exposed):
    """Makes a proxy again in the process that unpickled it."""
    proxytype = _proxy_types.get(token.typeid, AutoProxy)
    return proxytype(token, exposed=exposed)


def MakeProxyType(name, exposed, _cache={}):
    exposed = tuple(exposed)
    try:
        return _cache[(name, exposed)]
    except KeyError:
        pass
    dic = {}
    for meth in exposed:
        def method(self, *args, _meth=meth, **kwds):
            return self._callmethod(_meth, args, kwds)
        method.__name__ = meth
        dic[meth] = method
    ProxyType = type(name, (BaseProxy,), dic)
    ProxyType._exposed_ = exposed
    _cache[(name, exposed)] = ProxyType
    return ProxyType


def AutoProxy(token, serializer=None, manager=None, authkey=None, exposed=None, incref=True,
              manager_owned=False):
    if exposed is None:
        exposed = ()
    ProxyType = MakeProxyType('AutoProxy[%s]' % token.typeid, exposed)
    return ProxyType(token, manager=manager, exposed=exposed)


class Namespace(object):
    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith('_'):
                temp.append('%s=%r' % (name, value))
        temp.sort()
        return '%s(%s)' % (self.__class__.__name__, ', '.join(temp))


class Value(object):
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return '%s(%r, %r)' % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def Array(typecode, sequence, lock=True):
    if isinstance(sequence, int):
        sequence = [0.0 if typecode in 'fd' else 0] * sequence
    return list(sequence)


class IteratorProxy(BaseProxy):
    _exposed_ = ('__next__', 'send', 'throw', 'close')

    def __iter__(self):
        return self

    def __next__(self, *args):
        return self._callmethod('__next__', args)

    def send(self, *args):
        return self._callmethod('send', args)

    def throw(self, *args):
        return self._callmethod('throw', args)

    def close(self, *args):
        return self._callmethod('close', args)


class AcquirerProxy(BaseProxy):
    _exposed_ = ('acquire', 'release')

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod('acquire', args)

    def release(self):
        return self._callmethod('release')

    def __enter__(self):
        return self._callmethod('acquire')

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod('release')


class ConditionProxy(AcquirerProxy):
    _exposed_ = ('acquire', 'release', 'wait', 'notify', 'notify_all')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def notify(self, n=1):
        return self._callmethod('notify', (n,))

    def notify_all(self):
        return self._callmethod('notify_all')

    def wait_for(self, predicate, timeout=None):
        import time
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ('is_set', 'set', 'clear', 'wait')

    def is_set(self):
        return self._callmethod('is_set')

    def set(self):
        return self._callmethod('set')

    def clear(self):
        return self._callmethod('clear')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ('__getattribute__', 'wait', 'abort', 'reset')

    def wait(self, timeout=None):
        return self._callmethod('wait', (timeout,))

    def abort(self):
        return self._callmethod('abort')

    def reset(self):
        return self._callmethod('reset')

    @property
    def parties(self):
        return self._callmethod('__getattribute__', ('parties',))

    @property
    def n_waiting(self):
        return self._callmethod('__getattribute__', ('n_waiting',))

    @property
    def broken(self):
        return self._callmethod('__getattribute__', ('broken',))


class NamespaceProxy(BaseProxy):
    _exposed_ = ('__getattribute__', '__setattr__', '__delattr__')

    def __getattr__(self, key):
        if key[0] == '_':
            return object.__getattribute__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__getattribute__', (key,))

    def __setattr__(self, key, value):
        if key[0] == '_':
            return object.__setattr__(self, key, value)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__setattr__', (key, value))

    def __delattr__(self, key):
        if key[0] == '_':
            return object.__delattr__(self, key)
        callmethod = object.__getattribute__(self, '_callmethod')
        return callmethod('__delattr__', (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ('get', 'set')

    def get(self):
        return self._callmethod('get')

    def set(self, value):
        return self._callmethod('set', (value,))

    value = property(get, set)


BaseListProxy = MakeProxyType('BaseListProxy', (
    '__add__', '__contains__', '__delitem__', '__getitem__', '__len__', '__mul__',
    '__reversed__', '__rmul__', '__setitem__', 'append', 'count', 'extend', 'index', 'insert',
    'pop', 'remove', 'reverse', 'sort', '__imul__'))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod('extend', (value,))
        return self

    def __imul__(self, value):
        self._callmethod('__imul__', (value,))
        return self


DictProxy = MakeProxyType('DictProxy', (
    '__contains__', '__delitem__', '__getitem__', '__iter__', '__len__', '__setitem__', 'clear',
    'copy', 'get', 'items', 'keys', 'pop', 'popitem', 'setdefault', 'update', 'values'))
DictProxy._method_to_typeid_ = {'__iter__': 'Iterator'}

ArrayProxy = MakeProxyType('ArrayProxy', ('__len__', '__getitem__', '__setitem__'))

BasePoolProxy = MakeProxyType('PoolProxy', (
    'apply', 'apply_async', 'close', 'imap', 'imap_unordered', 'join', 'map', 'map_async',
    'starmap', 'starmap_async', 'terminate'))


class SyncManager(BaseManager):
    """Manager with the standard shared types: Queue, JoinableQueue, Event, Lock, RLock,
    Semaphore, BoundedSemaphore, Condition, Barrier, Namespace, Value, Array, list and dict."""


SyncManager.register('Queue', queue.Queue)
SyncManager.register('JoinableQueue', queue.Queue)
SyncManager.register('Event', threading.Event, EventProxy)
SyncManager.register('Lock', threading.Lock, AcquirerProxy)
SyncManager.register('RLock', threading.RLock, AcquirerProxy)
SyncManager.register('Semaphore', threading.Semaphore, AcquirerProxy)
SyncManager.register('BoundedSemaphore', threading.BoundedSemaphore, AcquirerProxy)
SyncManager.register('Condition', threading.Condition, ConditionProxy)
SyncManager.register('Barrier', threading.Barrier, BarrierProxy)
SyncManager.register('list', list, ListProxy)
SyncManager.register('dict', dict, DictProxy)
SyncManager.register('Value', Value, ValueProxy)
SyncManager.register('Array', Array, ArrayProxy)
SyncManager.register('Namespace', Namespace, NamespaceProxy)
SyncManager.register('Iterator', proxytype=IteratorProxy, create_method=False)
