# topic: exception chaining attributes: __cause__, __context__, __suppress_context__, raise from None, bare raise re-raising, with_traceback
# compare: exact
# timeout: 10
def show(e):
    print(type(e).__name__, repr(str(e)), '| cause:', repr(e.__cause__), '| context:', repr(e.__context__), '| suppress:', e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError as ke:
        raise ValueError('converted') from ke
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('implicit')
except ValueError as e:
    show(e)
try:
    try:
        int('x')
    except ValueError:
        raise LookupError('hidden') from None
except LookupError as e:
    show(e)
try:
    raise RuntimeError('direct') from OSError('io')
except RuntimeError as e:
    show(e)
def reraise():
    try:
        raise TypeError('original')
    except TypeError:
        print('logging and re-raising')
        raise
try:
    reraise()
except TypeError as e:
    show(e)
def reraise_as(e):
    raise e
try:
    try:
        raise KeyError('first')
    except KeyError as first:
        saved = first
    reraise_as(saved)
except KeyError as e:
    print('same object:', e is saved)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
e = ValueError('manual')
e.__cause__ = KeyError('manual cause')
print(e.__suppress_context__, repr(e.__cause__))
try:
    raise ValueError('x') from 5
except TypeError as err:
    print('TypeError:', err)
try:
    try:
        raise ValueError('a')
    except ValueError as a:
        try:
            raise TypeError('b')
        except TypeError as b:
            raise KeyError('c')
except KeyError as c:
    print(repr(c), repr(c.__context__), repr(c.__context__.__context__))
err = ValueError('tb')
print(err.__traceback__, err.with_traceback(None) is err)
try:
    raise err
except ValueError as caught:
    print(caught.__traceback__ is not None, type(caught.__traceback__).__name__, caught.__traceback__.tb_lineno)
