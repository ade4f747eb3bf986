# topic: binary files: wb/rb/ab/r+b, bytes writes, seek whence 0/1/2, tell, read(n) at EOF, truncate, struct packing round trip, readinto-free patterns
# compare: exact
# timeout: 10
import struct
with open('data.bin', 'wb') as f:
    print(f.write(bytes(range(10))), f.write(b'\xff\xfe'), f.tell(), f.mode)
with open('data.bin', 'rb') as f:
    print(f.read(3), f.tell(), f.read(2), f.seek(0), f.read(1), f.seek(-2, 2), f.read(), f.read(5), f.tell())
    print(f.seek(3), f.seek(2, 1), f.read(1), f.seek(0, 2), f.tell())
with open('data.bin', 'ab') as f:
    f.write(b'END')
with open('data.bin', 'rb') as f:
    data = f.read()
print(data, len(data), data[-3:], list(data[:4]))
with open('data.bin', 'r+b') as f:
    f.seek(2)
    f.write(b'XY')
    f.seek(0)
    print(f.read(6))
    f.truncate(4)
with open('data.bin', 'rb') as f:
    print(f.read())
records = [(1, 2.5, b'abc'), (2, -1.0, b'xyz')]
fmt = '<id3s'
with open('records.bin', 'wb') as f:
    for r in records:
        f.write(struct.pack(fmt, *r))
size = struct.calcsize(fmt)
with open('records.bin', 'rb') as f:
    while chunk := f.read(size):
        print(struct.unpack(fmt, chunk))
print(size, struct.pack('>H', 258), struct.unpack('<I', b'\x01\x00\x00\x00'), struct.pack('3B', 1, 2, 3))
with open('text.txt', 'w', encoding='utf-8') as f:
    f.write('héllo\n')
with open('text.txt', 'rb') as f:
    raw = f.read()
print(raw, raw.decode('utf-8'), len(raw))
with open('text.txt', 'rb') as f:
    for line in f:
        print('binary line', line)
try:
    with open('data.bin', 'rb') as f:
        f.write(b'x')
except OSError as e:
    print(type(e).__name__ + ':', e)
try:
    with open('data.bin', 'wb') as f:
        f.write('text')
except TypeError as e:
    print('TypeError:', e)
with open('big.bin', 'wb') as f:
    for i in range(1000):
        f.write(i.to_bytes(2, 'big'))
with open('big.bin', 'rb') as f:
    f.seek(2 * 500)
    print(int.from_bytes(f.read(2), 'big'), f.seek(0, 2))
