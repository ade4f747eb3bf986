# compare: exact

import helpers.shapes as shapes
from helpers.shapes import area, Circle
from helpers import shapes as again
print(shapes.loaded_as, round(area(2), 3), Circle(3), shapes is again)
import helpers.pkg
print(helpers.pkg.VALUE, helpers.pkg.helper(), helpers.pkg.sub.DOUBLE)
from helpers.pkg.sub import leaf
print(leaf.name, leaf.package, leaf.TRIPLE)
from helpers.pkg import *
print(VALUE, helper())
import sys
print('helpers.shapes' in sys.modules, type(sys.modules['helpers.pkg']).__name__)
