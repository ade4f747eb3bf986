# compare: exact

import gc
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
r = Res('a')
del r
print('after del')
def scope():
    t = Res('local')
scope()
print('after scope')
a = Res('cycle'); b = Res('other'); a.o = b; b.o = a
del a, b
gc.collect()
print('collected')
