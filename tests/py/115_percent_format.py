# topic: printf-style %-formatting: conversions, flags, width/precision, *, dict mapping, tuples, errors
# compare: exact
# timeout: 10
print('%s %d %i %f' % ('s', 42, -7, 3.5))
print('%r %a %s' % ('q', 'é', b'bytes'), '%5s|%-5s|' % ('ab', 'cd'), '%.2s' % 'abcdef')
print('%5d|%-5d|%05d|%+d|% d|%+05d' % (42, 42, 42, 42, 42, -42))
print('%x %X %o %#x %#o %#X %08x' % (255, 255, 8, 255, 8, 255, 255))
print('%e %E %.2e %g %G %.3g %g %g' % (12345.678, 0.00012, 1.0, 1e-5, 1e20, 3.14159, 100000.0, 1000000.0))
print('%.0f %.1f %.3f %10.2f| %-10.2f| %010.3f' % (2.5, 0.05, 2 / 3, 3.14159, 3.14159, -3.14159))
print('%c%c%c' % (72, 'i', 33), '%%', '100%% sure', '%s%%' % 50)
print('%*d|%-*d|%.*f' % (6, 7, 4, 8, 2, 1.23456))
print('%(name)s is %(age)d, %(name)r' % {'name': 'Bob', 'age': 41})
print('%s' % (1, ), '%s' % [1, 2], '%s' % ((1, 2),), '%s and %s' % (None, True), '%d' % True, '%d' % 3.99)
print('%s' % {'a': 1}, 'x' % (), '%i%%' % 7, '%.3d' % 5, '%5.1s|' % 'xyz')
print('%d items cost $%.2f' % (3, 4.5), 'Name: %-8s Age: %3d' % ('Al', 5))
print(b'%s %d %x' % (b'bin', 10, 255), b'%c' % 65, b'%5b|' % b'ab', b'%r' % 'x' if False else b'')
for template, args in [('%d', 'x'), ('%s %s', ('a',)), ('%s', ('a', 'b')), ('%z', 1), ('%(k)s', 5),
                       ('%(k)s', {}), ('%c', 'ab'), ('%c', -1), ('%d', None), ('%x', 1.5), ('%', ())]:
    try:
        print(template % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
class R:
    def __repr__(self):
        return 'R()'
    def __str__(self):
        return 'str of R'
print('%s / %r' % (R(), R()), '%s' % R())
print('%-6s|%6s|' % ('left', 'right'), '%3d%%' % 99, '%.2f%%' % 12.345)
print('%s' % 'русский', '%5s|' % 'ё', '%x' % -255, '%o' % -8, '%#b' % 5 if False else '')
