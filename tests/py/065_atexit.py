# compare: exact

import atexit
def bye(name):
    print('bye', name)
atexit.register(bye, 'first')
atexit.register(bye, 'second')
@atexit.register
def deco():
    print('decorated')
def never():
    print('never')
atexit.register(never)
atexit.unregister(never)
print('main done')
