# topic: traceback carets on lines with non-ASCII text (byte columns converted to characters,
#        East Asian wide characters and emoji two columns wide) and on tab-indented lines
# compare: exact
# stderr: exact
import traceback


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        traceback.print_exc()


def russian(имя):
    результат = 'слово: ' + имя.upper() + 1
    return результат


def russian_subscript(d):
    return d['ключ'] + d['другой ключ']


def emoji(v):
    return '🙂🙂' + v / 0


def tabbed(v):
	x = {'a': v}
	return x['b']


def wide(d):
    return len('中文') + d['鍵']['ｋｅｙ']


def formatted(fn, *args):
    try:
        fn(*args)
    except Exception as e:
        print(''.join(traceback.format_tb(e.__traceback__)), end='')


show(russian, 'тест')
show(wide, {'鍵': {}})
formatted(wide, {'鍵': {}})
formatted(emoji, 1)
formatted(russian_subscript, {'ключ': 1})
show(russian_subscript, {'ключ': 1})
show(emoji, 1)
show(tabbed, 1)
данные = {'ключ': 'значение'}
print(данные['ключ'], данные['нет'])
