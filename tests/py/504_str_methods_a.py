# topic: str methods part 1: case, strip, split/rsplit/splitlines, join, replace, find/rfind/index/count, startswith/endswith with tuples and ranges
# compare: exact
# timeout: 10
s = '  Hello, World! hello  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')), repr('abcHIcba'.strip('abc')))
print(s.upper(), s.lower(), s.title(), s.swapcase(), 'hello world'.capitalize(), 'HELLO'.capitalize(), "they're bill's".title())
print('ß'.casefold(), 'Straße'.lower(), 'ǅ'.lower(), 'Ǆ'.title())
print('a,b,,c'.split(','), 'a b  c'.split(), '  lead trail  '.split(), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1))
print(''.split(), ''.split(','), 'abc'.split('abc'), 'one'.split(' '), 'a\tb\nc d'.split(), '1  2'.split(' '))
print('l1\nl2\r\nl3\rl4'.splitlines(), 'x\n\ny\n'.splitlines(), 'keep\nends\n'.splitlines(keepends=True), ''.splitlines())
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'), ' '.join(map(str, [1, 2, 3])), '|'.join(('solo',)))
print('aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'), 'abc'.replace('x', 'y'), 'aXbXc'.replace('X', ''))
t = 'the cat sat on the mat'
print(t.find('at'), t.find('at', 6), t.find('at', 6, 8), t.find('dog'), t.rfind('at'), t.rfind('the'), t.index('sat'), t.rindex('t'))
print(t.count('at'), t.count('the'), t.count(''), t.count('t', 10), 'aaaa'.count('aa'))
print(t.startswith('the'), t.startswith('cat', 4), t.startswith(('dog', 'the')), t.endswith('mat'), t.endswith(('x', 'at')), t.endswith('sat', 0, 11))
print('Hello'.removeprefix('He'), 'Hello'.removeprefix('x'), 'file.txt'.removesuffix('.txt'), 'file.txt'.removesuffix('.py'))
print('key=value=x'.partition('='), 'key=value=x'.rpartition('='), 'novalue'.partition('='), 'novalue'.rpartition('='))
try:
    t.index('dog')
except ValueError as e:
    print('ValueError:', e)
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError:', e)
csv_line = 'name, age ,city '
print([field.strip() for field in csv_line.split(',')])
sentence = 'The quick brown fox'
print(' '.join(reversed(sentence.split())), ' '.join(w[::-1] for w in sentence.split()), sentence[::-1])
print(sentence.lower().count('o'), len(sentence.split()), max(sentence.split(), key=len), sentence.split()[-1])
print('a-b_c d'.replace('-', ' ').replace('_', ' ').split(), 'CamelCaseString'.lower(), 'snake_case'.title().replace('_', ''))
print('%s' % 'x'.join('123'), 'abc' * 2, 'ab' + 'cd', 'a' in 'abc', 'ac' in 'abc', '' in 'x', 'abc' < 'abd')
