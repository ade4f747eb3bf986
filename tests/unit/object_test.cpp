// Units of the object model: refcounts and allocation, type_ready and slot wrappers, heap types
// (MRO, layout, dunder slots), attribute lookup, exceptions, natives and the cycle collector.
// Each test gets a fresh interpreter.
#include <gtest/gtest.h>

#include <string>

#include "interp/vm.h"
#include "runtime/objmodel_internal.h"
#include "runtime/runtime.h"

namespace gp {
namespace {

class ObjectModel : public ::testing::Test {
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

  std::string error_text() {
    Object* e = fetch_exc(ts);
    if (!e) return "!<no exception>";
    Ref<> held = Ref<>::steal(e);
    std::string msg;
    if (!str_text(ts, e, &msg)) clear_exc(ts);
    return std::string("!") + type_name(e) + ": " + msg;
  }

  std::string text(Object* o) {
    if (!o) return error_text();
    std::string t;
    if (!repr_text(ts, o, &t)) return error_text();
    return t;
  }

  // Runs source in a fresh module namespace; returns repr(result) or "!Type: message".
  std::string run(const std::string& src) {
    Ref<> code = Ref<>::steal(compile_source(ts, src, "<test>", CompileMode::Exec));
    if (!code) return error_text();
    Ref<DictObject> globals = Ref<DictObject>::steal(dict_new(ts));
    Ref<> name = s("__main__");
    dict_set(ts, globals.get(), names.__name__, name.get());
    Ref<> r = Ref<>::steal(eval_code(ts, code.get(), globals.get(), nullptr));
    if (!r) return error_text();
    Object* result = dict_get_cstr(ts, globals.get(), "result");
    if (!result) return "<no result>";
    return text(result);
  }

