# compare: exact

cases = [lambda: int('abc'), lambda: float('x'), lambda: [1, 2].index(5), lambda: 'abc'.index('z'),
         lambda: [][0], lambda: 'ab'[9], lambda: (1,)[-5], lambda: {}['k'], lambda: {1}.remove(2),
         lambda: chr(-1), lambda: [1, 2, 3][::0], lambda: range(1, 2, 0), lambda: a_b_c]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__, e)
