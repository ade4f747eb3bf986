// Units of the containers and builtins: dict, list, tuple, set, range, slice, the iterators, and
// Python-level behaviour run through a fresh interpreter per test.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "interp/vm.h"
#include "runtime/iterators.h"
#include "runtime/range.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace gp {
namespace {

class Containers : public ::testing::Test {
 protected:
  void SetUp() override {
    Config config;
    config.install_signal_handlers = false;
    ts = create_interpreter(config);
    ASSERT_NE(ts, nullptr);
  }
  void TearDown() override {
    if (ts->exc) clear_exc(ts);
    destroy_interpreter(ts);
  }

  Ref<> i(int64_t v) { return Ref<>::steal(int_from(ts, v)); }
  Ref<> s(const char* text) { return Ref<>::steal(str_from(ts, text)); }

  // Runs source in a fresh module namespace; returns repr(result) or "!Type: message".
  std::string run(const std::string& src) {
    Ref<> code = Ref<>::steal(compile_source(ts, src, "<test>", CompileMode::Exec));
    if (!code) return error_text();
    Ref<DictObject> globals = Ref<DictObject>::steal(dict_new(ts));
    Ref<> r = Ref<>::steal(eval_code(ts, code.get(), globals.get(), nullptr));
    if (!r) return error_text();
    Object* result = dict_get_cstr(ts, globals.get(), "result");
    if (!result) return "<no result>";
    std::string text;
    if (!repr_text(ts, result, &text)) return error_text();
    return text;
  }

  std::string error_text() {
    Object* e = fetch_exc(ts);
    if (!e) return "!<no exception>";
    std::string msg;
    Ref<> held = Ref<>::steal(e);
    Ref<> m = Ref<>::steal(exception_str(ts, e));
    if (m)
      msg = std::string(str_view(m.get()));
    else
      clear_exc(ts);
    return std::string("!") + type_name(e) + ": " + msg;
  }

  ThreadState* ts = nullptr;
};

TEST_F(Containers, DictSetGetDelKeepsOrder) {
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  for (int k = 0; k < 1000; ++k) ASSERT_TRUE(dict_set(ts, d.get(), i(k).get(), i(k * 2).get()));
  EXPECT_EQ(dict_size(d.get()), 1000);
  for (int k = 0; k < 1000; k += 2) EXPECT_EQ(dict_del(ts, d.get(), i(k).get()), 1);
  EXPECT_EQ(dict_del(ts, d.get(), i(0).get()), 0);
  EXPECT_EQ(dict_size(d.get()), 500);
  ssize pos = 0;
  Object *k, *v;
  int64_t expect = 1;
  while (dict_next(d.get(), &pos, &k, &v)) {
    int64_t kv, vv;
    ASSERT_TRUE(int_to_i64(k, &kv));
    ASSERT_TRUE(int_to_i64(v, &vv));
    EXPECT_EQ(kv, expect);
    EXPECT_EQ(vv, expect * 2);
    expect += 2;
  }
  EXPECT_EQ(expect, 1001);
  Object* got = dict_get(ts, d.get(), i(999).get());
  ASSERT_NE(got, nullptr);
  EXPECT_EQ(dict_get(ts, d.get(), i(998).get()), nullptr);
  EXPECT_FALSE(exc_occurred(ts));
}

TEST_F(Containers, DictGetStrFindsEqualNonInternedKeys) {
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  Ref<StrObject> name = Ref<StrObject>::steal(intern(ts, "spam"));
  ASSERT_TRUE(dict_set(ts, d.get(), name.get(), i(1).get()));
  Ref<> other = s("spam");  // a distinct object with the same text
  EXPECT_EQ(dict_get_str(ts, d.get(), static_cast<StrObject*>(other.get())),
            dict_get_str(ts, d.get(), name.get()));
  EXPECT_NE(dict_get_cstr(ts, d.get(), "spam"), nullptr);
  EXPECT_EQ(dict_get_cstr(ts, d.get(), "eggs"), nullptr);
  uint64_t v0 = d->version;
  ASSERT_TRUE(dict_set_cstr(ts, d.get(), "eggs", i(2).get()));
  EXPECT_NE(d->version, v0);
  uint64_t v1 = d->version;
  ASSERT_TRUE(dict_set_cstr(ts, d.get(), "eggs", i(3).get()));  // replacing bumps too
  EXPECT_NE(d->version, v1);
}

TEST_F(Containers, DictCopyUpdateClear) {
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  for (int k = 0; k < 50; ++k) ASSERT_TRUE(dict_set(ts, d.get(), i(k).get(), i(k).get()));
  Ref<DictObject> c = Ref<DictObject>::steal(dict_copy(ts, d.get()));
  ASSERT_TRUE(c);
  EXPECT_EQ(dict_size(c.get()), 50);
  dict_clear(d.get());
  EXPECT_EQ(dict_size(d.get()), 0);
  ASSERT_TRUE(dict_update(ts, d.get(), c.get()));
  EXPECT_EQ(dict_size(d.get()), 50);
  ASSERT_TRUE(dict_set(ts, d.get(), i(7).get(), i(70).get()));
  EXPECT_EQ(dict_size(d.get()), 50);
}

TEST_F(Containers, TupleHashMatchesCPython) {
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_pack(ts, {i(1).get(), i(2).get()}));
  EXPECT_EQ(hash(ts, t.get()), -3550055125485641917LL);
  Ref<TupleObject> e = Ref<TupleObject>::steal(tuple_new(ts, 0));
  EXPECT_EQ(hash(ts, e.get()), 5740354900026072187LL);
  EXPECT_EQ(e.get(), Ref<TupleObject>::steal(tuple_new(ts, 0)).get());  // one shared ()
  Ref<TupleObject> one = Ref<TupleObject>::steal(tuple_pack(ts, {i(1).get()}));
  EXPECT_EQ(hash(ts, one.get()), -6644214454873602895LL);
}

