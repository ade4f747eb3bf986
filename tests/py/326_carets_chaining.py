# topic: carets in both tracebacks of chained exceptions (explicit cause and implicit context)
# compare: exact
# stderr: exact
import traceback


def parse(text):
    return int(text) * 2


def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise RuntimeError('cannot load ' + repr(text)) from e


def cleanup(data):
    try:
        return data['value'] / data['count']
    except ZeroDivisionError:
        return data.missing + 1


try:
    load('abc')
except RuntimeError:
    traceback.print_exc()

try:
    cleanup({'value': 1, 'count': 0})
except AttributeError:
    traceback.print_exc()

cleanup({'value': 3, 'count': 0})
