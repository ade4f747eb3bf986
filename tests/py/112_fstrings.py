# topic: f-strings: conversions, =, nesting, quotes, escapes of braces, expressions, multiline
# compare: exact
# timeout: 10
name = 'World'
value = 3.14159
items = ['x', 'y']
print(f'Hello, {name}!', f"{name!r}", f'{name!a}', f'{"Ünïcode"!a}', f'{name!s:>8}')
print(f'{value=}', f'{value = }', f'{value=:.2f}', f'{name=!r}', f'{1 + 2 = }', f'{items[0]=}')
print(f'{{}}', f'{{{name}}}', f'{{name}}', f'{"{"}', f'}}{{')
print(f'{name.lower()}{name.upper()}', f'{len(name) * 2}', f'{[i ** 2 for i in range(4)]}')
print(f'{"nested " + f"{name}"}', f'{f"{value:.1f}":>10}|', f"{'a' if value > 3 else 'b'}")
d = {'a': 1}
print(f"{d['a']}", f'{d}', f'{ d }', f'{(lambda x: x * 2)(4)}', f'{(1, 2)}', f'{ {1: 2} }')
width = 12
precision = 3
print(f'[{value:{width}.{precision}}]', f'[{value:>{width}.{precision}f}]', f'[{name:^{width}}]')
print(f'[{name:{"*"}^{width}}]', f'{value:.{precision}e}', f'{123456789:{","}}')
print(f'line1\nline2', f'tab\t|', rf'raw\n{name}', fr'\d{precision}', F'{name}', Rf'\t')
x = 42
print(f'''triple {x}
second "line" {x + 1}''')
print(f'{x!r:>5}|{x!s:<5}|', f'{x:#b}', f'{x:#o}', f'{x:#X}', f'{-x:x}')
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == 'F':
            return f'{self.c * 9 / 5 + 32:.1f}F'
        return f'{self.c}C'
    def __repr__(self):
        return 'Temp(%r)' % self.c
t = Temp(100)
print(f'{t}', f'{t:F}', f'{t!r}', f'{t=}', f'{t = !s}' if hasattr(t, '__str__') else '')
print(f'{3.0:g}', f'{1e-10:g}', f'{0.0001:g}', f'{1234567.0:g}', f'{100:%}', f'{0.256:.1%}')
print(f'{None}', f'{True}', f'{b"bytes"}', f'{...}', f'{print}'.startswith('<built-in'))
print(f'{"a" "b"}', f'{x:{"d"}}', f'{x}' f'{x}', 'plain' f'{x}')
for fmt in [lambda: f'{x:q}', lambda: f'{"s":d}', lambda: f'{x:.2s}']:
    try:
        print(fmt())
    except ValueError as e:
        print('ValueError:', e)
