# topic: logging: basicConfig to stdout with a time-free format, levels and filtering, named loggers and hierarchy, %-style args, exception(), handlers with formatters
# compare: exact
# timeout: 10
import logging
import sys
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='%(levelname)s:%(name)s:%(message)s')
logging.debug('hidden debug')
logging.info('info message')
logging.warning('warning with %s and %d', 'args', 42)
logging.error('error message')
logging.critical('critical!')
log = logging.getLogger('app')
log.info('from app logger')
child = logging.getLogger('app.db')
child.warning('child propagates to root: %r', {'k': 1})
print(child.parent.name, log.parent.name, logging.getLogger('app') is log, child.getEffectiveLevel(), logging.getLevelName(logging.WARNING))
log.setLevel(logging.ERROR)
log.warning('suppressed by app level')
child.warning('child also suppressed (inherits ERROR)')
child.error('child error passes')
log.setLevel(logging.NOTSET)
try:
    raise ValueError('bad value')
except ValueError:
    logging.getLogger('calc').exception('division failed')
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.getLevelName(25))
own = logging.getLogger('own')
own.propagate = False
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('[%(levelname)-8s] %(name)s | %(funcName)s | %(message)s'))
own.addHandler(handler)
own.setLevel(logging.DEBUG)
def worker():
    own.debug('debug from worker')
worker()
own.info('info %s', 'formatted')
handler.setLevel(logging.WARNING)
own.info('dropped by handler level')
own.warning('kept by handler level')
print(own.isEnabledFor(logging.DEBUG), logging.getLogger('app').isEnabledFor(logging.DEBUG), len(own.handlers))
class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []
    def emit(self, record):
        self.records.append((record.levelname, record.getMessage()))
lh = ListHandler()
collector = logging.getLogger('collector')
collector.addHandler(lh)
collector.propagate = False
collector.warning('w %d', 1)
collector.error('e')
collector.info('below default WARNING? no: root level INFO applies')
print(lh.records)
logging.log(logging.WARNING, 'via logging.log')
logging.warning('%s%%', 50)
