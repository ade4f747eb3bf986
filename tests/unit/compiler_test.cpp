// Compiler units: compile-time errors with CPython's messages and positions, code object
// attributes, constant folding and the shape of the generated code.
#include <string>

#include "interp/code.h"
#include "interp/opcodes.h"
#include "tests/unit/vm_fixture.h"

namespace gp {
namespace {

class Compiler : public VmTest {
 protected:
  // The SyntaxError text "!SyntaxError: msg" and its line for a source that must not compile.
  std::string compile_error(const std::string& src, int* line = nullptr) {
    Ref<> code = Ref<>::steal(compile_source(ts, src, "<test>", CompileMode::Exec));
    if (code) return "<compiled>";
    if (ts->exc && isinstance_of(ts->exc, &exc::SyntaxError)) {
      auto* se = static_cast<SyntaxErrorObject*>(ts->exc);
      int64_t v = 0;
      if (se->lineno) int_to_i64(se->lineno, &v);
      if (line) *line = static_cast<int>(v);
      std::string r = "!" + std::string(ts->exc->type->name) + ": " +
                      (se->msg && is_str(se->msg) ? std::string(str_view(se->msg)) : "");
      clear_exc(ts);
      return r;
    }
    return error_text();
  }
  CodeObject* compile(const std::string& src) {
    Object* c = compile_source(ts, src, "<test>", CompileMode::Exec);
    EXPECT_NE(c, nullptr);
    return static_cast<CodeObject*>(c);
  }
};

TEST_F(Compiler, OpcodeTableIsConsistent) {
  EXPECT_STREQ(kOpNames[static_cast<int>(Op::NOP)], "NOP");
  EXPECT_STREQ(kOpNames[static_cast<int>(Op::LOAD_FAST)], "LOAD_FAST");
  EXPECT_EQ(kOpArgKind[static_cast<int>(Op::FOR_ITER)], ArgKind::Jump);
  Instr w = make_instr(Op::CALL, 123456);
  EXPECT_EQ(instr_op(w), Op::CALL);
  EXPECT_EQ(instr_arg(w), 123456u);
}

TEST_F(Compiler, ErrorsOutsideFunctionOrLoop) {
  int line = 0;
  EXPECT_EQ(compile_error("x = 1\nreturn x\n", &line), "!SyntaxError: 'return' outside function");
  EXPECT_EQ(line, 2);
  EXPECT_EQ(compile_error("break\n"), "!SyntaxError: 'break' outside loop");
  EXPECT_EQ(compile_error("def f():\n  continue\n"),
            "!SyntaxError: 'continue' not properly in loop");
  EXPECT_EQ(compile_error("yield 1\n"), "!SyntaxError: 'yield' outside function");
  EXPECT_EQ(compile_error("class A:\n  yield 1\n"), "!SyntaxError: 'yield' outside function");
}

TEST_F(Compiler, ScopeDeclarationErrors) {
  EXPECT_EQ(compile_error("def f():\n  x = 1\n  global x\n"),
            "!SyntaxError: name 'x' is assigned to before global declaration");
  EXPECT_EQ(compile_error("def f():\n  print(x)\n  global x\n"),
            "!SyntaxError: name 'x' is used prior to global declaration");
  int line = 0;
  EXPECT_EQ(compile_error("def f():\n  def g():\n    nonlocal q\n", &line),
            "!SyntaxError: no binding for nonlocal 'q' found");
  EXPECT_EQ(line, 3);
  EXPECT_EQ(compile_error("nonlocal x\n"),
            "!SyntaxError: nonlocal declaration not allowed at module level");
  EXPECT_EQ(compile_error("def f(a):\n  global a\n"),
            "!SyntaxError: name 'a' is parameter and global");
}

TEST_F(Compiler, ParserErrorsBecomeSyntaxErrors) {
  int line = 0;
  std::string e = compile_error("x = (1,\ny = 2\n", &line);
  EXPECT_EQ(e.rfind("!SyntaxError", 0), 0u) << e;
  EXPECT_EQ(compile_error("if x:\npass\n").rfind("!IndentationError", 0), 0u);
}

TEST_F(Compiler, CodeObjectAttributes) {
  EXPECT_EXEC_OK(
      "def f(a, b, /, c, *args, d, e=1, **kw):\n"
      "  '''doc'''\n"
      "  x = a\n"
      "  def g(): return x\n"
      "  return g\n");
  EXPECT_EVAL_EQ("f.__code__.co_argcount", "3");
  EXPECT_EVAL_EQ("f.__code__.co_posonlyargcount", "2");
  EXPECT_EVAL_EQ("f.__code__.co_kwonlyargcount", "2");
  EXPECT_EVAL_EQ("f.__code__.co_varnames", "('a', 'b', 'c', 'd', 'e', 'args', 'kw', 'g')");
  EXPECT_EVAL_EQ("f.__code__.co_cellvars", "('x',)");
  EXPECT_EVAL_EQ("f.__code__.co_name", "'f'");
  EXPECT_EVAL_EQ("f.__code__.co_flags & 0xf", "15");
  EXPECT_EVAL_EQ("f.__doc__", "'doc'");
  EXPECT_EVAL_EQ("f(1, 2, 3, d=4).__code__.co_freevars", "('x',)");
  EXPECT_EVAL_EQ("f(1, 2, 3, d=4).__qualname__", "'f.<locals>.g'");
  EXPECT_EVAL_EQ("type(f.__code__.co_code)", "<class 'bytes'>");
  EXPECT_EVAL_EQ("f.__code__.co_stacksize > 0", "True");
}

TEST_F(Compiler, ConstantFoldingAndDedup) {
  CodeObject* co = compile("x = -1\ny = (1, 2, (3, 'a'))\nz = 'a'\n");
  ASSERT_NE(co, nullptr);
  std::string consts;
  repr_text(ts, co->consts, &consts);
  EXPECT_NE(consts.find("-1"), std::string::npos) << consts;
  EXPECT_NE(consts.find("(1, 2, (3, 'a'))"), std::string::npos) << consts;
  decref(co);
}

TEST_F(Compiler, LoadGlobalUsesCacheSlots) {
  CodeObject* co = compile("def f():\n  return len(x) + len(y)\n");
  ASSERT_NE(co, nullptr);
  CodeObject* f = nullptr;
  for (ssize i = 0; i < co->consts->size; ++i)
    if (is_code(co->consts->items[i])) f = static_cast<CodeObject*>(co->consts->items[i]);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->ngcache, 4);
  decref(co);
}

TEST_F(Compiler, StackDepthCoversNestedCalls) {
  CodeObject* co = compile("print(max(1, 2, min(3, 4, 5)), [1, 2, 3, 4])\n");
  ASSERT_NE(co, nullptr);
  EXPECT_GE(co->stacksize, 8);
  decref(co);
}

TEST_F(Compiler, NameMangling) {
  EXPECT_EXEC_OK(
      "class A:\n"
      "  def __init__(self): self.__x = 1\n"
      "  def get(self): return self.__x\n"
      "a = A()\n");
  EXPECT_EVAL_EQ("a._A__x", "1");
  EXPECT_EVAL_EQ("a.get()", "1");
}

TEST_F(Compiler, EvalAndSingleModes) {
  Ref<> c = Ref<>::steal(compile_source(ts, "1 + 2", "<test>", CompileMode::Eval));
  ASSERT_TRUE(c);
  Ref<> r = Ref<>::steal(eval_code(ts, c.get(), globals, nullptr));
  ASSERT_TRUE(r);
  EXPECT_EQ(str_view(Ref<>::steal(repr(ts, r.get())).get()), "3");
  Ref<> s = Ref<>::steal(compile_source(ts, "x = 5\n", "<test>", CompileMode::Single));
  EXPECT_TRUE(s);
}

TEST_F(Compiler, DisModule) {
  EXPECT_EXEC_OK(
      "import dis, io\n"
      "def f(x):\n"
      "    return x + 1\n"
      "buf = io.StringIO()\n"
      "dis.dis(f, file=buf)\n"
      "out = buf.getvalue()\n");
  EXPECT_EVAL_EQ("'LOAD_FAST' in out and '(x)' in out", "True");
  EXPECT_EVAL_EQ("'BINARY_OP' in out and '(+)' in out", "True");
  EXPECT_EVAL_EQ("out.splitlines()[0].split()[0]", "'3'");
}

}  // namespace
}  // namespace gp
