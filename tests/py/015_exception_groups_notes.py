# compare: exact

try:
    raise ValueError('base')
except ValueError as e:
    e.add_note('note one')
    print(e.__notes__)
try:
    raise ExceptionGroup('group', [ValueError(1), TypeError(2)])
except* ValueError as eg:
    print('value errors:', eg.exceptions)
except* TypeError as eg:
    print('type errors:', eg.exceptions)
