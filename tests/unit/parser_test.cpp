// Parser tests: trees (via ast::dump, in CPython's ast.dump format), f-strings, error messages and
// positions (checked against CPython 3.11), the incomplete-input flag, and the shared corpora.
#include "interp/parser.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gp {
namespace {

std::string body_dump(std::string_view src) {
  ParseResult r = parse_module(src, "<test>");
  if (!r.ok()) return "ERROR: " + r.error.msg;
  std::string d = ast::dump(r.mod);
  // strip "Module(body=[" ... "], type_ignores=[])"
  const std::string pre = "Module(body=[", post = "], type_ignores=[])";
  return d.substr(pre.size(), d.size() - pre.size() - post.size());
}

std::string expr_dump(std::string_view src) {
  ParseResult r = parse_expression(src, "<test>");
  if (!r.ok()) return "ERROR: " + r.error.msg;
  return ast::dump(r.mod->expr);
}

SyntaxErrorInfo error_of(std::string_view src) {
  ParseResult r = parse_module(src, "<test>");
  EXPECT_FALSE(r.ok()) << src;
  return r.error;
}

TEST(Parser, PowerBindsTighterThanUnaryMinus) {
  EXPECT_EQ(expr_dump("-2**2"),
            "UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), "
            "right=Constant(value=2)))");
  // right associative
  EXPECT_EQ(expr_dump("a**b**c"),
            "BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', "
            "ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load())))");
  EXPECT_EQ(expr_dump("2**-1"),
            "BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), "
            "operand=Constant(value=1)))");
}

TEST(Parser, ArithmeticPrecedence) {
  EXPECT_EQ(expr_dump("1 + 2 * 3 - 4"),
            "BinOp(left=BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=Constant("
            "value=2), op=Mult(), right=Constant(value=3))), op=Sub(), right=Constant(value=4))");
  EXPECT_EQ(expr_dump("a | b ^ c & d << e"),
            "BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', "
            "ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), "
            "right=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', "
            "ctx=Load())))))");
}

TEST(Parser, BooleansAndComparisons) {
  EXPECT_EQ(expr_dump("not a == b"),
            "UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], "
            "comparators=[Name(id='b', ctx=Load())]))");
  EXPECT_EQ(expr_dump("a or b and c"),
            "BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), "
            "values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])])");
  EXPECT_EQ(expr_dump("a < b is not c not in d"),
            "Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), IsNot(), NotIn()], "
            "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', "
            "ctx=Load())])");
}

TEST(Parser, ConditionalAndLambda) {
  EXPECT_EQ(expr_dump("a if b else c if d else e"),
            "IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), "
            "orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), "
            "orelse=Name(id='e', ctx=Load())))");
  EXPECT_EQ(expr_dump("lambda x, *a, k=1, **kw: x"),
            "Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], vararg=arg(arg='a'), "
            "kwonlyargs=[arg(arg='k')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='kw'), "
            "defaults=[]), body=Name(id='x', ctx=Load()))");
}

TEST(Parser, Constants) {
  EXPECT_EQ(expr_dump("0x_1F"), "Constant(value=31)");
  EXPECT_EQ(expr_dump("0x_"), "ERROR: invalid hexadecimal literal");
  EXPECT_EQ(expr_dump("0x1F"), "Constant(value=31)");
  EXPECT_EQ(expr_dump("123456789012345678901234567890"),
            "Constant(value=123456789012345678901234567890)");
  EXPECT_EQ(expr_dump("1e16"), "Constant(value=1e+16)");
  EXPECT_EQ(expr_dump("2.5j"), "Constant(value=2.5j)");
  EXPECT_EQ(expr_dump("..."), "Constant(value=Ellipsis)");
  ParseResult r = parse_expression("1_000", "<t>");
  ASSERT_TRUE(r.ok());
  auto* c = r.mod->expr->as<ast::Constant>();
  EXPECT_EQ(c->ckind, ast::ConstKind::Int);
  EXPECT_EQ(c->str, "1000");
}

TEST(Parser, StringConcatenation) {
  EXPECT_EQ(expr_dump("'a' \"b\" '''c'''"), "Constant(value='abc')");
  EXPECT_EQ(expr_dump("b'a' b'\\x00'"), "Constant(value=b'a\\x00')");
  EXPECT_EQ(expr_dump("'a' b'b'"), "ERROR: cannot mix bytes and nonbytes literals");
  EXPECT_EQ(expr_dump("r'\\n' '\\n'"), "Constant(value='\\\\n\\n')");
}

TEST(Parser, FStrings) {
  EXPECT_EQ(expr_dump("f'a{b}c'"),
            "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', "
            "ctx=Load()), conversion=-1), Constant(value='c')])");
  EXPECT_EQ(expr_dump("f'{x:{w}.{p}f}'"),
            "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, "
            "format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w', ctx=Load()), "
            "conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), "
            "conversion=-1), Constant(value='f')]))])");
  EXPECT_EQ(expr_dump("f'{x!r}'"),
            "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)])");
  // the debug form keeps the text and defaults to repr
  EXPECT_EQ(expr_dump("f'{x = }'"),
            "JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', "
            "ctx=Load()), conversion=114)])");
  // ... but not when a format spec is given
  EXPECT_EQ(expr_dump("f'{x=:>4}'"),
            "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', "
            "ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>4')]))])");
  EXPECT_EQ(expr_dump("f'{{}}{a!=b}'"),
            "JoinedStr(values=[Constant(value='{}'), FormattedValue(value=Compare(left=Name("
            "id='a', ctx=Load()), ops=[NotEq()], comparators=[Name(id='b', ctx=Load())]), "
            "conversion=-1)])");
  EXPECT_EQ(expr_dump("'a' f'{b}' 'c'"),
            "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', "
            "ctx=Load()), conversion=-1), Constant(value='c')])");
  EXPECT_EQ(expr_dump("f'{a[\"k\"]}'"),
            "JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), "
            "slice=Constant(value='k'), ctx=Load()), conversion=-1)])");
}

TEST(Parser, FStringErrors) {
  EXPECT_EQ(expr_dump("f'{a!x}'"),
            "ERROR: f-string: invalid conversion character: expected 's', 'r', or 'a'");
  EXPECT_EQ(expr_dump("f'{}'"), "ERROR: f-string: empty expression not allowed");
  EXPECT_EQ(expr_dump("f'}'"), "ERROR: f-string: single '}' is not allowed");
  EXPECT_EQ(expr_dump("f'{a'"), "ERROR: f-string: expecting '}'");
  EXPECT_EQ(expr_dump("f'{\\n}'"), "ERROR: f-string expression part cannot include a backslash");
  EXPECT_EQ(expr_dump("f'{a:{b:{c}}}'"), "ERROR: f-string: expressions nested too deeply");
  EXPECT_EQ(expr_dump("f'{a b}'"), "ERROR: f-string: invalid syntax. Perhaps you forgot a comma?");
}

TEST(Parser, Statements) {
  EXPECT_EQ(body_dump("a = b = 1"),
            "Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], "
            "value=Constant(value=1))");
  EXPECT_EQ(body_dump("a, *b = c"),
            "Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', "
            "ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))");
  EXPECT_EQ(body_dump("x += 1"),
            "AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))");
  EXPECT_EQ(body_dump("x: int = 1"),
            "AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), "
            "value=Constant(value=1), simple=1)");
  EXPECT_EQ(body_dump("del a[1:2, ::3]"),
            "Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice("
            "lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], "
            "ctx=Load()), ctx=Del())])");
  EXPECT_EQ(body_dump("from ..a import b as c"),
            "ImportFrom(module='a', names=[alias(name='b', asname='c')], level=2)");
  EXPECT_EQ(body_dump("if x: y\nelif z: w\nelse: v"),
            "If(test=Name(id='x', ctx=Load()), body=[Expr(value=Name(id='y', ctx=Load()))], "
            "orelse=[If(test=Name(id='z', ctx=Load()), body=[Expr(value=Name(id='w', "
            "ctx=Load()))], orelse=[Expr(value=Name(id='v', ctx=Load()))])])");
  // 'yield' outside a function is the compiler's error, not the parser's
  EXPECT_EQ(body_dump("x = yield"), "Assign(targets=[Name(id='x', ctx=Store())], value=Yield())");
}

TEST(Parser, FunctionsAndClasses) {
  EXPECT_EQ(body_dump("@d\ndef f(a, /, b=1, *, c, **k) -> int: pass"),
            "FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg("
            "arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], kwarg=arg(arg='k'), "
            "defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[Name(id='d', "
            "ctx=Load())], returns=Name(id='int', ctx=Load()))");
  EXPECT_EQ(body_dump("class A(B, metaclass=M): pass"),
            "ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword("
            "arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Pass()], "
            "decorator_list=[])");
}

TEST(Parser, TryWithFor) {
  EXPECT_EQ(body_dump("try: a\nexcept (A, B) as e: b\nelse: c\nfinally: d"),
            "Try(body=[Expr(value=Name(id='a', ctx=Load()))], handlers=[ExceptHandler("
            "type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), "
            "name='e', body=[Expr(value=Name(id='b', ctx=Load()))])], orelse=[Expr(value=Name("
            "id='c', ctx=Load()))], finalbody=[Expr(value=Name(id='d', ctx=Load()))])");
  EXPECT_EQ(body_dump("with (a as b, c): pass"),
            "With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
            "optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', "
            "ctx=Load()))], body=[Pass()])");
  EXPECT_EQ(body_dump("for i, in x: pass\nelse: pass"),
            "For(target=Tuple(elts=[Name(id='i', ctx=Store())], ctx=Store()), iter=Name(id='x', "
            "ctx=Load()), body=[Pass()], orelse=[Pass()])");
}

TEST(Parser, Comprehensions) {
  EXPECT_EQ(expr_dump("[x for x in y if x if z for w in x]"),
            "ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name("
            "id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), "
            "Name(id='z', ctx=Load())], is_async=0), comprehension(target=Name(id='w', "
            "ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)])");
  EXPECT_EQ(expr_dump("{k: v for k, v in d}"),
            "DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), "
            "generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name("
            "id='v', ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], "
            "is_async=0)])");
  EXPECT_EQ(expr_dump("f(x for x in y)"),
            "Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', "
            "ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), "
            "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[])");
}

TEST(Parser, Walrus) {
  EXPECT_EQ(expr_dump("(y := 5)"),
            "NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=5))");
}

TEST(Parser, MatchStatement) {
  EXPECT_EQ(body_dump("match p:\n  case [1, *r]: pass\n  case _: pass"),
            "Match(subject=Name(id='p', ctx=Load()), cases=[match_case(pattern=MatchSequence("
            "patterns=[MatchValue(value=Constant(value=1)), MatchStar(name='r')]), "
            "body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])");
  // soft keyword used as a name
  EXPECT_EQ(body_dump("match = 1"),
            "Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))");
}

TEST(Parser, Positions) {
  ParseResult r = parse_module("x = 1\nif x:\n    y = f(a,\n          b)\n", "<t>");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.mod->body.size(), 2u);
  const ast::Stmt* s = r.mod->body[1];
  EXPECT_EQ(s->line, 2);
  EXPECT_EQ(s->end_line, 4);
  const auto* inner = s->as<ast::If>()->body[0]->as<ast::Assign>();
  EXPECT_EQ(inner->line, 3);
  EXPECT_EQ(inner->col, 4);
  EXPECT_EQ(inner->value->end_line, 4);
  EXPECT_EQ(inner->value->end_col, 12);
}

