# compare: exact
# stdin: one\ntwo\nthree

import sys
lines = [line.rstrip('\n') for line in sys.stdin]
print(lines, len(lines))
