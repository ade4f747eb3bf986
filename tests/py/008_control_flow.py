# compare: exact

for i in range(10):
    if i == 2:
        continue
    if i == 6:
        break
    print(i, end=' ')
else:
    print('no break')
print()
n = 0
while n < 3:
    n += 1
else:
    print('while done', n)
for x in []:
    pass
else:
    print('empty for else')
val = 7
print('odd' if val % 2 else 'even')
match val:
    case 1 | 2:
        print('small')
    case int(v) if v > 5:
        print('big', v)
    case _:
        print('other')
point = (0, 5)
match point:
    case (0, y):
        print('on y axis', y)
    case (x, 0):
        print('on x axis', x)
cmd = {'action': 'move', 'dx': 3}
match cmd:
    case {'action': 'move', 'dx': dx}:
        print('move by', dx)
