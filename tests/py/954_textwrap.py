# topic: textwrap
# compare: exact
# timeout: 10
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Python is a well-known, "
        "general-purpose programming language -- loved by many. "
        "Supercalifragilisticexpialidocious words must be broken somewhere.")
for w in (10, 20, 30, 45, 79):
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 30))
print(textwrap.fill(text, 25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap(text, 15, break_on_hyphens=False))
print(textwrap.wrap('a\tb\tc  d\ne', 6), textwrap.wrap('a\tb', 20, expand_tabs=False))
print(textwrap.wrap('  leading and trailing  ', 10), textwrap.wrap('  keep  ', 4, drop_whitespace=False))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.fill('one', 10))
print(textwrap.shorten('Hello  world!', width=12))
print(textwrap.shorten('Hello  world!', width=11))
print(textwrap.shorten('Hello world, how are you today?', width=20, placeholder='...'))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder=' (more)'))
print(textwrap.fill('Hi. There! ok? yes.  End.', 40, fix_sentence_endings=True))
print(repr(textwrap.dedent('''
    def f():
        return 1
      
    x = 2
''')))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('    a\n  b\n      c')),
      repr(textwrap.dedent('no indent\n  x')), repr(textwrap.dedent('  \n  x\n  ')))
print(repr(textwrap.indent('a\nb\n\nc\n', '> ')))
print(repr(textwrap.indent('a\n  \nb', '+', lambda line: True)))
w = textwrap.TextWrapper(width=12, initial_indent='-> ')
print(w.wrap('multiple words in a single paragraph of text'))
print(textwrap.wrap('e-mail self-driving x-y a--b well--known re-re-entry', 8))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print('ValueError', e)
