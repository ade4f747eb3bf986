# topic: rebinding a global frees the old value at once (__del__ before the next line), also after functions read it
# compare: exact
# timeout: 10
class V:
    def __del__(self):
        print('del')
v = V()
def f():
    return v
f()
v = None
print('after')
