"""pickle: CPython's pickle format (protocols 0-5 to load, 2-5 to dump), written for gilpy.

Dumping emits the standard opcodes (without framing, which loaders treat as optional), so data
pickled here loads in CPython and the reverse. Objects of user classes go through __reduce_ex__ /
__reduce__ when a class defines them, else through the protocol-2 default: NEWOBJ with
__getnewargs__ and the state from __getstate__ or __dict__ (BUILD, __setstate__ on load).
"""

import sys
from io import BytesIO

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


class _Stop(Exception):
    def __init__(self, value):
        self.value = value


# Opcodes (one byte each), named as in the format's documentation.
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_BATCHSIZE = 1000

# Types implemented natively that carry no picklable state of their own; an instance of a class
# whose nearest native base is not one of these cannot be pickled by the default protocol.
_NATIVE_MODULES = frozenset(["builtins", "_thread", "_io", "_random", "_collections",
                             "itertools", "_functools", "_operator", "time", "math", "posix",
                             "sys", "gc", "_signal", "_gilpy", "_multiprocessing", "_dis"])


def _is_python_class(cls):
    flags = getattr(cls, "__flags__", None)
    if flags is not None:
        # Py_TPFLAGS_HEAPTYPE without Py_TPFLAGS_IMMUTABLETYPE: a class statement's class
        return bool(flags & 512) and not flags & 256
    return getattr(cls, "__module__", "builtins") not in _NATIVE_MODULES


def _native_base(cls):
    for c in cls.__mro__:
        if not _is_python_class(c):
            return c
    return object


# ---- little-endian integers and IEEE doubles without the struct module ---------------------------

def _u8(n):
    return bytes((n & 0xff,))


def _le(n, size):
    return (n & ((1 << (8 * size)) - 1)).to_bytes(size, "little")


def _encode_long(x):
    """Two's complement little-endian bytes of x, as LONG1/LONG4 store it ('' for 0)."""
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder="little", signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def _decode_long(data):
    return int.from_bytes(data, byteorder="little", signed=True)


def _struct_pack_double(x):
    """Big-endian IEEE 754 binary64 of x (BINFLOAT's layout)."""
    import math
    if x != x:
        return b'\x7f\xf8\x00\x00\x00\x00\x00\x00'
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    x = abs(x)
    if x == math.inf:
        bits = (sign << 63) | (0x7ff << 52)
    elif x == 0.0:
        bits = sign << 63
    else:
        m, e = math.frexp(x)  # x = m * 2**e, 0.5 <= m < 1
        e -= 1
        m *= 2.0
        if e < -1022:  # subnormal
            frac = int(math.ldexp(x, 1074))
            bits = (sign << 63) | frac
        else:
            frac = int((m - 1.0) * (1 << 52))
            bits = (sign << 63) | ((e + 1023) << 52) | frac
    return bits.to_bytes(8, "big")


def _unpack_double(data):
    import math
    bits = int.from_bytes(data, "big")
    sign = -1.0 if bits >> 63 else 1.0
    exp = (bits >> 52) & 0x7ff
    frac = bits & ((1 << 52) - 1)
    if exp == 0x7ff:
        return sign * math.inf if frac == 0 else math.nan
    if exp == 0:
        return sign * math.ldexp(float(frac), -1074)
    return sign * math.ldexp(float(frac | (1 << 52)), exp - 1075)


# ---- finding classes and functions by name -----------------------------------------------------

def _getattribute(obj, name):
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}".format(name, obj))
        parent = obj
        obj = getattr(obj, subpath)
    return obj


def whichmodule(obj, name):
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name == '__main__' or module_name == '__mp_main__' or module is None:
            continue
        try:
            if _getattribute(module, name) is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _codecs_encode(text, encoding="utf-8", errors="strict"):
    return text.encode(encoding, errors)


# Names CPython's pickles refer to that gilpy provides elsewhere.
_COMPAT_GLOBALS = {
    ("copyreg", "_reconstructor"): _reconstructor,
    ("copy_reg", "_reconstructor"): _reconstructor,
    ("copyreg", "__newobj__"): __newobj__,
    ("copyreg", "__newobj_ex__"): __newobj_ex__,
    ("_codecs", "encode"): _codecs_encode,
    ("__builtin__", "set"): set,
    ("__builtin__", "frozenset"): frozenset,
}


