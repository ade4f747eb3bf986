# compare: exact

class Animal:
    kind = 'animal'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} makes a sound'
    def __repr__(self):
        return f'{type(self).__name__}({self.name!r})'
class Dog(Animal):
    kind = 'dog'
    def speak(self):
        return super().speak() + ' (woof)'
d = Dog('Rex')
print(d, d.speak(), d.kind, Animal.kind, isinstance(d, Animal), issubclass(Dog, Animal))
print(Dog.__mro__, Dog.__name__, Dog.__bases__)
print(sorted(vars(d).items()), hasattr(d, 'name'), getattr(d, 'age', None))
d.age = 3; print(d.age); del d.age; print(hasattr(d, 'age'))
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
    @classmethod
    def count(cls):
        return cls.instances
    @staticmethod
    def helper(x):
        return x * 2
Counter(); Counter()
print(Counter.count(), Counter.helper(4), Counter().helper(5))
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v
t = Temp(); t.c = 25; print(t.c)
try:
    t.c = -300
except ValueError as e:
    print('ValueError:', e)
