# compare: exact
# stderr: traceback

try:
    {}['missing']
except KeyError:
    raise TypeError('during handling')
