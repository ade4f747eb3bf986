"""Filename globbing utility (gilpy)."""

import os
import fnmatch

__all__ = ['glob', 'iglob', 'escape', 'has_magic']


def has_magic(s):
    return any(c in s for c in '*?[')


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive,
                      include_hidden=include_hidden))


def _listdir(d, include_hidden):
    try:
        names = os.listdir(d or os.curdir)
    except OSError:
        return []
    if not include_hidden:
        names = [n for n in names if not n.startswith('.')]
    return names


def _rlistdir(d, include_hidden):
    for name in _listdir(d, include_hidden):
        yield name
        path = os.path.join(d, name) if d else name
        if os.path.isdir(path) and not os.path.islink(path):
            for sub in _rlistdir(path, include_hidden):
                yield os.path.join(name, sub)


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if root_dir is not None:
        for p in _iglob(os.path.join(root_dir, pathname), recursive, include_hidden):
            yield os.path.relpath(p, root_dir)
        return
    yield from _iglob(pathname, recursive, include_hidden)


def _iglob(pathname, recursive, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(pathname):
                yield pathname
        elif os.path.isdir(dirname):
            yield pathname
        return
    if not dirname:
        if recursive and basename == '**':
            yield from _rlistdir('', include_hidden)
        else:
            for n in _listdir('', include_hidden or basename.startswith('.')):
                if fnmatch.fnmatchcase(n, basename):
                    yield n
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, recursive, include_hidden)
    else:
        dirs = [dirname]
    for d in dirs:
        if recursive and basename == '**':
            yield os.path.join(d, '')
            for n in _rlistdir(d, include_hidden):
                yield os.path.join(d, n)
        elif has_magic(basename):
            for n in _listdir(d, include_hidden or basename.startswith('.')):
                if fnmatch.fnmatchcase(n, basename):
                    yield os.path.join(d, n)
        else:
            p = os.path.join(d, basename)
            if os.path.lexists(p):
                yield p


def escape(pathname):
    drive, pathname = os.path.splitdrive(pathname)
    out = []
    for c in pathname:
        out.append('[' + c + ']' if c in '*?[' else c)
    return drive + ''.join(out)
