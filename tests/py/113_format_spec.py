# topic: the format mini-language via format(): fill/align/sign/#/0/width/,/_/precision/types for int, float, str
# compare: exact
# timeout: 10
ints = [0, 7, -7, 255, 123456789, -1000000]
specs = ['', 'd', '5', '<5', '>5', '^5', '*^7', '+', ' ', '-', '05', '+06', '=+8', ',', '_', '_b', '#x', '#o', '#b',
         'x', 'X', 'o', 'b', 'c', 'n', '08_d', '#010x', 'e', '.2f', '%', 'g']
for spec in specs:
    print(repr(spec), [format(i, spec) for i in ints if not (spec == 'c' and not 0 <= i < 0x110000)])
floats = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 3.14159265358979, 1e22, float('inf'), float('nan')]
fspecs = ['', '.2f', '10.3f', '<10.1f', '^12.2e', 'e', 'E', '.3e', 'g', 'G', '.3g', '.10g', '%', '.1%', ',.2f', '_.1f',
          '+.1f', ' .0f', '08.2f', '=+10.2f', '#.0f', '.0f', 'f', 'F', '.0e', '#g', '.15g', '.17g', 'n']
for spec in fspecs:
    print(repr(spec), [format(f, spec) for f in floats])
strs = ['', 'a', 'hello', 'Привет']
for spec in ['', '5', '<6', '>6', '^6', '-^7', '.2', '8.3', 's', '.0']:
    print(repr(spec), [format(s, spec) for s in strs])
print(format(True, ''), format(True, 'd'), format(False, '5'), format(None, ''), format([1, 2], ''))
print(format(1.5, '.0f'), format(2.5, '.0f'), format(0.125, '.2f'), format(0.375, '.2f'), format(2.675, '.2f'))
print(format(12345.6789, ',.2f'), format(-0.5, '.0f'), format(1e16, ','), format(123456, ',d'), format(10**20, ','))
for value, spec in [(1, 's'), ('x', 'd'), (1.5, 'd'), ('x', ','), (1, '.2d'), (1, '<<<5'), (1.5, 'c'), ('s', '=5')]:
    try:
        print(format(value, spec))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
