# compare: exact

print(bool(0), bool(''), bool(None), bool([]), bool({}), bool(0.0), bool('0'), bool([0]))
print(None is None, None == None, (None or 'default'), (0 and 'x'), ('a' and 'b'), ([] or {}))
print(True == 1, True == 1 == 1.0, 1 < 2 < 3, 3 > 2 > 2, not None, not 'a')
print(type(None).__name__, repr(None), str(True), True & False, True | False, True ^ True)
x = None
print(x is not None, isinstance(x, type(None)), [i for i in (0, 1, None, 2) if i])
