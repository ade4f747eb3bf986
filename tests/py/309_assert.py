# topic: assert statement: with and without message, message expression laziness, AssertionError args, assert on tuples (always true)
# compare: exact
# timeout: 10
def check(x):
    assert x > 0, f'x must be positive, got {x}'
    return x * 2
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print('AssertionError:', e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print('no message:', repr(e), e.args, str(e) == '')
def msg():
    print('message evaluated')
    return 'lazy'
assert True, msg()
try:
    assert False, msg()
except AssertionError as e:
    print('got', e)
try:
    assert [], 'empty list is falsy'
except AssertionError as e:
    print(e)
try:
    assert None, ['a', 'list', 'message']
except AssertionError as e:
    print(e.args[0], type(e.args[0]).__name__)
values = [3, 1, 2]
assert sorted(values) == [1, 2, 3]
assert len(values) == 3, 'length'
print('asserts passed')
def validate_age(age):
    assert isinstance(age, int), 'age must be an int'
    assert 0 <= age <= 150, 'age out of range'
    return True
for a in [30, -5, 'ten', 200]:
    try:
        print(validate_age(a))
    except AssertionError as e:
        print('invalid:', e)
class Custom:
    def __bool__(self):
        print('__bool__ consulted')
        return False
try:
    assert Custom(), 'custom falsy'
except AssertionError as e:
    print(e)
print(__debug__)
