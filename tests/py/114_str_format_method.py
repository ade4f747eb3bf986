# topic: str.format: positional/auto/keyword fields, attribute and index access, conversions, nested specs, format_map
# compare: exact
# timeout: 10
print('{} {} {}'.format(1, 'two', 3.0))
print('{0} {1} {0}'.format('a', 'b'), '{1}{0}'.format('x', 'y'))
print('{name} is {age}'.format(name='Ann', age=30), '{0}-{k}'.format('p', k='kw'))
point = {'x': 1, 'y': 2}
print('{p[x]},{p[y]}'.format(p=point), '{0[1]}'.format(['zero', 'one']), '{0[0][1]}'.format([[5, 6]]))
class P:
    x = 10
    name = 'point'
print('{0.x} {0.name} {obj.x}'.format(P, obj=P()), '{.real}'.format(3 + 4j))
print('{!r} {!s} {!a}'.format('q', 'q', 'é'), '{0!r:>6}'.format('a'))
print('{:>8}|{:<8}|{:^8}|'.format('r', 'l', 'c'), '{:*^9}'.format('mid'), '{:08.3f}'.format(3.14159))
print('{:{w}.{p}f}'.format(2.71828, w=10, p=2), '{:{}{}}'.format('z', '>', 4), '{0:{1}}'.format(42, 6))
print('{{}} {{{}}}'.format('in'), '{:,}'.format(1234567), '{:b}'.format(10), '{:%}'.format(0.25))
print('{:d}'.format(True), '{}'.format(None), '{}'.format([1, 'a']), '{}'.format({'k': (1,)}))
print('{0}{0}{0}'.format('ab'), '{}'.format(''), ''.format(), 'no fields'.format(1, 2, x=3))
print('{a}{b}'.format_map({'a': 1, 'b': 2}))
class Default(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{known} and {unknown}'.format_map(Default(known='K')))
row = ('Alice', 93.456, 7)
print('{:<10}{:>8.1f}{:>4d}'.format(*row))
print('{n:03d}|{n:+d}|{n:x}|{n:#X}|{n:e}'.format(n=255))
for template, args, kwargs in [('{}', (), {}), ('{1}', ('a',), {}), ('{x}', (), {}), ('{0} {}', (1, 2), {}),
                               ('{', (), {}), ('}', (), {}), ('{0:x}', ('s',), {}), ('{0.missing}', (1,), {}),
                               ('{0[5]}', ([1],), {}), ('{!z}', (1,), {})]:
    try:
        print(template.format(*args, **kwargs))
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
table = [('apple', 1.5, 10), ('kiwi', 0.25, 120), ('watermelon', 3.0, 2)]
print('{:<12}{:>8}{:>6}'.format('item', 'price', 'qty'))
for item in table:
    print('{:<12}{:>8.2f}{:>6}'.format(*item))
print('{:-^26}'.format(' total '), '{:.3}'.format('truncate'), '{:.3}'.format(3.14159))
