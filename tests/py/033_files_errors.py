# compare: exact

try:
    open('missing.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
open('exists.txt', 'w').close()
try:
    open('exists.txt', 'x')
except FileExistsError as e:
    print(e)
for mode in ['q', 'rw', 'rbt']:
    try:
        open('exists.txt', mode)
    except ValueError as e:
        print(e)
f = open('exists.txt')
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
try:
    with open('exists.txt') as g:
        g.write('x')
except Exception as e:
    print(type(e).__name__, e)
import os
os.mkdir('adir')
try:
    open('adir')
except IsADirectoryError as e:
    print(e)
