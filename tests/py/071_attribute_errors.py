# compare: exact

class A:
    pass
try:
    A().missing
except AttributeError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    (1).real = 5
except AttributeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(e)
    x = 1
f()
try:
    import os
    os.nope
except AttributeError as e:
    print(e)
