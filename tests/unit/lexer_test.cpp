// Tokenizer tests: token streams, indentation, numeric/string literal scanning, lexical errors.
#include "interp/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gp {
namespace {

// "NAME:x OP:= NUMBER:1 NEWLINE ENDMARKER" style rendering of a token stream.
std::string toks(std::string_view src) {
  Lexer lx(src);
  lx.run();
  std::string out;
  for (const Token& t : lx.tokens()) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case Tok::Name:
      case Tok::Number:
      case Tok::String:
        out += std::string(tok_name(t.kind)) + ":" + std::string(lx.text(t));
        break;
      default:
        out += tok_name(t.kind);
    }
  }
  return out;
}

SyntaxErrorInfo lex_error(std::string_view src) {
  Lexer lx(src);
  EXPECT_FALSE(lx.run()) << src;
  return lx.error();
}

TEST(Lexer, SimpleStatement) {
  EXPECT_EQ(toks("x = 1 + y\n"), "NAME:x = NUMBER:1 + NAME:y NEWLINE ENDMARKER");
}

TEST(Lexer, ImplicitNewlineAtEof) {
  EXPECT_EQ(toks("pass"), "pass NEWLINE ENDMARKER");
  EXPECT_EQ(toks(""), "ENDMARKER");
}

TEST(Lexer, KeywordsAndSoftKeywords) {
  EXPECT_EQ(toks("if not x is None: match"),
            "if not NAME:x is None : NAME:match NEWLINE ENDMARKER");
}

TEST(Lexer, Operators) {
  EXPECT_EQ(toks("a **= b // c -> d := e ... f != g <<= h"),
            "NAME:a **= NAME:b // NAME:c -> NAME:d := NAME:e ... NAME:f != NAME:g <<= NAME:h "
            "NEWLINE ENDMARKER");
}

TEST(Lexer, IndentDedent) {
  EXPECT_EQ(toks("if x:\n    y\n    if z:\n        w\nv\n"),
            "if NAME:x : NEWLINE INDENT NAME:y NEWLINE if NAME:z : NEWLINE INDENT NAME:w NEWLINE "
            "DEDENT DEDENT NAME:v NEWLINE ENDMARKER");
}

