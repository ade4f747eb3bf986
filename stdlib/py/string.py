"""A collection of string constants and the Template class (gilpy)."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Formatter',
           'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or c.isalpha()


class Template:
    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _subst(self, mapping, safe):
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while i < n:
            c = t[i]
            if c != d:
                out.append(c)
                i += 1
                continue
            if i + 1 < n and t[i + 1] == d:
                out.append(d)
                i += 2
                continue
            if i + 1 < n and t[i + 1] == '{':
                j = t.find('}', i + 2)
                name = t[i + 2:j] if j > 0 else ''
                if j > 0 and name.isidentifier():
                    if name in mapping:
                        out.append(str(mapping[name]))
                    elif safe:
                        out.append(t[i:j + 1])
                    else:
                        raise KeyError(name)
                    i = j + 1
                    continue
            elif i + 1 < n and _is_ident_start(t[i + 1]) and t[i + 1].isascii():
                j = i + 1
                while j < n and (t[j].isalnum() or t[j] == '_') and t[j].isascii():
                    j += 1
                name = t[i + 1:j]
                if name in mapping:
                    out.append(str(mapping[name]))
                elif safe:
                    out.append(t[i:j])
                else:
                    raise KeyError(name)
                i = j
                continue
            if safe:
                out.append(d)
                i += 1
                continue
            lineno = t.count('\n', 0, i) + 1
            col = i - t.rfind('\n', 0, i)
            raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, col))
        return ''.join(out)

    def substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws}
        return self._subst(mapping, False)

    def safe_substitute(self, mapping={}, /, **kws):
        if kws:
            mapping = {**mapping, **kws}
        return self._subst(mapping, True)

    def _placeholders(self):
        """Yields the name of each placeholder in order, or None for an invalid one."""
        t = self.template
        d = self.delimiter
        i, n = 0, len(t)
        while i < n:
            if t[i] != d:
                i += 1
                continue
            if i + 1 < n and t[i + 1] == d:
                i += 2
                continue
            if i + 1 < n and t[i + 1] == '{':
                j = t.find('}', i + 2)
                name = t[i + 2:j] if j > 0 else ''
                if j > 0 and name.isidentifier():
                    yield name
                    i = j + 1
                    continue
            elif i + 1 < n and _is_ident_start(t[i + 1]) and t[i + 1].isascii():
                j = i + 1
                while j < n and (t[j].isalnum() or t[j] == '_') and t[j].isascii():
                    j += 1
                yield t[i + 1:j]
                i = j
                continue
            yield None
            i += 1

    def is_valid(self):
        for name in self._placeholders():
            if name is None:
                return False
        return True

    def get_identifiers(self):
        ids = []
        for name in self._placeholders():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
