# topic: multiple inheritance, C3 MRO printing, diamond with cooperative super(), mixins, MRO conflicts
# compare: exact
# timeout: 10
class A:
    def hello(self):
        return ['A']
class B(A):
    def hello(self):
        return ['B'] + super().hello()
class C(A):
    def hello(self):
        return ['C'] + super().hello()
class D(B, C):
    def hello(self):
        return ['D'] + super().hello()
print([k.__name__ for k in D.__mro__])
print(D().hello(), D.mro() == list(D.__mro__))
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class W(K1, K2, K3): pass
print([k.__name__ for k in W.mro()])
class Base:
    def __init__(self, **kwargs):
        print('Base init, leftover', kwargs)
class Left(Base):
    def __init__(self, left=None, **kwargs):
        print('Left init', left)
        super().__init__(**kwargs)
class Right(Base):
    def __init__(self, right=None, **kwargs):
        print('Right init', right)
        super().__init__(**kwargs)
class Both(Left, Right):
    def __init__(self, **kwargs):
        print('Both init')
        super().__init__(**kwargs)
Both(left=1, right=2, extra=3)
class JsonMixin:
    def to_json(self):
        items = ', '.join(f'"{k}": {v!r}' for k, v in sorted(vars(self).items()))
        return '{' + items + '}'
class ReprMixin:
    def __repr__(self):
        return f'<{type(self).__name__} {vars(self)}>'
class Item(JsonMixin, ReprMixin):
    def __init__(self, name, qty):
        self.name, self.qty = name, qty
it = Item('pen', 3)
print(it.to_json(), repr(it), [k.__name__ for k in Item.__mro__])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print('TypeError:', e)
class P1:
    name = 'P1'
    def who(self):
        return 'P1.who'
class P2:
    name = 'P2'
    def who(self):
        return 'P2.who'
    def only2(self):
        return 'only in P2'
class Child(P1, P2):
    pass
c = Child()
print(c.name, c.who(), c.only2(), Child.__bases__ == (P1, P2))
print(issubclass(D, A), isinstance(D(), C), [b.__name__ for b in D.__bases__])
print(super(B, D()).hello(), super(C, D()).hello())
print(object.__mro__, bool.__mro__, [k.__name__ for k in type(True).mro()])
