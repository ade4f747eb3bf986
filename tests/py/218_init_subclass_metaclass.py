# topic: __init_subclass__ with kwargs, metaclasses (__new__/__init__/__call__/__prepare__), type() 3-arg creation, class registries
# compare: exact
# timeout: 10
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls
        print('registered', cls.key)
class CsvPlugin(Plugin, key='csv'):
    pass
class JsonPlugin(Plugin):
    pass
class SubCsv(CsvPlugin, key='subcsv'):
    pass
print(sorted(Plugin.registry), SubCsv.key, JsonPlugin.key)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print('TypeError:', e)
class Meta(type):
    def __new__(mcs, name, bases, namespace, **kwargs):
        print(f'Meta.__new__ {name} bases={[b.__name__ for b in bases]} attrs={sorted(k for k in namespace if not k.startswith("__"))}')
        namespace['added_by_meta'] = True
        return super().__new__(mcs, name, bases, namespace)
    def __init__(cls, name, bases, namespace, **kwargs):
        print(f'Meta.__init__ {name}')
        super().__init__(name, bases, namespace)
    def __call__(cls, *args, **kwargs):
        print(f'Meta.__call__ {cls.__name__}{args}')
        return super().__call__(*args, **kwargs)
class Model(metaclass=Meta):
    field = 1
    def method(self):
        pass
class User(Model):
    def __init__(self, name):
        print('User.__init__', name)
        self.name = name
u = User('ann')
print(u.name, User.added_by_meta, type(User).__name__, type(Meta).__name__, isinstance(User, Meta))
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Db(metaclass=Singleton):
    def __init__(self):
        print('Db created')
print(Db() is Db())
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        print('__prepare__', name)
        return {'injected': 'value'}
class WithPrepare(metaclass=OrderedMeta):
    x = 1
print(WithPrepare.injected)
def hello(self):
    return f'hello from {type(self).__name__}'
Dynamic = type('Dynamic', (object,), {'greet': hello, 'n': 5})
print(Dynamic().greet(), Dynamic.n, Dynamic.__name__, Dynamic.__bases__)
Sub = type('Sub', (Dynamic,), {})
print(Sub().greet(), Sub.__mro__[1].__name__, type(Sub) is type)
print(type(5) is int, type(type), type(object), isinstance(type, object), isinstance(object, type))
class Validating(type):
    def __new__(mcs, name, bases, ns):
        for key, value in ns.items():
            if callable(value) and not key.startswith('_') and not key.islower():
                raise TypeError(f'method {key} must be lowercase')
        return super().__new__(mcs, name, bases, ns)
try:
    class Shouty(metaclass=Validating):
        def LOUD(self):
            pass
except TypeError as e:
    print('TypeError:', e)
class Attrs:
    def __init_subclass__(cls):
        cls.created = [k for k in vars(cls) if not k.startswith('_')]
class AttrsChild(Attrs):
    a = 1
    b = 2
print(AttrsChild.created)
