# compare: exact
# timeout: 60
# expect: too deep source nesting is an exception, never a crash: the tokenizer's "too many nested
#   parentheses", the parser's MemoryError, the compiler's RecursionError (CPython 3.11's answers)


def attempt(label, src, mode="eval"):
    try:
        code = compile(src, "<nest>", mode)
        r = eval(code) if mode == "eval" else "compiled"
        if isinstance(r, (int, bool, str, float)):
            r = repr(r)[:20]
        else:
            r = type(r).__name__
        print(label, "ok", r)
    except SyntaxError as e:
        print(label, "SyntaxError", e.msg, e.lineno)
    except RecursionError as e:
        print(label, "RecursionError", e)
    except MemoryError as e:
        print(label, "MemoryError", e.args)


N = 100000
attempt("brackets 1e5", "[" * N + "]" * N)
attempt("parens 1e5", "(" * N + "1" + ")" * N)
attempt("braces 1e5", "{" * N + "}" * N)
attempt("mixed 1e5", "([{" * (N // 3) + "}])" * (N // 3))
attempt("exec brackets", "x = " + "[" * N + "]" * N, "exec")
for n in (100, 199, 200, 201):
    attempt("parens %d" % n, "(" * n + "1" + ")" * n)
    attempt("lists %d" % n, "[" * n + "]" * n)
attempt("unclosed 1e5", "[" * N)
attempt("minus 1e3", "-" * 1000 + "1")
attempt("tilde 1e3", "~" * 1000 + "1")
attempt("not 1e3", "not " * 1000 + "1")
attempt("ternary 1e3", "1 if 0 else " * 1000 + "2")
attempt("lambda 100", "lambda: " * 100 + "1")
attempt("power 500", "1**" * 500 + "1")
attempt("minus 1e5", "-" * N + "1")
attempt("plus 1e5", "+" * N + "1")
attempt("not 1e5", "not " * N + "1")
attempt("ternary 1e5", "1 if 0 else " * N + "2")
attempt("lambda 1e5", "lambda: " * N + "1")
attempt("power 1e5", "2**" * N + "1")
attempt("sum 1e3", "+".join(["1"] * 1000))
attempt("sum 1e5", "+".join(["1"] * N))
attempt("product 1e5", "*".join(["1"] * N))
attempt("strings 1e5", "+".join(["'a'"] * N))
attempt("subscripts 1e5", "[[0]]" + "[0]" * N)
attempt("attributes 1e5", "None" + ".real" * N)
attempt("and 1e5", " and ".join(["1"] * N))
attempt("or 1e5", " or ".join(["0"] * N))
attempt("compare 1e4", " < ".join(map(str, range(10000))))
attempt("tuple 1e5", ", ".join(["1"] * N))
attempt("list 1e5", "[" + ", ".join(["1"] * N) + "]")
attempt("call args 1e4", "max(" + ", ".join(map(str, range(10000))) + ")")
attempt("assign chain 1e4", "=".join(["x"] * 10000) + " = 5", "exec")
attempt("statements 1e5", "x = 1\n" * N, "exec")
attempt("huge string", "'" + "ab" * 5 * 10**6 + "'")
attempt("huge bytes", "b'" + "ab" * 10**6 + "'")
attempt("long name", "a" * 10**6 + " = 1", "exec")
attempt("big int literal", "1" * 4000)
attempt("deep if blocks", "".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "pass\n",
        "exec")
attempt("too deep blocks", "".join(" " * i + "if 1:\n" for i in range(101)) + " " * 101 + "pass\n",
        "exec")
