# compare: exact

name, n, pi = 'Ann', 42, 3.14159265
print(f'{name!r:>8} {n:05d} {pi:.3f} {n:#x} {n:b} {n:,}')
print(f'{"left":<10}|{"right":>10}|{"mid":^10}|')
print(f'{n=} {pi=:.2f} {name=!s}')
width = 7
print(f'{pi:{width}.{2}f}|{n:+d}|{-n: d}')
print('{} {} {}'.format(1, 'two', 3.0), '{1}{0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{:>6}|{:<6}|{:^6}|'.format('a', 'b', 'c'), '{0[1]} {1[k]}'.format([1, 2], {'k': 'v'}))
print(format(1234.5678, '.2e'), format(0.000123, 'g'), format(123456789, '_d'), format(3, '03'))
print(f'{{literal}} {[1, 2][0]} {"nested " + str(n)}')
print(f'{12.0:g} {1e20:g} {1.5e-5:g} {100:g}')
