"""Interpret bytes as packed binary data (gilpy): pack, unpack, calcsize, pack_into,
unpack_from, iter_unpack and Struct, for native (@, with alignment) and standard (= < > !)
layouts, with CPython's struct.error messages. Floats are converted bit-exactly (IEEE 754
binary16/32/64 with round-half-even)."""

import math
import sys

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct',
           'error']


class error(Exception):
    pass


_NATIVE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8,
           'L': 8, 'q': 8, 'Q': 8, 'n': 8, 'N': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1,
           'P': 8}
_STANDARD = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 4,
             'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_SIGNED = set('bhilqn')
_UNSIGNED = set('BHILQNP')
_NAMED_RANGE = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}
_FLOAT_LAYOUT = {'e': (5, 10), 'f': (8, 23), 'd': (11, 52)}


def _parse_format(fmt):
    """(byte order, native?, [(code, count)], size) of a format string."""
    if isinstance(fmt, bytes):
        fmt = fmt.decode('ascii')
    elif not isinstance(fmt, str):
        raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                        % type(fmt).__name__)
    order, native = sys.byteorder, True
    i = 0
    if fmt and fmt[0] in '@=<>!':
        c = fmt[0]
        i = 1
        if c == '@':
            pass
        elif c == '=':
            native = False
        elif c == '<':
            order, native = 'little', False
        else:
            order, native = 'big', False
    sizes = _NATIVE if native else _STANDARD
    items = []
    size = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            i += 1
            continue
        count = None
        if '0' <= c <= '9':
            j = i
            while j < n and '0' <= fmt[j] <= '9':
                j += 1
            count = int(fmt[i:j])
            i = j
            if i >= n:
                raise error('repeat count given without format specifier')
            c = fmt[i]
        if c not in sizes:
            raise error('bad char in struct format')
        i += 1
        if count is None:
            count = 1
        itemsize = sizes[c]
        if native and c not in 'sp' and itemsize > 1 and count:
            size = (size + itemsize - 1) // itemsize * itemsize
        elif native and c not in 'sp' and itemsize > 1:
            size = (size + itemsize - 1) // itemsize * itemsize
        items.append((c, count, size))
        if c in 'sp':
            size += count
        else:
            size += itemsize * count
    return order, native, items, size


def _check_int(code, v, itemsize, native):
    if not isinstance(v, int):
        index = getattr(type(v), '__index__', None)
        if index is None:
            raise error('required argument is not an integer')
        v = index(v)
    if code in _SIGNED:
        lo, hi = -(1 << (itemsize * 8 - 1)), (1 << (itemsize * 8 - 1)) - 1
    else:
        lo, hi = 0, (1 << (itemsize * 8)) - 1
    if not lo <= v <= hi:
        if code in _NAMED_RANGE:
            raise error('%s format requires %d <= number <= %d' % (_NAMED_RANGE[code], lo, hi))
        if code in _SIGNED and itemsize == 4:
            raise error("'%s' format requires %d <= number <= %d" % (code, lo, hi))
        raise error('argument out of range')
    return v


def _float_bits(x, code, native):
    exp_bits, mant_bits = _FLOAT_LAYOUT[code]
    bias = (1 << (exp_bits - 1)) - 1
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    if math.isnan(x):
        return (sign << (exp_bits + mant_bits)) | (((1 << exp_bits) - 1) << mant_bits) | \
            (1 << (mant_bits - 1))
    x = abs(x)
    if math.isinf(x):
        return (sign << (exp_bits + mant_bits)) | (((1 << exp_bits) - 1) << mant_bits)
    if x == 0.0:
        return sign << (exp_bits + mant_bits)
    n, d = x.as_integer_ratio()
    e = math.frexp(x)[1] - 1
    if e < 1 - bias:
        e = 1 - bias
    # mantissa = round(x / 2**e * 2**mant_bits), half to even, with exact integers
    shift = mant_bits - e
    if shift >= 0:
        num, den = n << shift, d
    else:
        num, den = n, d << -shift
    q, r = divmod(num, den)
    if 2 * r > den or (2 * r == den and q & 1):
        q += 1
    if q >= (2 << mant_bits):
        q >>= 1
        e += 1
    if e > bias:
        if native and code == 'f':
            return (sign << (exp_bits + mant_bits)) | (((1 << exp_bits) - 1) << mant_bits)
        raise OverflowError('float too large to pack with %s format' % code)
    if q < (1 << mant_bits):
        biased = 0  # subnormal
    else:
        biased = e + bias
        q -= 1 << mant_bits
    return (sign << (exp_bits + mant_bits)) | (biased << mant_bits) | q


def _bits_float(bits, code):
    exp_bits, mant_bits = _FLOAT_LAYOUT[code]
    bias = (1 << (exp_bits - 1)) - 1
    sign = -1.0 if bits >> (exp_bits + mant_bits) else 1.0
    biased = (bits >> mant_bits) & ((1 << exp_bits) - 1)
    mant = bits & ((1 << mant_bits) - 1)
    if biased == (1 << exp_bits) - 1:
        if mant:
            return math.copysign(float('nan'), sign)
        return sign * float('inf')
    if biased == 0:
        return sign * math.ldexp(mant, 1 - bias - mant_bits)
    return sign * math.ldexp(mant | (1 << mant_bits), biased - bias - mant_bits)


