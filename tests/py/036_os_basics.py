# compare: exact

import os
print(os.name, os.sep, os.linesep == '\n', os.curdir, os.pardir, os.devnull)
print(os.getpid() > 0, os.getppid() > 0, isinstance(os.cpu_count(), int))
os.makedirs('a/b/c', exist_ok=True)
os.makedirs('a/b/c', exist_ok=True)
with open('a/b/file.txt', 'w') as f:
    f.write('x' * 10)
print(sorted(os.listdir('a')), sorted(os.listdir('a/b')))
os.rename('a/b/file.txt', 'a/moved.txt')
print(os.path.exists('a/moved.txt'), os.path.exists('a/b/file.txt'))
for root, dirs, files in os.walk('a'):
    print(root, sorted(dirs), sorted(files))
os.remove('a/moved.txt')
os.rmdir('a/b/c')
print(sorted(os.listdir('a/b')))
try:
    os.makedirs('a/b')
except FileExistsError as e:
    print('FileExistsError', e.errno)
cwd = os.getcwd()
os.chdir('a')
print(os.path.basename(os.getcwd()))
os.chdir(cwd)
os.environ['GILPY_TEST_VAR'] = 'value1'
print(os.environ['GILPY_TEST_VAR'], os.getenv('GILPY_TEST_VAR'), os.getenv('NOPE_NOT_SET', 'dflt'))
del os.environ['GILPY_TEST_VAR']
print('GILPY_TEST_VAR' in os.environ, os.strerror(2))
print(len(os.urandom(8)), os.fspath('p'))
