# compare: exact

def risky(n):
    try:
        if n == 0:
            raise ValueError('zero')
        if n == 1:
            return 1 / 0
        return 'ok'
    except ValueError as e:
        return f'caught {e!r}'
    except ZeroDivisionError as e:
        return f'div: {e}'
    finally:
        print('finally', n)
for i in range(3):
    print(risky(i))
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, 'not found')
except AppError as e:
    print(e, e.code, e.args, type(e).__name__)
try:
    try:
        {}['k']
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int('x')
except ValueError as e:
    print(repr(e), type(e.__context__).__name__)
def gen_err():
    try:
        yield 1
    finally:
        print('gen cleanup')
for v in gen_err():
    print('got', v)
print(issubclass(KeyError, LookupError), issubclass(FileNotFoundError, OSError))
e = ValueError('a', 2)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError('k')), str(KeyError('k')))
