# compare: exact

import sys
try:
    sys.exit(3)
except SystemExit as e:
    print('code', e.code)
try:
    sys.exit()
except SystemExit as e:
    print('code', e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print('code', e.code, e.args)
def cleanup():
    try:
        sys.exit(5)
    finally:
        print('finally runs')
try:
    cleanup()
except SystemExit as e:
    print('caught', e.code)
sys.exit(4)
