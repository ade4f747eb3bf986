"""Extract, format and print information about Python stack traces (gilpy).

Whole tracebacks are formatted by the VM's own printer (the one that prints uncaught
exceptions), so print_exc() output matches an uncaught traceback exactly."""

import sys
import _dis

__all__ = ['extract_stack', 'extract_tb', 'format_exception', 'format_exception_only',
           'format_list', 'format_stack', 'format_tb', 'print_exc', 'format_exc',
           'print_exception', 'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException', 'walk_stack', 'walk_tb']


class _Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def _cut(exc, limit, chain):
    # Applies limit (first `limit` entries, or the last -limit ones; default sys.tracebacklimit)
    # and chain=False to exc and everything printed with it, in place, for the VM printer;
    # returns what undoes it.
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    undo = []
    if limit is None and chain:
        return undo
    seen = set()
    todo = [exc]
    while todo:
        x = todo.pop()
        if not isinstance(x, BaseException) or id(x) in seen:
            continue
        seen.add(id(x))
        tb = x.__traceback__
        if limit is not None and tb is not None:
            entries = []
            while tb is not None:
                entries.append(tb)
                tb = tb.tb_next
            if limit == 0:
                undo.append((x, '__traceback__', entries[0]))
                x.__traceback__ = None
            elif 0 < limit < len(entries):
                last = entries[limit - 1]
                undo.append((last, 'tb_next', last.tb_next))
                last.tb_next = None
            elif limit < 0 and -limit < len(entries):
                undo.append((x, '__traceback__', entries[0]))
                x.__traceback__ = entries[limit]
        if chain:
            todo.append(x.__cause__)
            todo.append(x.__context__)
        else:
            undo.append((x, '__suppress_context__', x.__suppress_context__))
            undo.append((x, '__context__', x.__context__))
            undo.append((x, '__cause__', x.__cause__))
            x.__cause__ = None
            x.__context__ = None
        if isinstance(x, BaseExceptionGroup):
            todo.extend(x.exceptions)
    return undo


def _render(exc, limit=None, chain=True):
    cap = _Capture()
    saved = sys.stderr
    undo = _cut(exc, limit, chain)
    sys.stderr = cap
    try:
        sys._gilpy_print_exception(exc)
    finally:
        sys.stderr = saved
        for obj, name, value in reversed(undo):
            setattr(obj, name, value)
    return ''.join(cap.parts)


def _split_lines(text):
    lines = text.splitlines(True)
    # One entry per traceback entry as CPython: "  File ...\n    source\n" stay together.
    out = []
    for line in lines:
        if line.startswith('    ') and out and out[-1].startswith('  File '):
            out[-1] += line
        else:
            out.append(line)
    return out


def _exc_of(exc, value):
    if value is not None and value is not _sentinel:
        return value
    return exc


_sentinel = object()


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    e = _exc_of(exc, value)
    if e is None:
        return ['NoneType: None\n']
    if isinstance(e, type):
        e = e()
    if tb is not _sentinel and tb is not None and e.__traceback__ is None:
        e = e.with_traceback(tb)
    return _split_lines(_render(e, limit, chain))


def format_exception_only(exc, /, value=_sentinel):
    e = _exc_of(exc, value)
    if e is None:
        return ['NoneType: None\n']
    if isinstance(e, type):
        e = e()
    saved = e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__
    try:
        e.__traceback__ = None
        e.__context__ = None
        e.__cause__ = None
        return _split_lines(_render(e))
    finally:
        e.__traceback__ = saved[0]
        e.__context__ = saved[1]
        e.__cause__ = saved[2]
        e.__suppress_context__ = saved[3]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_value'):
        raise ValueError('no last exception')
    print_exception(sys.last_value, limit=limit, file=file, chain=chain)


class FrameSummary:
    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno', 'name', '_line',
                 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self.locals = locals
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        if lookup_line:
            self.line

    @property
    def _original_line(self):
        # The line as read (with its line break), what the caret columns index.
        self.line
        return self._line

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _dis._tb_source_line(self.filename, self.lineno)
        return self._line.strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno and
                    self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return '<FrameSummary file {filename}, line {lineno} in {name}>'.format(
            filename=self.filename, lineno=self.lineno, name=self.name)


_RECURSIVE_CUTOFF = 3


def _char_offset(text, byte_offset):
    # Characters in the first byte_offset UTF-8 bytes of text (a cut character counts as one).
    return len(text.encode('utf-8')[:byte_offset].decode('utf-8', errors='replace'))


def _display_width(text, offset):
    if text.isascii():
        return offset
    if offset < 0:
        offset = max(0, len(text) + offset)
    return _dis._tb_display_width(text, min(offset, len(text)))


