# compare: exact

import textwrap
text = 'The quick brown fox jumps over the lazy dog. ' * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill('one two three four five six', width=10))
print(textwrap.dedent("""
    indented
      more
    back"""))
print(textwrap.indent('a\nb', '> '), textwrap.shorten('Hello world, this is long', width=15))