TEST(Lexer, DedentsAtEof) {
  EXPECT_EQ(toks("if x:\n  y"), "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, BlankAndCommentLinesIgnoreIndentation) {
  EXPECT_EQ(toks("if x:\n\n      # c\n  y\n"),
            "if NAME:x : NEWLINE INDENT NAME:y NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, TabsAreMultiplesOfEight) {
  // a tab then 8 spaces on the next line are the same column only if consistent: TabError
  SyntaxErrorInfo e = lex_error("if x:\n\ta\n        b\n");
  EXPECT_EQ(e.type, "TabError");
  EXPECT_EQ(e.msg, "inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(e.lineno, 3);
  // tabs alone are fine
  EXPECT_EQ(toks("if x:\n\ta\n\tb\n"),
            "if NAME:x : NEWLINE INDENT NAME:a NEWLINE NAME:b NEWLINE DEDENT ENDMARKER");
}

TEST(Lexer, UnindentMismatch) {
  SyntaxErrorInfo e = lex_error("if x:\n  a\n b\n");
  EXPECT_EQ(e.type, "IndentationError");
  EXPECT_EQ(e.msg, "unindent does not match any outer indentation level");
  EXPECT_EQ(e.lineno, 3);
  EXPECT_EQ(e.offset, 3);
}

TEST(Lexer, BracketsJoinLines) {
  EXPECT_EQ(toks("x = (1,\n  2)\n"), "NAME:x = ( NUMBER:1 , NUMBER:2 ) NEWLINE ENDMARKER");
  EXPECT_EQ(toks("x = 1 + \\\n  2\n"), "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE ENDMARKER");
}

TEST(Lexer, Numbers) {
  EXPECT_EQ(toks("0x1F 0o17 0b1_0 1_000 1.5e-3 .5 5. 3j 0 00 1e5"),
            "NUMBER:0x1F NUMBER:0o17 NUMBER:0b1_0 NUMBER:1_000 NUMBER:1.5e-3 NUMBER:.5 "
            "NUMBER:5. NUMBER:3j NUMBER:0 NUMBER:00 NUMBER:1e5 NEWLINE ENDMARKER");
  // `1if x else y` is legal (CPython only warns)
  EXPECT_EQ(toks("1if x else 2"), "NUMBER:1 if NAME:x else NUMBER:2 NEWLINE ENDMARKER");
}

TEST(Lexer, NumberErrors) {
  struct Case {
    const char* src;
    const char* msg;
    int offset;
  } cases[] = {
      {"x = 1abc", "invalid decimal literal", 5},
      {"x = 0x", "invalid hexadecimal literal", 6},
      {"x = 0o8", "invalid digit '8' in octal literal", 7},
      {"x = 0b2", "invalid digit '2' in binary literal", 7},
      {"1_", "invalid decimal literal", 2},
      {"1__0", "invalid decimal literal", 2},
      {"1jx", "invalid imaginary literal", 2},
      {"012",
       "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
       "for octal integers",
       1},
  };
  for (const Case& c : cases) {
    SyntaxErrorInfo e = lex_error(c.src);
    EXPECT_EQ(e.msg, c.msg) << c.src;
    EXPECT_EQ(e.offset, c.offset) << c.src;
  }
}

TEST(Lexer, Strings) {
  EXPECT_EQ(toks("r'a\\'b' b\"x\" f'{a}' Rb'''q''' u'z'"),
            "STRING:r'a\\'b' STRING:b\"x\" STRING:f'{a}' STRING:Rb'''q''' STRING:u'z' NEWLINE "
            "ENDMARKER");
  // a name that is not a prefix is a NAME followed by a STRING
  EXPECT_EQ(toks("ub'x'"), "NAME:ub STRING:'x' NEWLINE ENDMARKER");
  EXPECT_EQ(toks("'''a\nb'''\n"), "STRING:'''a\nb''' NEWLINE ENDMARKER");
}

TEST(Lexer, UnterminatedStrings) {
  SyntaxErrorInfo e = lex_error("x = 'abc\n");
  EXPECT_EQ(e.msg, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(e.offset, 5);
  EXPECT_FALSE(e.incomplete);
  e = lex_error("x = '''abc\n\n");
  EXPECT_EQ(e.msg, "unterminated triple-quoted string literal (detected at line 2)");
  EXPECT_EQ(e.lineno, 1);
  EXPECT_TRUE(e.incomplete);
}

TEST(Lexer, BracketErrors) {
  SyntaxErrorInfo e = lex_error("x = )");
  EXPECT_EQ(e.msg, "unmatched ')'");
  EXPECT_EQ(e.offset, 5);
  e = lex_error("x = (]");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '('");
  e = lex_error("x = (\n]");
  EXPECT_EQ(e.msg, "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  e = lex_error("x = [1,\n2");
  EXPECT_EQ(e.msg, "'[' was never closed");
  EXPECT_EQ(e.lineno, 1);
  EXPECT_EQ(e.offset, 5);
  EXPECT_TRUE(e.incomplete);
}

TEST(Lexer, InvalidCharacters) {
  SyntaxErrorInfo e = lex_error(
      "x = a\xe2\x80\xa6"
      "b");  // U+2026
  EXPECT_EQ(e.msg, "invalid character '\xe2\x80\xa6' (U+2026)");
  EXPECT_EQ(e.offset, 6);
  e = lex_error("x = \xc2\xa0");
  EXPECT_EQ(e.msg, "invalid non-printable character U+00A0");
  e = lex_error("x = 1 + \\ y");
  EXPECT_EQ(e.msg, "unexpected character after line continuation character");
}

TEST(Lexer, UnicodeIdentifiers) {
  EXPECT_EQ(toks("\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 = 1"),
            "NAME:\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 = NUMBER:1 NEWLINE ENDMARKER");
}

TEST(Lexer, BomAndCrLf) {
  EXPECT_EQ(toks("\xef\xbb\xbfx = 1\r\ny = 2\r\n"),
            "NAME:x = NUMBER:1 NEWLINE NAME:y = NUMBER:2 NEWLINE ENDMARKER");
}

TEST(Lexer, Positions) {
  Lexer lx("if x:\n    yy = 3\n");
  ASSERT_TRUE(lx.run());
  const auto& t = lx.tokens();
  // if x : NEWLINE INDENT yy
  ASSERT_GE(t.size(), 6u);
  EXPECT_EQ(t[5].kind, Tok::Name);
  EXPECT_EQ(t[5].line, 2);
  EXPECT_EQ(t[5].col, 4);
  EXPECT_EQ(t[5].end_col, 6);
}

TEST(Lexer, DecodeEscapes) {
  std::string out, msg;
  size_t pos;
  ASSERT_TRUE(decode_escapes("a\\n\\t\\x41\\101\\u00e9\\q\\\\", false, out, msg, pos));
  EXPECT_EQ(out, "a\n\tAA\xc3\xa9\\q\\");
  out.clear();
  ASSERT_TRUE(decode_escapes("\\xff\\u1234", true, out, msg, pos));
  EXPECT_EQ(out, "\xff\\u1234");
  out.clear();
  EXPECT_FALSE(decode_escapes("\\x4", false, out, msg, pos));
  EXPECT_NE(msg.find("truncated \\xXX escape"), std::string::npos);
}

}  // namespace
}  // namespace gp
