# compare: exact

import operator as op
print(op.itemgetter(1)([1, 2]), op.itemgetter('a', 'b')({'a': 1, 'b': 2}))
class O:
    pass
o = O(); o.child = O(); o.child.name = 'leaf'
print(op.attrgetter('child.name')(o), op.methodcaller('split', ',')('a,b'))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.lshift(1, 4), op.rshift(16, 2), op.invert(5))
print(op.is_(None, None), op.is_not(1, None), op.truth([]), op.ne(1, 2), op.ge(2, 2), op.le(1, 2), op.gt(3, 1))
l = [1, 2]; print(op.iadd(l, [3]), l, op.concat('a', 'b'), op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'))
d = {}; op.setitem(d, 'k', 1); print(d); op.delitem(d, 'k'); print(d)
print(op.index(5), op.neg(-2), op.pos(3), op.abs(-4), op.mod(7, 3), op.matmul.__name__)
print(sorted([('a', 3), ('b', 1)], key=op.itemgetter(1)), op.itemgetter(0))
