# topic: __getattr__ (fallback), __getattribute__ (always), __setattr__/__delattr__, dynamic proxies, getattr default behaviour
# compare: exact
# timeout: 10
class Fallback:
    existing = 'class attr'
    def __init__(self):
        self.real = 'instance attr'
    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return f'dynamic {name[4:]}'
        raise AttributeError(f'{type(self).__name__!r} has no {name!r}')
f = Fallback()
print(f.real, f.existing, f.dyn_hello, getattr(f, 'dyn_x'), hasattr(f, 'nope'), getattr(f, 'nope', 'default'))
try:
    f.nope
except AttributeError as e:
    print('AttributeError:', e)
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith('__'):
            print('getattribute', name)
        return super().__getattribute__(name)
    def method(self):
        return self.a
lg = Logged()
print(lg.a)
print(lg.method())
class Strict:
    __fields = ('x', 'y')
    def __setattr__(self, name, value):
        if name not in ('x', 'y'):
            raise AttributeError(f'cannot set {name}')
        print('set', name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('del', name)
        object.__delattr__(self, name)
s = Strict()
s.x = 1
setattr(s, 'y', 2)
try:
    s.z = 3
except AttributeError as e:
    print('AttributeError:', e)
del s.x
print(vars(s))
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_target', target)
        object.__setattr__(self, '_log', [])
    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
p = Proxy([3, 1, 2])
p.sort()
p.append(0)
print(p._target, p._log, p.count(0))
class Obj:
    pass
target = Obj()
pr = Proxy(target)
pr.color = 'red'
print(target.color, pr.color, 'color' in vars(pr))
class Recursion:
    def __getattr__(self, name):
        if name == 'computed':
            value = 42
            self.__dict__[name] = value
            print('computed once')
            return value
        raise AttributeError(name)
rc = Recursion()
print(rc.computed, rc.computed)
class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        self[name] = value
ad = AttrDict(a=1)
ad.b = 2
print(ad.a, ad.b, ad, hasattr(ad, 'c'))
try:
    ad.c
except AttributeError as e:
    print('AttributeError:', repr(e))
class GetattrError:
    @property
    def prop(self):
        raise AttributeError('inner failure')
    def __getattr__(self, name):
        return f'fallback for {name}'
print(GetattrError().prop)
try:
    object().attr = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    (1).real = 5
except AttributeError as e:
    print('AttributeError:', e)
