# compare: exact

n = 1
for i in range(1, 40):
    n *= i
print(n, len(str(n)), n % 1000007, n // 10 ** 30, -n // 7)
print(2 ** 200 - 1, (2 ** 200) ** 0.5 > 1e29, int('9' * 50) + 1)
print(pow(3, 1000, 10 ** 9 + 7), (10 ** 30).bit_length(), abs(-(10 ** 25)), hex(2 ** 70))
print(divmod(10 ** 25, 7 ** 10), 10 ** 25 == 10.0 ** 25, 2 ** 64 > 1.8e19)
import math
print(math.factorial(25), math.gcd(2 ** 40, 6 ** 20), math.isqrt(10 ** 30))
