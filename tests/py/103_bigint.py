# topic: arbitrary-precision integers: arithmetic, repr, division, bit operations, conversions
# compare: exact
# timeout: 10
a = 2 ** 200
b = 3 ** 150
print(a)
print(b)
print(a + b, a - b)
print(a * b)
print(a // b, a % b, divmod(b, a))
print(-a // 7, -a % 7, a // -7, divmod(-b, 12345678901234567890))
print(a ** 3 // b ** 2)
print(a >> 100, a >> 199, a >> 200, a >> 500, -a >> 199, -a >> 1000)
print(1 << 130, (1 << 130) - 1, ((1 << 130) - 1) & 0xFFFF, ~(1 << 70), -(1 << 70) | 5)
print(a ^ b, a & b, a | 1)
print(hex(a), oct(b)[:20], bin(a)[:10], len(str(b)), len(bin(b)))
print((a * b).bit_length(), (-a).bit_length(), a.bit_count() if hasattr(a, 'bit_count') else 1)
f = 1
for i in range(1, 51):
    f *= i
print('50! =', f)
print(sum(int(c) for c in str(f)), str(f).count('0'), f % (10 ** 9 + 7))
fib = [0, 1]
for _ in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[300])
print(fib[300] // fib[299], fib[300] % fib[299] == fib[298])
print(int('9' * 50) + 1, int('-' + '1' * 40) * 3)
print(float(a), float(b), a / b, b / a, int(1e30), int(-1.5e25))
print(a == 2.0 ** 200, a < float('inf'), a > 1e60, hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 100)))
print(pow(3, 1000, 10 ** 20), pow(a, 2, b), pow(7, 2 ** 100, 13))
print(abs(-a) == a, -(-a) == a, a * 0, a - a, 0 - a == -a, (-a) * (-a) == a * a)
print(10 ** 30 // 10 ** 15, 10 ** 30 % (10 ** 15 + 1), (10 ** 40 + 7) // 10 ** 20)
print(12345678901234567890123 * 98765432109876543210987)
print(round(123456789123456789, -5), round(-(10 ** 25) + 5, -1))
print(sorted([2 ** 70, -2 ** 70, 5, 2 ** 64, -1]), max(2 ** 100, 2 ** 99), str(-2 ** 63))
n = 1
for k in range(64):
    n = n * 31 + k
print(n, n.to_bytes(40, 'big')[:6], int.from_bytes(n.to_bytes(40, 'little'), 'little') == n)
