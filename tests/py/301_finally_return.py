# topic: return/break/continue interacting with finally: finally overriding return, swallowing exceptions, return value evaluated before finally
# compare: exact
# timeout: 10
def f1():
    try:
        return 'try'
    finally:
        print('f1 finally')
print(f1())
def f2():
    try:
        return 'try'
    finally:
        return 'finally'
print(f2())
def f3():
    try:
        raise ValueError('lost')
    finally:
        return 'finally swallowed exception'
print(f3())
def f4():
    x = 1
    try:
        return x
    finally:
        x = 2
        print('f4 finally x =', x)
print(f4())
def f5():
    items = []
    try:
        return items
    finally:
        items.append('mutated in finally')
print(f5())
def f6():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return 'end'
print(f6())
def f7():
    while True:
        try:
            raise KeyError('x')
        finally:
            break
    return 'break swallowed'
print(f7())
def f8():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
print(f8())
def f9():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'from except'
    finally:
        print('f9 finally after except return')
print(f9())
def f10(n):
    try:
        if n == 0:
            raise ValueError('zero')
        return 100 // n
    except ValueError:
        return -1
    else:
        print('else never reached when try returns')
    finally:
        print('f10 finally', n)
print(f10(0), f10(5))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print('generator finally')
for v in gen():
    print('got', v)
    break
print('after break')
def counter():
    calls = []
    def inner():
        try:
            calls.append('try')
            return len(calls)
        finally:
            calls.append('finally')
    return inner(), calls
print(counter())
def finally_raises():
    try:
        return 'value'
    finally:
        raise RuntimeError('finally raised')
try:
    finally_raises()
except RuntimeError as e:
    print('RuntimeError:', e)
