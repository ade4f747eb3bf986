# topic: str/bytes/bytearray iterator types: type(iter(...)), __class__, __next__, __length_hint__, Counter over them
# compare: exact
# timeout: 10
import pickle
for o in [[1, 'a', None], (1, 2), {'a': 1, 2: 'b'}, 2**64, -2**64, -256, -129, -2**31-1, 1.5, b'ab', b'', bytearray(b'ab'), {1,2}, frozenset([1]), type(None), ..., NotImplemented, len, 1+2j, ValueError('x'), True, 'x'*300, -2**63, 2**63-1, 255, 256, 65535, 65536, -1]:
    for proto in (2, 3, 4, 5):
        d = pickle.dumps(o, protocol=proto)
        print(proto, d, pickle.loads(d) == o or repr(pickle.loads(d)))
it = iter('xyz')
print(it.__class__.__name__, it.__next__.__name__, type(it).__next__(it), next(it), list(it))
for seq in ('', 'abc', 'ñandú', b'', b'ab', bytearray(b'abc')):
    i = iter(seq)
    print(type(i).__name__, i.__length_hint__(), list(i), i.__length_hint__())
    try:
        next(i)
    except StopIteration:
        print('stop')
ba = bytearray(b'ab')
i = iter(ba)
ba.append(99)
print(list(i))
import collections
c = collections.Counter(iter('mississippi'))
print(c.most_common(2), sorted(collections.Counter(iter(b'hello')).items()))
print(isinstance(iter('a'), collections.abc.Iterator), issubclass(type(iter(b'')), collections.abc.Iterator))
print(sorted(set(iter('banana'))), dict.fromkeys(iter('ab')), tuple(iter(bytearray(b'\x01\x02'))))
