# topic: argparse parsing, help and errors
# compare: exact
# timeout: 10
import argparse
import sys
import io


def run(parser, argv):
    """Parses argv, printing the namespace, or what went to stdout/stderr and the exit code."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        ns = parser.parse_args(argv)
        result = ns
    except SystemExit as e:
        result = 'exit %s' % e.code
    finally:
        sys.stdout, sys.stderr = old
    print('$', ' '.join(argv))
    if out.getvalue():
        print(out.getvalue(), end='')
    if err.getvalue():
        print('[stderr]', err.getvalue(), end='')
    print(result)


p = argparse.ArgumentParser(prog='prog', description='A test program that does things.',
                            epilog='Bye.')
p.add_argument('x', help='the x value')
p.add_argument('rest', nargs='*', help='rest of the values')
p.add_argument('-v', '--verbose', action='store_true', help='be verbose')
p.add_argument('-c', '--count', type=int, default=1, help='how many (default: %(default)s)')
p.add_argument('--mode', choices=['fast', 'slow'], help='mode')
p.add_argument('--a-very-long-option-name', metavar='VALUE',
               help='a long option whose help text is long enough to wrap around the terminal width for sure')
p.add_argument('-q', action='count', default=0, help='quieter')
p.add_argument('-I', dest='include', action='append', help='include dir')
p.add_argument('--no-color', dest='color', action='store_false')
p.add_argument('--level', type=float, nargs='?', const=0.5, default=1.0)
for argv in [['a'], ['a', 'b', 'c', '-v'], ['-c', '3', 'x1'], ['--count=7', 'x'], ['-c5', 'x'],
             ['--mode', 'fast', 'x'], ['--cou', '2', 'x'], ['-qqq', 'x', '-q'], ['-I', 'a', '-Ib', 'x'],
             ['--no-color', 'x', '--level'], ['x', '--level', '2.5'], ['--', '-x', '-y'], ['-vq', 'y'],
             ['-h'], [], ['-c', 'abc', 'x'], ['--mode', 'medium', 'x'], ['x', '--bogus'],
             ['-c'], ['x', '--verbose=1'], ['--m', 'slow', 'x']]:
    run(p, argv)
print(p.format_usage(), end='')

p2 = argparse.ArgumentParser(prog='calc')
p2.add_argument('numbers', nargs='+', type=int, metavar='N', help='numbers to add')
p2.add_argument('--op', default='add', choices=('add', 'mul'))
g = p2.add_mutually_exclusive_group()
g.add_argument('--fast', action='store_true')
g.add_argument('--slow', action='store_true')
p2.add_argument('pair', nargs=2, help='two things')
p2.add_argument('opt', nargs='?', default='dflt')
for argv in [['1', '2', '3', 'a', 'b'], ['1', 'a', 'b', 'c'], ['--fast', '--slow', '1', 'a', 'b'],
             ['-h'], ['1'], ['--op', 'mul', '4', 'x', 'y'], ['-5', 'a', 'b']]:
    run(p2, argv)

p3 = argparse.ArgumentParser(prog='git')
p3.add_argument('--version', action='version', version='%(prog)s 1.0')
sub = p3.add_subparsers(dest='command', help='sub-command help')
c = sub.add_parser('commit', help='record changes')
c.add_argument('-m', '--message', required=True)
pu = sub.add_parser('push', help='update remote')
pu.add_argument('remote', nargs='?', default='origin')
for argv in [['commit', '-m', 'msg'], ['push'], ['push', 'up'], ['commit'], ['-h'], ['--version'],
             ['nope']]:
    run(p3, argv)

p4 = argparse.ArgumentParser(prog='grp', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
grp = p4.add_argument_group('network', 'Network related options.')
grp.add_argument('--host', default='localhost', help='host name')
grp.add_argument('--port', type=int, default=8080, help='port')
p4.add_argument('--flag', action=argparse.BooleanOptionalAction, default=True, help='a flag')
run(p4, ['-h'])
run(p4, ['--no-flag', '--port', '1'])
ns, extra = p4.parse_known_args(['--host', 'h', 'extra', '--zzz'])
print(ns, extra)
ns = argparse.Namespace(a=1, b='x')
print(ns, ns == argparse.Namespace(a=1, b='x'), 'a' in ns, vars(ns))
try:
    p4.add_argument('--host')
except argparse.ArgumentError as e:
    print('ArgumentError', e)


def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError('%r is not positive' % s)
    return v


p5 = argparse.ArgumentParser(prog='t')
p5.add_argument('n', type=positive)
p5.add_argument('--req', required=True)
run(p5, ['0', '--req', 'r'])
run(p5, ['3'])
run(p5, [])
p6 = argparse.ArgumentParser(prog='verylongprogramnamethatgoesonandon' * 2)
for i in range(8):
    p6.add_argument('--option-%d' % i, metavar='VALUE_%d' % i)
p6.add_argument('target')
print(p6.format_usage(), end='')
