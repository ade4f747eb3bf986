"""Small geometry helpers used by the import tests."""
import math

print('geometry module executing, __name__ =', __name__)

PI_ROUNDED = 3.14
__all__ = ['area_circle', 'Rectangle', 'PI_ROUNDED']
_private_counter = 0


def area_circle(r):
    global _private_counter
    _private_counter += 1
    return round(math.pi * r * r, 2)


def calls():
    return _private_counter


class Rectangle:
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def __repr__(self):
        return f'Rectangle({self.w}, {self.h})'


def _hidden():
    return 'hidden'
