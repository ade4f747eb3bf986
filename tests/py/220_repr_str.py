# topic: __repr__ vs __str__ fallbacks, default object repr shape, repr of containers using element __repr__, __format__ default, print of classes
# compare: exact
# timeout: 10
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
class OnlyStr:
    def __str__(self):
        return 'only str'
class Both:
    def __repr__(self):
        return 'Both(repr)'
    def __str__(self):
        return 'Both(str)'
class Neither:
    pass
for obj in (OnlyRepr(), OnlyStr(), Both()):
    print(str(obj), '|', repr(obj) if not isinstance(obj, OnlyStr) else 'default repr', '|', f'{obj}', '|', [obj] if not isinstance(obj, OnlyStr) else '')
r = repr(Neither())
n = Neither()
print(r.startswith('<__main__.Neither object at 0x'), r.endswith('>'), str(n) == repr(n) or 'differs')
print(repr(OnlyStr()).startswith('<__main__.OnlyStr object at'))
print([Both(), Both()], (Both(),), {'k': Both()}, {Both().__repr__()})
print('%s %r' % (Both(), Both()), '{} {!r} {!s}'.format(Both(), Both(), Both()))
print(str(Neither), repr(int), str(type(None)), repr(OnlyRepr), OnlyRepr.__name__, OnlyRepr.__qualname__, OnlyRepr.__module__)
class Outer:
    class Inner:
        pass
    def method(self):
        pass
print(Outer.Inner, Outer.Inner.__qualname__, Outer.method.__qualname__, repr(Outer.method).startswith('<function Outer.method at'))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print('TypeError:', e)
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __repr__(self):
        return f'Money({self.amount!r})'
    def __str__(self):
        return f'${self.amount:.2f}'
m = Money(3.5)
print(m, repr(m), [m], str([m]), f'{m!r}', 'total: ' + str(m))
print(format(m), format(Both(), ''))
try:
    format(m, '>10')
except TypeError as e:
    print('TypeError:', e)
class Rec:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f'Rec({self.children})'
root = Rec()
root.children.append(Rec())
print(root)
lst = [1]
lst.append(lst)
d = {'a': 1}
d['self'] = d
print(lst, d)
print(repr('str'), str('str'), repr(1.0), str(1.0), repr(None), repr(...), repr(NotImplemented), repr(b'x'))
print(object.__repr__(Both()).startswith('<__main__.Both object'), object.__str__(Both()))
