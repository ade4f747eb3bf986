# topic: positional-only (/) and keyword-only (*) parameters, their error messages, introspection
# compare: exact
# timeout: 10
def pos_only(a, b, /):
    return a - b
def kw_only(*, x, y=0):
    return x * 10 + y
def mixed(a, /, b, *, c):
    return (a, b, c)
def with_kwargs(a, /, **kw):
    return a, kw
print(pos_only(5, 3), kw_only(x=1), kw_only(y=2, x=3), mixed(1, 2, c=3), mixed(1, b=2, c=3))
print(with_kwargs(1, a=2), with_kwargs('pos', b=1))
tests = [lambda: pos_only(a=1, b=2), lambda: pos_only(1, b=2), lambda: kw_only(1), lambda: kw_only(),
         lambda: kw_only(x=1, z=2), lambda: mixed(a=1, b=2, c=3), lambda: mixed(1, 2, 3), lambda: mixed(1, 2),
         lambda: pos_only(1), lambda: pos_only(1, 2, 3)]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print('TypeError:', e)
class Account:
    def __init__(self, owner, /, balance=0, *, currency='USD'):
        self.owner, self.balance, self.currency = owner, balance, currency
    def deposit(self, amount, /):
        self.balance += amount
        return self
    def __repr__(self):
        return f'Account({self.owner!r}, {self.balance}, currency={self.currency!r})'
print(Account('ann'), Account('bob', 5, currency='EUR'), Account('c', balance=1).deposit(9))
try:
    Account('d').deposit(amount=5)
except TypeError as e:
    print('TypeError:', e)
try:
    Account('e', 1, 'GBP')
except TypeError as e:
    print('TypeError:', e)
co = mixed.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames[:3])
def f(a, b=1, /, c=2, *args, d, e=5, **kw):
    return locals()
print(f(0, d=4))
print(f(0, 1, 2, 3, d=4, z=9))
print(f.__defaults__, f.__kwdefaults__)
print(divmod(7, 2), pow(2, 5), sorted([3, 1], reverse=True))
try:
    divmod(a=7, b=2)
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([3, 1], None)
except TypeError as e:
    print('TypeError:', e)
