TAX_RATE = 0.2
print('pricing module loaded as', __name__, 'in package', __package__)


def with_tax(amount):
    return round(amount * (1 + TAX_RATE), 2)