// Positions in post-order, "Kind@line:col-end_line:end_col" per node with attributes, read from
// ast::dump(..., include_attributes=true) (node names are taken at their '('; quoted strings
// are skipped).
std::string compact_positions(const std::string& d) {
  std::string out;
  std::vector<std::string> stack;
  for (size_t i = 0; i < d.size();) {
    char ch = d[i];
    if (ch == '\'') {
      i = d.find('\'', i + 1) + 1;
      continue;
    }
    if (ch == '(') {
      size_t k = i;
      while (k > 0 && (std::isalnum(static_cast<unsigned char>(d[k - 1])) || d[k - 1] == '_')) --k;
      stack.push_back(d.substr(k, i - k));
      ++i;
      continue;
    }
    if (ch == ')') {
      stack.pop_back();
      ++i;
      continue;
    }
    if (d.compare(i, 7, "lineno=") == 0 && i > 0 && (d[i - 1] == '(' || d[i - 1] == ' ')) {
      int l, c, el, ec, n = 0;
      std::sscanf(d.c_str() + i, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d%n", &l,
                  &c, &el, &ec, &n);
      if (!out.empty()) out += ' ';
      out += stack.back() + "@" + std::to_string(l) + ":" + std::to_string(c) + "-" +
             std::to_string(el) + ":" + std::to_string(ec);
      i += static_cast<size_t>(n);
      continue;
    }
    ++i;
  }
  return out;
}

