# topic: conditional expressions, nesting, laziness, in lambdas/comprehensions/defaults
# compare: exact
# timeout: 10
def sign(x):
    return 'negative' if x < 0 else 'zero' if x == 0 else 'positive'
print([sign(v) for v in (-3, 0, 7)])
def loud(tag, value):
    print('eval', tag)
    return value
print(loud('a', 1) if loud('cond', True) else loud('b', 2))
print(loud('a', 1) if loud('cond', 0) else loud('b', 2))
grade = lambda s: 'A' if s >= 90 else 'B' if s >= 80 else 'C' if s >= 70 else 'F'
print([grade(s) for s in (95, 85, 72, 10, 90, 80)])
print([x if x % 2 else -x for x in range(6)], [x for x in range(10) if x % 3 == 0])
print(['even' if i % 2 == 0 else 'odd' for i in range(3)])
print((1 if True else 2) + 10, 1 if False else 2 + 10, 'x' + ('y' if 0 else 'z'))
a, b = 5, 9
print(a if a > b else b, min(a, b) if a != b else None)
def f(x, default=None):
    return default if x is None else x
print(f(None, 'dflt'), f(0, 'dflt'), f([], 'dflt'))
result = (lambda: 'L1')() if a else (lambda: 'L2')()
print(result)
print({'k': 1 if a else 0}, [1 if i else 0 for i in [0, 1, 2]], (yield_ := 'a' if b else 'b'))
x = 0
print('fizz' if x % 3 == 0 and x else 'zero' if not x else 'other')
for n in range(1, 16):
    print('FizzBuzz' if n % 15 == 0 else 'Fizz' if n % 3 == 0 else 'Buzz' if n % 5 == 0 else n, end=' ')
print()
