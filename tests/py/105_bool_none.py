# topic: bool arithmetic and identity, None, and/or/not returning operands, truthiness of builtins
# compare: exact
# timeout: 10
print(True + True, True * 3, -True, ~True, ~False, True / 2, True // 2, True ** 0, True & False, True | False, True ^ True)
print(type(True & True).__name__, type(True + 0).__name__, type(True | 2).__name__, repr(True and 3))
print(bool(), bool(0), bool(0.0), bool(0j), bool(''), bool([]), bool({}), bool(()), bool(set()), bool(range(0)))
print(bool(1), bool(-1), bool(0.1), bool(' '), bool([0]), bool({0: 0}), bool((None,)), bool(range(1)), bool(b'\x00'))
print(bool(None), None is None, None == 0, None == False, repr(None), str(None), type(None).__name__)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'd', '' or [] or 0, 'a' and 'b' and 'c', not 0, not 'x')
print([] or {}, (0 and 1) or 'z', None and undefined if False else 'short', not not [1])
def f(tag, value):
    print('eval', tag)
    return value
print(f('a', 0) and f('b', 1))
print(f('c', 1) or f('d', 1))
print(f('e', '') or f('f', 'x') and f('g', 'y'))
print(True == 1, False == 0, hash(True) == hash(1), {True: 'a', 1: 'b'}, {1, True, 1.0})
print(str(True), f'{True}', f'{True:d}', f'{False!r}', '%s %d' % (True, True), format(True, '>6'))
print(isinstance(False, int), bool.__bases__[0].__name__, bool('False'), int('1') == True)
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]), [1, 2, 3][True])
class Box:
    def __init__(self, n):
        self.n = n
    def __bool__(self):
        print('bool called', self.n)
        return self.n > 0
print(Box(1) and 'yes', Box(0) or 'fallback', not Box(2))
if Box(-1):
    print('never')
else:
    print('else branch')
x = None
print('none-default:', x if x is not None else 'default', (x or 'alt'))
print(None.__class__ is type(None), type(None)() is None)
try:
    bool.__new__(bool, 5) ; print('ok')
except TypeError as e:
    print('TypeError', e)
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError:', e)
