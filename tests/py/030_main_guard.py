# compare: exact

import helpers.shapes
print(__name__, helpers.shapes.__name__)
if __name__ == '__main__':
    print('running as main')
