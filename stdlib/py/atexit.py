"""atexit for gilpy: functions registered here run at interpreter shutdown, last in first out."""

import sys as _sys

_handlers = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            print('Exception ignored in atexit callback: %r' % (func,), file=_sys.stderr)
            _sys._gilpy_print_exception(exc)
