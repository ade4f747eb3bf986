# topic: complex numbers: literals, arithmetic, repr, attributes, errors
# compare: exact
# timeout: 10
z = 3 + 4j
w = complex(1, -2)
print(z, w, repr(z), 1j, -1j, 0j, complex(), complex(2), complex('1+2j'), complex(' 3j '))
print(z + w, z - w, z * w, z / w, -z, +z, abs(z), z.conjugate(), z.real, z.imag)
print(z == complex(3, 4), z != w, z * 1j, 1j * 1j, 1j ** 2, (1 + 1j) ** 2, 2 ** 1j == 2 ** 1j)
print(complex(1.5, 0), complex(0, 0.5), complex(-0.0, -0.0), 1e300j * 1e10, complex(1e-5, 1e20))
print(type(z).__name__, type(z.real).__name__, z + 1, z + 1.5, z == 3, complex(3, 0) == 3)
print(str(2 + 0j), str(-2 - 0j), repr(complex(float('inf'), float('nan'))))
print(hash(complex(5, 0)) == hash(5), bool(0j), bool(1j), 0j == 0)
for f in [lambda: z < w, lambda: z // 2, lambda: z % 2, lambda: int(z), lambda: z / 0, lambda: complex('x')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(f'{z:.2f}', format(w, '>12'), '{:g}'.format(1.5 + 2.5j))
print(sum([1j, 2, 3.5]), [c.real for c in (1j, 2 + 3j)], sorted([3 + 4j, 1j, 2], key=abs))