def _caret_anchors(segment):
    # (left_end, right_start) character offsets in segment of the '^' part, or None: CPython
    # 3.11's traceback.py parses the failing range alone and anchors a binary operation on its
    # operator and a subscript on its brackets.
    node = _dis._tb_anchor_node(segment)
    if node is None:
        return None
    kind, a, b = node
    n = len(segment)
    if kind == 'binop':
        between = segment[_char_offset(segment, a):_char_offset(segment, b)]
        skip = len(between) - len(between.lstrip())
        left = a + skip  # a byte offset plus a character count, as CPython
        right = left + 1
        if skip + 1 < len(between) and not between[skip + 1].isspace():
            right += 1
        while left < n and (segment[left].isspace() or segment[left] in ')#'):
            left += 1
            right += 1
        return _char_offset(segment, left), _char_offset(segment, right)
    left = _char_offset(segment, a)
    right = _char_offset(segment, b + 1)
    while left < n and segment[left] != '[':
        left += 1
    while right < n and segment[right] != ']':
        right += 1
    if right < n:
        right += 1
    return left, right


def _code_position(code, lasti):
    if lasti < 0:
        return None, None, None, None
    for i, pos in enumerate(code.co_positions()):
        if i == lasti // 2:
            return pos
    return None, None, None, None


class StackSummary(list):
    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        return klass._extract_with_positions(
            ((f, (lineno, None, None, None)) for f, lineno in frame_gen),
            limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals)

    @classmethod
    def _extract_with_positions(klass, frame_gen, *, limit=None, lookup_lines=True,
                                capture_locals=False):
        if limit is None:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        entries = list(frame_gen)
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for f, (lineno, end_lineno, colno, end_colno) in entries:
            co = f.f_code
            result.append(FrameSummary(co.co_filename, lineno, co.co_name,
                                       lookup_line=lookup_lines, end_lineno=end_lineno,
                                       colno=colno, end_colno=end_colno))
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        fs = frame_summary
        row = ['  File "{}", line {}, in {}\n'.format(fs.filename, fs.lineno, fs.name)]
        if fs.line:
            shown = fs.line.strip()
            row.append('    {}\n'.format(shown))
            if fs.colno is not None and fs.end_colno is not None:
                row.append(self._caret_row(fs, shown))
        if fs.locals:
            for name, value in sorted(fs.locals.items()):
                row.append('    {} = {}\n'.format(name, value))
        return ''.join(row)

    @staticmethod
    def _caret_row(fs, shown):
        # CPython 3.11.7's traceback.py rules (they differ slightly from the printer of uncaught
        # exceptions: the line is stripped on both sides and its break counts as removed).
        original = fs._original_line
        removed = len(original) - len(shown)
        start = _char_offset(original, fs.colno)
        end = _char_offset(original, fs.end_colno)
        segment = original[start:end]
        anchors = None
        if fs.lineno == fs.end_lineno:
            try:
                anchors = _caret_anchors(segment)
            except Exception:
                anchors = None
        else:
            end = len(original.rstrip())
        if end - start >= len(shown) and not (anchors and anchors[1] - anchors[0] > 0):
            return ''
        # Carets are placed in terminal columns (wide East Asian characters take two).
        dstart = _display_width(original, start) + 1
        dend = _display_width(original, end) + 1
        carets = ' ' * (dstart - removed)
        if anchors:
            left = _display_width(segment, anchors[0])
            right = _display_width(segment, anchors[1])
            carets += '~' * left + '^' * (right - left) + '~' * (dend - dstart - right)
        else:
            carets += '^' * (dend - dstart)
        return '    ' + carets + '\n'

    def format(self):
        result = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key != last:
                if count > _RECURSIVE_CUTOFF:
                    more = count - _RECURSIVE_CUTOFF
                    result.append('  [Previous line repeated {} more time{}]\n'.format(
                        more, 's' if more > 1 else ''))
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(fs))
        if count > _RECURSIVE_CUTOFF:
            more = count - _RECURSIVE_CUTOFF
            result.append('  [Previous line repeated {} more time{}]\n'.format(
                more, 's' if more > 1 else ''))
        return result


def walk_tb(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    if f is None:
        f = sys._getframe().f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def _walk_tb_positions(tb):
    while tb is not None:
        lineno, end_lineno, colno, end_colno = _code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if lineno is None:
            lineno = tb.tb_lineno
        yield tb.tb_frame, (lineno, end_lineno, colno, end_colno)
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    return StackSummary._extract_with_positions(_walk_tb_positions(tb), limit=limit)


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def print_list(extracted_list, file=None):
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end='')


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def clear_frames(tb):
    pass


class TracebackException:
    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        self.exc_type = exc_type
        self._exc = exc_value
        self.stack = extract_tb(exc_traceback, limit=limit)
        self._str = str(exc_value) if exc_value is not None else ''

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    def format(self, *, chain=True):
        yield from format_exception(self._exc)

    def format_exception_only(self):
        yield from format_exception_only(self._exc)

    def __str__(self):
        return self._str

    def print(self, *, file=None, chain=True):
        if file is None:
            file = sys.stderr
        for line in self.format(chain=chain):
            print(line, file=file, end='')
