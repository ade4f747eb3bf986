# compare: exact

import os, sys
print('before fork')
pid = os.fork()
if pid == 0:
    print('child line')
    sys.stdout.flush()
    os._exit(0)
os.waitpid(pid, 0)
print('parent after child')
