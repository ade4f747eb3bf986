# topic: raise SystemExit(None) inside a with-block whose __exit__ prints; exit code 0 and atexit-style cleanup order
# compare: exact
# timeout: 10
import atexit

class Guard:
    def __enter__(self):
        print('enter guard')
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit guard with', exc_type.__name__ if exc_type else None)
        return False

@atexit.register
def goodbye():
    print('atexit handler runs last')

atexit.register(print, 'registered second, runs first')
with Guard():
    print('inside')
    raise SystemExit(None)
print('never')
