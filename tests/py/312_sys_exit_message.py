# topic: sys.exit with a string: message printed on stderr, exit code 1; stdout before it is kept
# compare: exact
# stderr: exact
# timeout: 10
import sys
print('working')
data = []
if not data:
    sys.exit('error: no data to process')
print('unreachable')