class Struct:
    """Struct(fmt) --> compiled struct object"""

    def __init__(self, format):
        self._order, self._native, self._items, self.size = _parse_format(format)
        self.format = format if isinstance(format, str) else format.decode('ascii')
        self._nvalues = sum(1 if c in 'sp' else count for c, count, _ in self._items
                            if c != 'x')

    def __repr__(self):
        return '<_struct.Struct object at %#x>' % id(self)

    def pack(self, *values):
        if len(values) != self._nvalues:
            raise error('pack expected %d items for packing (got %d)'
                        % (self._nvalues, len(values)))
        buf = bytearray(self.size)
        self._pack_into(buf, 0, values)
        return bytes(buf)

    def pack_into(self, buffer, offset, *values):
        if len(values) != self._nvalues:
            raise error('pack_into expected %d items for packing (got %d)'
                        % (self._nvalues, len(values)))
        if offset < 0:
            if offset + len(buffer) < 0:
                raise error('offset %d out of range for %d-byte buffer'
                            % (offset, len(buffer)))
            offset += len(buffer)
        if len(buffer) - offset < self.size:
            raise error('pack_into requires a buffer of at least %d bytes for packing %d '
                        'bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, len(buffer)))
        data = bytearray(self.size)
        self._pack_into(data, 0, values)
        buffer[offset:offset + self.size] = data

    def _pack_into(self, buf, base, values):
        order = self._order
        native = self._native
        sizes = _NATIVE if native else _STANDARD
        vi = 0
        for code, count, pos in self._items:
            pos += base
            if code == 'x':
                continue
            if code in 'sp':
                v = values[vi]
                vi += 1
                if not isinstance(v, (bytes, bytearray)):
                    raise error("argument for '%s' must be a bytes object" % code)
                if code == 's':
                    data = bytes(v[:count])
                else:
                    n = min(len(v), count - 1, 255) if count else 0
                    data = (bytes([n]) + bytes(v[:n]))[:count] if count else b''
                buf[pos:pos + len(data)] = data
                continue
            itemsize = sizes[code]
            for k in range(count):
                v = values[vi]
                vi += 1
                at = pos + k * itemsize
                if code == 'c':
                    if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                        raise error('char format requires a bytes object of length 1')
                    buf[at] = v[0]
                elif code == '?':
                    buf[at] = 1 if v else 0
                elif code in 'efd':
                    if not isinstance(v, float):
                        if isinstance(v, int) or hasattr(type(v), '__float__') or \
                                hasattr(type(v), '__index__'):
                            try:
                                v = float(v)
                            except (TypeError, ValueError):
                                raise error('required argument is not a float')
                        else:
                            raise error('required argument is not a float')
                    bits = _float_bits(v, code, native)
                    buf[at:at + itemsize] = bits.to_bytes(itemsize, order)
                else:
                    v = _check_int(code, v, itemsize, native)
                    if v < 0:
                        v += 1 << (itemsize * 8)
                    buf[at:at + itemsize] = v.to_bytes(itemsize, order)

    def unpack(self, buffer):
        data = bytes(buffer)
        if len(data) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return self._unpack(data, 0)

    def unpack_from(self, buffer, offset=0):
        data = bytes(buffer)
        if offset < 0:
            if offset + len(data) < 0:
                raise error('offset %d out of range for %d-byte buffer' % (offset, len(data)))
            offset += len(data)
        if len(data) - offset < self.size:
            if offset > len(data):
                raise error('offset %d out of range for %d-byte buffer' % (offset, len(data)))
            raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d '
                        'bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, len(data)))
        return self._unpack(data, offset)

    def iter_unpack(self, buffer):
        data = bytes(buffer)
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % self.size)
        return (self._unpack(data, i) for i in range(0, len(data), self.size))

    def _unpack(self, data, base):
        order = self._order
        sizes = _NATIVE if self._native else _STANDARD
        out = []
        for code, count, pos in self._items:
            pos += base
            if code == 'x':
                continue
            if code == 's':
                out.append(data[pos:pos + count])
                continue
            if code == 'p':
                if count:
                    n = min(data[pos], count - 1)
                    out.append(data[pos + 1:pos + 1 + n])
                else:
                    out.append(b'')
                continue
            itemsize = sizes[code]
            for k in range(count):
                at = pos + k * itemsize
                chunk = data[at:at + itemsize]
                if code == 'c':
                    out.append(chunk)
                elif code == '?':
                    out.append(chunk != b'\x00')
                elif code in 'efd':
                    out.append(_bits_float(int.from_bytes(chunk, order), code))
                else:
                    out.append(int.from_bytes(chunk, order, signed=code in _SIGNED))
        return tuple(out)


_cache = {}


def _compiled(fmt):
    s = _cache.get(fmt)
    if s is None:
        if len(_cache) > 100:
            _cache.clear()
        s = Struct(fmt)
        _cache[fmt] = s
    return s


def calcsize(format):
    """Return size in bytes of the struct described by the format string."""
    return _compiled(format).size


def pack(format, *values):
    """Return a bytes object containing the values packed according to the format string."""
    return _compiled(format).pack(*values)


def pack_into(format, buffer, offset, *values):
    """Pack the values according to the format string and write them into buffer."""
    return _compiled(format).pack_into(buffer, offset, *values)


def unpack(format, buffer):
    """Unpack the buffer according to the format string; returns a tuple."""
    return _compiled(format).unpack(buffer)


def unpack_from(format, buffer, offset=0):
    """Unpack the buffer, starting at offset, according to the format string."""
    return _compiled(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    """Return an iterator yielding tuples unpacked from the buffer."""
    return _compiled(format).iter_unpack(buffer)
