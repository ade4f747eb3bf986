"""Set handlers for asynchronous events (gilpy: Python layer over _signal)."""

import _signal
from _signal import *


class _IntConstant(int):
    # The IntEnum members of CPython's signal module, reduced to what scripts look at: repr,
    # name, value; str() and arithmetic stay the int's.
    _members = None

    def __new__(cls, value):
        member = cls._members.get(value)
        if member is None:
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
        return member

    @classmethod
    def _add(cls, name, value):
        member = int.__new__(cls, value)
        member._name_ = name
        cls._members.setdefault(value, member)
        setattr(cls, name, member)
        return member

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return f"<{type(self).__qualname__}.{self._name_}: {int(self)}>"

    def __str__(self):
        return str(int(self))

    def __format__(self, spec):
        return format(int(self), spec)

    def __reduce__(self):
        return (type(self), (int(self),))

    __hash__ = int.__hash__


class Signals(_IntConstant):
    _members = {}


class Handlers(_IntConstant):
    _members = {}


class Sigmasks(_IntConstant):
    _members = {}


for _name in sorted(n for n in dir(_signal) if n.startswith('SIG') and not n.startswith('SIG_')):
    globals()[_name] = Signals._add(_name, getattr(_signal, _name))
SIG_DFL = Handlers._add('SIG_DFL', _signal.SIG_DFL)
SIG_IGN = Handlers._add('SIG_IGN', _signal.SIG_IGN)
SIG_BLOCK = Sigmasks._add('SIG_BLOCK', _signal.SIG_BLOCK)
SIG_UNBLOCK = Sigmasks._add('SIG_UNBLOCK', _signal.SIG_UNBLOCK)
SIG_SETMASK = Sigmasks._add('SIG_SETMASK', _signal.SIG_SETMASK)
del _name


def _int_to_enum(value, enum_klass):
    """Convert a numeric value to an enum member if possible, else return the value."""
    try:
        return enum_klass(value)
    except (ValueError, TypeError):
        return value


def _enum_to_int(value):
    """Convert an enum member to its int value, leave anything else alone."""
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


signal.__doc__ = _signal.signal.__doc__


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def strsignal(signalnum):
    return _signal.strsignal(signalnum)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}