TEST_F(Containers, SliceIndicesLikeCPython) {
  struct Case {
    Object *a, *b, *c;
    ssize start, stop, step, len;
  };
  Ref<> m1 = i(-1), m100 = i(-100), p100 = i(100), p3 = i(3), p5 = i(5), p1 = i(1), m2 = i(-2),
        m3 = i(-3);
  Case cases[] = {
      {nullptr, nullptr, m1.get(), 9, -1, -1, 10},
      {m100.get(), p100.get(), p3.get(), 0, 10, 3, 4},
      {p5.get(), p1.get(), m2.get(), 5, 1, -2, 2},
      {nullptr, m3.get(), nullptr, 0, 7, 1, 7},
  };
  for (const Case& k : cases) {
    Ref<> sl = Ref<>::steal(slice_new(ts, k.a, k.b, k.c));
    ssize start, stop, step, len;
    ASSERT_TRUE(slice_indices(ts, sl.get(), 10, &start, &stop, &step, &len));
    EXPECT_EQ(start, k.start);
    EXPECT_EQ(stop, k.stop);
    EXPECT_EQ(step, k.step);
    EXPECT_EQ(len, k.len);
  }
  Ref<> zero = i(0);
  Ref<> bad = Ref<>::steal(slice_new(ts, nullptr, nullptr, zero.get()));
  ssize a, b, c, n;
  EXPECT_FALSE(slice_indices(ts, bad.get(), 10, &a, &b, &c, &n));
  EXPECT_TRUE(exc_matches(ts, &exc::ValueError));
  clear_exc(ts);
}

