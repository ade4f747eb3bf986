# topic: uncaught exception with explicit cause (raise ... from ...): "The above exception was the direct cause" and a custom exception class
# compare: exact
# stderr: traceback
# timeout: 10
class ConfigError(Exception):
    pass

def parse_port(text):
    return int(text)

def configure(settings):
    try:
        port = parse_port(settings['port'])
    except ValueError as exc:
        raise ConfigError(f"invalid port {settings['port']!r}") from exc
    return port

print(configure({'port': '8080'}))
print(configure({'port': 'eighty'}))
