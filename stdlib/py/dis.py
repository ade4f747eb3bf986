"""Disassembler of gilpy bytecode, printed in CPython's dis layout."""
import sys
import _dis

opname = _dis.opname

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


def _get_code(x):
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        x = x.__code__
    elif hasattr(x, 'gi_code'):
        x = x.gi_code
    if isinstance(x, (str, bytes, bytearray)):
        x = compile(x, '<dis>', 'exec')
    if not hasattr(x, 'co_code'):
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)
    return x


def _format(ins, lineno_width, offset_width):
    offset, name, arg, argrepr, starts_line, is_target = ins
    fields = []
    if lineno_width:
        if starts_line is not None:
            fields.append(('%' + str(lineno_width) + 'd') % starts_line)
        else:
            fields.append(' ' * lineno_width)
    fields.append('   ')
    fields.append('>>' if is_target else '  ')
    fields.append(repr(offset).rjust(offset_width))
    fields.append(name.ljust(_OPNAME_WIDTH))
    if arg is not None:
        fields.append(repr(arg).rjust(_OPARG_WIDTH))
        if argrepr:
            fields.append('(' + argrepr + ')')
    return ' '.join(fields).rstrip()


def disassemble(co, lasti=-1, *, file=None):
    file = file if file is not None else sys.stdout
    instrs = _dis.get_instructions(co)
    lines = [i[4] for i in instrs if i[4] is not None]
    maxline = max(lines) if lines else 0
    lineno_width = len(str(maxline)) if maxline >= 1000 else 3
    maxoff = instrs[-1][0] if instrs else 0
    offset_width = len(str(maxoff)) if maxoff >= 10000 else 4
    for i, ins in enumerate(instrs):
        if ins[4] is not None and i > 0:
            print(file=file)
        print(_format(ins, lineno_width, offset_width), file=file)


def dis(x=None, *, file=None, depth=None):
    if x is None:
        raise TypeError('dis() without an argument is not supported')
    if hasattr(x, '__dict__') and not hasattr(x, '__code__') and isinstance(x, type):
        for name, v in sorted(x.__dict__.items()):
            if hasattr(v, '__code__'):
                print('Disassembly of %s:' % name, file=file)
                dis(v, file=file, depth=depth)
                print(file=file)
        return
    co = _get_code(x)
    _disassemble_recursive(co, file=file, depth=depth)


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for c in co.co_consts:
            if hasattr(c, 'co_code'):
                print(file=file)
                print('Disassembly of %r:' % (c,), file=file)
                _disassemble_recursive(c, file=file, depth=depth)


def get_instructions(x):
    return _dis.get_instructions(_get_code(x))


def code_info(x):
    co = _get_code(x)
    lines = ['Name:              %s' % co.co_name,
             'Filename:          %s' % co.co_filename,
             'Argument count:    %s' % co.co_argcount,
             'Positional-only arguments: %s' % co.co_posonlyargcount,
             'Kw-only arguments: %s' % co.co_kwonlyargcount,
             'Number of locals:  %s' % co.co_nlocals,
             'Stack size:        %s' % co.co_stacksize,
             'Flags:             %s' % co.co_flags]
    return '\n'.join(lines)
