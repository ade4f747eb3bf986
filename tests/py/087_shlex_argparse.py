# compare: exact

import shlex
print(shlex.split('ls -l "my file.txt" --name=\'x y\''), shlex.quote('a b'), shlex.join(['a', 'b c']))
import argparse
p = argparse.ArgumentParser(prog='tool', description='demo')
p.add_argument('path')
p.add_argument('-n', '--count', type=int, default=1)
p.add_argument('--verbose', action='store_true')
p.add_argument('--mode', choices=['a', 'b'], default='a')
args = p.parse_args(['file.txt', '-n', '3', '--verbose'])
print(args.path, args.count, args.verbose, args.mode)
print(p.parse_args(['x']))
