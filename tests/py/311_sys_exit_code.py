# topic: sys.exit(3) from nested calls: finally blocks run, SystemExit catchable and re-raised, exit code 3
# compare: exact
# timeout: 10
import sys

def shutdown(code):
    try:
        print('shutting down with', code)
        sys.exit(code)
    finally:
        print('finally in shutdown')

try:
    sys.exit(0)
except SystemExit as e:
    print('caught SystemExit, code =', e.code, repr(e), e.args)
try:
    sys.exit('message')
except SystemExit as e:
    print('caught', repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print('no-arg code:', e.code)
try:
    raise SystemExit(5)
except Exception:
    print('not caught by Exception')
except BaseException as e:
    print('caught by BaseException', e.code)
print(issubclass(SystemExit, BaseException), issubclass(SystemExit, Exception))
sys.stdout.flush()
shutdown(3)
print('never printed')
