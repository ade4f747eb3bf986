# compare: exact
# stderr: exact

import sys
print('exiting')
sys.exit('fatal: something went wrong')