std::string positions(const char* kind, std::string_view src) {
  if (std::string_view(kind) == "expr") {
    ParseResult r = parse_expression(src, "<test>");
    if (!r.ok()) return "ERROR: " + r.error.msg;
    return compact_positions(ast::dump(r.mod->expr, true));
  }
  ParseResult r = parse_module(src, "<test>");
  if (!r.ok()) return "ERROR: " + r.error.msg;
  return compact_positions(ast::dump(r.mod, true));
}

TEST(Parser, DumpIncludeAttributes) {
  ParseResult r = parse_module("pass\nyield\nf(k=1)\nimport a as b\n", "<t>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ast::dump(r.mod, true),
            "Module(body=[Pass(lineno=1, col_offset=0, end_lineno=1, end_col_offset=4), "
            "Expr(value=Yield(lineno=2, col_offset=0, end_lineno=2, end_col_offset=5), lineno=2, "
            "col_offset=0, end_lineno=2, end_col_offset=5), Expr(value=Call(func=Name(id='f', "
            "ctx=Load(), lineno=3, col_offset=0, end_lineno=3, end_col_offset=1), args=[], "
            "keywords=[keyword(arg='k', value=Constant(value=1, lineno=3, col_offset=4, "
            "end_lineno=3, end_col_offset=5), lineno=3, col_offset=2, end_lineno=3, "
            "end_col_offset=5)], lineno=3, col_offset=0, end_lineno=3, end_col_offset=6), "
            "lineno=3, col_offset=0, end_lineno=3, end_col_offset=6), Import(names=[alias("
            "name='a', asname='b', lineno=4, col_offset=7, end_lineno=4, end_col_offset=13)], "
            "lineno=4, col_offset=0, end_lineno=4, end_col_offset=13)], type_ignores=[])");
  EXPECT_EQ(ast::dump(r.mod),
            "Module(body=[Pass(), Expr(value=Yield()), Expr(value=Call(func="
            "Name(id='f', ctx=Load()), args=[], keywords=[keyword(arg='k', "
            "value=Constant(value=1))])), Import(names=[alias(name='a', "
            "asname='b')])], type_ignores=[])");
}

