# topic: struct pack/unpack/calcsize
# compare: exact
# timeout: 10
import struct

print(struct.pack('<i', 1), struct.pack('>i', 1), struct.pack('!h', -2), struct.pack('=H', 65535))
print(struct.pack('<bBhHiIqQ', -1, 255, -300, 300, -70000, 70000, -2 ** 40, 2 ** 63))
print(struct.pack('<lL', -5, 5), struct.pack('@lL', -5, 5), struct.pack('<?x?', True, 0))
print(struct.pack('<f', 1.5), struct.pack('>d', -2.25), struct.pack('<e', 0.1), struct.pack('<f', 0.1))
print(struct.pack('<d', float('inf')), struct.pack('>f', float('-inf')), struct.pack('<d', 1e-310),
      struct.pack('<f', 1e-40), struct.pack('<e', 65504.0), struct.pack('<e', 6e-8), struct.pack('<d', -0.0))
print(struct.pack('5s', b'abc'), struct.pack('2s', b'abcdef'), struct.pack('4p', b'ab'), struct.pack('c', b'z'))
print(struct.pack('3b2h', 1, 2, 3, 4, 5), struct.pack('@bq', 1, 2), struct.pack('@bhi', 1, 2, 3))
data = struct.pack('<ihd4s?', 7, -3, 3.14159, b'spam', True)
print(data, struct.unpack('<ihd4s?', data))
print(struct.unpack('<bBhHiIqQ', struct.pack('<bBhHiIqQ', -1, 255, -300, 300, -70000, 70000, -2 ** 40, 2 ** 63)))
for code in 'efd':
    for v in [0.1, 1.0, -2.5, 1 / 3, 65504.0, 1e-5, 3.4e38, 2.0 ** -149, 5e-324]:
        try:
            print(code, v, struct.unpack('<' + code, struct.pack('<' + code, v))[0])
        except (OverflowError, struct.error) as e:
            print(code, v, type(e).__name__, e)
print(struct.unpack('>f', b'\x7f\xc0\x00\x00'), struct.unpack('<d', struct.pack('<d', float('nan'))))
print(struct.calcsize('bhiq'), struct.calcsize('<bhiq'), struct.calcsize('@bq'), struct.calcsize('qb'),
      struct.calcsize('P'), struct.calcsize('0s'), struct.calcsize('3x2h'), struct.calcsize('10s'),
      struct.calcsize('!4I'), struct.calcsize('ci'), struct.calcsize('<ci'), struct.calcsize(''))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 1), struct.unpack('4p', b'\x02abc'),
      list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
buf = bytearray(8)
struct.pack_into('<hh', buf, 2, 1, -1)
print(buf)
s = struct.Struct('<2i')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x03\x00\x00\x00\x04\x00\x00\x00'))
for fmt, v in [('b', 200), ('B', -1), ('h', 40000), ('H', -1), ('i', 2 ** 31), ('I', -1), ('<l', 2 ** 31),
               ('<Q', -1), ('q', 2 ** 63), ('i', 'x'), ('i', 1.5), ('<f', 1e300), ('<e', 1e6),
               ('c', b'ab'), ('s', 1), ('d', 'x')]:
    try:
        struct.pack(fmt, v)
    except (struct.error, OverflowError) as e:
        print(fmt, type(e).__name__, e)
for args in [('ii', 1), ('i', 1, 2), ('z',), ('3',)]:
    try:
        struct.pack(*args)
    except struct.error as e:
        print(args, e)
for f in [lambda: struct.unpack('ii', b'123'), lambda: struct.unpack_from('ii', b'123', 0),
          lambda: struct.iter_unpack('<h', b'123')]:
    try:
        f()
    except struct.error as e:
        print('error', e)
print(struct.pack('<Q', 0x0102030405060708).hex(), struct.unpack('>I', bytes([1, 2, 3, 4]))[0])
print(struct.pack('<i', True), struct.pack('<d', 3), struct.pack('>q', -1))
