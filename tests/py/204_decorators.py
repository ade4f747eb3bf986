# topic: function decorators: plain, with arguments, stacked order, functools.wraps metadata, decorators that count/cache/validate
# compare: exact
# timeout: 10
import functools

def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    return wrapper

def repeat(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorator

def trace(label):
    def decorator(func):
        def wrapper(*args):
            print(f'[{label}] enter {func.__name__}{args}')
            result = func(*args)
            print(f'[{label}] exit {func.__name__} -> {result!r}')
            return result
        wrapper.__name__ = 'traced_' + func.__name__
        return wrapper
    return decorator

@shout
def hello(name):
    """Say hello."""
    return f'hello {name}'

@repeat(3)
def roll(x):
    """Roll something."""
    return x * 2

@trace('outer')
@trace('inner')
def add(a, b):
    return a + b

print(hello('bob'), hello.__name__, hello.__doc__)
print(roll(4), roll.__name__, roll.__doc__, roll.__wrapped__(5))
print(add(2, 3), add.__name__)

def count_calls(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@count_calls
def work():
    return 'done'
work(); work(); work()
print(work.calls, work.__qualname__)

def validate(**types):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(**kwargs):
            for name, value in kwargs.items():
                if not isinstance(value, types[name]):
                    raise TypeError(f'{name} must be {types[name].__name__}, got {type(value).__name__}')
            return func(**kwargs)
        return wrapper
    return decorator

@validate(x=int, y=str)
def combine(x, y):
    return y * x
print(combine(x=3, y='ab'))
try:
    combine(x='3', y='ab')
except TypeError as e:
    print('TypeError:', e)

registry = {}
def register(name=None):
    def decorator(func):
        registry[name or func.__name__] = func
        return func
    return decorator
@register()
def alpha():
    return 'a'
@register('custom')
def beta():
    return 'b'
print(sorted(registry), registry['custom'](), alpha())

class Memo:
    def __init__(self, func):
        self.func = func
        self.cache = {}
        functools.update_wrapper(self, func)
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.func(n)
        return self.cache[n]

@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache), fib.__name__, type(fib).__name__)
decorated = shout(lambda: 'lam')
print(decorated())
