# compare: exact
# stderr: exact

import logging, sys
logging.warning('unconfigured warning %d', 1)
logging.info('not shown')
logging.basicConfig(level=logging.DEBUG, format='%(levelname)s|%(name)s|%(message)s', stream=sys.stdout)
logging.debug('debug msg')
logging.info('info %s', 'msg')
log = logging.getLogger('app.module')
log.warning('child logger')
log.setLevel(logging.ERROR)
log.warning('suppressed')
log.error('error shown')
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), log.getEffectiveLevel())
print(logging.getLogger('app') is logging.getLogger('app'), log.parent.name, logging.getLogger().name)
try:
    1 / 0
except ZeroDivisionError:
    log.exception('boom')
