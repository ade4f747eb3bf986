// VM units: evaluation of every statement and expression form through a fresh interpreter, with
// CPython 3.11's results and error messages.
#include <string>

#include "interp/frame.h"
#include "tests/unit/vm_fixture.h"

namespace gp {
namespace {

class Vm : public VmTest {};

TEST_F(Vm, Arithmetic) {
  EXPECT_EVAL_EQ("1+1", "2");
  EXPECT_EVAL_EQ("7 // -2, 7 % -2, -7 // 2, -7 % 2", "(-4, -1, -4, 1)");
  EXPECT_EVAL_EQ("2**100", "1267650600228229401496703205376");
  EXPECT_EVAL_EQ("9223372036854775807 + 1", "9223372036854775808");
  EXPECT_EVAL_EQ("-9223372036854775807 - 2", "-9223372036854775809");
  EXPECT_EVAL_EQ("3037000500 * 3037000500", "9223372037000250000");
  EXPECT_EVAL_EQ("1 << 70", "1180591620717411303424");
  EXPECT_EVAL_EQ("7 / 2, 1.5 + 2, 2 * 0.25", "(3.5, 3.5, 0.5)");
  EXPECT_EVAL_EQ("1/0", "!ZeroDivisionError: division by zero");
  EXPECT_EVAL_EQ("1 < 2 < 3, 1 < 3 < 2, 'a' == 'a'", "(True, False, True)");
  EXPECT_EVAL_EQ("not 0, not [1]", "(True, False)");
}

TEST_F(Vm, BoolOpsAndConditionals) {
  EXPECT_EVAL_EQ("0 or 'x', 1 and 2, None and 1, [] or []", "('x', 2, None, [])");
  EXPECT_EVAL_EQ("'y' if 0 else 'n'", "'n'");
  EXPECT_EVAL_EQ("(x := 5) + x", "10");
}

TEST_F(Vm, Containers) {
  EXPECT_EVAL_EQ("[1, *range(3), 4]", "[1, 0, 1, 2, 4]");
  EXPECT_EVAL_EQ("(*'ab', 1)", "('a', 'b', 1)");
  EXPECT_EVAL_EQ("{**{'a': 1}, 'b': 2, **{'a': 3}}", "{'a': 3, 'b': 2}");
  EXPECT_EVAL_EQ("{1, *[2, 2]}", "{1, 2}");
  EXPECT_EVAL_EQ("[1, 2, 3][-1], (1, 2)[0], {'k': 5}['k']", "(3, 1, 5)");
  EXPECT_EVAL_EQ("[0, 1, 2, 3, 4][1:4:2], 'hello'[::-1]", "([1, 3], 'olleh')");
  EXPECT_EVAL_EQ("[1][5]", "!IndexError: list index out of range");
}

TEST_F(Vm, Comprehensions) {
  EXPECT_EVAL_EQ("[x * y for x in range(3) for y in range(2) if x]", "[0, 1, 0, 2]");
  EXPECT_EVAL_EQ("{x % 3 for x in range(10)}", "{0, 1, 2}");
  EXPECT_EVAL_EQ("{k: v for k, v in zip('ab', (1, 2))}", "{'a': 1, 'b': 2}");
  EXPECT_EVAL_EQ("sum(x for x in range(5))", "10");
  EXPECT_EVAL_EQ("list((lambda n: (i for i in range(n)))(3))", "[0, 1, 2]");
}

TEST_F(Vm, FStrings) {
  EXPECT_EXEC_OK("x = 3.14159\nname = 'ab'\n");
  EXPECT_EVAL_EQ("f'{x:.2f}|{name!r}|{name:>4}|{1+1}'", "\"3.14|'ab'|  ab|2\"");
  EXPECT_EVAL_EQ("f'{x=}'", "'x=3.14159'");
}

TEST_F(Vm, Unpacking) {
  EXPECT_EXEC_OK("a, *b, c = range(5)\n");
  EXPECT_EVAL_EQ("a, b, c", "(0, [1, 2, 3], 4)");
  EXPECT_EQ(exec("a, b, c = [1, 2]\n"),
            "!ValueError: not enough values to unpack (expected 3, got 2)");
  EXPECT_EQ(exec("a, b = [1, 2, 3]\n"), "!ValueError: too many values to unpack (expected 2)");
  EXPECT_EQ(exec("a, b = 1\n"), "!TypeError: cannot unpack non-iterable int object");
  EXPECT_EQ(exec("a, *b, c = [1]\n"),
            "!ValueError: not enough values to unpack (expected at least 2, got 1)");
}

TEST_F(Vm, FunctionsAndArguments) {
  EXPECT_EXEC_OK("def f(x, y=2, *args, k=3, **kw):\n  return (x, y, args, k, kw)\n");
  EXPECT_EVAL_EQ("f(1)", "(1, 2, (), 3, {})");
  EXPECT_EVAL_EQ("f(1, 2, 3, 4, k=5, z=6)", "(1, 2, (3, 4), 5, {'z': 6})");
  EXPECT_EVAL_EQ("f(*[1, 2], **{'k': 0})", "(1, 2, (), 0, {})");
  EXPECT_EXEC_OK("def g(x, y): return x - y\n");
  EXPECT_EVAL_EQ("g()", "!TypeError: g() missing 2 required positional arguments: 'x' and 'y'");
  EXPECT_EVAL_EQ("g(1)", "!TypeError: g() missing 1 required positional argument: 'y'");
  EXPECT_EVAL_EQ("g(1, 2, 3)", "!TypeError: g() takes 2 positional arguments but 3 were given");
  EXPECT_EVAL_EQ("g(1, z=2)", "!TypeError: g() got an unexpected keyword argument 'z'");
  EXPECT_EVAL_EQ("g(1, x=2)", "!TypeError: g() got multiple values for argument 'x'");
  EXPECT_EVAL_EQ("g(y=1, x=5)", "4");
  EXPECT_EXEC_OK("def h(*, k): return k\n");
  EXPECT_EVAL_EQ("h()", "!TypeError: h() missing 1 required keyword-only argument: 'k'");
  EXPECT_EVAL_EQ("g(**1)", "!TypeError: __main__.g() argument after ** must be a mapping, not int");
  EXPECT_EVAL_EQ("repr(g).startswith('<function g at 0x')", "True");
  EXPECT_EXEC_OK("def w(): pass\nw.extra = 5\n");
  EXPECT_EVAL_EQ("w.extra, w.__dict__, w.__name__, w.__defaults__", "(5, {'extra': 5}, 'w', None)");
}

TEST_F(Vm, ClosuresAndScopes) {
  EXPECT_EXEC_OK(
      "def counter():\n"
      "  n = 0\n"
      "  def inc():\n"
      "    nonlocal n\n"
      "    n += 1\n"
      "    return n\n"
      "  return inc\n"
      "c = counter(); c(); c()\n"
      "g = 10\n"
      "def setg():\n"
      "  global g\n"
      "  g = 20\n"
      "setg()\n");
  EXPECT_EVAL_EQ("c(), g", "(3, 20)");
  EXPECT_EVAL_EQ("undefined_name", "!NameError: name 'undefined_name' is not defined");
  EXPECT_EQ(exec("def f():\n  print(v)\n  v = 1\nf()\n"),
            "!UnboundLocalError: cannot access local variable 'v' where it is not associated with "
            "a value");
  EXPECT_EQ(exec("def f():\n  def g(): return v\n  g()\n  v = 1\nf()\n"),
            "!NameError: cannot access free variable 'v' where it is not associated with a value "
            "in enclosing scope");
  EXPECT_EQ(exec("class K:\n  a = 1\n  def m(self): return a\nK().m()\n"),
            "!NameError: name 'a' is not defined");
}

TEST_F(Vm, ClassesAndSuper) {
  EXPECT_EXEC_OK(
      "class A:\n"
      "  '''doc A'''\n"
      "  def __init__(self, v): self.v = v\n"
      "  def who(self): return 'A' + str(self.v)\n"
      "class B(A):\n"
      "  def who(self): return 'B' + super().who()\n"
      "b = B(1)\n");
  EXPECT_EVAL_EQ("b.who(), B.__qualname__, A.__doc__, B.__module__",
                 "('BA1', 'B', 'doc A', '__main__')");
  EXPECT_EVAL_EQ("repr(B.who).startswith('<function B.who at 0x')", "True");
  EXPECT_EXEC_OK(
      "class Meta(type):\n"
      "  def __new__(m, name, bases, ns, **kw):\n"
      "    ns['tag'] = kw.get('tag')\n"
      "    return super().__new__(m, name, bases, ns)\n"
      "class C(metaclass=Meta, tag='t'): pass\n");
  EXPECT_EVAL_EQ("C.tag, type(C).__name__", "('t', 'Meta')");
}

TEST_F(Vm, Exceptions) {
  EXPECT_EXEC_OK(
      "log = []\n"
      "try:\n"
      "  try:\n"
      "    1/0\n"
      "  except ZeroDivisionError as e:\n"
      "    log.append(type(e).__name__)\n"
      "    raise ValueError('v')\n"
      "except (TypeError, ValueError) as e:\n"
      "  log.append(repr(e))\n"
      "  log.append(type(e.__context__).__name__)\n"
      "else:\n"
      "  log.append('else')\n"
      "finally:\n"
      "  log.append('finally')\n");
  EXPECT_EVAL_EQ("log",
                 "['ZeroDivisionError', \"ValueError('v')\", 'ZeroDivisionError', 'finally']");
  EXPECT_EQ(exec("raise\n"), "!RuntimeError: No active exception to reraise");
  EXPECT_EXEC_OK(
      "try:\n"
      "  raise KeyError('k') from OSError('o')\n"
      "except KeyError as e:\n"
      "  c = (type(e.__cause__).__name__, e.__suppress_context__)\n");
  EXPECT_EVAL_EQ("c", "('OSError', True)");
  EXPECT_EXEC_OK("try:\n  raise ValueError\nexcept ValueError as err:\n  pass\n");
  EXPECT_EVAL_EQ("'err' in globals()", "False");
  EXPECT_EQ(exec("assert 1 == 2, 'msg'\n"), "!AssertionError: msg");
}

TEST_F(Vm, FinallyWithControlFlow) {
  EXPECT_EXEC_OK(
      "def f():\n"
      "  for i in range(3):\n"
      "    try:\n"
      "      if i == 1: continue\n"
      "      if i == 2: return 'r' + str(i)\n"
      "    finally:\n"
      "      log.append(i)\n"
      "log = []\n"
      "r = f()\n"
      "def g():\n"
      "  try:\n"
      "    return 1\n"
      "  finally:\n"
      "    return 2\n"
      "def h():\n"
      "  while True:\n"
      "    try:\n"
      "      1/0\n"
      "    finally:\n"
      "      break\n"
      "  return 'swallowed'\n");
  EXPECT_EVAL_EQ("r, log, g(), h()", "('r2', [0, 1, 2], 2, 'swallowed')");
}

TEST_F(Vm, WithStatement) {
  EXPECT_EXEC_OK(
      "class CM:\n"
      "  def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress\n"
      "  def __enter__(self): log.append('enter ' + self.name); return self.name\n"
      "  def __exit__(self, t, v, tb):\n"
      "    log.append('exit ' + self.name + ' ' + (t.__name__ if t else 'None'))\n"
      "    return self.suppress\n"
      "log = []\n"
      "with CM('a') as a, CM('b', True) as b:\n"
      "  log.append(a + b)\n"
      "  raise KeyError\n"
      "log.append('after')\n");
  EXPECT_EVAL_EQ("log", "['enter a', 'enter b', 'ab', 'exit b KeyError', 'exit a None', 'after']");
  EXPECT_EQ(exec("with 1: pass\n"),
            "!TypeError: 'int' object does not support the context manager protocol");
}

TEST_F(Vm, Generators) {
  EXPECT_EXEC_OK(
      "def gen():\n"
      "  x = yield 1\n"
      "  try:\n"
      "    yield x\n"
      "  except KeyError:\n"
      "    yield 'caught'\n"
      "  return 'done'\n"
      "g = gen()\n"
      "a = next(g)\n"
      "b = g.send('sent')\n"
      "c = g.throw(KeyError)\n"
      "try:\n"
      "  next(g)\n"
      "except StopIteration as e:\n"
      "  d = e.value\n");
  EXPECT_EVAL_EQ("a, b, c, d", "(1, 'sent', 'caught', 'done')");
  EXPECT_EVAL_EQ("repr(gen()).startswith('<generator object gen at 0x')", "True");
  EXPECT_EXEC_OK(
      "def inner():\n"
      "  yield 1\n"
      "  yield 2\n"
      "  return 'ret'\n"
      "def outer():\n"
      "  r = yield from inner()\n"
      "  yield r\n");
  EXPECT_EVAL_EQ("list(outer())", "[1, 2, 'ret']");
  EXPECT_EXEC_OK("def bad():\n  raise StopIteration\n  yield\n");
  EXPECT_EVAL_EQ("next(bad())", "!RuntimeError: generator raised StopIteration");
  EXPECT_EXEC_OK(
      "def running():\n"
      "  yield rg.gi_running\n"
      "rg = running()\n");
  EXPECT_EVAL_EQ("next(rg), rg.gi_running", "(True, False)");
  EXPECT_EXEC_OK(
      "def closer():\n"
      "  try:\n"
      "    yield 1\n"
      "  finally:\n"
      "    log.append('closed')\n"
      "log = []\n"
      "cg = closer(); next(cg); cg.close()\n");
  EXPECT_EVAL_EQ("log", "['closed']");
}

TEST_F(Vm, RecursionLimit) {
  EXPECT_EXEC_OK("def deep(n): return deep(n + 1)\n");
  EXPECT_EVAL_EQ("deep(0)", "!RecursionError: maximum recursion depth exceeded");
  EXPECT_EXEC_OK("def fact(n): return 1 if n <= 1 else n * fact(n - 1)\n");
  EXPECT_EVAL_EQ("fact(500) > 0", "True");
}

TEST_F(Vm, NativeReentryAndDeepNesting) {
  EXPECT_EXEC_OK("class K:\n  def __lt__(self, o): return id(self) < id(o)\n");
  EXPECT_EVAL_EQ("len(sorted([K() for _ in range(50)]))", "50");
  EXPECT_EXEC_OK("class R:\n  def __repr__(self): return repr(self)\n");
  std::string r = eval("repr(R())");
  EXPECT_EQ(r.rfind("!RecursionError", 0), 0u) << r;
}

TEST_F(Vm, ImportsAndBuiltins) {
  EXPECT_EXEC_OK("import sys\nfrom sys import maxsize as m\n");
  EXPECT_EVAL_EQ("m == sys.maxsize", "True");
  EXPECT_EQ(exec("from sys import no_such_name\n")
                .rfind("!ImportError: cannot import name 'no_such_name' from 'sys'", 0),
            0u);
  EXPECT_EVAL_EQ("eval('1 + 2'), eval('x * 2', {'x': 4})", "(3, 8)");
  EXPECT_EXEC_OK("exec('z = 9')\n");
  EXPECT_EVAL_EQ("z", "9");
  EXPECT_EVAL_EQ("type(compile('1', '<s>', 'eval')).__name__", "'code'");
  EXPECT_EVAL_EQ("sorted(vars(type('T', (), {'q': 1})))[-1]", "'q'");
  EXPECT_EVAL_EQ("'__name__' in dir()", "True");
  EXPECT_EVAL_EQ("__debug__", "True");
}

TEST_F(Vm, AugmentedAssignmentTargets) {
  EXPECT_EXEC_OK(
      "class O: pass\n"
      "o = O(); o.a = 1; o.a += 2\n"
      "l = [1, 2]; l[0] += 10; l += [3]\n"
      "d = {'k': 'x'}; d['k'] *= 3\n"
      "del l[1:2]\n");
  EXPECT_EVAL_EQ("o.a, l, d", "(3, [11, 3], {'k': 'xxx'})");
}

TEST_F(Vm, MatchStatement) {
  EXPECT_EXEC_OK(
      "def m(v):\n"
      "  match v:\n"
      "    case 0: return 'zero'\n"
      "    case [x, *rest]: return ('seq', x, rest)\n"
      "    case {'k': val}: return ('map', val)\n"
      "    case str() as s if len(s) > 1: return 'str'\n"
      "    case _: return 'other'\n");
  EXPECT_EVAL_EQ("m(0), m([1, 2, 3]), m({'k': 5}), m('ab'), m(2.5)",
                 "('zero', ('seq', 1, [2, 3]), ('map', 5), 'str', 'other')");
}

TEST_F(Vm, EvalBreakerSlowDispatchRuns) {
  ts->interp->ticks_interval = 3;
  ts->interp->slow_dispatch = true;
  EXPECT_EXEC_OK("t = 0\nfor i in range(1000):\n  t += i\n");
  EXPECT_EVAL_EQ("t", "499500");
  ts->interp->ticks_interval = 0;
  ts->interp->switch_anywhere = true;
  EXPECT_EXEC_OK("t = 0\nfor i in range(1000):\n  t += i\n");
  ts->interp->switch_anywhere = false;
  ts->interp->slow_dispatch = false;
  EXPECT_EVAL_EQ("t", "499500");
}

}  // namespace
}  // namespace gp

