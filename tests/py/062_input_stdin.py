# compare: exact
# stdin: Alice\n42\nrest line

name = input('Name: ')
age = int(input())
print(f'Hello {name}, next year {age + 1}')
import sys
print(repr(sys.stdin.readline()))
try:
    input()
except EOFError as e:
    print('EOFError', e)
