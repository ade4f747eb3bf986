#!/usr/bin/env python3
"""Pickle interop: data pickled by python3 loads in gilpy and the reverse, protocols 2 to 5.

usage: pickle_roundtrip.py GILPY [PYTHON3]
For each protocol and direction, one interpreter dumps pickle_values.values() to a file and the
other loads it and prints a description, which must equal python3's own description.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, 'pickle_values.py')


def run(interp, *args):
    p = subprocess.run([interp, SCRIPT, *args], capture_output=True, text=True, timeout=60,
                       cwd=HERE)
    if p.returncode != 0:
        raise SystemExit('%s %s failed (%d):\n%s' % (interp, ' '.join(args), p.returncode,
                                                      p.stderr))
    return p.stdout


def main():
    gilpy = os.path.abspath(sys.argv[1])
    python = sys.argv[2] if len(sys.argv) > 2 else 'python3'
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'data.pickle')
        run(python, 'dump', path, '4')
        expected = run(python, 'load', path)
        for proto in (2, 3, 4, 5):
            for dumper, loader in ((python, gilpy), (gilpy, python), (gilpy, gilpy)):
                run(dumper, 'dump', path, str(proto))
                got = run(loader, 'load', path)
                name = '%s -> %s, protocol %d' % (os.path.basename(dumper),
                                                  os.path.basename(loader), proto)
                if got != expected:
                    failures += 1
                    print('FAIL', name)
                    for a, b in zip(expected.splitlines(), got.splitlines()):
                        if a != b:
                            print('  expected:', a)
                            print('  got:     ', b)
                else:
                    print('PASS', name)
    print('%d failed' % failures)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