def _compat_name(obj):
    """CPython's (module, name) for the helpers above that stand in for its own."""
    for key, value in _COMPAT_GLOBALS.items():
        if value is obj and key[0] not in ("copy_reg", "__builtin__"):
            return key
    return None


def _reduce_value(obj, proto):
    """The reduce value of obj: its class's own __reduce_ex__/__reduce__, or the default."""
    t = type(obj)
    self_ = getattr(obj, "__self__", None)
    if (self_ is not None and callable(obj) and not isinstance(self_, type(sys))
            and hasattr(obj, "__name__") and not _is_python_class(t)):
        # a bound method (of a class or an instance): looked up again on its object
        return (getattr, (self_, obj.__name__))
    if callable(obj) and hasattr(obj, "__qualname__") and not _is_python_class(t):
        # builtin functions: by reference
        return obj.__qualname__
    if isinstance(obj, BaseException):
        state = getattr(obj, "__dict__", None) or None
        return (t, obj.args, state)
    if t is complex:
        return (complex, (obj.real, obj.imag))
    reduce_ex = getattr(t, "__reduce_ex__", None)
    if reduce_ex is not None and reduce_ex is not object.__reduce_ex__:
        return obj.__reduce_ex__(proto)
    reduce = getattr(t, "__reduce__", None)
    if reduce is not None and reduce is not object.__reduce__:
        return obj.__reduce__()
    return _default_reduce(obj)

def _default_reduce(obj):
    cls = type(obj)
    base = _native_base(cls)
    if base not in (object, int, float, str, bytes, list, dict, tuple, set, frozenset,
                    bytearray, complex) or not _is_python_class(cls):
        name = cls.__qualname__
        mod = getattr(cls, "__module__", "builtins")
        if mod not in ("builtins", None):
            name = mod + "." + name
        raise TypeError("cannot pickle '%s' object" % name)
    getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(obj, "__getnewargs__", None)
        args = tuple(getnewargs()) if getnewargs is not None else ()
        kwargs = None
    getstate = getattr(obj, "__getstate__", None)
    if getstate is not None and getattr(cls, "__getstate__", None) is not \
            getattr(object, "__getstate__", None):
        state = getstate()
    else:
        state = getattr(obj, "__dict__", None) or None
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)
    return (__newobj__, (cls,) + args, state, listitems, dictitems)


def _global_name(obj, name, proto, fix_imports=True):
    """The (module, qualified name) a pickle refers to obj by, as save_global checks it."""
    if name is None:
        name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
    compat = _compat_name(obj)
    if compat is not None:
        return compat
    module_name = whichmodule(obj, name)
    if module_name == '__mp_main__':
        module_name = '__main__'
    try:
        __import__(module_name, level=0)
        module = sys.modules[module_name]
        obj2 = _getattribute(module, name)
    except (ImportError, KeyError, AttributeError):
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % (name,)) from None
        raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                            % (obj, name, module_name)) from None
    if obj2 is not obj:
        raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                            % (obj, module_name, name))
    if proto < 4 and '.' in name:
        raise PicklingError("Can't pickle %r: nested names need protocol 4" % (obj,))
    if proto < 3 and fix_imports:
        module_name, name = _py2_name(module_name, name)
    if isinstance(obj, type) and type(module_name) is str:
        module_name = sys.intern(module_name)  # CPython's type.__module__ is interned
    return module_name, name


# Python 2 names of builtins that protocols 0-2 use (as CPython's fix_imports), and back.
_PY2_BUILTIN_NAMES = {"range": ("__builtin__", "xrange"), "chr": ("__builtin__", "unichr"),
                      "str": ("__builtin__", "unicode"), "int": ("__builtin__", "long"),
                      "zip": ("itertools", "izip"), "map": ("itertools", "imap"),
                      "filter": ("itertools", "ifilter")}
