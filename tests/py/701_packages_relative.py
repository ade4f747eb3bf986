# topic: packages with __init__.py, relative imports (from . / from .. ), package attributes, submodule access, __package__ values
# compare: exact
# timeout: 10
import helpers.shop as shop
from helpers.shop import Cart, pricing, tax_rate
from helpers.shop.pricing import with_tax
cart = Cart().add('book', 10.0).add('pen', 1.5, qty=4)
print(cart.subtotal(), cart.total(), cart.tax_rate(), tax_rate, with_tax(100), shop.VERSION)
print(shop.__name__, shop.__package__, shop.pricing.__name__, shop.pricing.__package__, shop.__file__.endswith('__init__.py'))
print(hasattr(shop, 'cart'), hasattr(shop, 'util'))
import helpers.shop.util
print(hasattr(shop, 'util'), shop.util.describe())
from helpers.shop import util as u
print(u is shop.util, u.__package__)
pricing.TAX_RATE = 0.5
print(cart.total(), with_tax(10))
print(sorted(n for n in dir(shop) if not n.startswith('__')))
try:
    from helpers.shop import nonexistent
except ImportError as e:
    print('ImportError name:', e.name, type(e).__name__)
try:
    import helpers.shop.nonexistent
except ModuleNotFoundError as e:
    print('ModuleNotFoundError:', e, '| name:', e.name)
try:
    import no_such_top_level_module
except ImportError as e:
    print(type(e).__name__ + ':', e)
try:
    exec('from . import something')
except ImportError as e:
    print('ImportError:', e)
