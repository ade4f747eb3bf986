# compare: exact

with open('data.txt', 'w') as f:
    print(f.write('first line\n'), f.name, f.mode, f.closed)
    f.writelines(['second\n', 'third\n'])
print(f.closed)
with open('data.txt') as f:
    print(f.readline(), end='')
    print(f.read())
with open('data.txt') as f:
    print(f.readlines())
with open('data.txt') as f:
    for n, line in enumerate(f, 1):
        print(n, line.rstrip())
with open('data.txt', 'a') as f:
    f.write('fourth\n')
print(open('data.txt').read().count('\n'))
