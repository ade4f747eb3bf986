# topic: bytearray: mutation (item/slice assignment, append/extend/insert/pop/remove/reverse/clear), conversions, in-place ops, methods shared with bytes
# compare: exact
# timeout: 10
ba = bytearray(b'hello')
print(ba, len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__)
ba[0] = ord('H')
ba.append(33)
ba.extend(b' world')
ba.extend([33, 33])
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord('o'))
print(ba)
ba[0:5] = b'HOWDY'
print(ba)
ba[0:1] = b''
del ba[-3:]
print(ba)
ba.reverse()
print(ba)
ba.clear()
print(ba, len(ba), bool(ba))
print(bytearray(3), bytearray([1, 2]), bytearray('ж', 'utf-8'), bytearray(b'x') * 3, bytearray(range(65, 70)))
b2 = bytearray(b'abc')
b2 += b'def'
b2 *= 2
print(b2, b2.upper(), b2.replace(b'a', b'A'), b2.find(b'd'), b2.count(b'a'), b2.decode(), bytes(b2))
print(b2 == b'abcdefabcdef', b'abc' in b2, 97 in b2, bytearray(b'a') < bytearray(b'b'), b2.hex()[:6])
copy = b2.copy()
copy[0] = 122
print(b2[:3], copy[:3])
for bad in (lambda: bytearray(b'x').__setitem__(0, 256), lambda: bytearray(b'x').append(-1), lambda: bytearray().pop(),
            lambda: bytearray(b'a').remove(98), lambda: hash(bytearray()), lambda: bytearray(b'a')[5]):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)
buf = bytearray()
for i in range(5):
    buf += bytes([48 + i])
print(buf, buf.decode(), list(buf), buf.split(b'2'), bytearray(b' x ').strip())
data = bytearray(b'\x00' * 4)
data[1:3] = b'\xff\xfe'
data[::2] = b'\x01\x02'
print(data, data.hex(' '), int.from_bytes(data, 'little'))
mv = memoryview(data)
mv[0] = 9
print(data[0], mv.tobytes(), mv.nbytes, mv.readonly)
print(repr(bytearray(b"it's")), str(bytearray(b'q')), bytearray.fromhex('41 42'), bytearray(b'ab').zfill(4))
