# topic: import forms: import x, import x.y, from x import y, import as, from x import *, modules execute once, module attributes, sys.modules, dir filtered
# compare: exact
# timeout: 10
import sys
print('before import')
import helpers.geometry
import helpers.geometry as geo
from helpers.geometry import area_circle, Rectangle as Rect
from helpers import geometry
print('after imports')
print(helpers.geometry is geo, geo is geometry, area_circle is geo.area_circle, Rect is geo.Rectangle)
print(area_circle(1), geo.area_circle(2), geo.calls(), Rect(2, 3).area(), Rect(1, 1))
print(geo.__name__, geo.__doc__, geo.__file__.endswith('geometry.py'), type(geo).__name__, geo.__package__)
print('helpers.geometry' in sys.modules, sys.modules['helpers.geometry'] is geo)
print(sorted(n for n in dir(geo) if not n.startswith('__')))
print(geo.__all__, geo._hidden(), hasattr(geo, 'math'))
ns = {}
exec('from helpers.geometry import *', ns)
print(sorted(k for k in ns if not k.startswith('__')))
import helpers.state as st1
import helpers.state as st2
st1.bump()
st2.bump()
print(st1.counter, st2.counter, st1 is st2)
from helpers.state import counter, items
st1.bump()
print(counter, st1.counter)
items.append('shared list')
print(st2.items)
geo.NEW_ATTR = 'added at runtime'
from helpers.geometry import NEW_ATTR
print(NEW_ATTR)
import math, os.path
print(math.floor(2.5), os.path.basename('/x/y'))
def lazy():
    import json
    return json.dumps([1])
print(lazy(), 'json' in sys.modules)
import importlib
reloaded = importlib.reload(geo)
print(reloaded is geo, geo.calls())
mod = importlib.import_module('helpers.state')
print(mod is st1, mod.counter)
print(__name__, type(sys.modules[__name__]).__name__)