_PY2_EXCEPTIONS = frozenset(
    "ArithmeticError AssertionError AttributeError BaseException BufferError BytesWarning "
    "DeprecationWarning EOFError EnvironmentError Exception FloatingPointError FutureWarning "
    "GeneratorExit IOError ImportError ImportWarning IndentationError IndexError KeyError "
    "KeyboardInterrupt LookupError MemoryError NameError NotImplementedError OSError "
    "OverflowError PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning "
    "StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TypeError "
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError "
    "UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning "
    "ZeroDivisionError".split())
_PY2_OSERRORS = frozenset(
    "BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError "
    "ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError "
    "InterruptedError IsADirectoryError NotADirectoryError PermissionError "
    "ProcessLookupError TimeoutError".split())
_PY2_MODULES = {"builtins": "__builtin__", "copyreg": "copy_reg", "queue": "Queue",
                "_thread": "thread", "collections.abc": "_abcoll", "_functools": "functools",
                "subprocess": "commands", "reprlib": "repr", "socketserver": "SocketServer",
                "configparser": "ConfigParser", "_pickle": "pickle"}
_PY3_MODULES = {v: k for k, v in _PY2_MODULES.items() if v not in ("functools", "pickle")}
_PY3_MODULES["exceptions"] = "builtins"
_PY3_NAMES = {v: ("builtins", k) for k, v in _PY2_BUILTIN_NAMES.items()}
_PY3_NAMES[("exceptions", "StandardError")] = ("builtins", "Exception")


def _py2_name(module_name, name):
    if module_name == "builtins":
        if name in _PY2_BUILTIN_NAMES:
            return _PY2_BUILTIN_NAMES[name]
        if name in _PY2_EXCEPTIONS:
            return "exceptions", name
        if name in _PY2_OSERRORS:
            return "exceptions", "OSError"
        if name == "ModuleNotFoundError":
            return "exceptions", "ImportError"
    return _PY2_MODULES.get(module_name, module_name), name


def _find_class(module, name, proto=3, fix_imports=True):
    """The object a pickle's GLOBAL/STACK_GLOBAL/INST names."""
    compat = _COMPAT_GLOBALS.get((module, name))
    if compat is not None:
        return compat
    if proto < 3 and fix_imports:
        if (module, name) in _PY3_NAMES:
            module, name = _PY3_NAMES[(module, name)]
        elif module in _PY3_MODULES:
            module = _PY3_MODULES[module]
    if module in ("__builtin__", "exceptions"):
        module = "builtins"
    if module == "__main__" and "__main__" not in sys.modules and "__mp_main__" in sys.modules:
        module = "__mp_main__"
    __import__(module, level=0)
    mod = sys.modules[module]
    try:
        return _getattribute(mod, name)
    except AttributeError as e:
        if str(e).startswith("Can't get"):
            raise
        raise AttributeError("Can't get attribute %r on %r" % (name, mod)) from None


def _instantiate(klass, args):
    """INST and OBJ: klass(*args), or klass.__new__(klass) for a class and no arguments."""
    if (args or not isinstance(klass, type) or hasattr(klass, "__getinitargs__")):
        try:
            return klass(*args)
        except TypeError as err:
            raise TypeError("in constructor for %s: %s" % (klass.__name__, str(err)))
    return klass.__new__(klass)


# ---- Pickler ---------------------------------------------------------------------------------------

