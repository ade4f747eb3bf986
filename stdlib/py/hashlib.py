"""hashlib for gilpy: SHA-2 digests (sha224, sha256, sha384, sha512) and md5/sha1 in pure Python.

Slow but exact; random.seed(str) uses sha512 as CPython does."""

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'new',
           'algorithms_guaranteed', 'algorithms_available')

algorithms_guaranteed = frozenset(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'))
algorithms_available = algorithms_guaranteed

_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF

_K256 = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2]

_K512 = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817]


class _SHA2:
    # Subclasses set: _init, _wordbits, _blocksize, _rounds, _K, _rot, _digest_words
    def __init__(self, data=b'', *, usedforsecurity=True):
        self._h = list(self._init)
        self._buf = b''
        self._len = 0
        if data:
            self.update(data)

    @property
    def digest_size(self):
        return self._digest_size

    @property
    def block_size(self):
        return self._blocksize

    def copy(self):
        c = self.__class__.__new__(self.__class__)
        c._h = list(self._h)
        c._buf = self._buf
        c._len = self._len
        return c

    def update(self, data):
        if isinstance(data, str):
            raise TypeError('Strings must be encoded before hashing')
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        bs = self._blocksize
        n = len(buf) // bs * bs
        for i in range(0, n, bs):
            self._compress(buf[i:i + bs])
        self._buf = buf[n:]

    def _compress(self, block):
        wb = self._wordbits
        mask = (1 << wb) - 1
        ws = wb // 8
        w = [int.from_bytes(block[i:i + ws], 'big') for i in range(0, len(block), ws)]
        r = self._rot
        K = self._K

        def rotr(x, n):
            return ((x >> n) | (x << (wb - n))) & mask
        for t in range(16, self._rounds):
            x = w[t - 15]
            s0 = rotr(x, r[0]) ^ rotr(x, r[1]) ^ (x >> r[2])
            x = w[t - 2]
            s1 = rotr(x, r[3]) ^ rotr(x, r[4]) ^ (x >> r[5])
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & mask)
        a, b, c, d, e, f, g, h = self._h
        for t in range(self._rounds):
            S1 = rotr(e, r[6]) ^ rotr(e, r[7]) ^ rotr(e, r[8])
            ch = (e & f) ^ (~e & g)
            t1 = (h + S1 + ch + K[t] + w[t]) & mask
            S0 = rotr(a, r[9]) ^ rotr(a, r[10]) ^ rotr(a, r[11])
            maj = (a & b) ^ (a & c) ^ (b & c)
            t2 = (S0 + maj) & mask
            h, g, f, e, d, c, b, a = g, f, e, (d + t1) & mask, c, b, a, (t1 + t2) & mask
        self._h = [(x + y) & mask for x, y in zip(self._h, (a, b, c, d, e, f, g, h))]

    def digest(self):
        c = self.copy()
        bs = self._blocksize
        lenbytes = bs // 8
        bitlen = self._len * 8
        pad = b'\x80' + b'\x00' * ((bs - lenbytes - 1 - self._len) % bs)
        c.update(pad + bitlen.to_bytes(lenbytes, 'big'))
        ws = self._wordbits // 8
        out = b''.join(x.to_bytes(ws, 'big') for x in c._h)
        return out[:self._digest_size]

    def hexdigest(self):
        return self.digest().hex()


class _SHA256Base(_SHA2):
    _wordbits = 32
    _blocksize = 64
    _rounds = 64
    _K = _K256
    _rot = (7, 18, 3, 17, 19, 10, 6, 11, 25, 2, 13, 22)


class _SHA512Base(_SHA2):
    _wordbits = 64
    _blocksize = 128
    _rounds = 80
    _K = _K512
    _rot = (1, 8, 7, 19, 61, 6, 14, 18, 41, 28, 34, 39)


class sha256(_SHA256Base):
    name = 'sha256'
    _digest_size = 32
    _init = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
             0x1f83d9ab, 0x5be0cd19)


class sha224(_SHA256Base):
    name = 'sha224'
    _digest_size = 28
    _init = (0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511,
             0x64f98fa7, 0xbefa4fa4)


class sha512(_SHA512Base):
    name = 'sha512'
    _digest_size = 64
    _init = (0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
             0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179)


