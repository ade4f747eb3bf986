# topic: re: re.error messages/positions as CPython, flags enum and inline flags, cache, deep inputs
# compare: exact
# timeout: 10
import re

bad = ['(', 'a)', '*', 'a**', r'\q', '\\', '[a', '[z-a]', 'a{3,2}', '(?<x)', '(?P<1a>x)',
       '(?P<a>x)(?P<a>y)', '(?P=zz)', r'\5', r'(a\1)', '(?<=a*)b', '(?<!ab|c)', '(?z)', 'a(?i)b', '(?',
       '(?P', '(?P<a', '(?#abc', r'\x4', r'\xzz', r'\u12', r'[\q]', '(?P<a>x)(?P=a', '(?(2)a|b)',
       '(?(1)a|b|c)', '(?x', '(?-i)', '(?i-i:a)', '(?L)', 'a|*', '(?P>x)', '[]', '{1,2}', 'x{1,2}{3}',
       r'\8', r'[\d-z]', '(?P<a>', '(?i', '(?au)', '(?i:', '(?P=)', '(?P<>a)', '(?(a)b)', '(?()b)',
       'a*+?', '(?>a', r'\b*', '^*', r'[a-\d]', r'\400', 'ab\n(cd', 'x\n  )', '((a)', 'a{1,2', '+a']
for pat in bad:
    try:
        re.compile(pat)
        print(repr(pat), 'compiled')
    except re.error as e:
        print(repr(pat), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == pat)
for args in [(b'\\d', re.U), (b'(?u)a', 0), ('a', re.A | re.U), ('a', re.L)]:
    try:
        re.compile(*args)
    except Exception as e:
        print(args, type(e).__name__, e)
try:
    re.compile('a{4294967295}')
except OverflowError as e:
    print('OverflowError', e)
for tpl in [r'\3', r'\g<x>', r'\q', r'\g<', r'\g<1', r'\g<>', r'\g<a-b>', '\\', r'\g<2>', r'\18']:
    try:
        print(repr(tpl), repr(re.sub('(a)', tpl, 'a')))
    except (re.error, IndexError) as e:
        print(repr(tpl), type(e).__name__, e)
try:
    re.sub('a', lambda m: 3, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
try:
    re.compile(42)
except TypeError as e:
    print('TypeError', e)
e = re.error('bad', 'ab\ncd', 4)
print(str(e), e.msg, e.pos, e.lineno, e.colno, isinstance(e, Exception), re.error.__name__)
print(str(re.error('plain')), re.error('plain').pos)

# flags
print(re.I, re.IGNORECASE, repr(re.M), re.S, re.X, re.A, re.U, re.NOFLAG, repr(re.I | re.M))
print(int(re.I), re.I | re.M | re.S, re.I == 2, re.I + 0, isinstance(re.I, int), re.I.name, re.I.value)
print(re.compile('a', re.I).flags, re.compile(b'a').flags, re.compile('(?i)a').flags, re.compile('(?s)(?m)x').flags)
print(re.compile('a', re.A).flags, re.compile('(?a)a').flags, re.compile('a', re.I | re.X).flags)
print(repr(re.compile('a', re.I | re.S)), repr(re.compile(b'a', re.I)), repr(re.compile('(?x)a')))
print(re.findall(r'(?i)abc', 'ABC abc AbC'), re.findall(r'a(?i:b)c', 'aBc ABC abc'))
print(re.findall(r'(?i)a(?-i:b)c', 'aBc AbC abc'), re.findall(r'(?s:.)', 'a\nb'), re.findall(r'(?m:^x)', 'x\nx'))
print(re.match(r'(?x: a b ) c', 'ab c'), re.match(r'(?x: a b )c', 'abc'))
print(re.findall(r'[a-z]+', 'Hello World', re.I), re.findall(r'[^a-z]+', 'Hello World', re.I))
print(re.findall(r'\w+', 'naïve café', re.A), re.findall(r'\w+', 'naïve café'))
print(re.search(r'\bcafé\b', 'un café noir'), re.search(r'(?a)\bcaf\b', 'un café noir'))

# big inputs: no C stack overflow, sensible speed
s = 'ab' * 500000
m = re.match(r'(a|b)*', s)
print(m.end(), m.group(1))
print(len(re.findall(r'(?:a|b)+?c|.', 'ab' * 1000)))
m = re.fullmatch(r'(?:x|y)*z', 'xy' * 100000 + 'z')
print(m.span())
print(re.match(r'((a)|b)*c', 'ab' * 200000 + 'c').groups())
print(len(re.findall(r'\w+', 'word ' * 200000)), len(re.sub(r'\s', '', 'a b ' * 100000)))
print(re.search(r'(a+)+b', 'a' * 22), re.match('.*x', 'y' * 100000))
print(re.search(r'needle', 'hay' * 100000 + 'needle').span())
print(len(re.split(r',', ','.join(['x'] * 100000))))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567890'))

# cache and misc API
re.purge()
p1 = re.compile('abc')
print(p1 is re.compile('abc'), re.compile('abc', re.I) is re.compile('abc', re.I))
for i in range(600):
    re.compile('x%d' % i)
print(re.compile('x599').pattern)
print(sorted(n for n in re.__all__))
print(re.Scanner([(r'\d+', lambda s, t: int(t)), (r'\s+', None), (r'[a-z]+', lambda s, t: t.upper())]).scan('12 ab 3 !'))
import copy
print(copy.copy(p1) is p1, copy.deepcopy(p1) is p1)
