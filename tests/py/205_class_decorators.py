# topic: class decorators: registering, adding methods/attributes, wrapping, singleton, returning a different object
# compare: exact
# timeout: 10
plugins = []
def plugin(cls):
    plugins.append(cls.__name__)
    return cls

def add_repr(cls):
    def __repr__(self):
        fields = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        return f'{type(self).__name__}({fields})'
    cls.__repr__ = __repr__
    return cls

def with_id(start):
    def decorator(cls):
        original_init = cls.__init__
        counter = [start]
        def __init__(self, *args, **kwargs):
            original_init(self, *args, **kwargs)
            self.id = counter[0]
            counter[0] += 1
        cls.__init__ = __init__
        return cls
    return decorator

def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get

@plugin
@add_repr
@with_id(100)
class User:
    def __init__(self, name):
        self.name = name

@plugin
class Other:
    pass

u1, u2 = User('ann'), User('bob')
print(u1, u2, plugins)

@singleton
class Config:
    def __init__(self, value):
        self.value = value
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.value, type(Config).__name__)

def frozen(cls):
    def __setattr__(self, name, value):
        if hasattr(self, '_frozen'):
            raise AttributeError(f'{cls.__name__} is frozen, cannot set {name}')
        object.__setattr__(self, name, value)
    cls.__setattr__ = __setattr__
    orig = cls.__init__
    def __init__(self, *a):
        orig(self, *a)
        object.__setattr__(self, '_frozen', True)
    cls.__init__ = __init__
    return cls

@frozen
class Pt:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Pt(1, 2)
print(p.x, p.y)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)

def count_methods(cls):
    cls.method_count = len([n for n, v in vars(cls).items() if callable(v) and not n.startswith('__')])
    return cls
@count_methods
class Tools:
    def a(self): pass
    def b(self): pass
    def __str__(self): return 'tools'
    data = 5
print(Tools.method_count, str(Tools()))
