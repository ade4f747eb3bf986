# compare: exact

class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return self.suppress
with CM('a') as a, CM('b') as b:
    print('body', a.name, b.name)
with CM('s', suppress=True):
    raise ValueError('hidden')
try:
    with CM('p'):
        raise KeyError('shown')
except KeyError as e:
    print('outer caught', e)
def early():
    with CM('ret'):
        return 'value'
print(early())
