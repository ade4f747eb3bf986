# topic: subprocess run/call/check_output/Popen
# compare: exact
# timeout: 10
import subprocess
import sys
import os

r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r, r.returncode, r.stdout, r.stderr)
r = subprocess.run(['echo', 'text mode'], capture_output=True, text=True)
print(r)
r = subprocess.run('echo $((6 * 7)); echo err >&2; exit 3', shell=True, capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.run(['true']), subprocess.run(['false']).returncode)
print(subprocess.call(['sh', '-c', 'exit 5']), subprocess.check_call(['true']))
print(repr(subprocess.check_output(['printf', 'a\\nb\\n'])), repr(subprocess.check_output('echo hi', shell=True, text=True)))
print(subprocess.run(['cat'], input=b'piped input', capture_output=True).stdout)
print(subprocess.run(['tr', 'a-z', 'A-Z'], input='make me loud\n', capture_output=True, text=True).stdout, end='')
print(subprocess.run(['sh', '-c', 'echo out; echo err 1>&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout, end='')
print(subprocess.run(['echo', 'gone'], stdout=subprocess.DEVNULL))
print(subprocess.getoutput('echo one; echo two'), subprocess.getstatusoutput('exit 4'))
try:
    subprocess.run(['sh', '-c', 'echo partial; exit 2'], check=True, capture_output=True, text=True)
except subprocess.CalledProcessError as e:
    print('CalledProcessError:', e, e.returncode, repr(e.output), repr(e.stdout), e.cmd)
try:
    subprocess.check_output(['false'])
except subprocess.CalledProcessError as e:
    print(e, isinstance(e, subprocess.SubprocessError))
try:
    subprocess.run(['sh', '-c', 'kill -9 $$'], check=True)
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.run(['no-such-command-xyz'])
except FileNotFoundError as e:
    print('FileNotFoundError', e, e.errno, e.filename)
try:
    subprocess.run(['ls'], cwd='/no/such/dir')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', str(e).startswith("Command '['sleep', '5']' timed out after 0."))

with open('child_out.txt', 'w') as f:
    subprocess.run(['echo', 'to a file'], stdout=f)
print(open('child_out.txt').read(), end='')
print(subprocess.run(['pwd'], cwd='/', capture_output=True, text=True).stdout, end='')
env = dict(os.environ, GILPY_TEST_VAR='from-env')
print(subprocess.run(['sh', '-c', 'echo $GILPY_TEST_VAR'], env=env, capture_output=True, text=True).stdout, end='')

p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, err = p.communicate('through Popen\n')
print(repr(out), err, p.returncode, p.poll(), p.pid > 0)
p = subprocess.Popen(['sh', '-c', 'for i in 1 2 3; do echo line $i; done'], stdout=subprocess.PIPE, text=True)
for line in p.stdout:
    print('got', line.rstrip())
print(p.wait())
with subprocess.Popen(['sh', '-c', 'exit 7']) as p:
    pass
print(p.returncode)
p = subprocess.Popen(['sleep', '10'])
print(p.poll())
p.terminate()
print(p.wait())
p = subprocess.Popen(['sleep', '10'])
p.kill()
print(p.wait())
p = subprocess.Popen([sys.executable, '-c', 'import sys; print(sys.stdin.read().upper(), end="")'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b'python child')[0])
print(subprocess.CompletedProcess(['x'], 0), subprocess.CompletedProcess('y', 1, 'o', 'e'))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
