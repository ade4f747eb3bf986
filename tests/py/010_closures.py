# compare: exact

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs])
late = [lambda: i for i in range(3)]
print([f() for f in late])
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner()
print(outer(), x)
def make_acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = make_acc()
print(acc(1), acc(10), acc.__closure__[0].cell_contents)
g = 0
def set_global():
    global g
    g = 99
set_global(); print(g)
