# topic: os.path pure functions: join/split/splitext/basename/dirname/normpath/abspath relation/isabs/relpath/commonpath/expanduser-free; plus exists/isfile/isdir on files created here
# compare: exact
# timeout: 10
import os
import os.path as p
print(p.join('a', 'b', 'c.txt'), p.join('/root', 'x'), p.join('a', '/abs', 'b'), p.join('a', ''), p.join('', 'b'), p.join('a/', 'b'))
print(p.split('/usr/local/lib/file.py'), p.split('file.py'), p.split('/'), p.split('dir/'), p.split(''))
print(p.splitext('archive.tar.gz'), p.splitext('noext'), p.splitext('.bashrc'), p.splitext('a/b.c/d'), p.splitext('x.'))
print(p.basename('/a/b/c.txt'), p.basename('/a/b/'), p.dirname('/a/b/c.txt'), p.dirname('c.txt'), p.dirname('/'))
print(p.normpath('a//b/./c/../d'), p.normpath('/../x'), p.normpath(''), p.normpath('a/b/..'), p.normpath('./'))
print(p.isabs('/x'), p.isabs('x/y'), p.isabs(''), p.relpath('/a/b/c', '/a'), p.relpath('/a', '/a/b/c'), p.commonpath(['/a/b/c', '/a/b/d']))
print(p.commonprefix(['interstate', 'internal', 'interval']), p.splitdrive('/x/y'), p.sep, p.extsep, p.curdir, p.pardir)
cwd = os.getcwd()
print(p.abspath('f.txt') == p.join(cwd, 'f.txt'), p.abspath('.') == cwd, p.isabs(p.abspath('x')), p.realpath('.') == p.realpath(cwd))
print(p.exists('f.txt'), p.isfile('f.txt'), p.isdir('.'), p.exists(''))
with open('f.txt', 'w') as f:
    f.write('12345')
os.mkdir('folder')
print(p.exists('f.txt'), p.isfile('f.txt'), p.isdir('f.txt'), p.isdir('folder'), p.isfile('folder'), p.getsize('f.txt'))
print(p.exists(p.join('folder', '..', 'f.txt')), p.samefile('f.txt', './folder/../f.txt'), p.islink('f.txt'))
name, ext = p.splitext(p.basename('/data/report.final.csv'))
print(name, ext, ext.lstrip('.').upper())
paths = ['b/x.py', 'a/y.txt', 'a/z.py', 'c.md']
print(sorted(paths, key=p.splitext), [q for q in paths if q.endswith('.py')], sorted({p.dirname(q) for q in paths}))
print(p.join(*['root', 'mid', 'leaf']), p.normcase('AbC'), p.expanduser('no_tilde'), type(p.getmtime('f.txt')).__name__)
