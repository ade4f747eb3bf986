# topic: try/except/else/finally execution order in every combination, multiple except clauses, tuples of types, bare except
# compare: exact
# timeout: 10
def run(action):
    log = []
    try:
        log.append('try')
        if action == 'value':
            raise ValueError('v')
        if action == 'key':
            raise KeyError('k')
        if action == 'zero':
            1 / 0
        if action == 'type':
            raise TypeError('t')
        log.append('try-end')
    except ValueError as e:
        log.append(f'except ValueError {e}')
    except (KeyError, IndexError) as e:
        log.append(f'except lookup {type(e).__name__} {e}')
    except ArithmeticError:
        log.append('except ArithmeticError')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
for action in ['ok', 'value', 'key', 'zero']:
    print(action, run(action))
try:
    run('type')
except TypeError as e:
    print('escaped', e)
def nested():
    try:
        try:
            raise IndexError('inner')
        finally:
            print('inner finally')
    except LookupError as e:
        print('outer caught', type(e).__name__, e)
    finally:
        print('outer finally')
nested()
try:
    [][0]
except:
    print('bare except caught')
def order_of_excepts():
    try:
        raise KeyError('x')
    except LookupError:
        return 'LookupError first wins'
    except KeyError:
        return 'never'
print(order_of_excepts())
def exc_in_else():
    try:
        pass
    except ValueError:
        print('not here')
    else:
        raise ValueError('raised in else')
try:
    exc_in_else()
except ValueError as e:
    print('from else:', e)
def exc_in_except():
    try:
        raise ValueError('first')
    except ValueError:
        raise RuntimeError('second')
    finally:
        print('finally still runs')
try:
    exc_in_except()
except RuntimeError as e:
    print('RuntimeError', e, '| context:', repr(e.__context__))
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print('loop body', i)
    finally:
        print('loop finally', i)
def var_cleared():
    try:
        raise ValueError('gone')
    except ValueError as err:
        pass
    try:
        return err
    except NameError as e:
        return f'NameError: {e}'
print(var_cleared())
try:
    raise ValueError
except ValueError as e:
    print('class raised ->', repr(e), e.args)
errors = (ValueError, TypeError)
try:
    int('x')
except errors as e:
    print('tuple variable works', type(e).__name__)
