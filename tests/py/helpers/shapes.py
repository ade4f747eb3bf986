"""Helper module for the import tests."""
PI = 3.14159
loaded_as = __name__


def area(r):
    return PI * r * r


class Circle:
    def __init__(self, r):
        self.r = r

    def __repr__(self):
        return f'Circle({self.r})'
