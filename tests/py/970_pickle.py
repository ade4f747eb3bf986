# pickle: exact bytes of dumps for CPython-deterministic values (protocols 2-5, framing at 4+),
# round trips of every natively written type, shared and recursive structures, user classes
# (__reduce__, __reduce_ex__, __getstate__/__setstate__, __getnewargs(_ex)__, __slots__,
# container subclasses), exceptions, protocol 0/1 pickles, the Pickler/Unpickler classes and
# CPython's error messages.
import io
import pickle


def checksum(data):
    h = 0
    for i, b in enumerate(data):
        h = (h * 31 + b * (i + 1)) % 1000000007
    return h


def show(label, value, protos=(2, 3, 4, 5)):
    for p in protos:
        d = pickle.dumps(value, protocol=p)
        if len(d) <= 120:
            print(label, p, d)
        else:
            print(label, p, len(d), checksum(d), d[:24], d[-24:])


# ---- exact bytes ----
show('none', None)
show('bools', [True, False])
show('ints', [0, 1, -1, 255, 256, 65535, 65536, -129, -256, 2**31 - 1, -2**31, -2**31 - 1,
              2**31, 2**63 - 1, -2**63, 2**63, 2**64, -2**64, 10**50, -10**50])
show('bigint', 2**2100 - 12345)
show('negbig', -(2**2100))
show('floats', [0.0, -0.0, 1.5, -2.25, 1e300, 5e-324, float('inf'), float('-inf'), 0.1])
show('str', ['', 'a', 'abc', 'Привет, мир', '€', '\U0001f600', 'x' * 255, 'y' * 256])
show('surrogate', '\ud800x')
show('bytes', [b'', b'\x00\xff', b'y' * 255, b'z' * 256])
show('bytearray', [bytearray(), bytearray(b'ab')])
show('tuples', [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)])
show('nested', [1, [2, [3, [4]]], {'a': (1, 'a')}])
show('dict', {'a': 1, 2: 'b', (1, 2): [3], None: 1.5})
show('frozenset1', frozenset([7]))
show('set1', {7})
show('emptyset', [set(), frozenset()])
show('singletons', [type(None), type(...), type(NotImplemented), ..., NotImplemented])
show('builtins', [len, int, str, dict, ValueError, KeyError])
show('complex', 1 + 2j)
show('exc', ValueError('bad value', 3))
show('keyerror', KeyError('k'))
show('list1001', list(range(1001)))
show('list1000', [None] * 1000)
show('dict1000', {i: i for i in range(1000)})
show('dict1001', {str(i): i for i in range(1001)})
show('manystr', ['s%d' % i for i in range(5000)])
show('bigbytes', [b'q' * 70000, 1, 2])
show('bigstr', ['a' * 65530, 'b'])
show('framesplit', [(i, 'ab') for i in range(300, 12000)])
shared = [1, 2]
show('shared', [shared, shared, (shared,)])
rec = [0]
rec.append(rec)
show('reclist', rec)
d = {}
d['self'] = d
show('recdict', d)
t_inner = []
t = (t_inner,)
t_inner.append(t)
show('rectuple', t)
s = 'shared string'
show('sharedstr', [s, s, (s, s)])


# ---- round trips ----
def rt(value, protos=(0, 1, 2, 3, 4, 5)):
    return [pickle.loads(pickle.dumps(value, protocol=p)) for p in protos]


values = [None, True, 0, -1, 2**100, -2**100, 3.25, 'text', 'é✓😀', b'bin', bytearray(b'ba'),
          (), (1,), (1, 2, 3, 4, 5), [], [1, [2]], {}, {'k': [1, {2: 3}]}, {1, 2, 3},
          frozenset({4, 5}), 1 - 2j, range(3), slice(1, 5, 2), type(None), ..., NotImplemented]
for v in values:
    outs = rt(v)
    print(type(v).__name__, all(o == v and type(o) is type(v) for o in outs), repr(outs[-1]))

for p in (2, 3, 4, 5):
    r = pickle.loads(pickle.dumps(rec, protocol=p))
    dd = pickle.loads(pickle.dumps(d, protocol=p))
    tt = pickle.loads(pickle.dumps(t, protocol=p))
    sh = pickle.loads(pickle.dumps([shared, shared], protocol=p))
    print('structures', p, r[1] is r, dd['self'] is dd, tt[0][0] is tt, sh[0] is sh[1])


