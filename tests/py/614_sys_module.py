# topic: sys module facts: argv, version_info[:2], maxsize, getrecursionlimit, getrefcount simple cases, byteorder, modules, path type, stdout/stderr writes, exc_info, intern
# compare: exact
# timeout: 10
import sys
print(len(sys.argv), sys.argv[0].endswith('614_sys_module.py'), sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.getrecursionlimit(), sys.byteorder, sys.platform.startswith('linux'))
print(type(sys.path).__name__, 'sys' in sys.modules, '__main__' in sys.modules, sys.modules['__main__'].__name__, type(sys.modules).__name__)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30), sys.hash_info.width)
n = sys.stdout.write('written directly\n')
print(n, sys.stdout.writable(), sys.stdin is not None, sys.stdout.encoding.lower().replace('-', ''))
sys.stderr.write('this goes to stderr\n')
a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
d = {'key': a}
print(sys.getrefcount(a))
print(sys.exc_info())
try:
    raise ValueError('active')
except ValueError:
    etype, evalue, tb = sys.exc_info()
    print(etype.__name__, evalue, type(tb).__name__, sys.exception() is evalue)
print(sys.exc_info()[0])
s1 = sys.intern('hello world!')
s2 = sys.intern('hello world!')
print(s1 is s2, isinstance(sys.getsizeof([]), int), sys.getdefaultencoding(), sys.flags.optimize)
print(callable(sys.exit), sys.executable != '', isinstance(sys.implementation.name, str), sys.argv[1:])
print(sys.stdout is sys.__stdout__, hasattr(sys, 'setrecursionlimit'), type(sys.version).__name__)
print(sys.api_version > 0 if hasattr(sys, 'api_version') else True, sys.getswitchinterval())
