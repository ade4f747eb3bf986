# topic: with statement: __enter__/__exit__ order, exception info passed to __exit__, suppression, nested and multiple managers, contextlib
# compare: exact
# timeout: 10
import contextlib

class Resource:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print(f'enter {self.name}')
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f'exit {self.name}', exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress

with Resource('a') as r:
    print('body uses', r.name)
with Resource('outer'), Resource('inner') as inner:
    print('body with', inner.name)
try:
    with Resource('fails'):
        raise ValueError('boom')
except ValueError as e:
    print('propagated', e)
with Resource('swallow', suppress=True):
    raise KeyError('hidden')
print('after suppressed')
with Resource('o1') as o1:
    with Resource('i1', suppress=True):
        1 / 0
    print('inner suppressed, still in outer')

def in_function():
    with Resource('ret'):
        return 'returned value'
print(in_function())
for i in range(3):
    with Resource(f'loop{i}'):
        if i == 1:
            continue
        if i == 2:
            break
        print('loop body', i)

@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')
with tag('p') as t:
    print('content', t)
try:
    with tag('div'):
        raise RuntimeError('in div')
except RuntimeError as e:
    print('caught', e)

@contextlib.contextmanager
def ignore_zero():
    try:
        yield
    except ZeroDivisionError as e:
        print('ignored', e)
with ignore_zero():
    print(1 / 0)
print('continues')
with contextlib.suppress(KeyError, IndexError):
    [][1]
print('suppress ok')
with contextlib.ExitStack() as stack:
    for n in ('x', 'y'):
        stack.enter_context(Resource(n))
    print('stack body')
class Broken:
    pass
try:
    with Broken():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ':', e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise OSError('from exit')
try:
    with ExitRaises():
        raise ValueError('original')
except OSError as e:
    print('OSError', e, 'context:', repr(e.__context__))
with open('cm.txt', 'w') as fh:
    fh.write('data')
print(fh.closed)