// A node starts at the first token of its grammar rule and ends at its last one, so parentheses
// around a first (last) operand belong to the enclosing node but not to the operand itself.
// Every expectation was taken from CPython 3.11's ast.dump(..., include_attributes=True).
TEST(Parser, PositionsWithParentheses) {
  struct Case {
    const char* kind;
    const char* src;
    const char* expected;
  };
  const Case cases[] = {
      {"expr", "(a) / b", "Name@1:1-1:2 Name@1:6-1:7 BinOp@1:0-1:7"},
      {"expr", "a + (b)", "Name@1:0-1:1 Name@1:5-1:6 BinOp@1:0-1:7"},
      {"expr", "((a)) // ((b))", "Name@1:2-1:3 Name@1:11-1:12 BinOp@1:0-1:14"},
      {"expr", "(x).foo", "Name@1:1-1:2 Attribute@1:0-1:7"},
      {"expr", "(x)[1]", "Name@1:1-1:2 Constant@1:4-1:5 Subscript@1:0-1:6"},
      {"expr", "(f)(2)", "Name@1:1-1:2 Constant@1:4-1:5 Call@1:0-1:6"},
      {"expr", "(lambda: 1/0)()",
       "Constant@1:9-1:10 Constant@1:11-1:12 BinOp@1:9-1:12 Lambda@1:1-1:12 Call@1:0-1:15"},
      {"expr", "(a) < b", "Name@1:1-1:2 Name@1:6-1:7 Compare@1:0-1:7"},
      {"expr", "(a) and b", "Name@1:1-1:2 Name@1:8-1:9 BoolOp@1:0-1:9"},
      {"expr", "(a) if b else (c)", "Name@1:7-1:8 Name@1:1-1:2 Name@1:15-1:16 IfExp@1:0-1:17"},
      {"expr", "-(a) ** (b)", "Name@1:2-1:3 Name@1:9-1:10 BinOp@1:1-1:11 UnaryOp@1:0-1:11"},
      {"expr", "f(x=(1), *(y))",
       "Name@1:0-1:1 Name@1:11-1:12 Starred@1:9-1:13 Constant@1:5-1:6 keyword@1:2-1:7 "
       "Call@1:0-1:14"},
      {"expr", "[(x) for (x) in (y)]",
       "Name@1:2-1:3 Name@1:10-1:11 Name@1:17-1:18 ListComp@1:0-1:20"},
      {"expr", "f(x for x in y)",
       "Name@1:0-1:1 Name@1:2-1:3 Name@1:8-1:9 Name@1:13-1:14 GeneratorExp@1:1-1:15 "
       "Call@1:0-1:15"},
      {"expr", "a[*b]",
       "Name@1:0-1:1 Name@1:3-1:4 Starred@1:2-1:4 Tuple@1:2-1:4 Subscript@1:0-1:5"},
      {"expr", "(x\n .y\n .z(1))",
       "Name@1:1-1:2 Attribute@1:1-2:3 Attribute@1:1-3:3 Constant@3:4-3:5 Call@1:1-3:6"},
      {"stmt", "(a) = (b)", "Name@1:1-1:2 Name@1:7-1:8 Assign@1:0-1:9"},
      {"stmt", "(a)", "Name@1:1-1:2 Expr@1:0-1:3"},
      {"stmt", "(a).b += 1", "Name@1:1-1:2 Attribute@1:0-1:5 Constant@1:9-1:10 AugAssign@1:0-1:10"},
      {"stmt", "x: (int) = 1", "Name@1:0-1:1 Name@1:4-1:7 Constant@1:11-1:12 AnnAssign@1:0-1:12"},
      {"stmt", "f'{x:>{w}}' f'{(y)}'",
       "Name@1:3-1:4 Constant@1:0-1:20 Name@1:7-1:8 FormattedValue@1:0-1:20 "
       "JoinedStr@1:0-1:11 FormattedValue@1:0-1:20 Name@1:16-1:17 FormattedValue@1:0-1:20 "
       "JoinedStr@1:0-1:20 Expr@1:0-1:20"},
      {"stmt", "pass", "Pass@1:0-1:4"},
      {"stmt", "import a.b as c", "alias@1:7-1:15 Import@1:0-1:15"},
      {"stmt", "def f(a, *, b): return",
       "arg@1:6-1:7 arg@1:12-1:13 Return@1:16-1:22 FunctionDef@1:0-1:22"},
      {"stmt", "match (x):\n case (1) | [a]:\n  pass",
       "Name@1:7-1:8 Constant@2:7-2:8 MatchValue@2:7-2:8 MatchAs@2:13-2:14 "
       "MatchSequence@2:12-2:15 MatchOr@2:6-2:15 Pass@3:2-3:6 Match@1:0-3:6"},
  };
  for (const Case& c : cases) EXPECT_EQ(positions(c.kind, c.src), c.expected) << c.src;
}

