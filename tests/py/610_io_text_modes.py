# topic: open() text modes: w/r/a/x/r+/w+, write returns counts, read/readline/readlines/iteration, newline handling, print(file=), seek/tell in text mode, closed files
# compare: exact
# timeout: 10
with open('notes.txt', 'w') as f:
    print(f.write('first line\n'), f.write('second line\n'), f.writelines(['third\n', 'fourth']))
    print(f.mode, f.name, f.closed, f.writable(), f.readable())
print(f.closed)
with open('notes.txt') as f:
    print(repr(f.read()))
with open('notes.txt', 'r') as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(3)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open('notes.txt') as f:
    print(f.readlines())
with open('notes.txt') as f:
    for i, line in enumerate(f, 1):
        print(i, line.rstrip('\n'))
with open('notes.txt', 'a') as f:
    f.write('\nappended')
with open('notes.txt') as f:
    lines = f.read().splitlines()
print(lines, len(lines))
try:
    open('notes.txt', 'x')
except FileExistsError as e:
    print('FileExistsError:', e)
with open('new.txt', 'x') as f:
    f.write('exclusive')
with open('new.txt', 'r+') as f:
    print(f.read(), f.tell())
    f.seek(0)
    f.write('EX')
    f.seek(0)
    print(f.read())
with open('new.txt', 'w+') as f:
    print(repr(f.read()))
    f.write('truncated and rewritten')
    f.seek(0)
    print(f.read(9), f.tell())
with open('printed.txt', 'w') as f:
    print('a', 1, 2.5, sep='|', end='!\n', file=f)
    print('second', file=f)
print(open('printed.txt').read(), end='')
with open('crlf.txt', 'w', newline='') as f:
    f.write('one\r\ntwo\rthree\n')
with open('crlf.txt') as f:
    print(repr(f.read()))
with open('crlf.txt', newline='') as f:
    print(repr(f.read()), repr(open('crlf.txt', 'rb').read()))
f = open('notes.txt')
f.close()
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)
try:
    open('missing_dir/x.txt', 'w')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
with open('notes.txt', 'w') as f:
    try:
        f.read()
    except Exception as e:
        print(type(e).__name__ + ':', e)
try:
    open('notes.txt', 'q')
except ValueError as e:
    print('ValueError:', e)
with open('empty.txt', 'w'):
    pass
with open('empty.txt') as f:
    print(repr(f.read()), repr(f.readline()), f.readlines())
print(sorted(__import__('os').listdir('.')))
