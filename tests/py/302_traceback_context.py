# topic: uncaught exception raised while handling another: both tracebacks with "During handling of the above exception"
# compare: exact
# stderr: traceback
# timeout: 10
def load(config):
    return config['path']

def read_settings(config):
    try:
        return load(config)
    except KeyError:
        print('missing key, falling back')
        return int(config['fallback'])

print('start')
read_settings({'fallback': 'not a number'})
print('unreachable')
