# Tricky expressions for scripts/check-ast-positions: every node's lineno/col_offset/end_lineno/
# end_col_offset must equal CPython 3.11's (a rule's node starts at its first token, so a
# parenthesised first operand moves the start to its '(' and a parenthesised last operand moves
# the end past its ')'). Parsed only, never run.
(a) / b
a / (b)
((a)) / ((b))
(a) + (b) * (c) - ((d))
(a) ** (b)
-(a)
not (a)
~(a) ** (b)
(x).foo
((x)).foo.bar
(x)[1]
(x)[1:2, ::3]
x[(1):(2):(3)]
x[(a), (b)]
x[(a),]
(f)(2)
((f))(2)(3)
(lambda: 1/0)()
(lambda x: (x))(1)
(a) < b
a < (b) <= (c)
(a) and b
a or (b)
(a) and (b) or (c)
(a) if (b) else (c)
a if b else (c)
[(a) for (b) in (c) if (d)]
[a for b, (c) in d]
[a for (b), c in d]
[a for (b, c) in d]
{(a): (b) for (a), b in (c)}
{(a) for a in b}
((a) for a in b)
f((a) for a in b)
f(*(a), **(b))
f(x=(1), y=(a) + b)
f(a)(b)(c)
f((a), (b), c=(d))
(*a, b) = c
*a, (b) = c
(a), b = c
[(a), *(b)] = c
(a) = 1
(a).b = 1
(a)[b] = 1
(a) += 1
(a).b += (1)
x: (int) = (1)
(x): int = 1
del (a), (b).c, (d)[e]
del (a, b)
(y := 1)
f(y := (2))
[(y := 3), y]
print((a), end=(''))
assert (a), (b)
raise (E) from (F)
return_ = (yield)
lambda: (yield)
(yield (a))
await_ = 1
global_ = (a) if (b) else (c)
obj = (x
       .foo()
       .bar(1)
       .baz)
result = (
    (a)
    + (b)
)
value = f(
    (a),
    b=(c),
)
chained = (f(a)
           (b)
           [c])
s = f'{(a)} {(b) + c} {d!r} {e:>{w}} {f=} {g!s:10}'
s2 = f'{x}' f'{(y)}' 'z'
s3 = f'''{
a
}'''
s4 = f"{ (a) }"
s5 = f"{(lambda: 1)()}"
s6 = f"{a['b']}{c[(d)]}"
t = 1, (2), (3,)
t2 = ((1), (2))
u = [*(a), *b]
v = {**(a), 'k': (b)}
w = {(a): b, c: (d)}
slices = a[(1):], a[:(2)], a[::(3)], a[(b):(c), (d)]
n = (a)(b)[c].d
n2 = ((a)(b))[c]
ifexp = ((a) if b else c) if d else e
cmp = ((a) < (b)) == (c)
bo = ((a) or (b)) and (c)
sr = ((a))
nested = f(g(h((a))))
star = [*(a)]
kw = dict(a=(1), **(b))
async def af():
    await (a)
    await (a).b
    async for (x) in (y):
        pass
    async with (a) as (b):
        pass
    [(x) async for x in (y)]
@(d)
def g(a=(1), *, b=(2)) -> (int):
    return (a)
@d.e(f)
@(d).e
class C((B), metaclass=(M)):
    x = (1)
for (i) in (range)(3):
    pass
for (i), j in k:
    pass
while (a):
    break
if (a):
    pass
elif (b):
    pass
with (a) as b, (c) as (d):
    pass
with (a as b, c as d):
    pass
with (open(x)) as f:
    pass
try:
    pass
except (E) as e:
    pass
except (E, F):
    pass
match (command):
    case (1):
        pass
    case [(a), (b)]:
        pass
    case (a) | (b):
        pass
    case {'k': (v)}:
        pass
    case Point(x=(0), y=_):
        pass
    case ((a) as b):
        pass
    case (1, 2):
        pass
    case -1 | -1j | 1 + 2j | -1 - 2j:
        pass
    case str() | bytes():
        pass
    case [*rest]:
        pass
    case {**kw}:
        pass
    case _ if (a):
        pass
match a, (b):
    case _:
        pass
import a.b as c, d
from .. import (e as f, g)
from m import *
x = yield_ = 1
a = b = (c)
(a) ; (b)
(a)
a.b.c(d).e[f](g)
(a
 )
