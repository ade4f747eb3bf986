# compare: exact
# timeout: 60
# expect: requests for absurd sizes raise MemoryError / OverflowError / ValueError as CPython does,
#   never crash or hang


def attempt(label, fn):
    try:
        r = fn()
        print(label, "ok", len(r) if hasattr(r, "__len__") else r)
    except (MemoryError, OverflowError, ValueError, IndexError) as e:
        print(label, type(e).__name__, str(e)[:60])


for n in (2**62, -1, -2**63):
    attempt("str * %d" % n, lambda: "ab" * n)
    attempt("list * %d" % n, lambda: [0] * n)
    attempt("tuple * %d" % n, lambda: (1, 2) * n)
    attempt("bytearray * %d" % n, lambda: bytearray(b"xy") * n)
for n in (-1, -2**63):
    attempt("bytes * %d" % n, lambda: b"xy" * n)
attempt("list *= huge", lambda: [1].__imul__(2**62))
attempt("range len", lambda: len(range(2**64)))
attempt("range len ok", lambda: len(range(2**62)))
attempt("list index", lambda: [1, 2][2**63])
attempt("list index neg", lambda: [1, 2][-2**63])
attempt("str index", lambda: "ab"[2**64])
attempt("slice huge", lambda: [1, 2, 3][2**64:-2**64])
attempt("slice step", lambda: [1, 2, 3][::2**64])
attempt("bytes(-1)", lambda: bytes(-1))
attempt("bytearray(-1)", lambda: bytearray(-1))
attempt("chr huge", lambda: chr(2**40))
attempt("int from huge str", lambda: int("1" * 5000))
attempt("str of huge int", lambda: str(10**5000))
attempt("shift neg", lambda: 1 << -1)
attempt("pow mod huge", lambda: pow(3, 2**100, 1000))
attempt("float pow", lambda: 10.0 ** 400)
attempt("float big int", lambda: float(10**400))
attempt("int of inf", lambda: int(float("inf")))
attempt("int of nan", lambda: int(float("nan")))
attempt("round huge ndigits", lambda: round(1.5, 2**64))
attempt("str.find huge", lambda: "abc".find("c", -2**64, 2**64))
attempt("divmod huge", lambda: divmod(2**1000, 3)[1])
