# topic: re: compile/match/search/fullmatch/findall/finditer, Pattern and Match objects, syntax
# compare: exact
# timeout: 10
import re

def show(m):
    if m is None:
        print(None)
    else:
        print(repr(m), m.span(), m.groups())

# literals, escapes, dot, anchors
show(re.match(r'abc', 'abcdef'))
show(re.match(r'abc', 'xabc'))
show(re.search(r'abc', 'xxabcxx'))
show(re.fullmatch(r'a.c', 'abc'))
show(re.fullmatch(r'a.c', 'abcd'))
show(re.search(r'a\.c', 'abc a.c'))
show(re.search(r'\n\t\\', 'x\n\t\\y'))
show(re.search(r'\x41\u0042\U00000043\101', 'zABCA'))
show(re.search(r'\0\07\012', 'a\0\07\nb'))
show(re.match('a.b', 'a\nb'))
show(re.match('a.b', 'a\nb', re.S))
show(re.search('^b', 'a\nb'))
show(re.search('^b', 'a\nb', re.M))
show(re.search('a$', 'a\n'))
show(re.search('a$', 'a\nb'))
show(re.search('a$', 'a\nb', re.M))
show(re.search(r'a\Z', 'a\n'))
show(re.search(r'\Aa', 'ba'))
show(re.search(r'\bfoo\b', 'a foo b'))
show(re.search(r'\bfoo\b', 'afoob'))
show(re.search(r'\Boo\B', 'afoob'))
print(re.findall(r'\b\w', 'hello big world'))

# classes
print(re.findall(r'[a-c]+', 'abcdabx'))
print(re.findall(r'[^a-c]+', 'abcdabx'))
print(re.findall(r'[]a]', 'a]b'))
print(re.findall(r'[a\-z]', 'a-bz'))
print(re.findall(r'[-a]', 'a-b'))
print(re.findall(r'[\d\s]+', '12 3a4\t5'))
print(re.findall(r'\d+', 'a12b345c'))
print(re.findall(r'\D+', 'a12b345c'))
print(re.findall(r'\s+', 'a b\t\nc'))
print(re.findall(r'\S+', 'a b\t\nc'))
print(re.findall(r'\w+', 'hi, there_1 !'))
print(re.findall(r'\W+', 'hi, there_1 !'))
print(re.findall(r'[\w.]+@[\w.]+', 'mail bob@x.org and al.b@y.ru'))
print(re.findall(r'[^\W\d]+', 'ab12cd_3'))

# quantifiers
for pat in ['a*', 'a+', 'a?', 'a{2}', 'a{2,}', 'a{,2}', 'a{1,3}', 'a*?', 'a+?', 'a??', 'a{1,3}?', 'a{2,}?']:
    print(pat, re.match(pat, 'aaaa').group())
print(re.match(r'(a+)(a+)', 'aaaa').groups())
print(re.match(r'(a+?)(a+)', 'aaaa').groups())
print(re.match(r'(.*)-(.*)', 'x-y-z').groups())
print(re.match(r'(.*?)-(.*)', 'x-y-z').groups())
print(re.match(r'(ab)*', 'ababx').group(0, 1))
print(re.match(r'(ab){2}', 'ababab').span())
print(re.match(r'(?:ab){1,2}?c', 'ababc').span())
print(re.match(r'x{}', 'x{}').group(), re.match(r'x{a}', 'x{a}').group(), re.match(r'x{,}', 'xxx').group())
print(re.match(r'a*+a', 'aaa'), re.match(r'a++b', 'aab').group(), re.match(r'(?>a+)b', 'aab').group())
print(re.match(r'(?>a|ab)c', 'abc'), re.match(r'(?:a|ab)c', 'abc').group())

# groups
m = re.match(r'(?P<first>\w+) (?P<last>\w+)(?P<extra>!)?', 'Jane Doe')
print(m.group(), m.group(1), m.group('last'), m.group(1, 'last', 0), m['first'], m[2])
print(m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0))
print(m.start(), m.end(), m.span(2), m.start('last'), m.end('extra'), m.span(3))
print(m.lastindex, m.lastgroup, m.re.pattern, m.string, m.pos, m.endpos, m.regs)
print(bool(m), m.expand(r'\2, \1 \g<first> \g<0>'))
print(re.match(r'((a)b)', 'ab').lastindex, re.match(r'(a)(b)', 'ab').lastindex, re.match('a', 'a').lastindex)
print(re.match(r'(a)|b', 'b').groups(), re.match(r'(a)|(b)', 'b').lastindex)
print(re.match(r'(a*)*', 'b').groups(), re.match(r'(a|)*', 'aa').groups(), re.match(r'(?:(a)|b)*', 'ab').groups())
print(re.match(r'(a)?(b)?c', 'bc').groups(), re.match(r'(a)?(b)?c', 'bc').span(1))
try:
    m.group(7)
