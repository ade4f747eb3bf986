# compare: exact
# stderr: traceback

class ConfigError(Exception):
    pass
def load():
    raise ConfigError('bad config value: 42')
load()
