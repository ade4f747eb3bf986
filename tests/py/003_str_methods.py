# compare: exact

s = 'Hello, World'
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print(s.find('o'), s.rfind('o'), s.index('W'), s.count('l'), s.startswith('He'), s.endswith('ld'))
print(s.replace('l', 'L', 2), s.split(', '), s.partition(', '), s.rpartition('o'))
print('  pad  '.strip(), '--x--'.strip('-'), 'abc'.center(9, '*'), 'abc'.ljust(5) + '|', 'abc'.rjust(5))
print('a,b,,c'.split(','), 'a b  c'.split(), 'line1\nline2\r\nline3'.splitlines())
print('-'.join(['a', 'b', 'c']), 'abc' * 3, 'abc'[::-1], 'abcdef'[1:5:2])
print('42'.zfill(5), '-42'.zfill(5), 'abc'.isalpha(), '123'.isdigit(), ' '.isspace(), 'Ab'.istitle())
print('tab\there'.expandtabs(4), 'x'.isidentifier(), 'ß'.upper(), 'ǅ'.lower())
print('hello world'.title(), "it's".title(), 'ABC'.casefold())
print(ord('a'), chr(8364), 'привет'.upper(), len('привет'), 'привет'[2:4])
print('%s is %d years, %.2f%%' % ('Tom', 30, 99.5), '%5s|%-5s|' % ('a', 'b'), '%x %o %e' % (255, 8, 12345.678))
