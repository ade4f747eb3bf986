"""Functional tools for creating and using iterators (gilpy: written in Python, with CPython's
results, reprs and messages)."""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']


def _itertools_class(cls):
    cls.__module__ = 'itertools'
    return cls


@_itertools_class
class count:
    def __init__(self, start=0, step=1):
        for v, what in ((start, 'start'), (step, 'step')):
            if not isinstance(v, (int, float, complex)) and not hasattr(v, '__add__'):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1 and not isinstance(self._step, bool):
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)

    def __reduce__(self):
        return (count, (self._n, self._step))


@_itertools_class
class cycle:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._first:
            for item in self._it:
                self._saved.append(item)
                return item
            self._first = False
        if not self._saved:
            raise StopIteration
        item = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return item


@_itertools_class
class repeat:
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %d)' % (self._obj, self._times)


@_itertools_class
class chain:
    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        self = cls.__new__(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._source is None:
                    raise StopIteration
                try:
                    self._active = iter(next(self._source))
                except StopIteration:
                    self._source = None
                    raise
            try:
                return next(self._active)
            except StopIteration:
                self._active = None

    def __class_getitem__(cls, item):
        return cls


@_itertools_class
class islice:
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        else:
            raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1)
                            if args else 'islice expected at least 2 arguments, got 1')
        # CPython's islice_new: a bad value becomes -1; stop == -1 is reported as "Stop ...",
        # other negatives as "Indices ...", then the step.
        def index(v, default):
            if v is None:
                return default
            try:
                return v.__index__()
            except AttributeError:
                return -1
        stop_msg = ('Stop argument for islice() must be None or an integer: '
                    '0 <= x <= sys.maxsize.')
        start = index(start, 0)
        stop = index(stop, None)
        if stop == -1:
            raise ValueError(stop_msg)
        if start < 0 or (stop is not None and stop < -1):
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        step = index(step, 1)
        if step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        while self._i < self._next:
            if stop is not None and self._i >= stop:
                self._it = None
                raise StopIteration
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._i += 1
        if stop is not None and self._i >= stop:
            self._it = None
            raise StopIteration
        try:
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._i += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


@_itertools_class
class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._emit_initial = initial is not None

    def __iter__(self):
        return self

    def __next__(self):
        if self._emit_initial:
            self._emit_initial = False
            return self._total
        item = next(self._it)
        if not self._started:
            self._started = True
            self._total = item
        elif self._func is None:
            self._total = self._total + item
        else:
            self._total = self._func(self._total, item)
        return self._total


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product_iter(pools)


def _product_iter(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations(tuple(iterable), r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    if r < 0:
        raise ValueError('r must be non-negative')
    return _cwr(tuple(iterable), r)


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


@_itertools_class
class groupby:
    def __init__(self, iterable, key=None):
        self.keyfunc = (lambda x: x) if key is None else key
        self.it = iter(iterable)
        self.tgtkey = self.currkey = self.currvalue = object()
        self._marker = self.tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        self.id = object()
        while self.currkey == self.tgtkey:
            self.currvalue = next(self.it)
            self.currkey = self.keyfunc(self.currvalue)
        self.tgtkey = self.currkey
        return (self.currkey, self._grouper(self.tgtkey, self.id))

    def _grouper(self, tgtkey, id):
        while self.id is id and self.currkey == tgtkey:
            yield self.currvalue
            try:
                self.currvalue = next(self.it)
            except StopIteration:
                return
            self.currkey = self.keyfunc(self.currvalue)


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def dropwhile(predicate, iterable):
    iterable = iter(iterable)
    for x in iterable:
        if not predicate(x):
            yield x
            break
    for x in iterable:
        yield x


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def zip_longest(*args, fillvalue=None):
    iterators = [iter(it) for it in args]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


class _tee_data:
    def __init__(self, it):
        self.it = it
        self.buffer = []
        self.base = 0
        self.positions = {}


@_itertools_class
class _tee:
    def __init__(self, data, pos):
        self._data = data
        self._pos = pos

    def __iter__(self):
        return self

    def __next__(self):
        d = self._data
        idx = self._pos - d.base
        if idx < len(d.buffer):
            item = d.buffer[idx]
        else:
            item = next(d.it)
            d.buffer.append(item)
        self._pos += 1
        return item

    def __copy__(self):
        return _tee(self._data, self._pos)


def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    if isinstance(iterable, _tee):
        first = iterable.__copy__()
        return tuple([first] + [first.__copy__() for _ in range(n - 1)])
    data = _tee_data(iter(iterable))
    return tuple(_tee(data, 0) for _ in range(n))


_tee.__name__ = '_tee'
