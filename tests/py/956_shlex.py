# topic: shlex split/quote/join
# compare: exact
# timeout: 10
import shlex

for s in ['ls -l /tmp', 'echo "hello world"', "echo 'single quoted' x", 'a\\ b c',
          'say "a \\"quoted\\" word"', "mix'ed quo'tes\"here\"", '  lots   of   space  ',
          'x # comment', 'empty "" \'\' args', 'tab\tsep\nnewline', 'esc "\\$HOME \\n"',
          "it's' \\'", 'a"b c"d', '--opt=1 --name="John Smith"', '']:
    print(repr(s), shlex.split(s))
print(shlex.split('x # comment here', comments=True), shlex.split('a "b c"', posix=False))
for bad in ['"unterminated', "'open", 'trailing\\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print('ValueError', e)
for s in ['', 'simple', 'has space', "it's", 'a"b', '$HOME', 'x;rm', 'ok-._/=:,@%+', 'ü']:
    print(shlex.quote(s))
args = ['echo', 'hello world', "it's", '']
print(shlex.join(args), shlex.split(shlex.join(args)) == args)
lex = shlex.shlex('a = b + "c d"; e')
print(list(lex))
lex = shlex.shlex('cmd --x=1 "y z"', posix=True)
lex.whitespace_split = True
print(list(lex))
