# compare: exact

import tempfile, shutil, os
d = tempfile.mkdtemp(prefix='gp_')
print(os.path.isdir(d), os.path.basename(d).startswith('gp_'))
src = os.path.join(d, 'a.txt')
with open(src, 'w') as f:
    f.write('content')
shutil.copy(src, os.path.join(d, 'b.txt'))
shutil.copyfile(src, os.path.join(d, 'c.txt'))
os.mkdir(os.path.join(d, 'sub'))
shutil.move(os.path.join(d, 'c.txt'), os.path.join(d, 'sub'))
print(sorted(os.listdir(d)), os.listdir(os.path.join(d, 'sub')))
shutil.rmtree(d)
print(os.path.exists(d))
fd, path = tempfile.mkstemp(suffix='.dat')
os.write(fd, b'raw'); os.close(fd)
print(open(path, 'rb').read(), path.endswith('.dat'))
os.remove(path)
with tempfile.TemporaryFile() as tf:
    tf.write(b'abc'); tf.seek(0); print(tf.read())
print(os.path.isdir(tempfile.gettempdir()))