namespace gp {
namespace {

// End to end through the VM: under a "boundaries" policy a switch (forced by the interval or
// by a spent tick budget) happens only at back-edges, calls and function entry, so the
// LOAD_GLOBAL / BINARY_OP / STORE_GLOBAL of `x += 1` is never split and no update is lost.
class VmGilPolicy : public VmTest {
 protected:
  std::string lost_updates(const char* policy) {
    std::string src = std::string("import _gilpy, threading\n_gilpy.set_policy('") + policy +
                      "')\n"
                      "x = 0\n"
                      "def work():\n"
                      "    global x\n"
                      "    for _ in range(200000):\n"
                      "        x += 1\n"
                      "ts = [threading.Thread(target=work) for _ in range(2)]\n"
                      "for t in ts: t.start()\n"
                      "for t in ts: t.join()\n"
                      "lost = 400000 - x\n";
    std::string err = exec(src);
    if (!err.empty()) return err;
    return eval("lost");
  }
};

TEST_F(VmGilPolicy, TicksAtBoundariesNeverSplitsAnIncrement) {
  EXPECT_EQ(lost_updates("ticks:100,boundaries"), "0");
}

TEST_F(VmGilPolicy, IntervalAtBoundariesNeverSplitsAnIncrement) {
  EXPECT_EQ(lost_updates("interval:0.0005,boundaries"), "0");
}

}  // namespace
}  // namespace gp
