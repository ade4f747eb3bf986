# compare: exact

text = 'Привет, мир!\nЁлка\n'
with open('ru.txt', 'w', encoding='utf-8') as f:
    f.write(text)
with open('ru.txt', encoding='utf-8') as f:
    data = f.read()
print(data == text, len(data), data.splitlines())
with open('ru.txt', 'rb') as f:
    print(len(f.read()))
with open('nl.txt', 'wb') as f:
    f.write(b'a\r\nb\rc\nd')
with open('nl.txt') as f:
    print(repr(f.read()))
with open('nl.txt', newline='') as f:
    print(f.readlines())
with open('nl.txt') as f:
    print(list(f))
with open('ru.txt', encoding='utf-8') as f:
    print(f.read(3), f.read(4))
