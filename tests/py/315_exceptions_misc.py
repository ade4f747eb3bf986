# topic: exceptions in generators/comprehensions/__init__/__del__-free cases, exception objects as values, except with tuple from variable, nested handlers and loops
# compare: exact
# timeout: 10
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float('inf')
    except TypeError as e:
        return f'bad types: {e}'
print(safe_div(1, 2), safe_div(1, 0), safe_div('a', 2))
def parse_all(items):
    results, errors = [], []
    for item in items:
        try:
            results.append(int(item))
        except ValueError as e:
            errors.append(str(e))
    return results, errors
print(parse_all(['1', 'x', '3', '4.5', '-2']))
def gen_raises():
    yield 1
    raise ValueError('inside generator')
g = gen_raises()
print(next(g))
try:
    next(g)
except ValueError as e:
    print('ValueError:', e)
print(next(g, 'exhausted after error'))
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print('in comprehension:', e)
class Failing:
    def __init__(self, ok):
        if not ok:
            raise ValueError('construction failed')
        self.ok = ok
try:
    f = Failing(False)
except ValueError as e:
    print('ValueError:', e)
print('f' in dir())
errors = [ValueError('v'), KeyError('k'), TypeError('t')]
for err in errors:
    try:
        raise err
    except (ValueError, TypeError) as e:
        print('handled', type(e).__name__, e is err)
    except Exception as e:
        print('generic', repr(e))
def classify(exc):
    try:
        raise exc
    except ArithmeticError:
        return 'arith'
    except LookupError:
        return 'lookup'
    except Exception:
        return 'other'
print([classify(e) for e in [ZeroDivisionError(), OverflowError(), IndexError(), KeyError(), OSError(), StopIteration()]])
import errno
try:
    open('does-not-exist.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, e.strerror, e.filename, str(e))
except OSError:
    print('other OSError')
try:
    raise OSError(2, 'custom strerror', 'name.txt')
except FileNotFoundError as e:
    print('mapped to subclass:', type(e).__name__, str(e))
e = ValueError('stored')
print(str(e), e.args, isinstance(e, BaseException))
try:
    try:
        raise ValueError('inner')
    except ValueError:
        raise
except ValueError as outer:
    print('re-raised', outer)
def find_first_negative(nums):
    class Found(Exception):
        pass
    try:
        for i, row in enumerate(nums):
            for j, v in enumerate(row):
                if v < 0:
                    raise Found((i, j))
    except Found as f:
        return f.args[0]
    return None
print(find_first_negative([[1, 2], [3, -4], [-5, 6]]), find_first_negative([[1]]))
try:
    raise ExceptionGroup('group', [ValueError('a'), TypeError('b')])
except* ValueError as eg:
    print('except* ValueError', [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print('except* TypeError', [str(x) for x in eg.exceptions])
