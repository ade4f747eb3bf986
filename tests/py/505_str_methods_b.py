# topic: str methods part 2: center/ljust/rjust/zfill, expandtabs, predicates (isdigit/isalpha/...), translate/maketrans, encode, format helpers, ord/chr on unicode
# compare: exact
# timeout: 10
print(repr('ab'.center(6)), repr('ab'.center(7, '*')), repr('abc'.ljust(6, '.')), repr('abc'.rjust(6)), repr('abc'.center(2)))
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(5), '12345'.zfill(3), ''.zfill(2))
print(repr('a\tb\tc'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('12345\t6'.expandtabs(4)), repr('\t'.expandtabs(0)))
samples = ['123', '12.3', '', 'abc', 'Abc', 'ABC', 'abc123', ' ', '\t\n', '½', '²', '٣', 'Hello World', 'hello world', 'Ǆ', '_id', 'id1', '1id']
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
table = str.maketrans('abc', 'xyz')
print('aabbcc'.translate(table), 'hello'.translate(str.maketrans('', '', 'l')), 'hi'.translate({ord('h'): 'J', ord('i'): None}))
print(str.maketrans({'a': '1', 'b': None}), 'abc'.translate(str.maketrans({'a': '1', 'b': None})))
rot13 = str.maketrans('abcdefghijklmnopqrstuvwxyz', 'nopqrstuvwxyzabcdefghijklm')
print('hello world'.translate(rot13), 'hello world'.translate(rot13).translate(rot13))
print('héllo'.encode(), 'héllo'.encode('latin-1'), 'héllo'.encode('ascii', 'replace'), 'héllo'.encode('ascii', 'ignore'), 'h€'.encode('ascii', 'xmlcharrefreplace'), 'h€'.encode('ascii', 'backslashreplace'))
print(b'h\xc3\xa9llo'.decode(), b'h\xe9llo'.decode('latin-1'), b'h\xffi'.decode('utf-8', 'replace'), b'h\xffi'.decode('utf-8', 'ignore'))
print([ord(c) for c in 'aZ0 é€😀'], chr(97), chr(8364), chr(128512), chr(0x416), ord('\n'))
print(len('😀'), len('😀'.encode('utf-8')), len('😀'.encode('utf-16')), 'Ж'.encode('utf-8'), 'Ж'.encode('cp1251'))
print('Python'.center(20, '=') + '|', '{:^20}'.format('Python') + '|', 'Python'.ljust(10, '-') + 'Rust'.rjust(8, '-'))
print(str(123), str(-1.5), str([1]), str(None), str(b'x'), str(object)[:14], str(), repr(str()))
print('abc'.__len__(), 'abc'.__contains__('b'), 'a'.__add__('b'), 'ab'.__mul__(2), 'x'.__eq__('x'), 'b'.__lt__('a'))
print(max('hello'), min('hello'), sorted('hello'), ''.join(sorted('hello')), list('hi'), 'a,b'.split(',')[::-1])
print(' '.isspace(), ''.isspace(), '\u00a0'.isspace(), 'Ⅷ'.isnumeric(), 'x'.isidentifier(), 'class'.isidentifier())
print('MiXeD cAsE'.swapcase(), 'hello'[0].upper() + 'hello'[1:], 'a'.upper().lower(), 'İ'.lower() == 'i̇')
