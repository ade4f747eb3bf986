# topic: os in a fresh temporary cwd: getcwd, listdir, mkdir/makedirs (exist_ok), rename, remove, rmdir, walk, stat sizes, environ get, os.sep, errors
# compare: exact
# timeout: 10
import os
print(os.listdir('.'), os.listdir(), os.path.isdir(os.getcwd()), os.sep, os.linesep == '\n', os.name)
os.mkdir('data')
os.makedirs('data/sub/deep')
os.makedirs('data/sub/deep', exist_ok=True)
try:
    os.makedirs('data/sub')
except FileExistsError as e:
    print('FileExistsError:', e.strerror, e.filename)
try:
    os.mkdir('data')
except FileExistsError as e:
    print('FileExistsError:', e)
for name, text in [('data/a.txt', 'alpha'), ('data/b.txt', 'bravo!'), ('data/sub/c.log', ''), ('data/sub/deep/d.txt', 'x' * 100)]:
    with open(name, 'w') as f:
        f.write(text)
print(sorted(os.listdir('data')), sorted(os.listdir('data/sub')))
print(os.path.getsize('data/b.txt'), os.stat('data/sub/deep/d.txt').st_size, os.path.exists('data/a.txt'), os.path.isfile('data/sub'))
for root, dirs, files in sorted(os.walk('data')):
    dirs.sort()
    print(root, sorted(dirs), sorted(files))
os.rename('data/a.txt', 'data/renamed.txt')
print(sorted(os.listdir('data')))
os.replace('data/b.txt', 'data/renamed.txt')
with open('data/renamed.txt') as f:
    print(f.read())
os.remove('data/renamed.txt')
try:
    os.remove('data/renamed.txt')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
try:
    os.rmdir('data/sub')
except OSError as e:
    print(type(e).__name__, e.errno == 39 or e.errno == 66)
os.remove('data/sub/deep/d.txt')
os.rmdir('data/sub/deep')
print(sorted(os.listdir('data/sub')))
try:
    os.listdir('nope')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
os.chdir('data')
print(os.path.basename(os.getcwd()), sorted(os.listdir('.')))
os.chdir('..')
print(os.environ.get('DEFINITELY_NOT_SET_VAR', 'unset'), 'PATH' in os.environ, type(os.environ).__name__)
os.environ['GILPY_TEST_VAR'] = 'hello'
print(os.environ['GILPY_TEST_VAR'], os.getenv('GILPY_TEST_VAR'), os.getenv('MISSING_VAR_X'), os.getenv('MISSING_VAR_X', 'dflt'))
print(isinstance(os.getpid(), int), os.getpid() > 0, isinstance(os.cpu_count(), int))
with os.scandir('data') as it:
    print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
print(os.path.exists('data/sub/c.log'), os.path.getsize('data/sub/c.log'))