TEST_F(Containers, ListSortMatchesStableSort) {
  std::mt19937 rng(12345);
  for (int n : {0, 1, 2, 5, 63, 64, 65, 200, 1000, 5000}) {
    std::vector<int64_t> values(n);
    for (auto& v : values) v = static_cast<int64_t>(rng() % 50);
    // Partially ordered runs exercise the merge logic.
    if (n > 100) std::sort(values.begin(), values.begin() + n / 3);
    if (n > 100) std::sort(values.begin() + n / 2, values.end(), std::greater<>());
    Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
    for (int64_t v : values) ASSERT_TRUE(list_append(ts, l.get(), i(v).get()));
    ASSERT_TRUE(list_sort(ts, l.get(), nullptr, false));
    std::vector<int64_t> expect = values;
    std::stable_sort(expect.begin(), expect.end());
    ASSERT_EQ(list_size(l.get()), n);
    for (int k = 0; k < n; ++k) {
      int64_t got;
      ASSERT_TRUE(int_to_i64(list_item(l.get(), k), &got));
      EXPECT_EQ(got, expect[k]) << "n=" << n << " k=" << k;
    }
  }
}

TEST_F(Containers, ListSortStabilityWithKeyAndReverse) {
  EXPECT_EQ(run("data = [(i % 7, i) for i in range(300)]\n"
                "a = sorted(data, key=lambda p: p[0])\n"
                "b = sorted(data, key=lambda p: p[0], reverse=True)\n"
                "ok_a = all(a[j][0] < a[j+1][0] or (a[j][0] == a[j+1][0] and a[j][1] < a[j+1][1])"
                " for j in range(len(a)-1))\n"
                "ok_b = all(b[j][0] > b[j+1][0] or (b[j][0] == b[j+1][0] and b[j][1] < b[j+1][1])"
                " for j in range(len(b)-1))\n"
                "result = (ok_a, ok_b, sorted('hello'), sorted([3.5, 1, 2.25]))\n"),
            "(True, True, ['e', 'h', 'l', 'l', 'o'], [1, 2.25, 3.5])");
}

TEST_F(Containers, ListSortErrors) {
  EXPECT_EQ(run("result = sorted(['a', 1])"),
            "!TypeError: '<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(run("l = [3, 2, 1]\n"
                "def k(x):\n"
                "    l.append(x)\n"
                "    return x\n"
                "l.sort(key=k)\n"),
            "!ValueError: list modified during sort");
  EXPECT_EQ(run("l = [3, 1, 2]\n"
                "try:\n"
                "    l.sort(key=lambda x: 1 / (x - 1))\n"
                "except ZeroDivisionError:\n"
                "    pass\n"
                "result = sorted(l)\n"),
            "[1, 2, 3]");
}

TEST_F(Containers, ListMethodsAndMessages) {
  EXPECT_EQ(run("l = [1, 2, 3, 4, 5, 6]\n"
                "l[1:3] = 'ab'\n"
                "del l[::2]\n"
                "l.insert(-100, 0)\n"
                "l.extend(l)\n"
                "result = l, l.index(4), l.count(0), l[::-2]\n"),
            "([0, 'a', 4, 6, 0, 'a', 4, 6], 2, 2, [6, 'a', 6, 'a'])");
  EXPECT_EQ(run("[].pop()"), "!IndexError: pop from empty list");
  EXPECT_EQ(run("[1].pop(5)"), "!IndexError: pop index out of range");
  EXPECT_EQ(run("[1].index(3)"), "!ValueError: 3 is not in list");
  EXPECT_EQ(run("[1].remove(3)"), "!ValueError: list.remove(x): x not in list");
  EXPECT_EQ(run("[1]['a']"), "!TypeError: list indices must be integers or slices, not str");
  EXPECT_EQ(run("[1] + (2,)"), "!TypeError: can only concatenate list (not \"tuple\") to list");
  EXPECT_EQ(run("l = [1, 2, 3]\nl[::2] = [1, 2, 3]"),
            "!ValueError: attempt to assign sequence of size 3 to extended slice of size 2");
  EXPECT_EQ(run("l = [1]\nl.append(l)\nresult = repr(l)"), "'[1, [...]]'");
  EXPECT_EQ(run("result = [1, 2] < [1, 3], [2] > [1, 9], [1, 2] == [1, 2], [0] * 3"),
            "(True, True, True, [0, 0, 0])");
}

