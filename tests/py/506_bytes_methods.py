# topic: bytes methods and operations: literals, indexing gives ints, hex/fromhex, split/join/replace/strip/find, decode errors, bytes() constructors, comparisons
# compare: exact
# timeout: 10
b = b'Hello, World'
print(b[0], b[-1], b[:5], b[::-1], len(b), b.lower(), b.upper(), b.swapcase(), b.title())
print(bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes('жук', 'utf-8'), bytes(b'copy'), bytes(), b'a' * 3, b'ab' + b'cd')
print(b.hex(), b'\x00\xff'.hex(), b'\x01\x02\x03'.hex(':'), bytes.fromhex('48 65 6c 6c 6f'), bytes.fromhex('00ff'))
print(b.split(b', '), b'a  b c'.split(), b'a,b,,c'.split(b','), b'-'.join([b'x', b'y']), b'x'.join([b'1', b'2', b'3']))
print(b.replace(b'l', b'L'), b.replace(b'l', b'', 1), b'  pad  '.strip(), b'xxhixx'.strip(b'x'), b'  a'.lstrip(), b'a  '.rstrip())
print(b.find(b'o'), b.rfind(b'o'), b.find(b'z'), b.index(b'W'), b.count(b'l'), b.startswith(b'Hell'), b.endswith((b'x', b'ld')))
print(b'abc'.isalpha(), b'123'.isdigit(), b'a1'.isalnum(), b' '.isspace(), b'ABC'.isupper(), b'abc'.islower(), b'ab'.isascii())
print(b'key=val'.partition(b'='), b'a.b.c'.rpartition(b'.'), b'ab'.center(6, b'*'), b'7'.zfill(3), b'ab'.ljust(4, b'.'))
print(list(b'abc'), [hex(x) for x in b'\x10\x20'], tuple(b'\x01\x02'), 97 in b'abc', b'bc' in b'abc', b'abc'[1:2] == b'b')
print(b'abc' < b'abd', b'abc' == b'abc', b'a' == 'a', b'Z' < b'a', sorted([b'b', b'a', b'ab']), max(b'hello'))
print(repr(b"it's"), repr(b'"q"'), repr(b'\t\n\r\\'), repr(bytes([0, 127, 128, 255])), str(b'x'), b'%d-%s' % (5, b'z'))
print('текст'.encode('utf-8').decode('utf-8'), 'текст'.encode('utf-16-le')[:4], b'\xe2\x82\xac'.decode())
for bad in (lambda: b'\xc3'.decode('utf-8'), lambda: b'\x80abc'.decode('ascii'), lambda: bytes([300]), lambda: b'x' + 'y',
            lambda: b'abc'[5], lambda: bytes.fromhex('zz'), lambda: b'abc'.index(b'z'), lambda: b'a'.join(['b'])):
    try:
        print(bad())
    except (UnicodeDecodeError, ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ':', e)
try:
    b'abc'[0] = 1
except TypeError as e:
    print('TypeError:', e)
print(hash(b'abc') == hash(b'abc'), {b'k': 1}[b'k'], b''.join([]), bytes(b'\x00' * 2), b'a\x00b'.split(b'\x00'))
print(b'hello world'.translate(bytes.maketrans(b'lo', b'01')), b'hello'.translate(None, b'l'), b'Abc'.capitalize())
print(int.from_bytes(b'\x00\x10', 'big'), (4096).to_bytes(2, 'big'), b'\x01\x00'[0], len(b'\xd0\xb6'.decode()))
print(memoryview(b'abc')[1], bytes(memoryview(b'xyz')[1:]), b'abc'.decode('ascii').encode('utf-16-le'))
