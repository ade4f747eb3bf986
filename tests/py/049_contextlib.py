# compare: exact

from contextlib import contextmanager, suppress, closing, ExitStack, nullcontext
@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')
with tag('b') as t:
    print('inside', t)
try:
    with tag('err'):
        raise ValueError('x')
except ValueError:
    print('propagated')
with suppress(KeyError):
    {}['k']
print('suppressed')
class Res:
    def close(self):
        print('closed')
with closing(Res()):
    pass
with ExitStack() as stack:
    for n in ('one', 'two'):
        stack.enter_context(tag(n))
    stack.callback(print, 'callback')
with nullcontext(5) as v:
    print(v)
