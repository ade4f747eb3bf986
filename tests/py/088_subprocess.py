# compare: exact

import subprocess, sys
r = subprocess.run(['echo', 'hello'], capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
r = subprocess.run('exit 3', shell=True)
print(r.returncode)
out = subprocess.check_output(['printf', 'a\nb'])
print(out)
try:
    subprocess.check_call(['false'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode)
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b'piped data')
print(out, p.returncode)
