"""Helper to provide extensibility for pickle and copy (gilpy)."""

__all__ = ['pickle', 'constructor', 'add_extension', 'remove_extension', 'clear_extension_cache']

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError('reduction functions must be callable')
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError('constructors must be callable')


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


_HEAPTYPE = 1 << 9


def _reduce_ex(self, proto):
    """object.__reduce_ex__ for protocols 0 and 1: the object is rebuilt by _reconstructor from
    its class, the nearest builtin base in the MRO (whose value carries the state of builtin
    subclasses such as list or int) and the instance state."""
    assert proto < 2
    cls = self.__class__
    for base in cls.__mro__:
        if not getattr(base, '__flags__', 0) & _HEAPTYPE:
            break
    else:
        base = object
    if base is object:
        state = None
    elif base is cls:
        raise TypeError(f'cannot pickle {cls.__name__!r} object')
    else:
        state = base(self)
    args = (cls, base, state)
    try:
        getstate = self.__getstate__
    except AttributeError:
        getstate = None
    no_custom = getstate is None or type(self).__getstate__ is object.__getstate__
    if no_custom and getattr(self, '__slots__', None):
        raise TypeError('a class that defines __slots__ without defining __getstate__ cannot '
                        'be pickled')
    if getstate is None:
        try:
            state_dict = self.__dict__
        except AttributeError:
            state_dict = None
    else:
        state_dict = getstate()
    if state_dict:
        return _reconstructor, args, state_dict
    return _reconstructor, args


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    names = cls.__dict__.get('__slotnames__')
    if names is not None:
        return names
    names = []
    for c in cls.__mro__:
        if '__slots__' in c.__dict__:
            slots = c.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ('__dict__', '__weakref__'):
                    continue
                elif name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    if stripped:
                        names.append('_%s%s' % (stripped, name))
                    else:
                        names.append(name)
                else:
                    names.append(name)
    return names


_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    _extension_registry[(module, name)] = code
    _inverted_registry[code] = (module, name)


def remove_extension(module, name, code):
    del _extension_registry[(module, name)]
    del _inverted_registry[code]


def clear_extension_cache():
    _extension_cache.clear()