# ---- user classes ----
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(other) is Point and (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


class Stateful:
    def __init__(self, n):
        self.n = n

    def __getstate__(self):
        return {'n': self.n, 'extra': 'saved'}

    def __setstate__(self, state):
        self.n = state['n']
        self.restored = state['extra']


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


class ReducedEx:
    def __init__(self, v):
        self.v = v

    def __reduce_ex__(self, proto):
        return (ReducedEx, ('proto %d' % proto,))


class WithArgs:
    def __new__(cls, a, b=0):
        self = object.__new__(cls)
        self.a, self.b = a, b
        return self

    def __getnewargs__(self):
        return (self.a, self.b)


class WithKwArgs:
    def __new__(cls, a, *, key):
        self = object.__new__(cls)
        self.a, self.key = a, key
        return self

    def __getnewargs_ex__(self):
        return (self.a,), {'key': self.key}


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1
        self.b = [2]

    def __getstate__(self):
        return (None, {'a': self.a, 'b': self.b})


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class Custom(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code


class WithSetter:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (WithSetter, (0,), {'v': self.v}, None, None, set_state)


def set_state(obj, state):
    obj.v = state['v'] * 10


def helper():
    return 42


show('point', Point(1, 'two'))
show('pointlist', [Point(1, 2), Point(3, 4)])
show('reduced', Reduced([1], {'k': 2}))
show('withargs', WithArgs(5, 6))
show('mylist', MyList([1, 2, 3]))
show('mydict', MyDict(a=1))
show('func', helper)
show('class', Point)

for p in (2, 3, 4, 5):
    pt = pickle.loads(pickle.dumps(Point(1, 'two'), protocol=p))
    st = pickle.loads(pickle.dumps(Stateful(7), protocol=p))
    rd = pickle.loads(pickle.dumps(Reduced([1], {'k': 2}), protocol=p))
    rx = pickle.loads(pickle.dumps(ReducedEx(1), protocol=p))
    wa = pickle.loads(pickle.dumps(WithArgs(5, 6), protocol=p))
    sl = pickle.loads(pickle.dumps(Slotted(), protocol=p))
    ml = pickle.loads(pickle.dumps(MyList([1, 2, 3]), protocol=p))
    md = pickle.loads(pickle.dumps(MyDict(a=1, b=[2]), protocol=p))
    mi = pickle.loads(pickle.dumps(MyInt(42), protocol=p))
    ws = pickle.loads(pickle.dumps(WithSetter(4), protocol=p))
    print('classes', p, pt, st.n, st.restored, rd.a, rd.b, rx.v, wa.a, wa.b, sl.a, sl.b)
    print('  subclasses', type(ml).__name__, ml, type(md).__name__, sorted(md.items()),
          type(mi).__name__, mi, ws.v)
    if p >= 4:
        kw = pickle.loads(pickle.dumps(WithKwArgs(1, key='k'), protocol=p))
        print('  kwargs', kw.a, kw.key)
    f = pickle.loads(pickle.dumps(helper, protocol=p))
    c = pickle.loads(pickle.dumps(Point, protocol=p))
    b = pickle.loads(pickle.dumps(len, protocol=p))
    m = pickle.loads(pickle.dumps([1, 2].__len__, protocol=p))
    print('  refs', f is helper, c is Point, b is len, m())
    e = pickle.loads(pickle.dumps(Custom('boom', 7), protocol=p))
    k = pickle.loads(pickle.dumps(KeyError('k'), protocol=p))
    o = pickle.loads(pickle.dumps(OSError(2, 'No such file'), protocol=p))
    print('  exceptions', type(e).__name__, e.args, e.code, repr(k), o.errno, o.strerror)
    same = Point(0, 0)
    pair = pickle.loads(pickle.dumps([same, same], protocol=p))
    print('  shared instance', pair[0] is pair[1])

# ---- protocol 0 and 1 pickles written by CPython ----
p0 = (b'(lp0\nI1\naVa\np1\na(F2.5\nNtp2\na(dp3\nVk\np4\nI01\nsaL1180591620717411303424L\naI-3\n'
      b'ac_codecs\nencode\np5\n(Vby\np6\nVlatin1\np7\ntp8\nRp9\naV\\u20ac\np10\na.')
p1 = (b']q\x00(K\x01X\x01\x00\x00\x00aq\x01(G@\x04\x00\x00\x00\x00\x00\x00Ntq\x02}q\x03X\x01'
      b'\x00\x00\x00kq\x04I01\nsL1180591620717411303424L\nJ\xfd\xff\xff\xffc_codecs\nencode\n'
      b'q\x05(X\x02\x00\x00\x00byq\x06X\x06\x00\x00\x00latin1q\x07tq\x08Rq\tX\x03\x00\x00\x00'
      b'\xe2\x82\xacq\n(X\x01\x00\x00\x00xq\x0bh\x0btq\x0ce.')
print('proto0', pickle.loads(p0))
print('proto1', pickle.loads(p1))
print('string', pickle.loads(b"S'a\\nb'\np0\n."), pickle.loads(b'U\x03abc.'),
      pickle.loads(b'U\x03abc.', encoding='bytes'), pickle.loads(b'T\x02\x00\x00\x00\xe9!.',
                                                                 encoding='latin1'))
print('compat', pickle.loads(b'c__builtin__\nset\n((lI1\naI2\natR.'),
      pickle.loads(b'\x80\x02c__builtin__\nxrange\nK\x03\x85R.'),
      pickle.loads(b'\x80\x02cexceptions\nValueError\nX\x01\x00\x00\x00x\x85R.'))
print('inst', pickle.loads(b'(i__main__\nPoint\n(dS\'x\'\nI1\nsS\'y\'\nI2\nsb.'))
print('obj', pickle.loads(b'(c__main__\nPoint\no}(X\x01\x00\x00\x00xK\x01'
                         b'X\x01\x00\x00\x00yK\x02ub.'))
print('reconstructor', pickle.loads(
    b'ccopy_reg\n_reconstructor\n(c__main__\nPoint\nc__builtin__\nobject\nNtR'
    b'(dVx\nI3\nsVy\nI4\nsb.'))

# ---- Pickler / Unpickler and files ----
buf = io.BytesIO()
pk = pickle.Pickler(buf, 2)
lst = [1, 2]
pk.dump(lst)
pk.dump(lst)
print('pickler twice', buf.getvalue())
buf.seek(0)
up = pickle.Unpickler(buf)
a = up.load()
b = up.load()
print('unpickler twice', a, b, a is b)

buf = io.BytesIO()
pickle.dump({'first': 1}, buf)
pickle.dump(['second'], buf)
buf.write(b'tail')
buf.seek(0)
print('two pickles', pickle.load(buf), pickle.load(buf), buf.read())


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n=-1):
        chunk = self.data[self.pos:self.pos + n] if n >= 0 else self.data[self.pos:]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        end = self.data.find(b'\n', self.pos)
        end = len(self.data) if end < 0 else end + 1
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk


r = Reader(pickle.dumps([1, 'x']) + p0 + b'rest')
print('reader', pickle.load(r), pickle.load(r), r.data[r.pos:])


class PersistentPickler(pickle.Pickler):
    def persistent_id(self, obj):
        return 'ref:' + obj if isinstance(obj, str) and obj.startswith('@') else None


class PersistentUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded ' + pid


for p in (2, 4):
    buf = io.BytesIO()
    PersistentPickler(buf, p).dump(['@a', 'b', '@c'])
    buf.seek(0)
    print('persistent', p, PersistentUnpickler(buf).load())


class Overrider(pickle.Pickler):
    def reducer_override(self, obj):
        if type(obj) is Point:
            return (Point, ('overridden', obj.y))
        return NotImplemented


buf = io.BytesIO()
Overrider(buf, 4).dump([Point(1, 2), 3])
print('reducer_override', pickle.loads(buf.getvalue()))

from multiprocessing.reduction import ForkingPickler
data = ForkingPickler.dumps((1, 'x', [Point(1, 2)]))
print('forking', bytes(data) == pickle.dumps((1, 'x', [Point(1, 2)])), ForkingPickler.loads(data))
print('highest', pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.dumps(1, -1))


# ---- errors ----
def err(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
        print('no error')
    except Exception as e:
        text = str(e)
        if ' at 0x' in text:  # drop object addresses
            head, tail = text.split(' at 0x', 1)
            text = head + tail[tail.index('>'):]
        print(type(e).__name__ + ':', text)


def gen():
    yield 1


err(pickle.dumps, lambda: 1)
err(pickle.dumps, gen())
err(pickle.dumps, [1, io.BytesIO()])
err(pickle.dumps, 1, protocol=6)


class BadReduce:
    def __reduce__(self):
        return 42


class ShortReduce:
    def __reduce__(self):
        return (BadReduce,)


class BadArgs:
    def __reduce__(self):
        return (BadReduce, [1])


err(pickle.dumps, BadReduce())
err(pickle.dumps, ShortReduce())
err(pickle.dumps, BadArgs())


def outer():
    def inner():
        pass
    return inner


err(pickle.dumps, outer())
err(pickle.dumps, Point, protocol=2)
for bad in [b'', b'\x80\x04K\x01', b'\x80\x04J\x01', b'\x01', b'\x80\x04\xff', b"\x80\x04'",
            b'\x80\x04h\x05.', b'0.', b'\x80\x09.', b"S'abc\n.", b'\x80\x04\x8c\x03ab', b't.',
            b'\x80\x02c__main__\nNoSuchName\n.', b'\x80\x02cno_such_module_x\nf\n.']:
    err(pickle.loads, bad)
err(pickle.loads, 'text')
