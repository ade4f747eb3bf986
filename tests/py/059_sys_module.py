# compare: exact

import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), sys.platform)
print(type(sys.argv), len(sys.argv), sys.byteorder, sys.maxsize == 2 ** 63 - 1)
print(sys.getdefaultencoding(), sys.stdout.encoding.lower(), 'sys' in sys.modules)
print(sys.stdin is sys.__stdin__, callable(sys.exit), sys.float_info.max > 1e300)
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
print(sys.exc_info())
sys.stdout.write('direct write\n')
print(sys.intern('abc') is sys.intern('abc'), sys.getsizeof(1) > 0)
print(isinstance(sys.path, list), isinstance(sys.executable, str), sys.flags.optimize)
