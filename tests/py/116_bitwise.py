# topic: bitwise operators on ints including negatives, shifts, bit tricks, errors
# compare: exact
# timeout: 10
vals = [0, 1, 5, 12, -1, -6, 255, -256]
for a in vals:
    print(a, ~a, a & 0xF, a | 0x10, a ^ 0xFF, a << 3, a >> 1, a >> 10, bin(a))
print(5 & -3, -5 & -3, -5 | 3, -5 ^ 3, -1 & 0xFFFFFFFF, (-1) >> 100, 1 << 0, 7 >> 0)
print(1 << 64, (1 << 64) >> 63, (1 << 100) & (1 << 99), (1 << 100) | 1 == (1 << 100) + 1)
for bad in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 1.0 & 1, lambda: 'a' | 1, lambda: ~1.5]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC), flags & ~READ)
def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
print([popcount(n) for n in range(17)], [bin(n).count('1') for n in (1023, 1024)])
print([n for n in range(1, 70) if n & (n - 1) == 0])
print(True & True, True | False, True ^ True, type(True ^ True).__name__, False << 3, ~True)
x, y = 12, 25
x ^= y; y ^= x; x ^= y
print(x, y)
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} ^ {3, 4}, {1, 2} - {2})
print(int('1010', 2) ^ int('0110', 2), format(0b1010 ^ 0b0110, '04b'), 0xF0 >> 4, 0x0F << 4)
mask = (1 << 8) - 1
print(mask, 300 & mask, -300 & mask, (-300 & mask) - 256 if -300 & mask > 127 else -300 & mask)