TEST_F(Containers, DictMethodsAndMessages) {
  EXPECT_EQ(run("d = dict([('a', 1)], b=2)\n"
                "d.update({'c': 3}, d=4)\n"
                "d.setdefault('e', 5)\n"
                "result = d, d.pop('a'), d.popitem(), list(reversed(d)), d.get('zz', 0)\n"),
            "({'b': 2, 'c': 3, 'd': 4}, 1, ('e', 5), ['d', 'c', 'b'], 0)");
  EXPECT_EQ(run("{}.popitem()"), "!KeyError: 'popitem(): dictionary is empty'");
  EXPECT_EQ(run("{}[(1, 2)]"), "!KeyError: (1, 2)");
  EXPECT_EQ(run("dict([[1]])"),
            "!ValueError: dictionary update sequence element #0 has length 1; 2 is required");
  EXPECT_EQ(run("d = {1: 2}\nfor k in d:\n    d[k + 1] = 0\n"),
            "!RuntimeError: dictionary changed size during iteration");
  EXPECT_EQ(run("d = {1: 2}\nfor k in d:\n    del d[k]\n    d[k + 1] = 0\n"),
            "!RuntimeError: dictionary keys changed during iteration");
  EXPECT_EQ(run("d = {'a': 1}\nd['self'] = d\nresult = repr(d)"), "\"{'a': 1, 'self': {...}}\"");
  EXPECT_EQ(run("k = {'a': 1, 'b': 2}.keys()\n"
                "result = repr(k), sorted(k & {'a'}), sorted(k | {'z'}), 'a' in k,"
                " ('a', 1) in {'a': 1}.items(), {'a': 1} | {'b': 2}\n"),
            "(\"dict_keys(['a', 'b'])\", ['a'], ['a', 'b', 'z'], True, True, {'a': 1, 'b': 2})");
  EXPECT_EQ(run("class D(dict):\n"
                "    def __missing__(self, key):\n"
                "        return key * 2\n"
                "result = D()['ab'], dict.fromkeys('xy', 0)\n"),
            "('abab', {'x': 0, 'y': 0})");
}

TEST_F(Containers, DictKeyWhoseEqMutatesDoesNotCrash) {
  EXPECT_EQ(run("class K:\n"
                "    def __init__(self, d): self.d = d\n"
                "    def __hash__(self): return 1\n"
                "    def __eq__(self, other):\n"
                "        self.d.clear()\n"
                "        return False\n"
                "d = {}\n"
                "d[K(d)] = 1\n"
                "x = d.get(K(d))\n"
                "for n in range(20): d[n] = n\n"
                "result = x, len(d)\n"),
            "(None, 20)");
}