class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if protocol < 2:
            protocol = 2  # gilpy writes protocols 2 to 5 (and reads every protocol)
        self._file_write = file.write
        self._fix_imports = fix_imports
        self.proto = int(protocol)
        self.memo = {}
        self.bin = True
        self.fast = 0

    def clear_memo(self):
        self.memo.clear()

    def dump(self, obj):
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % (self.__class__.__name__,))
        if _native is not None and not self.memo and not self.fast and _native_pickler(self):
            self._file_write(_native.dumps(obj, self.proto, self._fix_imports, self.memo))
            return
        self._out = []
        self.write = self._out.append
        self.write(PROTO + _u8(self.proto))
        self.save(obj)
        self.write(STOP)
        self._file_write(b''.join(self._out))
        self._out = None

    def memoize(self, obj):
        idx = len(self.memo)
        if self.proto >= 4:
            self.write(MEMOIZE)
        elif idx < 256:
            self.write(BINPUT + _u8(idx))
        else:
            self.write(LONG_BINPUT + _le(idx, 4))
        self.memo[id(obj)] = idx, obj

    def get(self, idx):
        if idx < 256:
            return BINGET + _u8(idx)
        return LONG_BINGET + _le(idx, 4)

    def persistent_id(self, obj):
        return None

    def save(self, obj, save_persistent_id=True):
        pid = self.persistent_id(obj)
        if pid is not None and save_persistent_id:
            self.save(pid, save_persistent_id=False)
            self.write(BINPERSID)
            return
        x = self.memo.get(id(obj))
        if x is not None:
            self.write(self.get(x[0]))
            return
        t = type(obj)
        f = self.dispatch.get(t)
        if f is not None:
            f(self, obj)
            return
        if isinstance(obj, type):
            self.save_global(obj)
            return
        reduce = getattr(self, "reducer_override", None)
        rv = NotImplemented
        if reduce is not None:
            rv = reduce(obj)
        if rv is NotImplemented:
            rv = self._reduce(obj)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("%s must return a string or tuple" % "__reduce__")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by %s must contain 2 through 6 elements"
                                % "__reduce__")
        self.save_reduce(obj=obj, *rv)

    def _reduce(self, obj):
        """The reduce value of obj: its class's own __reduce_ex__/__reduce__, or the default."""
        return _reduce_value(obj, self.proto)

    def _default_reduce(self, obj):
        return _default_reduce(obj)

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        write = self.write
        func_name = getattr(func, "__name__", "")
        if func is __newobj_ex__ or (func_name == "__newobj_ex__" and self.proto >= 4):
            cls, args, kwargs = args
            self.save(cls)
            self.save(args)
            self.save(kwargs)
            write(NEWOBJ_EX)
        elif func is __newobj__ or func_name == "__newobj__":
            cls = args[0]
            if not hasattr(cls, "__new__"):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            self.save(cls)
            self.save(args[1:])
            write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            write(REDUCE)
        if obj is not None:
            if id(obj) in self.memo:
                write(POP + self.get(self.memo[id(obj)][0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                write(TUPLE2)
                write(REDUCE)
                write(POP)

    # -- atomic values --
    def save_none(self, obj):
        self.write(NONE)

    def save_bool(self, obj):
        self.write(NEWTRUE if obj else NEWFALSE)

    def save_long(self, obj):
        if obj >= 0:
            if obj <= 0xff:
                self.write(BININT1 + _u8(obj))
                return
            if obj <= 0xffff:
                self.write(BININT2 + _le(obj, 2))
                return
        if -0x80000000 <= obj <= 0x7fffffff:
            self.write(BININT + _le(obj, 4))
            return
        encoded = _encode_long(obj)
        n = len(encoded)
        if n < 256:
            self.write(LONG1 + _u8(n) + encoded)
        else:
            self.write(LONG4 + _le(n, 4) + encoded)

    def save_float(self, obj):
        self.write(BINFLOAT + _struct_pack_double(obj))

    def save_bytes(self, obj):
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(_codecs_encode_ref(), (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        n = len(obj)
        if n <= 0xff:
            self.write(SHORT_BINBYTES + _u8(n) + obj)
        elif n > 0xffffffff and self.proto >= 4:
            self.write(BINBYTES8 + _le(n, 8) + obj)
        else:
            self.write(BINBYTES + _le(n, 4) + obj)
        self.memoize(obj)

    def save_bytearray(self, obj):
        if self.proto < 5:
            self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self.write(BYTEARRAY8 + _le(len(obj), 8) + bytes(obj))
        self.memoize(obj)

    def save_str(self, obj):
        encoded = obj.encode('utf-8', 'surrogatepass')
        n = len(encoded)
        if n <= 0xff and self.proto >= 4:
            self.write(SHORT_BINUNICODE + _u8(n) + encoded)
        elif n > 0xffffffff and self.proto >= 4:
            self.write(BINUNICODE8 + _le(n, 8) + encoded)
        else:
            self.write(BINUNICODE + _le(n, 4) + encoded)
        self.memoize(obj)

    # -- containers --
    def save_tuple(self, obj):
        if not obj:
            self.write(EMPTY_TUPLE)
            return
        n = len(obj)
        save = self.save
        memo = self.memo
        if n <= 3:
            for element in obj:
                save(element)
            if id(obj) in memo:  # a recursive tuple: use the memoized copy
                get = self.get(memo[id(obj)][0])
                self.write(POP * n + get)
            else:
                self.write((TUPLE1, TUPLE2, TUPLE3)[n - 1])
                self.memoize(obj)
            return
        self.write(MARK)
        for element in obj:
            save(element)
        if id(obj) in memo:
            self.write(POP_MARK + self.get(memo[id(obj)][0]))
            return
        self.write(TUPLE)
        self.memoize(obj)

    def save_list(self, obj):
        self.write(EMPTY_LIST)
        self.memoize(obj)
        self._batch_appends(obj)

    def _batch_appends(self, items):
        save = self.save
        write = self.write
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                for x in batch:
                    save(x)
                write(APPENDS)
            elif n:
                save(batch[0])
                write(APPEND)
            if n < _BATCHSIZE:
                return

    def save_dict(self, obj):
        self.write(EMPTY_DICT)
        self.memoize(obj)
        self._batch_setitems(iter(obj.items()))

    def _batch_setitems(self, items):
        save = self.save
        write = self.write
        it = iter(items)
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == _BATCHSIZE:
                    break
            n = len(batch)
            if n > 1:
                write(MARK)
                for k, v in batch:
                    save(k)
                    save(v)
                write(SETITEMS)
            elif n:
                k, v = batch[0]
                save(k)
                save(v)
                write(SETITEM)
            if n < _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self.write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        for i in range(0, len(items), _BATCHSIZE):
            self.write(MARK)
            for item in items[i:i + _BATCHSIZE]:
                self.save(item)
            self.write(ADDITEMS)

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self.write(MARK)
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            self.write(POP_MARK + self.get(self.memo[id(obj)][0]))
            return
        self.write(FROZENSET)
        self.memoize(obj)

    def save_global(self, obj, name=None):
        module_name, name = _global_name(obj, name, self.proto, True)
        self._write_global(module_name, name)
        self.memoize(obj)

    def _write_global(self, module_name, name):
        if self.proto >= 4:
            self.save(module_name)
            self.save(name)
            self.write(STACK_GLOBAL)
        else:
            self.write(GLOBAL + module_name.encode('utf-8') + b'\n' + name.encode('utf-8') +
                       b'\n')

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    def save_singleton(self, obj):
        self.save_global(obj, "Ellipsis" if obj is ... else "NotImplemented")

    dispatch = {}


def _codecs_encode_ref():
    return _codecs_encode


Pickler.dispatch = {
    type(None): Pickler.save_none,
    bool: Pickler.save_bool,
    int: Pickler.save_long,
    float: Pickler.save_float,
    bytes: Pickler.save_bytes,
    bytearray: Pickler.save_bytearray,
    str: Pickler.save_str,
    tuple: Pickler.save_tuple,
    list: Pickler.save_list,
    dict: Pickler.save_dict,
    set: Pickler.save_set,
    frozenset: Pickler.save_frozenset,
    type: Pickler.save_type,
    type(...): Pickler.save_singleton,
    type(NotImplemented): Pickler.save_singleton,
}


# ---- Unpickler ---------------------------------------------------------------------------------

class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=None):
        self._file_read = file.read
        self._file_readline = file.readline
        self._file = file
        self._fix_imports = fix_imports
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self._buffers = iter(buffers) if buffers is not None else None

    def load(self):
        if not hasattr(self, "_file_read"):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % (self.__class__.__name__,))
        if _native is not None and _native_unpickler(self):
            return _native.load(self._file, self._fix_imports, self.encoding, self.errors,
                                self._buffers, self.memo)
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        read = self._file_read
        dispatch = self.dispatch
        try:
            while True:
                key = read(1)
                if not key:
                    raise EOFError("Ran out of input")
                f = dispatch.get(key[0])
                if f is None:
                    raise UnpicklingError("invalid load key, '%s'." % chr(key[0]))
                f(self)
        except _Stop as stopinst:
            return stopinst.value

    def read(self, n):
        data = self._file_read(n)
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def readline(self):
        return self._file_readline()

    def pop_mark(self):
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load(self, pid):
        raise UnpicklingError("unsupported persistent id encountered")

    def find_class(self, module, name):
        sys.audit("pickle.find_class", module, name) if hasattr(sys, "audit") else None
        return _find_class(module, name, self.proto, self._fix_imports)

    # -- opcode handlers (dispatched by byte value) --
    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto

    def load_frame(self):
        self.read(8)  # frames are a buffering hint; the data follows inline

    def load_persid(self):
        pid = self.readline()[:-1].decode("ascii")
        self.append(self.persistent_load(pid))

    def load_binpersid(self):
        pid = self.stack.pop()
        self.append(self.persistent_load(pid))

    def load_none(self):
        self.append(None)

    def load_false(self):
        self.append(False)

    def load_true(self):
        self.append(True)

    def load_int(self):
        data = self.readline()
        if data == b'00\n':
            val = False
        elif data == b'01\n':
            val = True
        else:
            val = int(data, 0)
        self.append(val)

    def load_binint(self):
        self.append(int.from_bytes(self.read(4), "little", signed=True))

    def load_binint1(self):
        self.append(self.read(1)[0])

    def load_binint2(self):
        self.append(int.from_bytes(self.read(2), "little"))

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1:] == b'L':
            val = val[:-1]
        self.append(int(val, 0))

    def load_long1(self):
        n = self.read(1)[0]
        self.append(_decode_long(self.read(n)))

    def load_long4(self):
        n = int.from_bytes(self.read(4), "little", signed=True)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(_decode_long(self.read(n)))

    def load_float(self):
        self.append(float(self.readline()[:-1]))

    def load_binfloat(self):
        self.append(_unpack_double(self.read(8)))

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_unescape_bytes(data)))

    def load_binstring(self):
        n = int.from_bytes(self.read(4), "little", signed=True)
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self.read(n)))

    def load_short_binstring(self):
        n = self.read(1)[0]
        self.append(self._decode_string(self.read(n)))

    def load_binbytes(self):
        n = int.from_bytes(self.read(4), "little")
        self.append(self.read(n))

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(self.read(n))

    def load_binbytes8(self):
        n = int.from_bytes(self.read(8), "little")
        self.append(self.read(n))

    def load_bytearray8(self):
        n = int.from_bytes(self.read(8), "little")
        self.append(bytearray(self.read(n)))

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data but no *buffers* "
                                  "argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers")
        self.append(buf)

    def load_readonly_buffer(self):
        pass

    def load_unicode(self):
        self.append(str(self.readline()[:-1], 'raw-unicode-escape'))

    def load_binunicode(self):
        n = int.from_bytes(self.read(4), "little")
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))

    def load_binunicode8(self):
        n = int.from_bytes(self.read(8), "little")
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(str(self.read(n), 'utf-8', 'surrogatepass'))

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))

    def load_empty_tuple(self):
        self.append(())

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)

    def load_tuple2(self):
        self.stack[-2:] = [(self.stack[-2], self.stack[-1])]

    def load_tuple3(self):
        self.stack[-3:] = [(self.stack[-3], self.stack[-2], self.stack[-1])]

    def load_empty_list(self):
        self.append([])

    def load_empty_dictionary(self):
        self.append({})

    def load_empty_set(self):
        self.append(set())

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))

    def load_list(self):
        items = self.pop_mark()
        self.append(items)

    def load_dict(self):
        items = self.pop_mark()
        d = {items[i]: items[i + 1] for i in range(0, len(items), 2)}
        self.append(d)

    def _instantiate(self, klass, args):
        self.append(_instantiate(klass, args))

    def load_inst(self):
        module = self.readline()[:-1].decode("ascii")
        name = self.readline()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)

    def load_newobj(self):
        args = self.stack.pop()
        cls = self.stack.pop()
        self.append(cls.__new__(cls, *args))

    def load_newobj_ex(self):
        kwargs = self.stack.pop()
        args = self.stack.pop()
        cls = self.stack.pop()
        self.append(cls.__new__(cls, *args, **kwargs))

    def load_global(self):
        module = self.readline()[:-1].decode("utf-8")
        name = self.readline()[:-1].decode("utf-8")
        self.append(self.find_class(module, name))

    def load_stack_global(self):
        name = self.stack.pop()
        module = self.stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))

    def load_ext(self):
        raise UnpicklingError("extension codes are not supported")

    def load_reduce(self):
        stack = self.stack
        args = stack.pop()
        func = stack[-1]
        stack[-1] = func(*args)

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        else:
            self.pop_mark()

    def load_pop_mark(self):
        self.pop_mark()

    def load_dup(self):
        self.append(self.stack[-1])

    def _memo_get(self, i):
        try:
            self.append(self.memo[i])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % i) from None

    def load_get(self):
        self._memo_get(int(self.readline()[:-1]))

    def load_binget(self):
        self._memo_get(self.read(1)[0])

    def load_long_binget(self):
        self._memo_get(int.from_bytes(self.read(4), "little"))

    def load_put(self):
        i = int(self.readline()[:-1])
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self.stack[-1]

    def load_binput(self):
        self.memo[self.read(1)[0]] = self.stack[-1]

    def load_long_binput(self):
        i = int.from_bytes(self.read(4), "little")
        self.memo[i] = self.stack[-1]

    def load_memoize(self):
        self.memo[len(self.memo)] = self.stack[-1]

    def load_append(self):
        value = self.stack.pop()
        self.stack[-1].append(value)

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.stack[-1]
        try:
            extend = list_obj.extend
        except AttributeError:
            pass
        else:
            extend(items)
            return
        append = list_obj.append
        for item in items:
            append(item)

    def load_setitem(self):
        stack = self.stack
        value = stack.pop()
        key = stack.pop()
        stack[-1][key] = value

    def load_setitems(self):
        items = self.pop_mark()
        d = self.stack[-1]
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self.stack[-1]
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            for item in items:
                set_obj.add(item)

    def load_build(self):
        stack = self.stack
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None and getattr(type(inst), "__setstate__", None) is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    k = sys.intern(k)
                inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append

    def load_stop(self):
        value = self.stack.pop()
        raise _Stop(value)

    dispatch = {}


