from .core import VALUE
from . import sub
__all__ = ['VALUE', 'helper']


def helper():
    return 'pkg.helper'
