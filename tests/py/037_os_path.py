# compare: exact

import os.path as p
print(p.join('a', 'b', 'c.txt'), p.join('/x', '/abs'), p.join('a', ''), p.split('/a/b/c'), p.split('file'))
print(p.splitext('arch.tar.gz'), p.splitext('.bashrc'), p.basename('/a/b/'), p.dirname('/a/b/c'))
print(p.normpath('a//b/../c/./d'), p.normpath('/../x'), p.normpath(''), p.isabs('/x'), p.isabs('x'))
print(p.relpath('/a/b/c', '/a'), p.relpath('/a', '/a/b/c'), p.commonprefix(['/usr/lib', '/usr/local']))
print(p.exists('.'), p.isdir('.'), p.isfile('.'), p.abspath('x') == p.join(p.abspath('.'), 'x'))
print(p.expanduser('~') == p.expanduser('~/'), p.expanduser('noexpand'))
import os
print(os.path is p, os.path.sep)
