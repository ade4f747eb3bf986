# topic: string module constants, string.Template (substitute/safe_substitute), capwords, textwrap (wrap/fill/dedent/indent/shorten)
# compare: exact
# timeout: 10
import string
import textwrap
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable), string.ascii_letters[:30])
t = string.Template('$who likes ${what}s, costs $$5')
print(t.substitute(who='tim', what='apple'), t.substitute({'who': 'ann', 'what': 'pear'}))
print(string.Template('$a and $b').safe_substitute(a='A'))
try:
    string.Template('$missing').substitute()
except KeyError as e:
    print('KeyError:', e)
print(string.capwords('hello   big world'), string.capwords('a-b c-d', '-'))
text = ('The quick brown fox jumps over the lazy dog. ' * 3).strip()
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40))
print(textwrap.fill('short', width=40), textwrap.wrap('', 10))
code = '''
    def f():
        return 1
'''
print(repr(textwrap.dedent(code)))
print(textwrap.indent('line1\nline2\n\nline4', '> '))
print(textwrap.shorten('Hello  world, this is a long sentence', width=20), textwrap.shorten('tiny', width=10))
print(textwrap.fill('a ' * 20, width=15, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('supercalifragilisticexpialidocious', width=10))
print(len(string.ascii_letters), all(c in string.printable for c in 'abc!'), 'x'.join(string.digits[:3]))
