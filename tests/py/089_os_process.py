# compare: exact

import os, sys
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'from child')
    os._exit(7)
os.close(w)
data = os.read(r, 100)
_, status = os.waitpid(pid, 0)
print(data, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))
pid = os.fork()
if pid == 0:
    import time
    time.sleep(5)
    os._exit(0)
import signal
os.kill(pid, signal.SIGTERM)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM)
print(os.waitpid(-1, os.WNOHANG) if False else 'ok')
