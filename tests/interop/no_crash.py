#!/usr/bin/env python3
"""Nasty inputs must never crash gilpy.

usage: no_crash.py GILPY [-k SUBSTR] [--timeout-scale F]
Runs gilpy on each input below in its own process and fails when a run dies of a signal (SIGSEGV
from a C++ stack overflow, SIGABRT from std::terminate...), reports an AddressSanitizer or
UndefinedBehaviorSanitizer error, or hangs. What the script prints does not matter here: these
are the inputs whose outcome CPython itself leaves to the implementation (RecursionError,
MemoryError, success, or a crash of CPython); the deterministic ones are differential tests in
tests/py/98x_*.py.
"""
import os
import signal
import subprocess
import sys
import tempfile

N = 100000

# name -> source. Each snippet catches the errors a careful implementation may raise, so a
# non-zero exit code is tolerated too (only signals, sanitizer reports and hangs fail).
CASES = {
    # ---- front end ----
    'brackets_1e5': 'compile("[" * %d + "]" * %d, "s", "eval")' % (N, N),
    'parens_1e5': 'compile("(" * %d + ")" * %d, "s", "eval")' % (N, N),
    'unary_minus_1e5': 'eval("-" * %d + "1")' % N,
    'unary_mixed_1e5': 'eval("-~+" * %d + "1")' % (N // 3),
    'not_1e5': 'eval("not " * %d + "1")' % N,
    'lambda_1e4': 'eval("lambda: " * 10000 + "1")',
    'ternary_1e5': 'eval("1 if 1 else " * %d + "1")' % N,
    'power_1e5': 'eval("2**" * %d + "1")' % N,
    'sum_1e5': 'eval("+".join(["1"] * %d))' % N,
    'concat_str_1e5': 'eval("+".join(["\'a\'"] * %d))' % N,
    'subscripts_1e5': 'x = [0]; x[0] = x\neval("x" + "[0]" * %d)' % N,
    'attrs_1e5': 'eval("x" + ".a" * %d, {"x": None})' % N,
    'calls_1e5': 'eval("x" + "()" * %d, {"x": None})' % N,
    'and_or_1e5': 'eval(" and ".join(["1"] * %d)); eval(" or ".join(["0"] * %d))' % (N, N),
    'compare_1e5': 'eval(" < ".join(["1"] * %d))' % N,
    'tuple_1e5': 'eval(", ".join(["1"] * %d))' % N,
    'assign_chain_1e5': 'exec("=".join(["x"] * %d) + "=1")' % N,
    'huge_literal': 'exec("s = \'" + "a" * 10**7 + "\'\\nprint(len(s))")',
    'huge_fstring': 'exec("s = f\'" + "{1}" * 20000 + "\'")',  # (quadratic in gilpy)
    'fstring_nested': 'eval("f\'{" * 50 + "1" + "}\'" * 50)',
    'deep_blocks': 'exec("".join(" " * i + "if 1:\\n" for i in range(200)) + " " * 200 + "pass\\n")',
    'deep_def_lambda': 'exec("f = " + "lambda: " * 3000 + "1")',
    'many_args_1e5': 'eval("f(" + ", ".join(["1"] * %d) + ")", {"f": lambda *a: len(a)})' % N,
    'many_names_1e5': 'exec("\\n".join("v%%d = %%d" %% (i, i) for i in range(%d)))' % N,
    'long_line_junk': 'compile("x = " + "(" * 199 + ")" * 199 + "@" * 10000, "s", "exec")',
    'nul_bytes': 'compile("x = 1\\0\\0\\0", "s", "exec")',
    'bad_utf8': 'compile(b"x = \'\\xff\\xfe\'", "s", "exec")',
    'unterminated': 'compile("\'\'\'" + "a" * 10**6, "s", "exec")',
    'deep_indent': 'exec("".join(" " * i + "if 1:\\n" for i in range(120)) + " " * 120 + "pass\\n")',
    'match_deep': 'exec("match x:\\n case " + "[" * 150 + "1" + "]" * 150 + ": pass", {"x": 1})',
    'comprehension_deep': 'eval("[" * 150 + "x for x in [1]" + "]" * 150)',
    # ---- runtime recursion ----
    'repr_nested_list': 'l = []\nfor _ in range(%d): l = [l]\nrepr(l)' % N,
    'repr_nested_dict': 'd = {}\nfor _ in range(%d): d = {1: d}\nrepr(d)' % N,
    'str_nested_tuple': 't = ()\nfor _ in range(%d): t = (t,)\nstr(t)' % N,
    'hash_nested_tuple': 't = ()\nfor _ in range(%d): t = (t,)\nhash(t)' % N,
    'hash_nested_frozenset':
        'x = frozenset()\nfor _ in range(%d): x = frozenset([x])\nhash(x)' % N,
    'eq_nested_lists': 'a = []; b = []\nfor _ in range(%d): a = [a]; b = [b]\na == b; a < b' % N,
    'map_chain': 'it = iter([1])\nfor _ in range(%d): it = map(abs, it)\nlist(it)' % N,
    'filter_chain': 'it = iter([1])\nfor _ in range(%d): it = filter(None, it)\nlist(it)' % N,
    'zip_chain': 'it = iter([1])\nfor _ in range(%d): it = zip(it)\nlist(it)' % N,
    'genexpr_chain': 'it = iter([1])\nfor _ in range(%d): it = (x for x in it)\nlist(it)' % N,
    'islice_chain': ('import itertools\nit = iter([1])\n'
                     'for _ in range(%d): it = itertools.islice(it, 5)\nlist(it)' % N),
    'chain_chain': ('import itertools\nit = iter([1])\n'
                    'for _ in range(%d): it = itertools.chain(it)\nlist(it)' % N),
    'partial_chain': ('import functools\np = abs\n'
                      'for _ in range(%d): p = functools.partial(p)\np(-1)' % N),
    'isinstance_nested': 't = int\nfor _ in range(%d): t = (t,)\nisinstance(1, t)' % N,
    'issubclass_nested': 't = int\nfor _ in range(%d): t = (t,)\nissubclass(int, t)' % N,
    'pickle_nested': 'import pickle\nl = []\nfor _ in range(%d): l = [l]\npickle.dumps(l)' % N,
    'deepcopy_nested': 'import copy\nl = []\nfor _ in range(%d): l = [l]\ncopy.deepcopy(l)' % N,
    'json_dumps_nested': 'import json\nl = []\nfor _ in range(%d): l = [l]\njson.dumps(l)' % N,
    'json_loads_nested': 'import json\njson.loads("[" * %d + "]" * %d)' % (N, N),
    'repr_recursion': 'class R:\n def __repr__(self): return repr(self)\nrepr(R())',
    'getattr_recursion': 'class G:\n def __getattr__(self, n): return getattr(self, n)\nG().x',
    'eq_recursion': 'class E:\n def __eq__(self, o): return self == o\nE() == 1',
    'hash_recursion': 'class H:\n def __hash__(self): return hash(self)\nhash(H())',
    'iter_recursion': 'class I:\n def __iter__(self): return iter(self)\niter(I())',
    'len_recursion': 'class L:\n def __len__(self): return len(self)\nlen(L())',
    'getitem_recursion': 'class GI:\n def __getitem__(self, k): return self[k]\nGI()[0]',
    'call_recursion': 'class C:\n def __call__(self): return self()\nC()()',
    'init_subclass_recursion':
        'class A:\n def __init_subclass__(cls): type("B", (cls,), {})\ntype("C", (A,), {})',
    'instancecheck_recursion': ('class M(type):\n def __instancecheck__(c, o): '
                                'return isinstance(o, c)\nclass A(metaclass=M): pass\n'
                                'isinstance(1, A)'),
    'gen_yield_from_recursion': 'def g():\n yield from g()\nnext(g())',
    'gen_for_recursion': 'def g():\n for x in g(): yield x\nlist(g())',
    'setrecursionlimit_deep_python': ('import sys\nsys.setrecursionlimit(10**6)\n'
                                      'def f(n): return f(n + 1)\nf(0)'),
    'setrecursionlimit_deep_repr': ('import sys\nsys.setrecursionlimit(10**6)\n'
                                    'class R:\n def __repr__(self): return repr(self)\nrepr(R())'),
    'setrecursionlimit_deep_gen': ('import sys\nsys.setrecursionlimit(10**6)\n'
                                   'def g():\n yield from g()\nnext(g())'),
    'setrecursionlimit_deep_list_repr': ('import sys\nsys.setrecursionlimit(10**6)\nl = []\n'
                                         'for _ in range(%d): l = [l]\nrepr(l)' % N),
    'setrecursionlimit_deep_compile': ('import sys\nsys.setrecursionlimit(10**6)\n'
                                       'eval("+".join(["1"] * %d))' % N),
    'setrecursionlimit_deep_getattr': ('import sys\nsys.setrecursionlimit(10**6)\n'
                                       'class G:\n def __getattr__(self, n): '
                                       'return getattr(self, n)\nG().x'),
    'recursion_in_thread': ('import threading, sys\nsys.setrecursionlimit(10**6)\n'
                            'def f(n): return f(n + 1)\n'
                            'def run():\n try: f(0)\n except RecursionError: print("ok")\n'
                            't = threading.Thread(target=run); t.start(); t.join()'),
    'recursion_small_thread_stack': ('import threading, sys\nthreading.stack_size(256 * 1024)\n'
                                     'sys.setrecursionlimit(10**6)\n'
                                     'def f(n): return f(n + 1)\n'
                                     'def run():\n try: f(0)\n except RecursionError: pass\n'
                                     ' l = []\n for _ in range(10**5): l = [l]\n'
                                     ' try: repr(l)\n except RecursionError: pass\n'
                                     ' try: eval("-" * 10**5 + "1")\n'
                                     ' except (MemoryError, RecursionError): pass\n'
                                     't = threading.Thread(target=run); t.start(); t.join()'),
    # ---- deallocation ----
    'dealloc_nested_lists': 'l = None\nfor _ in range(10**6): l = [l]\ndel l',
    'dealloc_nested_dicts': 'd = None\nfor _ in range(10**6): d = {"k": d}\ndel d',
    'dealloc_nested_tuples': 't = None\nfor _ in range(10**6): t = (t, 1)\ndel t',
    'dealloc_instances': ('class O: pass\no = None\nfor _ in range(%d):\n'
                          ' x = O(); x.n = o; o = x\ndel o, x' % N),
    'dealloc_slots': ('class N:\n __slots__ = ("n",)\nn = None\nfor _ in range(%d):\n'
                      ' x = N(); x.n = n; n = x\ndel n, x' % N),
    'dealloc_with_del': ('class D:\n def __del__(self): pass\nd = None\nfor _ in range(%d):\n'
                         ' x = D(); x.n = d; d = x\ndel d, x' % N),
    'dealloc_map_chain': 'it = iter([])\nfor _ in range(%d): it = map(abs, it)\ndel it' % N,
    'dealloc_partial_chain': ('import functools\np = abs\n'
                              'for _ in range(%d): p = functools.partial(p)\ndel p' % N),
    'dealloc_cells': ('def mk(f):\n return lambda: f\nf = None\n'
                      'for _ in range(%d): f = mk(f)\ndel f' % N),
    'dealloc_generators': ('def g(x):\n yield x\nx = None\nfor _ in range(%d): x = g(x)\ndel x' % N),
    'dealloc_exc_chain': ('e = None\nfor i in range(%d):\n try: raise ValueError(i) from e\n'
                          ' except ValueError as x: e = x\ndel e' % N),
    'dealloc_deep_traceback': ('import sys\nsys.setrecursionlimit(10**6)\n'
                               'def f(n): return f(n + 1)\ntry: f(0)\n'
                               'except RecursionError as e: err = e\ndel err'),
    'gc_collect_deep': ('import gc\nl = []\nfor _ in range(%d): l = [l]\nl.append(l)\ndel l\n'
                        'gc.collect()' % N),
    'del_resurrect': ('keep = []\nclass D:\n def __del__(self): keep.append(self)\n'
                      'for _ in range(1000): D()\nkeep.clear()'),
    'del_deletes_others': ('class K:\n def __del__(self):\n  global k2\n  k2 = None\n'
                           'k1 = K(); k2 = K(); k1.o = k2; del k1'),
    'del_raises': ('class R:\n def __del__(self): raise ValueError\nfor _ in range(100): R()'),
    'del_at_exit_cycle': ('class C:\n def __del__(self): print("bye", self.o is self)\n'
                          'c = C(); c.o = c'),
    # ---- mutation during iteration ----
    'dict_mutate_iter': 'd = dict.fromkeys(range(10))\nfor k in d: d[k + 100] = 1',
    'dict_clear_iter': 'd = dict.fromkeys(range(10))\nfor k, v in d.items(): d.clear()',
    'set_mutate_iter': 's = set(range(10))\nfor x in s: s.discard(x)',
    'list_clear_iter': 'l = list(range(10))\nfor x in l: del l[:]',
    'sort_key_mutates': 'l = list(range(100))\nl.sort(key=lambda x: l.append(x) or x)',
    'sort_key_clears': 'l = list(range(100))\nl.sort(key=lambda x: l.clear() or x)',
    'sort_lt_mutates': ('l = []\nclass B:\n def __lt__(self, o): l.clear(); l.extend(range(50)); '
                        'return True\nl.extend(B() for _ in range(20))\nl.sort()'),
    'eq_clears_list': ('l = []\nclass E:\n def __eq__(self, o): l.clear(); return False\n'
                       'l.extend([E(), E(), 3]); 3 in l; l.count(3)\n'
                       'l.extend([E(), E(), 3]); l.index(3); l.remove(3)'),
    'eq_clears_dict': ('d = {}\nn = [0]\nclass K:\n def __hash__(self): return 1\n'
                       ' def __eq__(self, o):\n  n[0] += 1\n'
                       '  if n[0] < 30: d.clear(); d.update(dict.fromkeys(range(50)))\n'
                       '  return False\n'
                       'd[K()] = 1; d[K()] = 2; K() in d; d.get(K()); d.pop(K(), 0)'),
    'eq_clears_set': ('s = set()\nn = [0]\nclass K:\n def __hash__(self): return 1\n'
                      ' def __eq__(self, o):\n  n[0] += 1\n'
                      '  if n[0] < 30: s.clear(); s.update(range(50))\n'
                      '  return False\n'
                      's.add(K()); s.add(K()); K() in s; s.discard(K())'),
    'repr_clears_list': ('l = []\nclass R:\n def __repr__(self): l.clear(); return "R"\n'
                         'l.extend([R(), R(), 1]); repr(l)'),
    'repr_clears_dict': ('d = {}\nclass R:\n def __repr__(self): d.clear(); return "R"\n'
                         'd.update({1: R(), 2: R()}); repr(d)'),
    'list_eq_mutates': ('a = []\nclass E:\n def __eq__(self, o): a.clear(); b.clear(); '
                        'return True\na.extend([E(), 1]); b = [E(), 1]; a == b'),
    'list_self_ops': 'a = [1, 2, 3]\na[:] = a; a.extend(a); a += a; a *= 2; a[1:3] = a',
    'list_iter_extend_self': 'a = [1]\nfor x in a:\n if len(a) < 1000: a.extend(a)',
    'dict_update_mutates': ('d = {}\nclass K:\n def __hash__(self): return 1\n'
                            ' def __eq__(self, o): d.clear(); return False\n'
                            'd.update({K(): 1, K(): 2}); dict.fromkeys([K(), K()])'),
    'max_key_mutates': 'l = list(range(50))\nmax(l, key=lambda x: l.clear() or x)',
    'sorted_pop_iter': 'l = list(range(50))\nsorted(iter(l.pop, 0))',
    'dict_iter_after_clear': 'd = {1: 2}\nit = iter(d.items()); d.clear(); list(it)',
    'list_reversed_after_clear': 'l = [1, 2, 3]\nr = reversed(l); l.clear(); list(r)',
    'str_join_mutates': ('l = ["a"] * 10\nclass S(str):\n pass\n'
                         'def g():\n for x in l: l.clear(); yield x\n",".join(g())'),
    # ---- sizes ----
    'huge_repeat': ('for n in (2**62, 2**63, -1):\n for f in (lambda n: "ab" * n, '
                    'lambda n: [0] * n, lambda n: (1,) * n, lambda n: b"x" * n, '
                    'lambda n: bytearray(b"xy") * n):\n'
                    '  try: f(n)\n  except (MemoryError, OverflowError): pass'),
    'huge_format_width': ('for w in ("{:99999999999}", "{:>9999999999999999999}", '
                          '"{:.99999999999}", "{:099999999999d}"):\n'
                          ' try: w.format(12345)\n except (ValueError, OverflowError, MemoryError): '
                          'pass'),
    'huge_percent_width': ('for f in ("%*d", "%.*f"):\n try: f % (2**40, 1)\n'
                           ' except (ValueError, OverflowError, MemoryError): pass'),
    'huge_pad': ('for f in (str.center, str.ljust, str.rjust, str.zfill):\n'
                 ' try: f("abc", 2**62)\n except (MemoryError, OverflowError): pass'),
    'huge_range_len': 'try: len(range(2**64))\nexcept OverflowError: pass',
    'huge_int_str': 'x = 10**100000\nlen(str(x))',
    'huge_shift': ('for s in (10**10, 2**62, 2**63):\n'
                   ' try: 1 << s\n except (MemoryError, OverflowError): pass'),
    'huge_pow': 'try: 2 ** (10**12)\nexcept (MemoryError, OverflowError): pass',
    'huge_bytes': ('for n in (2**62, -1):\n try: bytes(n)\n'
                   ' except (MemoryError, OverflowError, ValueError): pass'),
}


# A sanitizer error report (ASan's "WARNING: ... failed to allocate" under
# allocator_may_return_null=1 is not one: the allocation fails and gilpy raises MemoryError).
SANITIZER_MARKS = ('ERROR: AddressSanitizer', 'ERROR: LeakSanitizer', 'AddressSanitizer:DEADLYSIGNAL',
                   'runtime error:', 'ERROR: UndefinedBehaviorSanitizer')


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    gilpy = os.path.abspath(args.pop(0))
    only, scale = [], 1.0
    while args:
        a = args.pop(0)
        if a == '-k':
            only.append(args.pop(0))
        elif a == '--timeout-scale':
            scale = float(args.pop(0))
        else:
            sys.exit('no_crash.py: unknown argument %s' % a)
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    bad = []
    ran = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in CASES.items():
            if only and not any(k in name for k in only):
                continue
            ran += 1
            path = os.path.join(tmp, name + '.py')
            with open(path, 'w', encoding='utf-8') as f:
                f.write('try:\n')
                f.write(''.join('    ' + line + '\n' for line in src.split('\n')))
                f.write('except (RecursionError, MemoryError, SyntaxError, ValueError, '
                        'OverflowError, RuntimeError, TypeError, IndexError) as e:\n'
                        '    print(type(e).__name__)\n')
            try:
                p = subprocess.run([gilpy, path], cwd=tmp, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   timeout=60 * scale)
            except subprocess.TimeoutExpired:
                bad.append((name, 'timeout'))
                print('FAIL   %s: timeout' % name, flush=True)
                continue
            err = p.stderr.decode('utf-8', 'replace')
            why = None
            if p.returncode < 0:
                why = 'killed by %s' % signal.Signals(-p.returncode).name
            elif any(m in err for m in SANITIZER_MARKS):
                line = next((l for l in err.splitlines()
                             if any(m in l for m in SANITIZER_MARKS)), '')
                why = 'sanitizer: ' + line.strip()
            elif 'terminate called' in err or 'Segmentation fault' in err:
                why = err.strip().splitlines()[-1]
            if why:
                bad.append((name, why))
                print('FAIL   %s: %s' % (name, why), flush=True)
            else:
                out = p.stdout.decode('utf-8', 'replace').strip().splitlines()
                print('ok     %s (exit %d%s)' % (name, p.returncode,
                                                 ', ' + out[-1][:40] if out else ''), flush=True)
    print('%d passed, %d failed' % (ran - len(bad), len(bad)))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
