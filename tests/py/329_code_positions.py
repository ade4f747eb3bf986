# topic: code.co_positions(): (lineno, end_lineno, col, end_col) tuples; the entry of a
#        traceback's instruction is co_positions()[tb_lasti // 2], as in CPython
# compare: exact
# stderr: exact


def f(x):
    y = [x,
         x]
    return 10 / x + len(y)


positions = list(f.__code__.co_positions())
print(all(isinstance(p, tuple) and len(p) == 4 for p in positions))
print(all(p[0] is None or (p[1] >= p[0]) for p in positions))
print(all(p[2] is None or p[3] is None or p[0] != p[1] or p[3] >= p[2] for p in positions))
print(min(p[0] for p in positions if p[0] is not None) >= f.__code__.co_firstlineno)
print((9, 9, 11, 17) in positions, (9, 9, 11, 26) in positions, (7, 8, 8, 11) in positions)

try:
    f(0)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    code = tb.tb_frame.f_code
    print(code.co_name, tb.tb_lineno, list(code.co_positions())[tb.tb_lasti // 2])

g = lambda s: s['k']
try:
    g({})
except KeyError as e:
    tb = e.__traceback__.tb_next
    print(list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2])

src = 'a = 1\nb = (a +\n     c)\n'
code = compile(src, 'mod.py', 'exec')
try:
    exec(code, {})
except NameError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, list(code.co_positions())[tb.tb_lasti // 2])
print(f(1))
print(f(0))