def _unescape_bytes(data):
    return data.decode("unicode_escape").encode("latin-1") if b"\\" in data else data


Unpickler.dispatch = {
    PROTO[0]: Unpickler.load_proto, FRAME[0]: Unpickler.load_frame,
    PERSID[0]: Unpickler.load_persid, BINPERSID[0]: Unpickler.load_binpersid,
    NONE[0]: Unpickler.load_none, NEWFALSE[0]: Unpickler.load_false,
    NEWTRUE[0]: Unpickler.load_true, INT[0]: Unpickler.load_int,
    BININT[0]: Unpickler.load_binint, BININT1[0]: Unpickler.load_binint1,
    BININT2[0]: Unpickler.load_binint2, LONG[0]: Unpickler.load_long,
    LONG1[0]: Unpickler.load_long1, LONG4[0]: Unpickler.load_long4,
    FLOAT[0]: Unpickler.load_float, BINFLOAT[0]: Unpickler.load_binfloat,
    STRING[0]: Unpickler.load_string, BINSTRING[0]: Unpickler.load_binstring,
    SHORT_BINSTRING[0]: Unpickler.load_short_binstring, BINBYTES[0]: Unpickler.load_binbytes,
    SHORT_BINBYTES[0]: Unpickler.load_short_binbytes, BINBYTES8[0]: Unpickler.load_binbytes8,
    BYTEARRAY8[0]: Unpickler.load_bytearray8, NEXT_BUFFER[0]: Unpickler.load_next_buffer,
    READONLY_BUFFER[0]: Unpickler.load_readonly_buffer, UNICODE[0]: Unpickler.load_unicode,
    BINUNICODE[0]: Unpickler.load_binunicode, BINUNICODE8[0]: Unpickler.load_binunicode8,
    SHORT_BINUNICODE[0]: Unpickler.load_short_binunicode, TUPLE[0]: Unpickler.load_tuple,
    EMPTY_TUPLE[0]: Unpickler.load_empty_tuple, TUPLE1[0]: Unpickler.load_tuple1,
    TUPLE2[0]: Unpickler.load_tuple2, TUPLE3[0]: Unpickler.load_tuple3,
    EMPTY_LIST[0]: Unpickler.load_empty_list, EMPTY_DICT[0]: Unpickler.load_empty_dictionary,
    EMPTY_SET[0]: Unpickler.load_empty_set, FROZENSET[0]: Unpickler.load_frozenset,
    LIST[0]: Unpickler.load_list, DICT[0]: Unpickler.load_dict, INST[0]: Unpickler.load_inst,
    OBJ[0]: Unpickler.load_obj, NEWOBJ[0]: Unpickler.load_newobj,
    NEWOBJ_EX[0]: Unpickler.load_newobj_ex, GLOBAL[0]: Unpickler.load_global,
    STACK_GLOBAL[0]: Unpickler.load_stack_global, EXT1[0]: Unpickler.load_ext,
    EXT2[0]: Unpickler.load_ext, EXT4[0]: Unpickler.load_ext, REDUCE[0]: Unpickler.load_reduce,
    POP[0]: Unpickler.load_pop, POP_MARK[0]: Unpickler.load_pop_mark, DUP[0]: Unpickler.load_dup,
    GET[0]: Unpickler.load_get, BINGET[0]: Unpickler.load_binget,
    LONG_BINGET[0]: Unpickler.load_long_binget, PUT[0]: Unpickler.load_put,
    BINPUT[0]: Unpickler.load_binput, LONG_BINPUT[0]: Unpickler.load_long_binput,
    MEMOIZE[0]: Unpickler.load_memoize, APPEND[0]: Unpickler.load_append,
    APPENDS[0]: Unpickler.load_appends, SETITEM[0]: Unpickler.load_setitem,
    SETITEMS[0]: Unpickler.load_setitems, ADDITEMS[0]: Unpickler.load_additems,
    BUILD[0]: Unpickler.load_build, MARK[0]: Unpickler.load_mark, STOP[0]: Unpickler.load_stop,
}


