# compare: exact

print('%r %a' % ('é', 'é'), '%c%c' % (72, 'i'), '%+.1e' % 12345, '%#o %#x' % (8, 255))
print('%(a)s-%(b)03d' % {'a': 'k', 'b': 7}, '%-6.2f|' % 3.14159, '%5.1s|' % 'abc')
print('{:*^11}'.format('mid'), '{:=+8.2f}'.format(3.5), '{!r:>6}'.format('q'))
print('{0:{1}}'.format(3.14159, '.2f'), '{:,}'.format(10 ** 9), '{:_b}'.format(255))
print(format(-0.0, '.1f'), format(1e100, '.3g'), format(float('nan'), 'f'), format(123, 'c'))
print('{:%Y}'.format(__import__('time').gmtime(0)) if False else 'skip', '{:10.3}|'.format('abcdef'))
print(str(1.0), str(1e16), str(1.5e-5), repr(0.1), str(-0.0), 1e309)
