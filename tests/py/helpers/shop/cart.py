from .pricing import with_tax
from . import pricing as _pricing


class Cart:
    def __init__(self):
        self.items = []

    def add(self, name, price, qty=1):
        self.items.append((name, price, qty))
        return self

    def subtotal(self):
        return sum(price * qty for _, price, qty in self.items)

    def total(self):
        return with_tax(self.subtotal())

    def tax_rate(self):
        return _pricing.TAX_RATE