struct ErrCase {
  const char* src;
  const char* type;
  const char* msg;
  int lineno, offset;
};

// Every expectation here was taken from CPython 3.11's compile().
TEST(Parser, ErrorMessagesMatchCPython) {
  const ErrCase cases[] = {
      {"if x\n  pass", "SyntaxError", "expected ':'", 1, 5},
      {"(a) + 1 = 2", "SyntaxError",
       "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1},
      {"(a)(b) := 1", "SyntaxError", "cannot use assignment expressions with function call", 1, 1},
      {"((a)) := 1", "SyntaxError", "cannot use assignment expressions with name", 1, 3},
      {"a := 1", "SyntaxError", "invalid syntax", 1, 3},
      {"x(a.b := 1)", "SyntaxError", "invalid syntax", 1, 7},
      {"((a), b): int = 1", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1},
      {"(a), b: int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 2},
      {"  x", "IndentationError", "unexpected indent", 1, 2},
      {"x = 1\n  y = 2", "IndentationError", "unexpected indent", 2, 2},
      {"if x:\npass", "IndentationError",
       "expected an indented block after 'if' statement on line 1", 2, 1},
      {"for x in y:\n", "IndentationError",
       "expected an indented block after 'for' statement on line 1", 1, 12},
      {"def f():\nx", "IndentationError",
       "expected an indented block after function definition on line 1", 2, 1},
      {"class A:\n", "IndentationError",
       "expected an indented block after class definition on line 1", 1, 9},
      {"try:\n  x\nexcept:\ny", "IndentationError",
       "expected an indented block after 'except' statement on line 3", 4, 1},
      {"if x:\n  y\nelse:\nz", "IndentationError",
       "expected an indented block after 'else' statement on line 3", 4, 1},
      {"x = (1, 2", "SyntaxError", "'(' was never closed", 1, 5},
      {"x = [1, 2\ny = 3", "SyntaxError", "'[' was never closed", 1, 5},
      {"x = 5 $\ny = (", "SyntaxError", "invalid syntax", 1, 7},
      {"x = [1 2]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6},
      {"f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3},
      {"x = 1 2", "SyntaxError", "invalid syntax", 1, 7},
      {"1 = 2", "SyntaxError",
       "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
      {"f() = 1", "SyntaxError",
       "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
      {"a = 1 = 2", "SyntaxError", "cannot assign to literal", 1, 5},
      {"a < b = 3", "SyntaxError", "cannot assign to comparison", 1, 1},
      {"if x = 1: pass", "SyntaxError",
       "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4},
      {"print 'x'", "SyntaxError",
       "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
      {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9},
      {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1,
       12},
      {"x = 1 if 2", "SyntaxError", "expected 'else' after 'if' expression", 1, 5},
      {"del f()", "SyntaxError", "cannot delete function call", 1, 5},
      {"for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 5},
      {"(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1,
       1},
      {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3},
      {"f(1=2)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?",
       1, 3},
      {"x = {a: 1, b}", "SyntaxError", "':' expected after dictionary key", 1, 12},
      {"from x import a,", "SyntaxError",
       "trailing comma not allowed without surrounding parentheses", 1, 17},
      {"try:\n  pass\nelse:\n  pass", "SyntaxError", "expected 'except' or 'finally' block", 3, 1},
      {"x =", "SyntaxError", "invalid syntax", 1, 4},
      {"else: pass", "SyntaxError", "invalid syntax", 1, 1},
      {"x\\", "SyntaxError", "unexpected EOF while parsing", 1, 3},
      {"a = 1 = 2\nx = 'abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2,
       5},
      {"x = b'\xc3\xa9'", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 5},
      {"if x:\n  pass\n else:\n  pass", "IndentationError",
       "unindent does not match any outer indentation level", 3, 7},
  };
  for (const ErrCase& c : cases) {
    SyntaxErrorInfo e = error_of(c.src);
    EXPECT_EQ(e.type, c.type) << c.src;
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.lineno, c.lineno) << c.src;
    EXPECT_EQ(e.offset, c.offset) << c.src;
  }
}

TEST(Parser, ErrorText) {
  SyntaxErrorInfo e = error_of("x = 1\ny = = 2\n");
  EXPECT_EQ(e.text, "y = = 2\n");
  EXPECT_EQ(e.lineno, 2);
  EXPECT_EQ(e.offset, 5);
}

TEST(Parser, IncompleteInput) {
  EXPECT_TRUE(parse_interactive("if x:", "<stdin>").error.incomplete);
  EXPECT_TRUE(parse_interactive("if x:\n", "<stdin>").error.incomplete);
  EXPECT_TRUE(parse_interactive("f(1,\n", "<stdin>").error.incomplete);
  EXPECT_TRUE(parse_interactive("s = '''abc\n", "<stdin>").error.incomplete);
  EXPECT_TRUE(parse_interactive("def f():\n  return 1\n  if y:\n", "<stdin>").error.incomplete);
  EXPECT_TRUE(parse_interactive("x = 1 + \\\n", "<stdin>").error.incomplete);
  ParseResult r = parse_interactive("x = )", "<stdin>");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.error.incomplete);
  r = parse_interactive("x = 1 +", "<stdin>");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.error.incomplete);
  r = parse_interactive("for i in x:\n  print(i)\n", "<stdin>");
  EXPECT_TRUE(r.ok());
}

TEST(Parser, Modes) {
  ParseResult r = parse_expression("\n1 + 2\n\n", "<e>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.mod->kind, ast::ModKind::Expression);
  EXPECT_FALSE(parse_expression("x = 1", "<e>").ok());
  r = parse_interactive("x = 1; y = 2\n", "<s>");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.mod->kind, ast::ModKind::Interactive);
  EXPECT_EQ(r.mod->body.size(), 2u);
  EXPECT_EQ(parse_interactive("x = 1\ny = 2\n", "<s>").error.msg,
            "multiple statements found while compiling a single statement");
}

// Every script of the shared corpora parses.
TEST(Parser, SharedCorporaParse) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(__FILE__).parent_path().parent_path().parent_path() / ".." / "shared";
  if (!fs::exists(root)) GTEST_SKIP() << "no " << root;
  int files = 0;
  for (const char* sub : {"conformance", "seed-examples", "bench"}) {
    fs::path dir = root / sub;
    if (!fs::exists(dir)) continue;
    for (const auto& ent : fs::recursive_directory_iterator(dir)) {
      if (ent.path().extension() != ".py") continue;
      std::ifstream in(ent.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      ParseResult r = parse_module(ss.str(), ent.path().string());
      EXPECT_TRUE(r.ok()) << ent.path() << ": " << r.error.msg << " line " << r.error.lineno;
      ++files;
    }
  }
  EXPECT_GT(files, 50);
}

}  // namespace
}  // namespace gp
