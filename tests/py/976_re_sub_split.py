# topic: re: sub/subn (templates, callables, count), split (maxsplit, groups), empty matches (3.7+ rules)
# compare: exact
# timeout: 10
import re

print(re.sub(r'\d+', '#', 'a1b22c333'))
print(re.sub(r'\d+', '#', 'a1b22c333', count=2), re.sub(r'\d+', '#', 'a1b22c333', 1))
print(re.subn(r'\d+', '#', 'a1b22c333'), re.subn('x', 'y', 'abc'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home ann@work'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k> [\g<0>] \g<1>', 'a=1, b=2'))
print(re.sub(r'(a)', r'\n\t\\-\0x\08', 'a'), repr(re.sub('a', r'\-\&', 'a')))
print(re.sub(r'(\d)', lambda m: str(int(m.group(1)) * 2), 'a1b2c9'))
print(re.sub(r'x', lambda m: None, 'axbxc'))
print(re.sub(r'(?i)HELLO', 'bye', 'Hello hello HELLO'))
print(re.sub('a', 'b', 'aaa', flags=re.I), re.sub('A', 'b', 'aaa', 0, re.I))
print(re.sub(r'^', '> ', 'line1\nline2', flags=re.M))
print(re.sub(r'$', ';', 'a\nb\n', flags=re.M))
print(re.sub(r'\s+', ' ', '  many   spaces\there \n'))
print(re.sub('', '-', 'abc'), re.sub('x*', '-', 'abc'), re.sub('x*', '-', 'abxd'))
print(re.sub(r'\b', '|', 'ab cd'), re.subn('b*', 'X', 'abbc'))
print(re.sub('a|(b)', r'[\1]', 'ab'))
print(re.compile(r'o').sub('0', 'foo boo', 3), re.compile('(o)').subn(r'<\1>', 'foo'))
print(re.sub(b'(a)', rb'<\1>', b'banana'), re.sub(b'a', lambda m: b'A', b'banana'))
m = re.search(r'(\w+) (\w+)', 'hello world')
print(m.expand(r'\2 \1'), m.expand(r'\g<2>\g<1>'))
count = [0]
def repl(m):
    count[0] += 1
    return m.group().upper()
print(re.sub(r'[aeiou]', repl, 'programming language'), count)
print(re.sub('(?P<x>a)', r'\g<x>\g<x>', 'banana'))
print(re.sub(r'(\d+)', r'\g<1>0', 'x5 y10'))

# split
print(re.split(r',\s*', 'a, b,c,   d'))
print(re.split(r'(,)\s*', 'a, b,c'))
print(re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'Words, words, words.', maxsplit=2))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'x*', 'axbc'), re.split(r'\b', 'a b'), re.split('', 'abc'))
print(re.split(r'(?=b)', 'abab'), re.split(r'(\s)', 'a b  c'))
print(re.split('x', ''), re.split('', ''), re.split('a', 'a'), re.split('(a)', 'a'))
print(re.split(rb'\s+', b'a b  c'), re.compile(r'\d').split('a1b2c3', 2))
print(re.split(r'-', 'a-b-c', maxsplit=-1))

# findall / finditer empty matches
print(re.findall('x*', 'axxb'), [m.span() for m in re.finditer('x*', 'axxb')])
print(re.findall(r'\d*', '12a3'), re.findall(r'a|', 'ab'))
print(re.findall(r'(\w)(\w)?', 'abc'), re.findall(r'', ''))
print([m.group() for m in re.finditer(r'\w+', 'one two  three')])
print(list(re.finditer(r'(?m)^\w', 'ab\ncd\nef')))

# Russian text, IGNORECASE with Cyrillic/Greek
text = 'Привет, мир! Съешь же ещё этих мягких французских булок, да выпей чаю.'
print(re.findall(r'\w+', text))
print(re.findall(r'(?i)мир|ПРИВЕТ|БУЛОК', text))
print(re.sub(r'[аеёиоуыэюя]', '_', text, flags=re.I))
print(re.split(r'[,.!]\s*', text))
print(re.search(r'\bже\b', text).span(), re.findall(r'\b\w{5}\b', text))
print(re.fullmatch(r'(?i)ΣΟΦΊΑ', 'σοφία'), re.match(r'(?i)straße', 'STRAßE'))
print(re.findall(r'[А-Яа-яЁё]+', 'Ёж и ель, tree'), re.findall(r'(?i)[а-я]+', 'ЁЖ ЕЛЬ'))
print(re.findall(r'(?a)\w+', 'abc мир 123'), re.findall(r'\d+', 'цифры ٣٤ 56'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'Иван Петров'))
m = re.search(r'(?P<имя>\w+)@', 'почта: юзер@пример.рф')
print(m.group('имя'), m.span(), m.start('имя'), repr(m))
print(re.match(r'(?i)k', '\u212a'), re.match(r'(?i)s', 'ſ'), re.match(r'(?i)[ſ]', 'S'), re.match(r'(?ia)s', 'ſ'))
print(re.findall(r'.', 'a€😀b'), re.search(r'😀+', 'x😀😀y').span(), re.sub('€', 'EUR', '5€'))
print(re.split(r'\s*;\s*', 'один ; два;три'), re.findall(r'\S+', 'α β γ'))
