# topic: operator module: arithmetic/comparison functions, itemgetter/attrgetter/methodcaller, in-place variants, index/truth/contains/countOf
# compare: exact
# timeout: 10
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 3), op.pow(2, 8), op.neg(5), op.pos(-5), op.abs(-2))
print(op.lt(1, 2), op.le(2, 2), op.eq('a', 'a'), op.ne(1, 1), op.gt(3, 2), op.ge(1, 2), op.not_(0), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.invert(5), op.lshift(1, 4), op.rshift(32, 2), op.concat([1], [2]), op.contains('abc', 'b'))
print(op.countOf([1, 2, 1, 1], 1), op.indexOf('hello', 'l'), op.getitem([10, 20], 1), op.index(7), op.length_hint([1, 2, 3]))
lst = [1, 2, 3]
op.setitem(lst, 0, 'x'); op.delitem(lst, 1)
print(lst)
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(5, 3), op.imul('a', 3), op.isub(10, 4), op.ior({1}, {2}))
get1 = op.itemgetter(1)
get02 = op.itemgetter(0, 2)
print(get1('abc'), get02('abc'), get1({1: 'one'}), list(map(get1, [(1, 'a'), (2, 'b')])))
class P:
    def __init__(self, name, city):
        self.name = name
        self.addr = type('A', (), {'city': city})()
    def greet(self, greeting, punct='!'):
        return f'{greeting}, {self.name}{punct}'
people = [P('bob', 'Oslo'), P('amy', 'Rome')]
print([op.attrgetter('name')(p) for p in people], op.attrgetter('name', 'addr.city')(people[0]), sorted(people, key=op.attrgetter('addr.city'))[0].name)
hello = op.methodcaller('greet', 'Hello')
hey = op.methodcaller('greet', 'Hey', punct='?')
print(hello(people[0]), hey(people[1]), list(map(op.methodcaller('upper'), ['a', 'b'])), op.methodcaller('split', ',')('a,b'))
from functools import reduce
print(reduce(op.mul, range(1, 8)), reduce(op.add, ['a', 'b', 'c']), list(map(op.add, [1, 2], [10, 20])), sorted({'b': 2, 'a': 3}.items(), key=op.itemgetter(1)))
print(list(map(op.neg, range(3))), list(filter(op.truth, [0, 1, '', 'x'])), list(map(op.pow, [2, 3], [3, 2])), op.matmul.__name__)
ops = {'+': op.add, '-': op.sub, '*': op.mul, '/': op.truediv}
def calc(expr):
    a, sym, b = expr.split()
    return ops[sym](float(a), float(b))
print([calc(e) for e in ['3 + 4', '10 - 2.5', '6 * 7', '1 / 8']])
try:
    op.itemgetter(5)([1])
except IndexError as e:
    print('IndexError:', e)
try:
    op.index(1.5)
except TypeError as e:
    print('TypeError:', e)
