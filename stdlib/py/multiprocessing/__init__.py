"""multiprocessing for gilpy: processes that really run in parallel (fork by default on Linux,
spawn on request), with the threading-like API of CPython's package."""

import sys

from . import context

__all__ = [x for x in dir(context._default_context) if not x.startswith('_')]
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

sys.modules['__mp_main__'] = sys.modules.get('__mp_main__', sys.modules['__main__'])
