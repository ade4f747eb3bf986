# topic: UTF-8 text round trip with Russian text: write/read, len of str vs bytes, line iteration, encoding argument, cp1251 round trip, errors handler, seek to start
# compare: exact
# timeout: 10
text = 'Привет, мир!\nЭто тест файла.\nЁжик в тумане — 2024 год.\n'
with open('ru.txt', 'w', encoding='utf-8') as f:
    n = f.write(text)
print(n, len(text), len(text.encode('utf-8')))
with open('ru.txt', encoding='utf-8') as f:
    content = f.read()
print(content == text, content.splitlines()[0], content.count('т'), content.upper().splitlines()[2])
with open('ru.txt', encoding='utf-8') as f:
    for line in f:
        words = line.split()
        print(len(line), words[0], words[-1])
with open('ru.txt', 'rb') as f:
    raw = f.read()
print(len(raw), raw[:12], raw.decode('utf-8')[:6])
with open('ru_1251.txt', 'w', encoding='cp1251') as f:
    f.write('Съешь ещё этих мягких французских булок')
with open('ru_1251.txt', 'rb') as f:
    b = f.read()
print(len(b), b[:6])
with open('ru_1251.txt', encoding='cp1251') as f:
    print(f.read())
try:
    with open('ru_1251.txt', encoding='utf-8') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e.reason, e.start)
with open('ru_1251.txt', encoding='utf-8', errors='replace') as f:
    print(f.read()[:5].count('\ufffd'))
with open('ru.txt', 'a', encoding='utf-8') as f:
    f.write('Добавлено\n')
with open('ru.txt', encoding='utf-8') as f:
    lines = f.readlines()
print(len(lines), lines[-1].strip(), sorted(set(''.join(lines).lower()) & set('абвгд')))
words = 'яблоко Банан арбуз вишня Ёлка ёж'.split()
print(sorted(words), sorted(words, key=str.lower), [w.capitalize() for w in words], max(words, key=len))
print('Москва'.center(12, '*'), f'{"Киев":>8}|', 'ПРИВЕТ'.lower(), 'привет'.title(), 'й'.encode(), 'Ё'.isupper())
