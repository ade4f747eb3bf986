# compare: exact

try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from helpers.shapes import nothing_here
except ImportError as e:
    print(type(e).__name__)
try:
    import helpers.broken
except ValueError as e:
    print('ValueError:', e)
import sys
print('helpers.broken' in sys.modules)
try:
    import helpers.shapes.deeper
except ModuleNotFoundError as e:
    print(e)
