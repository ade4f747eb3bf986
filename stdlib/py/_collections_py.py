"""collections.deque in Python (used when the native _collections module is not built).

Items live in a dict keyed by consecutive integers between _head and _tail, so appends and pops
at both ends are O(1)."""


class deque:
    """deque([iterable[, maxlen]]) --> deque object"""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        self._d = {}
        self._head = 0
        self._tail = 0
        if iterable is not self:
            self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def __len__(self):
        return self._tail - self._head

    def __bool__(self):
        return self._tail != self._head

    def append(self, x):
        if self._maxlen == 0:
            return
        self._d[self._tail] = x
        self._tail += 1
        if self._maxlen is not None and self._tail - self._head > self._maxlen:
            del self._d[self._head]
            self._head += 1

    def appendleft(self, x):
        if self._maxlen == 0:
            return
        self._head -= 1
        self._d[self._head] = x
        if self._maxlen is not None and self._tail - self._head > self._maxlen:
            self._tail -= 1
            del self._d[self._tail]

    def pop(self):
        if self._tail == self._head:
            raise IndexError('pop from an empty deque')
        self._tail -= 1
        return self._d.pop(self._tail)

    def popleft(self):
        if self._tail == self._head:
            raise IndexError('pop from an empty deque')
        x = self._d.pop(self._head)
        self._head += 1
        return x

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._d.clear()
        self._head = self._tail = 0

    def _index(self, i):
        n = self._tail - self._head
        if not isinstance(i, int):
            raise TypeError('sequence index must be integer, not %r' % type(i).__name__)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError('deque index out of range')
        return self._head + i

    def __getitem__(self, i):
        return self._d[self._index(i)]

    def __setitem__(self, i, v):
        self._d[self._index(i)] = v

    def __delitem__(self, i):
        k = self._index(i)
        items = list(self)
        del items[k - self._head]
        self.clear()
        self.extend(items)

    def __iter__(self):
        d = self._d
        for k in range(self._head, self._tail):
            yield d[k]

    def __reversed__(self):
        d = self._d
        for k in range(self._tail - 1, self._head - 1, -1):
            yield d[k]

    def __contains__(self, x):
        for y in self:
            if y is x or y == x:
                return True
        return False

    def count(self, x):
        return sum(1 for y in self if y is x or y == x)

    def index(self, x, start=0, stop=None):
        items = list(self)
        if stop is None:
            stop = len(items)
        for i in range(start if start >= 0 else max(0, len(items) + start),
                       min(stop if stop >= 0 else len(items) + stop, len(items))):
            if items[i] is x or items[i] == x:
                return i
        raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and len(self) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        items = list(self)
        items.insert(i, x)
        self.clear()
        self.extend(items)

    def remove(self, value):
        items = list(self)
        for i, y in enumerate(items):
            if y is value or y == value:
                del items[i]
                self.clear()
                self.extend(items)
                return
        raise ValueError('deque.remove(x): x not in deque')

    def reverse(self):
        items = list(self)
        items.reverse()
        self.clear()
        self.extend(items)

    def rotate(self, n=1):
        length = len(self)
        if length <= 1:
            return
        n %= length
        if n == 0:
            return
        if n <= length // 2:
            for _ in range(n):
                self.appendleft(self.pop())
        else:
            for _ in range(length - n):
                self.append(self.popleft())

    def copy(self):
        return self.__class__(self, self._maxlen)

    __copy__ = copy

    def __repr__(self):
        items = repr(list(self))
        name = type(self).__name__
        if self._maxlen is None:
            return '%s(%s)' % (name, items)
        return '%s(%s, maxlen=%d)' % (name, items, self._maxlen)

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) == list(other)

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) != list(other)

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) < list(other)

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) <= list(other)

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) > list(other)

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return list(self) >= list(other)

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.__class__((), self._maxlen)
        for _ in range(n):
            result.extend(list(self))
        return result

    def __reduce__(self):
        return self.__class__, (list(self), self._maxlen)

    def __class_getitem__(cls, item):
        return cls


deque.__module__ = 'collections'
