# topic: single inheritance, method overriding, super() in __init__ and methods, super chains over 3 levels, isinstance
# compare: exact
# timeout: 10
class Animal:
    kingdom = 'animalia'
    def __init__(self, name, sound='...'):
        print(f'Animal.__init__({name!r})')
        self.name = name
        self.sound = sound
    def speak(self):
        return f'{self.name} says {self.sound}'
    def describe(self):
        return f'{type(self).__name__}:{self.name}'
class Dog(Animal):
    def __init__(self, name, breed):
        print('Dog.__init__ start')
        super().__init__(name, 'woof')
        self.breed = breed
        print('Dog.__init__ end')
    def speak(self):
        return super().speak() + '!'
class Puppy(Dog):
    def __init__(self, name):
        super().__init__(name, 'mixed')
    def speak(self):
        base = super().speak()
        return base.upper()
    def describe(self):
        return 'little ' + super(Dog, self).describe()
a, d, p = Animal('generic'), Dog('rex', 'lab'), Puppy('bit')
for x in (a, d, p):
    print(x.speak(), '|', x.describe(), '|', x.kingdom)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Animal), issubclass(Animal, Puppy))
print(Puppy.__bases__, Puppy.__base__.__name__, [c.__name__ for c in Puppy.__mro__])
print(type(p) is Puppy, type(p) is Dog, p.breed, vars(p))
class NoInit(Dog):
    pass
n = NoInit('n', 'x')
print(n.speak(), NoInit.__init__ is Dog.__init__)
class Base:
    def __init__(self):
        self.log = ['Base']
    def hook(self):
        return 'base hook'
    def run(self):
        return self.hook()
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append('Derived')
    def hook(self):
        return 'derived hook'
dd = Derived()
print(dd.log, dd.run(), Base.run(dd), Base.hook(dd))
class Forgot(Base):
    def __init__(self):
        pass
try:
    Forgot().log
except AttributeError as e:
    print('AttributeError:', e)
class Stack(list):
    def push(self, item):
        self.append(item)
    def peek(self):
        return self[-1]
    def __repr__(self):
        return 'Stack(' + super().__repr__() + ')'
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), s + [4], type(s + [4]).__name__)
class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
u = Upper('hello')
print(u, type(u).__name__, u.lower(), type(u.lower()).__name__, u == 'HELLO')
class DefaultDict(dict):
    def __missing__(self, key):
        return f'<no {key}>'
dd2 = DefaultDict(a=1)
print(dd2['a'], dd2['b'], dd2.get('b'), 'b' in dd2)
print(super(Puppy, p).speak())
class Meta:
    def who(self):
        return 'meta'
    @classmethod
    def create(cls):
        return cls.__name__
class SubMeta(Meta):
    @classmethod
    def create(cls):
        return 'sub:' + super().create()
print(SubMeta.create(), SubMeta().who())