  ThreadState* ts = nullptr;
};

TEST_F(ObjectModel, RefcountsAndImmortals) {
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  EXPECT_EQ(l->refcnt, 1);
  incref(l.get());
  EXPECT_EQ(l->refcnt, 2);
  decref(l.get());
  EXPECT_TRUE(is_immortal(none()));
  EXPECT_TRUE(is_immortal(&IntType));
  EXPECT_TRUE(is_immortal(names.__init__));
  ssize before = none()->refcnt;
  incref(none());
  decref(none());
  EXPECT_EQ(none()->refcnt, before);
}

TEST_F(ObjectModel, GcTracking) {
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  EXPECT_TRUE(gc_is_tracked(l.get()));
  Ref<> n = i(5);
  EXPECT_FALSE(gc_is_tracked(n.get()));
  gc_untrack(l.get());
  EXPECT_FALSE(gc_is_tracked(l.get()));
}

TEST_F(ObjectModel, TypeReadyAndMro) {
  EXPECT_TRUE(BoolType.flags & kReady);
  EXPECT_TRUE(is_subtype(&BoolType, &IntType));
  EXPECT_TRUE(is_subtype(&BoolType, &ObjectType));
  EXPECT_FALSE(is_subtype(&IntType, &BoolType));
  EXPECT_TRUE(BoolType.flags & kIntSubclass);
  EXPECT_TRUE(exc::FileNotFoundError.flags & kBaseExcSubclass);
  EXPECT_TRUE(is_subtype(&exc::FileNotFoundError, &exc::OSError));
  EXPECT_EQ(text(BoolType.mro), "(<class 'bool'>, <class 'int'>, <class 'object'>)");
  EXPECT_TRUE(type_ready(ts, &IntType));  // idempotent
}

TEST_F(ObjectModel, SlotWrappersVisible) {
  Ref<> add = Ref<>::steal(getattr_cstr(ts, &IntType, "__add__"));
  EXPECT_EQ(text(add.get()), "<slot wrapper '__add__' of 'int' objects>");
  Ref<> r = Ref<>::steal(call2(ts, add.get(), i(1).get(), i(2).get()));
  EXPECT_EQ(text(r.get()), "3");
  Ref<> init = Ref<>::steal(getattr_cstr(ts, &ObjectType, "__init__"));
  EXPECT_EQ(text(init.get()), "<slot wrapper '__init__' of 'object' objects>");
  Ref<> bad = Ref<>::steal(call2(ts, add.get(), s("a").get(), i(2).get()));
  EXPECT_EQ(text(bad.get()),
            "!TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
  Ref<> h = Ref<>::steal(getattr_cstr(ts, &ListType, "__hash__"));
  EXPECT_TRUE(h && is_none(h.get()));
}

TEST_F(ObjectModel, AbstractMessages) {
  Ref<> r = Ref<>::steal(binary_op(ts, i(1).get(), s("a").get(), BinOp::Add));
  EXPECT_EQ(text(r.get()), "!TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  r = Ref<>::steal(richcompare(ts, s("a").get(), i(1).get(), CmpOp::LT));
  EXPECT_EQ(text(r.get()), "!TypeError: '<' not supported between instances of 'str' and 'int'");
  r = Ref<>::steal(call0(ts, i(1).get()));
  EXPECT_EQ(text(r.get()), "!TypeError: 'int' object is not callable");
  r = Ref<>::steal(getitem(ts, i(1).get(), i(0).get()));
  EXPECT_EQ(text(r.get()), "!TypeError: 'int' object is not subscriptable");
  EXPECT_EQ(length(ts, i(1).get()), -1);
  EXPECT_EQ(error_text(), "!TypeError: object of type 'int' has no len()");
  r = Ref<>::steal(get_iter(ts, i(1).get()));
  EXPECT_EQ(text(r.get()), "!TypeError: 'int' object is not iterable");
  r = Ref<>::steal(getattr_cstr(ts, none(), "x"));
  EXPECT_EQ(text(r.get()), "!AttributeError: 'NoneType' object has no attribute 'x'");
  r = Ref<>::steal(negative(ts, s("a").get()));
  EXPECT_EQ(text(r.get()), "!TypeError: bad operand type for unary -: 'str'");
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  EXPECT_EQ(hash(ts, l.get()), -1);
  EXPECT_EQ(error_text(), "!TypeError: unhashable type: 'list'");
  EXPECT_EQ(contains(ts, i(1).get(), i(1).get()), -1);
  EXPECT_EQ(error_text(), "!TypeError: argument of type 'int' is not iterable");
  r = Ref<>::steal(number_index(ts, Ref<>::steal(float_from(ts, 1.5)).get()));
  EXPECT_EQ(text(r.get()), "!TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_FALSE(setitem(ts, i(1).get(), i(0).get(), i(0).get()));
  EXPECT_EQ(error_text(), "!TypeError: 'int' object does not support item assignment");
  EXPECT_FALSE(delitem(ts, i(1).get(), i(0).get()));
  EXPECT_EQ(error_text(), "!TypeError: 'int' object does not support item deletion");
}

TEST_F(ObjectModel, Truthiness) {
  EXPECT_EQ(truthy(ts, none()), 0);
  EXPECT_EQ(truthy(ts, i(0).get()), 0);
  EXPECT_EQ(truthy(ts, i(3).get()), 1);
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  EXPECT_EQ(truthy(ts, l.get()), 0);
  EXPECT_EQ(truthy(ts, &ObjectType), 1);
}

TEST_F(ObjectModel, Exceptions) {
  Object* args1[1];
  Ref<> msg = s("x");
  args1[0] = msg.get();
  Ref<> e = Ref<>::steal(exception_new(ts, &exc::ValueError, args1, 1));
  EXPECT_EQ(text(e.get()), "ValueError('x')");
  Ref<> k = Ref<>::steal(exception_new(ts, &exc::KeyError, args1, 1));
  Ref<> ks = Ref<>::steal(str(ts, k.get()));
  EXPECT_EQ(str_view(ks.get()), "'x'");
  Ref<> a0 = i(2), a1 = s("No such file or directory"), a2 = s("x");
  Object* oargs[3] = {a0.get(), a1.get(), a2.get()};
  Ref<> ose = Ref<>::steal(call(ts, &exc::OSError, oargs, 3));
  ASSERT_TRUE(ose);
  EXPECT_EQ(ose->type, &exc::FileNotFoundError);
  Ref<> oss = Ref<>::steal(str(ts, ose.get()));
  EXPECT_EQ(str_view(oss.get()), "[Errno 2] No such file or directory: 'x'");
  raise(ts, &exc::TypeError, "bad %d", 3);
  EXPECT_TRUE(exc_matches(ts, &exc::Exception));
  EXPECT_FALSE(exc_matches(ts, &exc::ValueError));
  EXPECT_EQ(error_text(), "!TypeError: bad 3");
  raise_errno(ts, ENOENT);
  EXPECT_TRUE(exc_matches(ts, &exc::FileNotFoundError));
  clear_exc(ts);
}

TEST_F(ObjectModel, ExceptionContext) {
  Ref<> first = Ref<>::steal(call0(ts, &exc::ValueError));
  ExcInfo info{first.get(), ts->exc_info};
  ts->exc_info = &info;
  raise(ts, &exc::TypeError, "second");
  ts->exc_info = info.previous;
  Object* e = fetch_exc(ts);
  ASSERT_TRUE(e);
  EXPECT_EQ(static_cast<BaseExceptionObject*>(e)->context, first.get());
  decref(e);
}

TEST_F(ObjectModel, ArgHelpers) {
  EXPECT_FALSE(check_nargs(ts, "len", 2, 1, 1));
  EXPECT_EQ(error_text(), "!TypeError: len() takes exactly one argument (2 given)");
  EXPECT_FALSE(check_nargs(ts, "getattr", 1, 2, 3));
  EXPECT_EQ(error_text(), "!TypeError: getattr expected at least 2 arguments, got 1");
  EXPECT_FALSE(check_nargs(ts, "getattr", 4, 2, 3));
  EXPECT_EQ(error_text(), "!TypeError: getattr expected at most 3 arguments, got 4");
  Ref<TupleObject> kw = Ref<TupleObject>::steal(tuple_pack(ts, {s("x").get()}));
  EXPECT_FALSE(no_kwargs(ts, "f", kw.get()));
  EXPECT_EQ(error_text(), "!TypeError: f() takes no keyword arguments");
  Object* out[2];
  Ref<> one = i(1);
  Object* args[1] = {one.get()};
  EXPECT_FALSE(parse_args(ts, "f", args, 0, kw.get(), {"a", "b"}, 0, out));
  EXPECT_EQ(error_text(), "!TypeError: 'x' is an invalid keyword argument for f()");
  EXPECT_FALSE(parse_args(ts, "f", args, 0, nullptr, {"a", "b"}, 1, out));
  EXPECT_EQ(error_text(), "!TypeError: f() missing required argument 'a' (pos 1)");
  EXPECT_TRUE(parse_args(ts, "f", args, 1, nullptr, {"a", "b"}, 1, out));
  EXPECT_EQ(out[0], one.get());
  EXPECT_EQ(out[1], nullptr);
}

TEST_F(ObjectModel, HeapTypeFromCpp) {
  Ref<DictObject> ns = Ref<DictObject>::steal(dict_new(ts));
  Ref<> modname = s("m");
  dict_set(ts, ns.get(), names.__module__, modname.get());
  Ref<StrObject> name = Ref<StrObject>::steal(str_from(ts, "A"));
  Ref<TupleObject> bases = Ref<TupleObject>::steal(tuple_new(ts, 0));
  Ref<> cls = Ref<>::steal(type_new(ts, &TypeType, name.get(), bases.get(), ns.get()));
  ASSERT_TRUE(cls) << error_text();
  EXPECT_EQ(text(cls.get()), "<class 'm.A'>");
  Ref<> inst = Ref<>::steal(call0(ts, cls.get()));
  ASSERT_TRUE(inst);
  EXPECT_TRUE(setattr_cstr(ts, inst.get(), "x", i(3).get()));
  Ref<> x = Ref<>::steal(getattr_cstr(ts, inst.get(), "x"));
  EXPECT_EQ(text(x.get()), "3");
  Ref<> y = Ref<>::steal(getattr_cstr(ts, inst.get(), "y"));
  EXPECT_EQ(text(y.get()), "!AttributeError: 'A' object has no attribute 'y'");
  Ref<> bad = Ref<>::steal(call1(ts, cls.get(), i(1).get()));
  EXPECT_EQ(text(bad.get()), "!TypeError: A() takes no arguments");
  // Subclass of list: keeps list's native slots, gets a __dict__.
  Ref<StrObject> lname = Ref<StrObject>::steal(str_from(ts, "L"));
  Ref<TupleObject> lbases = Ref<TupleObject>::steal(tuple_pack(ts, {&ListType}));
  Ref<DictObject> lns = Ref<DictObject>::steal(dict_new(ts));
  Ref<> lcls = Ref<>::steal(type_new(ts, &TypeType, lname.get(), lbases.get(), lns.get()));
  ASSERT_TRUE(lcls);
  EXPECT_EQ(static_cast<TypeObject*>(lcls.get())->len, ListType.len);
  EXPECT_TRUE(static_cast<TypeObject*>(lcls.get())->flags & kListSubclass);
  // Layout conflict.
  Ref<StrObject> cname = Ref<StrObject>::steal(str_from(ts, "C"));
  Ref<TupleObject> cbases = Ref<TupleObject>::steal(tuple_pack(ts, {&IntType, &StrType}));
  Ref<> ccls = Ref<>::steal(type_new(ts, &TypeType, cname.get(), cbases.get(), lns.get()));
  EXPECT_EQ(text(ccls.get()), "!TypeError: multiple bases have instance lay-out conflict");
}

TEST_F(ObjectModel, CycleCollector) {
  gc_collect(ts, 2);
  Ref<ListObject> a = Ref<ListObject>::steal(list_new(ts));
  Ref<ListObject> b = Ref<ListObject>::steal(list_new(ts));
  list_append(ts, a.get(), b.get());
  list_append(ts, b.get(), a.get());
  EXPECT_EQ(gc_collect(ts, 2), 0);  // still referenced from here
  a.reset();
  b.reset();
  EXPECT_EQ(gc_collect(ts, 2), 2);
}

// ---- Python-level behaviour --------------------------------------------------------------------

TEST_F(ObjectModel, ClassBasics) {
  EXPECT_EQ(run("class A:\n  def __init__(self, x): self.x = x\n"
                "  def __repr__(self): return 'A(%r)' % (self.x,)\nresult = A(3)"),
            "A(3)");
  EXPECT_EQ(run("class A: pass\nresult = A.__name__, A.__qualname__, A.__module__"),
            "('A', 'A', '__main__')");
  EXPECT_EQ(run("class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\n"
                "result = [k.__name__ for k in D.__mro__]"),
            "['D', 'B', 'C', 'A', 'object']");
  EXPECT_EQ(run("class A: pass\nclass B(A): pass\nclass C(A, B): pass"),
            "!TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
}

TEST_F(ObjectModel, DunderSlots) {
  EXPECT_EQ(
      run("class V:\n  def __init__(s, a): s.a = a\n  def __add__(s, o): return V(s.a + o)\n"
          "  def __radd__(s, o): return V(o * 10 + s.a)\nresult = (V(1) + 2).a, (3 + V(1)).a"),
      "(3, 31)");
  EXPECT_EQ(run("class E:\n  def __eq__(s, o): return True\nresult = E() == 1, E() != 1\n"
                "try:\n  hash(E())\nexcept TypeError as e:\n  result = result, str(e)"),
            "((True, False), \"unhashable type: 'E'\")");
  EXPECT_EQ(run("class L:\n  def __len__(s): return -1\ntry:\n  len(L())\nexcept ValueError as e:\n"
                "  result = str(e)"),
            "'__len__() should return >= 0'");
  EXPECT_EQ(run("class G:\n  def __getattr__(s, n): return n * 2\nresult = G().ab"), "'abab'");
  EXPECT_EQ(run("class A:\n  pass\nA.__len__ = lambda s: 7\nresult = len(A())"), "7");
}

TEST_F(ObjectModel, SuperAndProperties) {
  EXPECT_EQ(
      run("class A:\n  def f(s): return 'A'\nclass B(A):\n  def f(s): return 'B' + super().f()\n"
          "result = B().f()"),
      "'BA'");
  EXPECT_EQ(run("class P:\n  @property\n  def x(s): return 1\ntry:\n  P().x = 2\n"
                "except AttributeError as e:\n  result = str(e)"),
            "\"property 'x' of 'P' object has no setter\"");
  EXPECT_EQ(run("class L(list):\n  def append(s, x): super().append(x * 2)\nl = L()\nl.append(2)\n"
                "result = l"),
            "[4]");
}

}  // namespace
}  // namespace gp
