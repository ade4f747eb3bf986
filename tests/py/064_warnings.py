# compare: exact
# stderr: exact

import warnings
def old():
    warnings.warn('old is deprecated', DeprecationWarning, stacklevel=2)
    return 1
print(old())
warnings.warn('plain user warning')
warnings.simplefilter('ignore')
warnings.warn('ignored')
print('done')