class sha384(_SHA512Base):
    name = 'sha384'
    _digest_size = 48
    _init = (0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
             0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4)


class sha1:
    name = 'sha1'
    digest_size = 20
    block_size = 64

    def __init__(self, data=b'', *, usedforsecurity=True):
        self._h = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
        self._buf = b''
        self._len = 0
        if data:
            self.update(data)

    def copy(self):
        c = sha1()
        c._h = list(self._h)
        c._buf = self._buf
        c._len = self._len
        return c

    def update(self, data):
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        n = len(buf) // 64 * 64
        for i in range(0, n, 64):
            self._compress(buf[i:i + 64])
        self._buf = buf[n:]

    def _compress(self, block):
        w = [int.from_bytes(block[i:i + 4], 'big') for i in range(0, 64, 4)]
        for t in range(16, 80):
            x = w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]
            w.append(((x << 1) | (x >> 31)) & _M32)
        a, b, c, d, e = self._h
        for t in range(80):
            if t < 20:
                f, k = (b & c) | (~b & d), 0x5A827999
            elif t < 40:
                f, k = b ^ c ^ d, 0x6ED9EBA1
            elif t < 60:
                f, k = (b & c) | (b & d) | (c & d), 0x8F1BBCDC
            else:
                f, k = b ^ c ^ d, 0xCA62C1D6
            temp = (((a << 5) | (a >> 27)) + f + e + k + w[t]) & _M32
            e, d, c, b, a = d, c, ((b << 30) | (b >> 2)) & _M32, a, temp
        self._h = [(x + y) & _M32 for x, y in zip(self._h, (a, b, c, d, e))]

    def digest(self):
        c = self.copy()
        pad = b'\x80' + b'\x00' * ((55 - self._len) % 64)
        c.update(pad + (self._len * 8).to_bytes(8, 'big'))
        return b''.join(x.to_bytes(4, 'big') for x in c._h)

    def hexdigest(self):
        return self.digest().hex()


_MD5_S = [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4


def _md5_k():
    import math
    return [int(abs(math.sin(i + 1)) * 2 ** 32) & _M32 for i in range(64)]


class md5:
    name = 'md5'
    digest_size = 16
    block_size = 64
    _K = None

    def __init__(self, data=b'', *, usedforsecurity=True):
        if md5._K is None:
            md5._K = _md5_k()
        self._h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]
        self._buf = b''
        self._len = 0
        if data:
            self.update(data)

    def copy(self):
        c = md5()
        c._h = list(self._h)
        c._buf = self._buf
        c._len = self._len
        return c

    def update(self, data):
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        n = len(buf) // 64 * 64
        for i in range(0, n, 64):
            self._compress(buf[i:i + 64])
        self._buf = buf[n:]

    def _compress(self, block):
        m = [int.from_bytes(block[i:i + 4], 'little') for i in range(0, 64, 4)]
        a, b, c, d = self._h
        K = self._K
        for i in range(64):
            if i < 16:
                f, g = (b & c) | (~b & d), i
            elif i < 32:
                f, g = (d & b) | (~d & c), (5 * i + 1) % 16
            elif i < 48:
                f, g = b ^ c ^ d, (3 * i + 5) % 16
            else:
                f, g = c ^ (b | (~d & _M32)), (7 * i) % 16
            f = (f + a + K[i] + m[g]) & _M32
            a, d, c = d, c, b
            s = _MD5_S[i]
            b = (b + (((f << s) | (f >> (32 - s))) & _M32)) & _M32
        self._h = [(x + y) & _M32 for x, y in zip(self._h, (a, b, c, d))]

    def digest(self):
        c = self.copy()
        pad = b'\x80' + b'\x00' * ((55 - self._len) % 64)
        c.update(pad + (self._len * 8).to_bytes(8, 'little'))
        return b''.join(x.to_bytes(4, 'little') for x in c._h)

    def hexdigest(self):
        return self.digest().hex()


_constructors = {'md5': md5, 'sha1': sha1, 'sha224': sha224, 'sha256': sha256,
                 'sha384': sha384, 'sha512': sha512}


def new(name, data=b'', **kwargs):
    try:
        return _constructors[name.lower()](data)
    except KeyError:
        raise ValueError('unsupported hash type ' + name) from None
