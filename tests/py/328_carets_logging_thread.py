# topic: carets in logging.exception output and in threading's default excepthook output
#        (threading's own frames filtered out: their paths differ between implementations)
# compare: exact
# stderr: exact
import io
import logging
import sys
import threading

logging.basicConfig(stream=sys.stderr, format='%(levelname)s:%(name)s:%(message)s')
log = logging.getLogger('carets')


def compute(values):
    return values['total'] / values['count']


try:
    compute({'total': 1, 'count': 0})
except ZeroDivisionError:
    log.exception('compute failed')

try:
    text = 'слово' + 1
except TypeError:
    logging.exception('concat failed')


def worker(d):
    return d['missing'] + 1


captured = io.StringIO()
saved = sys.stderr
sys.stderr = captured
try:
    t = threading.Thread(target=worker, args=({},), name='worker-1')
    t.start()
    t.join()
finally:
    sys.stderr = saved

# Keep the entries of this file only (threading.py frames differ by path and line).
out = []
skip = False
for line in captured.getvalue().splitlines(True):
    if line.startswith('  File '):
        skip = __file__ not in line
    elif not line.startswith('    '):
        skip = False
    if not skip:
        out.append(line)
sys.stderr.write(''.join(out))
print('end')
