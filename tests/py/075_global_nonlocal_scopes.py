# compare: exact

x = 'module'
class K:
    x = 'class'
    def m(self):
        return x
    y = [x for _ in range(1)]
print(K().m(), K.y)
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner()
    r = mid()
    return r, v
print(outer())
print([locals().get('zz', 'none') for zz in range(1)])
def uses_globals():
    return sorted(k for k in globals() if not k.startswith('__'))[:3]
print(uses_globals())
