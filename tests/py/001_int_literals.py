# compare: exact

print(0x1F, 0o17, 0b1011, 1_000_000, 0xFF_FF)
print(2**100, -2**63, 10**20 // 7, -7 // 2, -7 % 2, 7 % -2)
print(divmod(17, 5), divmod(-17, 5), pow(3, 4, 5), pow(2, -1, 7))
print(int('42'), int(' -17 '), int('ff', 16), int('0b101', 0), int('z', 36))
print((255).bit_length(), (-1).bit_length(), (10).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(abs(-5), round(7.5), round(8.5), round(-2.5), round(1234, -2))
print(1 << 70, (1 << 70) >> 68, ~5, -(-5), +3, 6 & 3, 6 | 3, 6 ^ 3)
print(hex(255), oct(8), bin(5), hex(-42))
print(True + True, True * 10, int(True), isinstance(True, int))
