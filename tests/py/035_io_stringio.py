# compare: exact

import io
s = io.StringIO()
s.write('hello\n')
print('world', file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(s.readline(), end='')
print(s.read())
r = io.StringIO('a\nb\nc')
print(list(r), r.read())
b = io.BytesIO(b'xyz')
b.seek(0, 2); b.write(b'!')
print(b.getvalue(), b.tell())
b.seek(1)
print(b.read(2))
from contextlib import redirect_stdout
buf = io.StringIO()
with redirect_stdout(buf):
    print('captured')
print(repr(buf.getvalue()))
