"""weakref for gilpy. gilpy has no weak references yet: ref() and the weak containers hold
strong references (objects stay alive while referenced from here). Callbacks never run.
finalize() runs its callback at exit (atexit) or when called."""

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary',
           'ReferenceType', 'ProxyType', 'CallableProxyType', 'ProxyTypes',
           'WeakValueDictionary', 'WeakSet', 'WeakMethod', 'finalize']


class ref:
    __slots__ = ('_obj', '_callback')

    def __init__(self, obj, callback=None):
        self._obj = obj
        self._callback = callback

    def __call__(self):
        return self._obj

    def __eq__(self, other):
        if not isinstance(other, ref):
            return NotImplemented
        return self._obj == other._obj

    def __hash__(self):
        return hash(self._obj)

    def __repr__(self):
        o = self._obj
        return '<weakref at %#x; to %r at %#x>' % (id(self), type(o).__name__, id(o))

    @property
    def __callback__(self):
        return self._callback


ReferenceType = ref


class WeakMethod(ref):
    __slots__ = ()


def proxy(obj, callback=None):
    return obj


ProxyType = CallableProxyType = type(None)
ProxyTypes = (ProxyType, CallableProxyType)


def getweakrefcount(obj):
    return 0


def getweakrefs(obj):
    return []


class WeakValueDictionary(dict):
    def __init__(self, other=(), /, **kw):
        super().__init__(other, **kw)

    def valuerefs(self):
        return [ref(v) for v in self.values()]

    def itervaluerefs(self):
        return iter(self.valuerefs())

    def __repr__(self):
        return '<%s at %#x>' % (self.__class__.__name__, id(self))

    def copy(self):
        return WeakValueDictionary(self)


class WeakKeyDictionary(dict):
    def keyrefs(self):
        return [ref(k) for k in self]

    def __repr__(self):
        return '<%s at %#x>' % (self.__class__.__name__, id(self))

    def copy(self):
        return WeakKeyDictionary(self)


class WeakSet(set):
    def __repr__(self):
        return '{}({!r})'.format(self.__class__.__name__, set(self))


class finalize:
    _registry = {}
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not self._registered_with_atexit:
            import atexit
            atexit.register(self._exitfunc)
            finalize._registered_with_atexit = True
        self._obj = obj
        self._func = func
        self._args = args
        self._kwargs = kwargs or {}
        self._alive = True
        self.atexit = True
        finalize._registry[id(self)] = self

    def __call__(self, _=None):
        if self._alive:
            self._alive = False
            finalize._registry.pop(id(self), None)
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        if self._alive:
            self._alive = False
            finalize._registry.pop(id(self), None)
            return (self._obj, self._func, self._args, self._kwargs)

    def peek(self):
        if self._alive:
            return (self._obj, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._alive

    @classmethod
    def _exitfunc(cls):
        for f in list(cls._registry.values()):
            if f.atexit:
                try:
                    f()
                except Exception:
                    import sys
                    sys._gilpy_print_exception(sys.exception())
