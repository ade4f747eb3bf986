"""Filename matching with shell patterns (gilpy; translated to a small matcher, no re)."""

import os
import posixpath

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']


def fnmatch(name, pat):
    return fnmatchcase(os.path.normcase(name), os.path.normcase(pat))


def filter(names, pat):
    return [n for n in names if fnmatchcase(n, pat)]


def _match(name, ni, pat, pi):
    n, p = len(name), len(pat)
    while pi < p:
        c = pat[pi]
        if c == '*':
            while pi < p and pat[pi] == '*':
                pi += 1
            if pi == p:
                return True
            for k in range(ni, n + 1):
                if _match(name, k, pat, pi):
                    return True
            return False
        if ni >= n:
            return False
        if c == '?':
            ni += 1
            pi += 1
            continue
        if c == '[':
            j = pi + 1
            if j < p and pat[j] == '!':
                j += 1
            if j < p and pat[j] == ']':
                j += 1
            while j < p and pat[j] != ']':
                j += 1
            if j >= p:
                if name[ni] != '[':
                    return False
                ni += 1
                pi += 1
                continue
            body = pat[pi + 1:j]
            negate = body.startswith('!')
            if negate:
                body = body[1:]
            ch = name[ni]
            ok = False
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    if body[k] <= ch <= body[k + 2]:
                        ok = True
                    k += 3
                else:
                    if body[k] == ch:
                        ok = True
                    k += 1
            if ok == negate:
                return False
            ni += 1
            pi = j + 1
            continue
        if name[ni] != c:
            return False
        ni += 1
        pi += 1
    return ni == n


def fnmatchcase(name, pat):
    return _match(name, 0, pat, 0)


def translate(pat):
    i, n = 0, len(pat)
    res = []
    specials = '()[]{}?*+-|^$\\.&~# \t\n\r\v\f'
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not res or res[-1] != '.*':
                res.append('.*')
        elif c == '?':
            res.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                res.append('\\[')
            else:
                stuff = pat[i:j].replace('\\', '\\\\')
                i = j + 1
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                res.append('[' + stuff + ']')
        else:
            res.append('\\' + c if c in specials else c)
    return '(?s:%s)\\Z' % ''.join(res)
