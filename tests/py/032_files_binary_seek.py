# compare: exact

with open('blob.bin', 'wb') as f:
    f.write(bytes(range(10)))
with open('blob.bin', 'rb') as f:
    print(f.read(3), f.tell())
    f.seek(5)
    print(f.read(2), f.tell())
    f.seek(-2, 2)
    print(f.read())
with open('blob.bin', 'r+b') as f:
    f.seek(2)
    f.write(b'XY')
with open('blob.bin', 'rb') as f:
    print(f.read())
import os
print(os.path.getsize('blob.bin'), os.stat('blob.bin').st_size)
