"""A package with relative imports."""
from .cart import Cart
from . import pricing
from .pricing import TAX_RATE as tax_rate

print('shop package initialised:', __name__, __package__)
VERSION = '1.0'
