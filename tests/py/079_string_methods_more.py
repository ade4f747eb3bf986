# compare: exact

s = 'The quick brown fox'
print(s.split(maxsplit=1), s.rsplit(' ', 1), s.removeprefix('The '), s.removesuffix('fox'))
print('a-b_c'.translate(str.maketrans('-_', '  ')), 'hello'.translate({ord('l'): None}))
print('{:>5}'.format('x'), 'x'.join('abc'), 'abc'.encode().decode(), 'AbC'.isupper(), 'abc'.islower())
print(' x y '.lstrip(), ' x y '.rstrip() + '|', 'aaa'.replace('a', 'b', 1), 'mississippi'.count('ss'))
print('12'.isnumeric(), '½'.isnumeric(), '٣'.isdecimal(), 'abc123'.isalnum(), ''.isalnum())
print(str(123), str([1]), str(b'x'), 'a\tb'.split('\t'), 'AbCd'.swapcase())
print('Hello'.ljust(8, '.'), 'z'.rjust(3, '0'), 'word ' * 2, sorted('bca'), 'abc' < 'abd')
