# compare: exact

ns = {}
exec('a = 1\nb = a + 1', ns)
print(ns['a'], ns['b'], eval('a * 10', ns), eval('x + 1', {'x': 2}))
code = compile('3 * 7', '<expr>', 'eval')
print(eval(code))
exec(compile('for i in range(2): print(i)', '<s>', 'exec'))
try:
    eval('1 +')
except SyntaxError as e:
    print('SyntaxError', e.msg)
print(eval('len(s)', {'s': 'abc'}), eval('[y * 2 for y in range(3)]'))