except IndexError as e:
    print('IndexError', e)
try:
    m.group('nope')
except IndexError as e:
    print('IndexError', e)

# backreferences, named refs, conditionals, lookaround
print(re.search(r'(\w)\1', 'abccd').group())
print(re.search(r'(?P<c>\w)(?P=c)', 'abddx').group())
print(re.findall(r'(\w+) \1', 'the the cat cat dog'))
print(re.match(r'(?i)(a)\1', 'aA'))
print(re.findall(r'(<)?\w+(?(1)>)', '<a> b <c'))
print(re.findall(r'(?P<q>")?\w+(?(q)"|!)', '"x" y! z'))
print(re.findall(r'\w+(?=,)', 'a, b, c'))
print(re.findall(r'\w+(?!,)\b', 'a, b, c'))
print(re.findall(r'(?<=\$)\d+', 'cost $10 and $200 or 5'))
print(re.findall(r'(?<!\$)\b\d+', 'cost $10 and $200 or 5'))
print(re.search(r'(?<=ab)c', 'abc').span(), re.search(r'(?<=a(b))c', 'abc').groups())
print(re.compile(r'(?<=a)b').search('ab', 1))
print(re.findall(r'a(?#comment)b', 'ab ab'))

# alternation
print(re.findall(r'cat|dog|bird', 'dog, cat, fish, bird'))
print(re.match(r'a|ab|abc', 'abc').group(), re.fullmatch(r'a|ab|abc', 'abc').group())
print(re.findall(r'(a|b)+', 'abba cab'))

# verbose
pat = re.compile(r"""
    (?P<int>\d+)      # integer part
    (?:\.(?P<frac>\d+))?  # fraction
    \ #  escaped space
    [#]x
""", re.VERBOSE)
print(pat.match('12.5 #x').groupdict(), pat.groups, pat.groupindex)
print(re.match(r'(?x) a b c # comment', 'abc'))

# Pattern object API
p = re.compile(r'(\d+)-(\d+)')
print(p.pattern, p.flags, p.groups, p.groupindex, repr(p))
print(p.search('a 1-2 b', 3), p.search('a 1-2 b', 2), p.match('x1-2', 1), p.match('x1-2', 1, 3))
print(p.fullmatch('1-23', 0, 3), p.findall('1-2 3-4 5-6', 2), p.findall('1-2 3-4 5-6', 0, 7))
print([m.span() for m in p.finditer('1-2 33-44')], [m.group(2) for m in re.finditer(r'(\w)(\d)', 'a1b2')])
print(re.compile('a+b', re.I), re.compile(b'x', re.I | re.M), re.compile('x', re.A), re.compile('x', re.S | re.X))
print(re.compile('x' * 300))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), hash(re.compile('q')) == hash(re.compile('q')))
print(re.compile(p) is p, re.compile('abc') is re.compile('abc'))
print(re.match('abc', 'abc'), re.search('b+', 'a' + 'b' * 100))
print(re.match('x', 'x').__class__, type(p), re.Pattern, re.Match)
it = p.finditer('1-2')
print(next(it).group(), next(it, 'done'))
print(re.findall('', 'ab'), re.findall('|a', 'a'), re.findall(r'\b', 'ab cd'))
print(re.findall(r'(a)(b)?', 'ab a'), re.findall(r'((a)b)', 'ab'))
print(re.search('', '').span(), re.match('$', '').span(), re.search(r'\b', ''), re.search(r'\B', ''))

# bytes
print(re.findall(rb'\w+', b'hello world 42'))
print(re.match(rb'(\d+)', b'123abc').group(1), re.sub(rb'a', b'b', b'banana'))
print(re.search(rb'[\x80-\xff]+', b'abc\xe9\xffz').span())
print(re.match(rb'(?i)ABC', b'abc').group())
m = re.search(rb'(?P<x>b+)', bytearray(b'abbc'))
print(m.group(), m.span('x'))
try:
    re.search('a', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.search(b'a', 'a')
except TypeError as e:
    print('TypeError', e)

# escape
print(re.escape('a-b.c d\n_é*?'), re.escape(b'1+1=2'))
print(re.match(re.escape('[x](y)'), '[x](y)').group())
re.purge()
print(re.search(r'(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)', 'on 2024-03-15.').groupdict())
