# topic: custom exception hierarchies, extra attributes, __str__ overrides, args handling, catching by base class, isinstance checks
# compare: exact
# timeout: 10
class AppError(Exception):
    """Base for app errors."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f'{field}: {message}')
        self.field = field
        self.message = message
class NotFound(AppError):
    def __init__(self, key):
        self.key = key
    def __str__(self):
        return f'not found: {self.key!r}'
class HttpError(AppError):
    def __init__(self, code, *rest):
        super().__init__(code, *rest)
        self.code = code
def act(kind):
    if kind == 'validate':
        raise ValidationError('email', 'missing @')
    if kind == 'find':
        raise NotFound('user42')
    if kind == 'http':
        raise HttpError(404, 'Not Found')
    if kind == 'plain':
        raise AppError()
    return 'ok'
for kind in ['validate', 'find', 'http', 'plain', 'none']:
    try:
        print(act(kind))
    except ValidationError as e:
        print('validation', e.field, '|', e.message, '|', e, '|', e.args, '|', repr(e))
    except AppError as e:
        print(type(e).__name__, '|', str(e), '|', e.args, '|', repr(e), '|', isinstance(e, Exception))
print(issubclass(ValidationError, AppError), issubclass(AppError, BaseException), AppError.__doc__)
print([c.__name__ for c in ValidationError.__mro__])
class WithDefault(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print(e, repr(e))
class Multi(Exception):
    pass
for args in [(), ('one',), ('one', 2), (None,), ([1, 2],)]:
    e = Multi(*args)
    print(repr(str(e)), repr(e), e.args)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
e = NoSuper(1, 2)
print(repr(str(e)), e.args, e.a + e.b)
class Retry(Exception):
    attempts = 0
def flaky():
    Retry.attempts += 1
    if Retry.attempts < 3:
        raise Retry(f'attempt {Retry.attempts} failed')
    return f'succeeded after {Retry.attempts}'
while True:
    try:
        print(flaky())
        break
    except Retry as e:
        print('retrying:', e)
try:
    raise ValueError('bad', 42)
except ValueError as e:
    msg, code = e.args
    print(msg, code, str(e))
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print('TypeError:', e)
try:
    raise 'string'
except TypeError as e:
    print('TypeError:', e)
e1 = KeyError('k')
print(str(e1), repr(e1), str(KeyError()), str(KeyError('a', 'b')), str(IndexError('i')))
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyboardInterrupt, Exception))
print(issubclass(FileNotFoundError, OSError), issubclass(UnicodeDecodeError, ValueError), issubclass(RecursionError, RuntimeError))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(StopIteration, Exception), issubclass(SystemExit, Exception), IOError is OSError)