TEST_F(Containers, TupleBehaviour) {
  EXPECT_EQ(run("t = (1, 'two', 3.0)\n"
                "result = t[1:], t[::-1], (1,) * 3, (1, 2) + (3,), (1, 2) < (1, 2, 0), "
                "t.index(3.0), t.count(1), repr((1,)), tuple()\n"),
            "(('two', 3.0), (3.0, 'two', 1), (1, 1, 1), (1, 2, 3), True, 2, 1, '(1,)', ())");
  EXPECT_EQ(run("(1,)[3]"), "!IndexError: tuple index out of range");
  EXPECT_EQ(run("(1, 2).index(9)"), "!ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(run("(1,) + [2]"), "!TypeError: can only concatenate tuple (not \"list\") to tuple");
  EXPECT_EQ(run("hash((1, [2]))"), "!TypeError: unhashable type: 'list'");
}

TEST_F(Containers, SetBehaviour) {
  EXPECT_EQ(run("a = {1, 2, 3}\nb = frozenset([2, 3, 4])\n"
                "result = sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), "
                "type(b | a).__name__, a <= {1, 2, 3, 4}, a < a, repr(set()), "
                "repr(frozenset()), repr({5}), repr(frozenset({5}))\n"),
            "([1, 2, 3, 4], [2, 3], [1], [1, 4], 'frozenset', True, False, 'set()', "
            "'frozenset()', '{5}', 'frozenset({5})')");
  EXPECT_EQ(run("result = hash(frozenset({1, 2, 3})), hash(frozenset()), "
                "hash(frozenset({frozenset()}))"),
            "(-272375401224217160, 133146708735736, -6993584179861130285)");
  EXPECT_EQ(run("set().pop()"), "!KeyError: 'pop from an empty set'");
  EXPECT_EQ(run("{1}.remove(2)"), "!KeyError: 2");
  EXPECT_EQ(run("s = {1, 2}\nfor x in s:\n    s.add(x + 10)\n"),
            "!RuntimeError: Set changed size during iteration");
  EXPECT_EQ(run("result = set() in {frozenset()}, len({1, 1.0, True})"), "(True, 1)");
}

TEST_F(Containers, RangeBehaviour) {
  EXPECT_EQ(run("r = range(1, 10, 2)\n"
                "result = len(r), r[-1], r[1:3], r[::-1], 5 in r, 4 in r, r.index(7), "
                "list(reversed(r)), repr(range(0, 10)), range(0) == range(5, 5), "
                "hash(range(0, 10, 2))\n"),
            "(5, 9, range(3, 7, 2), range(9, -1, -2), True, False, 3, [9, 7, 5, 3, 1], "
            "'range(0, 10)', True, -6143170332311272345)");
  EXPECT_EQ(run("range(1, 2, 0)"), "!ValueError: range() arg 3 must not be zero");
}

TEST_F(Containers, IteratorsBehaviour) {
  EXPECT_EQ(run("result = list(enumerate('ab', start=5)), list(zip('ab', [1, 2, 3])), "
                "list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'x'])), "
                "list(reversed([1, 2])), list(iter([1, 2, 3, 4].pop, 2))\n"),
            "([(5, 'a'), (6, 'b')], [('a', 1), ('b', 2)], [8, 9], [1, 'x'], [2, 1], [4, 3])");
  EXPECT_EQ(run("list(zip([1], [1, 2], strict=True))"),
            "!ValueError: zip() argument 2 is longer than argument 1");
  EXPECT_EQ(run("list(zip([1, 2], [1], strict=True))"),
            "!ValueError: zip() argument 2 is shorter than argument 1");
  EXPECT_EQ(run("reversed(5)"), "!TypeError: 'int' object is not reversible");
}

TEST_F(Containers, BuiltinFunctions) {
  EXPECT_EQ(run("result = max([3, 1, 2]), min(3, 1, 2), max([], default=7), "
                "min('bca', key=ord), sum([1, 2.5]), sum([[1], [2]], []), any([]), all([]), "
                "round(2.675, 2), divmod(7, -2), pow(2, -1, 5), chr(65), ord('é'), hex(-255), "
                "bin(5), oct(8), abs(-3)\n"),
            "(3, 1, 7, 'a', 3.5, [1, 2], False, True, 2.67, (-4, -1), 3, 'A', 233, '-0xff', "
            "'0b101', '0o10', 3)");
  EXPECT_EQ(run("max()"), "!TypeError: max expected at least 1 argument, got 0");
  EXPECT_EQ(run("max([])"), "!ValueError: max() arg is an empty sequence");
  EXPECT_EQ(run("sum(['a'], '')"),
            "!TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  EXPECT_EQ(run("chr(-1)"), "!ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(run("ord('ab')"),
            "!TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(run("round('s')"), "!TypeError: type str doesn't define __round__ method");
  EXPECT_EQ(run("print(1, sep=1)"), "!TypeError: sep must be None or a string, not int");
  EXPECT_EQ(run("result = sum(range(10**6))"), "499999500000");
  EXPECT_EQ(run("result = sum([2**62, 2**62, 1])"), "9223372036854775809");
}

}  // namespace
}  // namespace gp
