# topic: isinstance/issubclass with tuples, type(), getattr/setattr/hasattr/delattr, vars() and dir() of simple classes (sorted, non-dunder), callable, id/hash basics
# compare: exact
# timeout: 10
class Animal:
    legs = 4
    def __init__(self, name):
        self.name = name
    def speak(self):
        return '...'
class Bird(Animal):
    legs = 2
    def fly(self):
        return 'flap'
b = Bird('tweety')
print(isinstance(b, Bird), isinstance(b, Animal), isinstance(b, (int, str)), isinstance(b, (int, Animal)), isinstance(3, (float, int)))
print(issubclass(Bird, Animal), issubclass(Animal, Bird), issubclass(Bird, (str, Animal)), issubclass(Bird, Bird), issubclass(bool, (int,)))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)), isinstance([], object), isinstance(int, type))
print(type(b) is Bird, type(b) == Animal, type(b).__name__, type(3.0), type('x'), type([]), type({}), type(None))
print(getattr(b, 'name'), getattr(b, 'legs'), getattr(b, 'wings', 'no wings'), hasattr(b, 'fly'), hasattr(b, 'swim'))
setattr(b, 'color', 'yellow')
print(b.color, getattr(b, 'color'))
delattr(b, 'color')
print(hasattr(b, 'color'))
method = getattr(b, 'speak')
print(method(), getattr(Bird, 'fly')(b), getattr(b, 'fly')())
try:
    getattr(b, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    delattr(b, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(b, 5)
except TypeError as e:
    print('TypeError:', e)
print(vars(b), sorted(vars(Bird).keys() - {'__module__', '__doc__'}))
print([n for n in dir(b) if not n.startswith('__')])
print([n for n in dir(Bird) if not n.startswith('__')])
print([n for n in dir(Animal) if not n.startswith('_')], 'speak' in dir(b), '__init__' in dir(b))
class Empty:
    pass
print([n for n in dir(Empty()) if not n.startswith('__')], vars(Empty()), '__dict__' in dir(Empty))
import types
m = types.SimpleNamespace(a=1, b='two')
m.c = 3
print(m, vars(m), m.a + m.c, sorted(n for n in dir(m) if not n.startswith('_')))
x = [1, 2]
y = x
print(id(x) == id(y), id(x) == id([1, 2]), x is y, isinstance(id(x), int), hash(5) == 5, hash('') == 0, hash(-1) == -2)
print(hash((1, 2)) == hash((1, 2)), hash(1.5) == hash(1.5), hash(10 ** 30) == hash(10 ** 30), hash(True) == 1)
print(callable(print), callable(b.speak), callable(Bird), callable(b), callable(None), callable(lambda: 1))
print(type(len).__name__, type(b.speak).__name__, type(Bird.speak).__name__, type(Bird).__name__, type(type).__name__)
for attr in ['name', 'legs', 'speak', '__class__']:
    print(attr, type(getattr(b, attr)).__name__)
print(b.__class__.__name__, b.__class__.__bases__[0].__name__, Bird.__dict__['legs'], 'name' in b.__dict__)
print(isinstance(b, object), issubclass(type, object), object in Bird.__mro__, len(Bird.__mro__))
