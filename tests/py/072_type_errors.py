# compare: exact

cases = [lambda: 1 + 'a', lambda: 'a' * 'b', lambda: len(5), lambda: [1][None], lambda: {}[[]],
         lambda: int([]), lambda: sum(['a']), lambda: 'x' < 1, lambda: abs('s'),
         lambda: iter(5), lambda: next([1]), lambda: hash([]), lambda: 'abc'.join([1])]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
