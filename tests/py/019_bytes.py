# compare: exact

b = b'hello world'
print(b[0], b[:5], b.upper(), b.split(), b.find(b'o'), b.replace(b'l', b'L'))
print(b.decode(), 'héllo'.encode(), 'héllo'.encode('latin-1'), b.hex(), bytes.fromhex('414243'))
ba = bytearray(b'abc'); ba.append(100); ba[0] = 65; ba.extend(b'!!')
print(ba, bytes(ba), len(ba), ba.decode())
print(bytes(3), bytes(range(5)), b'x' * 3, b'a' + b'b', b'%d-%s' % (5, b'z'))
print(int.from_bytes(b'\x00\x10', 'big'), (4096).to_bytes(2, 'big'), list(b'AB'))
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print(b'abc'.startswith(b'a'), b' x '.strip(), b','.join([b'a', b'b']), repr(b"it's"))
