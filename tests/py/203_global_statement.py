# topic: global statement, module-level state modified from functions, globals() dict, SyntaxError for nonlocal at module level
# compare: exact
# timeout: 10
total = 0
items = []
def add(n):
    global total
    total += n
    items.append(n)
add(5); add(7)
print(total, items)
def create():
    global created_later
    created_later = 'made inside function'
create()
print(created_later)
def read_only():
    return total * 2
print(read_only())
def shadowing():
    total = -1
    return total
print(shadowing(), total)
def modify_via_globals():
    globals()['dynamic'] = 42
modify_via_globals()
print(dynamic)
print('total' in globals(), type(globals()).__name__, globals()['__name__'])
def nested():
    def inner():
        global total
        total = 1000
    inner()
nested()
print(total)
for src in ['nonlocal x', 'def f():\n    x = 1\n    global x', 'def f(a):\n    global a']:
    try:
        compile(src, '<test>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
ns = {}
exec('y = 10\ndef g():\n    global y\n    y += 1\ng()', ns)
print(ns['y'])
print(eval('total + 1'), eval('a * 2', {'a': 21}), eval('b', {}, {'b': 'local'}))
counter = 0
def bump():
    global counter
    for _ in range(3):
        counter += 1
    return counter
print(bump(), bump())
