# compare: lines-match 0x[0-9a-fA-F]+

class Plain:
    pass
p = Plain()
print(p)
print(repr(p).startswith('<__main__.Plain object at 0x'))
print(Plain, type(p), object())
def fn():
    pass
print(fn, print, len)
print(Plain.__init__, p.__init__)