# ---- module-level API ------------------------------------------------------------------------
# The native _pickle does the module functions and the plain Pickler/Unpickler; subclasses that
# override the hooks (persistent_id/persistent_load, reducer_override, dispatch_table, save,
# find_class, ...) run the Python code above.

_PICKLER_HOOKS = ("persistent_id", "save", "_reduce", "_default_reduce", "save_reduce",
                  "save_global", "memoize", "dispatch", "save_type", "save_tuple", "save_list",
                  "save_dict")
_UNPICKLER_HOOKS = ("persistent_load", "find_class", "dispatch", "load_build", "read",
                    "readline", "load_reduce", "load_global", "load_stack_global")


def _native_pickler(p):
    cls = type(p)
    if cls is not Pickler:
        for name in _PICKLER_HOOKS:
            if getattr(cls, name, None) is not getattr(Pickler, name, None):
                return False
        if hasattr(cls, "dispatch_table"):
            return False
    d = getattr(p, "__dict__", None)
    if d and ("persistent_id" in d or "reducer_override" in d or "dispatch_table" in d):
        return False
    return not hasattr(p, "reducer_override")


def _native_unpickler(u):
    cls = type(u)
    if cls is not Unpickler:
        for name in _UNPICKLER_HOOKS:
            if getattr(cls, name, None) is not getattr(Unpickler, name, None):
                return False
    d = getattr(u, "__dict__", None)
    return not (d and ("persistent_load" in d or "find_class" in d))


def _py_dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports).dump(obj)


def _py_dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    f = BytesIO()
    Pickler(f, protocol, fix_imports=fix_imports).dump(obj)
    return f.getvalue()


def _py_load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers, encoding=encoding,
                     errors=errors).load()


def _py_loads(data, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return Unpickler(BytesIO(data), fix_imports=fix_imports, buffers=buffers, encoding=encoding,
                     errors=errors).load()


try:
    import _pickle as _native
except ImportError:
    _native = None

if _native is not None:
    _native._init(globals())

    def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        _native.dump(obj, file, protocol, fix_imports)

    def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
        return _native.dumps(obj, protocol, fix_imports)

    def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        return _native.load(file, fix_imports, encoding, errors, buffers)

    def loads(data, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
        return _native.loads(data, fix_imports, encoding, errors, buffers)
else:
    dump, dumps, load, loads = _py_dump, _py_dumps, _py_load, _py_loads
