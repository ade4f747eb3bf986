# compare: exact

import logging, io
stream = io.StringIO()
logger = logging.getLogger('custom')
logger.propagate = False
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter('[%(levelname)s] %(name)s: %(message)s (%(funcName)s)'))
logger.addHandler(h)
logger.setLevel(logging.INFO)
def work():
    logger.info('working %s', 'hard')
work()
logger.debug('hidden')
logger.critical('critical!')
print(stream.getvalue(), end='')
fh = logging.FileHandler('app.log', mode='w')
fh.setFormatter(logging.Formatter('%(levelname)s:%(message)s'))
logger.addHandler(fh)
logger.warning('to file')
fh.close()
print(open('app.log').read(), end='')
class OnlyErrors(logging.Filter):
    def filter(self, record):
        return record.levelno >= logging.ERROR
h.addFilter(OnlyErrors())
logger.warning('filtered out')
logger.error('kept')
print(stream.getvalue().splitlines()[-1])
