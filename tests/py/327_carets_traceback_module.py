# topic: carets through the traceback module: print_exc, format_exc, print_exception,
#        format_exception, format_tb / extract_tb positions, TracebackException
# compare: exact
# stderr: exact
import sys
import traceback


def inner(x):
    return {'k': 1}[x]


def outer(x):
    return [inner(x)][0] + 1


try:
    outer('z')
except KeyError as e:
    traceback.print_exc()
    text = traceback.format_exc()
    print(text)
    traceback.print_exception(e)
    print(''.join(traceback.format_exception(e)), end='')
    traceback.print_exception(type(e), e, e.__traceback__, file=sys.stdout)
    print(''.join(traceback.format_tb(e.__traceback__)), end='')
    traceback.print_tb(e.__traceback__, limit=2, file=sys.stdout)
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno, repr(fs.line))
    te = traceback.TracebackException.from_exception(e)
    print(''.join(te.format()), end='')
    print([(f.lineno, f.colno, f.end_colno) for f in te.stack])


def rec(n):
    return rec(n - 1) if n else 1 / n


try:
    rec(6)
except ZeroDivisionError as e:
    print(''.join(traceback.format_tb(e.__traceback__)), end='')
    traceback.print_exc(limit=3)

fs = traceback.FrameSummary('f.py', 3, 'g', line='a[1]', colno=0, end_colno=4, end_lineno=3)
print(traceback.StackSummary.from_list([fs]).format())
print(traceback.format_list([('f.py', 3, 'g', 'a[1]')]))
outer(5)
