# topic: property getter/setter/deleter, read-only properties, validation, computed attributes, property()
# compare: exact
# timeout: 10
class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f'temperature {value} below absolute zero')
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print('deleting celsius')
        del self._celsius
    @property
    def fahrenheit(self):
        """Temperature in Fahrenheit."""
        return self._celsius * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print('ValueError:', e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print('AttributeError:', e)
del t.celsius
print(hasattr(t, '_celsius'))
try:
    t.celsius
except AttributeError as e:
    print('AttributeError:', e)
try:
    del t.fahrenheit
except AttributeError as e:
    print('AttributeError:', e)
print(type(Temperature.fahrenheit).__name__, Temperature.fahrenheit.__doc__, Temperature.celsius.fset is not None)
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def _area(self):
        return self.w * self.h
    area = property(_area, doc='area of rect')
    @property
    def shape(self):
        return 'square' if self.w == self.h else 'rectangle'
r = Rect(3, 4)
print(r.area, r.shape, Rect(2, 2).shape, Rect.area.__doc__)
r.w = 10
print(r.area)
class Base:
    @property
    def name(self):
        return 'base'
class Child(Base):
    @property
    def name(self):
        return 'child of ' + super().name
print(Child().name)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, lz.computed)
class Shadow:
    @property
    def x(self):
        return 'property wins'
s = Shadow()
s.__dict__['x'] = 'instance dict'
print(s.x, vars(s))
class Broken:
    @property
    def bad(self):
        return self.missing_attr
try:
    Broken().bad
except AttributeError as e:
    print('AttributeError:', e)
