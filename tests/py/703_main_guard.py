# topic: __name__ == '__main__' guard: imported module's guard not run, this script's guard runs, functions defined before use, module-level code order
# compare: exact
# timeout: 10
print('module level, __name__ =', __name__)
from helpers import mainguard
print(mainguard.helper(), mainguard.__name__)

def main(argv):
    print('main() called with', len(argv), 'extra args')
    return 0

def not_called():
    print('never')

if __name__ == '__main__':
    import sys
    status = main(sys.argv[1:])
    print('status', status)
else:
    print('imported, not run')
print('end of module')
