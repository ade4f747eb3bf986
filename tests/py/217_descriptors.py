# topic: descriptor protocol: __get__/__set__/__delete__, data vs non-data precedence, __set_name__, validators, methods as descriptors
# compare: exact
# timeout: 10
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        print(f'__set_name__({owner.__name__}, {name!r})')
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.name[1:]} must be {self.kind.__name__}')
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('deleting', self.name)
        delattr(obj, self.name)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person('Ann', 30)
print(p.name, p.age, type(Person.name).__name__, sorted(vars(p)))
try:
    p.age = 'old'
except TypeError as e:
    print('TypeError:', e)
del p.age
print(p.age)
class NonData:
    def __get__(self, obj, objtype=None):
        return 'from descriptor'
class Data:
    def __get__(self, obj, objtype=None):
        return 'data descriptor'
    def __set__(self, obj, value):
        print('Data.__set__ ignores', value)
class Holder:
    nd = NonData()
    dd = Data()
h = Holder()
print(h.nd, h.dd)
h.__dict__['nd'] = 'instance wins over non-data'
h.__dict__['dd'] = 'instance loses to data'
print(h.nd, h.dd)
h.dd = 5
print(Holder.nd, Holder.dd)
class Lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value
class Circle:
    def __init__(self, r):
        self.r = r
    @Lazy
    def area(self):
        print('computing area')
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, 'area' in vars(c))
class Method:
    def greet(self, x):
        return f'greet {x}'
m = Method()
bound = Method.greet.__get__(m, Method)
print(bound('a'), m.greet.__self__ is m, m.greet.__func__ is Method.greet, Method.greet(m, 'b'))
print(type(m.greet).__name__, type(Method.greet).__name__, m.greet == m.greet, m.greet is m.greet)
class Counter:
    def __init__(self):
        self.accesses = 0
    def __get__(self, obj, objtype):
        self.accesses += 1
        return self.accesses
class UsesCounter:
    hits = Counter()
print(UsesCounter.hits, UsesCounter().hits, UsesCounter.hits)
class Ranged:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __set_name__(self, owner, name):
        self.private = f'_{name}'
    def __get__(self, obj, objtype=None):
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if not self.lo <= value <= self.hi:
            raise ValueError(f'{self.private[1:]}={value} not in [{self.lo}, {self.hi}]')
        setattr(obj, self.private, value)
class Color:
    r = Ranged(0, 255)
    g = Ranged(0, 255)
    def __init__(self, r, g):
        self.r, self.g = r, g
col = Color(10, 20)
print(col.r, col.g)
try:
    col.g = 300
except ValueError as e:
    print('ValueError:', e)