(  a  ) + (  b  )
[
    (a),
    (b)
]
x = (  # comment
    a)
def h(a, /, b, *args, c, **kw): pass
lambda a=(1), *b, c=(2), **d: (a)
fs1 = f'{x:{y}>10}' f'{z:0{w}d}' f'a{b:>{c}.{d}}e'
fs2 = (f'{a:02d}'
       f'{b:>{c}}'
       'tail')
fs3 = f'''line one {a}
  line two {(b)
   + c} and {d:{e}x}
'''
fs4 = f'{x:}' f'{y!r:}' f"{'{'}" f'{{{a}}}'
fs5 = f'{f"{a}" + f"{(b):>{c}}"}'
fs6 = f'''{
    a
    }''' + f'{  b  }' + f'''{
c}'''
fs7 = f'{a=}' f'{ b = }' f'{c=!s:>4}'
fs8 = 'plain' f'{x}' 'more' f'' ''
fs9 = f'{x:{y:>3}}'
# ---- more statements and expressions
@decorator(
    arg=(1),
)
@ (a).b[c]
async def decorated(a, b: (int) = (2), *args: (str), c, d=(4), **kw: (dict)) -> (None):
    nonlocal_ = [(await (a)) async for (b) in (c) if (await d)]
    async with (a) as (b), c:
        pass
    return (yield (a)), (b)
class K(A, (B), *(bases), metaclass=(M), **(kw)):
    "doc"
    def m(self): return (self).x; pass
try:
    pass
except* (E) as e:
    pass
except* F:
    pass
else:
    pass
finally:
    pass
if (a): pass
elif b:
    pass
else:
    pass
while (a):
    pass
else:
    pass
for (a), *b in (c), (d):
    pass
else:
    pass
x = 1 + \
    (2)
y = [ (1) ,
      (2) ]
z = a[1:2,], a[:], a[::], a[..., (1)], a[1, 2], a[(1, 2)], a[*b]
w = -1_000 + 0x_f + 1e5 + 1j + 0.5 + 0o17 + 0b1
v = not (a) in b
u = lambda: (lambda *, a: (a)) if (b) else (lambda *a, **k: 0)
*aa, = (bb)
(cc), = dd
[ee] = ff
ee.ff[gg] = hh = ii
é = 'é' + (x) + f'é{(y)}é{z!r}' + 'ü'
s = ('a'
     'b') + (b'c' b'd')
print(*(args), sep=(''), **(kw))
t = (yield)
t = (yield from (a))
def gen():
    x = yield (a)
    y = yield from (b)
    yield (a), (b)
    return (a), *(b)
match (x):
    case Point(x=(0)) | Point(y=0):
        pass
    case [1, *_, (2)]:
        pass
    case {'a': 1, **rest}:
        pass
    case a.b.c:
        pass
    case (1 | 2) as n if (n) > 1:
        pass
    case ((1, 2)):
        pass
    case []:
        pass
    case ():
        pass
    case K(a, b=c):
        pass
    case "s" "t":
        pass
    case b"x":
        pass
    case None | True | False:
        pass
    case {1: _, "k": [*_]}:
        pass
match x,:
    case (a, b,):
        pass
    case a, *b:
        pass
global g1, g2
del (a)
del [a, b], (c, d)
assert (a)
raise
return_value = (f)(*args)[0].attr(kw=(1))
a = (b) = (c)
x = (a) if (b) else \
    (c)
data = {
    'k': (1),
    **(other),
    (k2): [
        (v) for v in (range)(3)
    ],
}
call(
    a,
    *b,
    c=d,
    **e
)(
)
(a
 .b
 .c(
 ))
x = (a)[
    1
]
lambda: (yield)
f(**{'a': 1})
f(a for a in b)
f((a for a in b), c)
x = [i for i in range(3) if (i) if i > 0 for j in (i)]
x = {k: v for k, v in (d).items()}
x = (i := 0, j := (1))
if (n := len(a)) > 10: pass
x = a if b else c if d else e
x = a or b or c and d and e
x = a < b < c != d is not e not in f
x = ~a ** -b ** +c
x = a @ b // c % d << e >> f & g ^ h | i
x: int
x.y: (int) = 1
x[0]: int
(x): int
x += (yield)
