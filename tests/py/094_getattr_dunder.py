# compare: exact

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, 'target', target)
    def __getattr__(self, name):
        return getattr(self.target, name)
    def __setattr__(self, name, value):
        print('set', name)
        setattr(self.target, name, value)
class T:
    a = 1
p = Proxy(T())
print(p.a)
p.b = 2
print(p.b, p.target.b)
class Dyn:
    def __getattribute__(self, name):
        if name == 'magic':
            return 42
        return super().__getattribute__(name)
print(Dyn().magic)
class Desc:
    def __get__(self, obj, owner):
        return 'desc' if obj else 'class-desc'
    def __set_name__(self, owner, name):
        print('set_name', name)
class Host:
    d = Desc()
print(Host.d, Host().d)
