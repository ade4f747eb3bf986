// Tokens of Python 3.11 source, produced by interp/lexer.h for interp/parser.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gp {

// Mirrors the attributes of CPython's SyntaxError for the failing input.
struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // "SyntaxError", "IndentationError" or "TabError"
  std::string msg;
  int lineno = 0;      // 1-based
  int offset = 0;      // 1-based column in characters, as SyntaxError.offset (0 = unknown)
  int end_lineno = 0;  // 0 = None
  int end_offset = 0;  // 0 = None (CPython sometimes reports -1 here; we use 0)
  std::string text;    // the offending source line, ending in "\n"
  // The input ended inside a bracket, a block header awaiting its body, or a triple-quoted
  // string: the REPL reads more lines instead of reporting the error.
  bool incomplete = false;
};

enum class Tok : uint8_t {
  EndMarker,
  Name,    // identifiers, including the soft keywords match/case/_
  Number,  // any numeric literal (text is the literal)
  String,  // one string literal with its prefix and quotes (f-strings too)
  Newline,
  Indent,
  Dedent,
  Error,  // a lexer error; the Lexer's error() describes it

  // operators and delimiters
  LPar,
  RPar,
  LSqb,
  RSqb,
  LBrace,
  RBrace,
  Colon,
  Comma,
  Semi,
  Plus,
  Minus,
  Star,
  Slash,
  VBar,
  Amper,
  Less,
  Greater,
  Equal,
  Dot,
  Percent,
  EqEqual,
  NotEqual,
  LessEqual,
  GreaterEqual,
  Tilde,
  Circumflex,
  LeftShift,
  RightShift,
  DoubleStar,
  PlusEqual,
  MinEqual,
  StarEqual,
  SlashEqual,
  PercentEqual,
  AmperEqual,
  VBarEqual,
  CircumflexEqual,
  LeftShiftEqual,
  RightShiftEqual,
  DoubleStarEqual,
  DoubleSlash,
  DoubleSlashEqual,
  At,
  AtEqual,
  RArrow,
  Ellipsis,
  ColonEqual,
  Bang,  // '!' alone: only meaningful inside f-string replacement fields

  // hard keywords
  KwFalse,
  KwNone,
  KwTrue,
  KwAnd,
  KwAs,
  KwAssert,
  KwAsync,
  KwAwait,
  KwBreak,
  KwClass,
  KwContinue,
  KwDef,
  KwDel,
  KwElif,
  KwElse,
  KwExcept,
  KwFinally,
  KwFor,
  KwFrom,
  KwGlobal,
  KwIf,
  KwImport,
  KwIn,
  KwIs,
  KwLambda,
  KwNonlocal,
  KwNot,
  KwOr,
  KwPass,
  KwRaise,
  KwReturn,
  KwTry,
  KwWhile,
  KwWith,
  KwYield,
  Count
};

// The source spelling of a token kind ("(", "if", "NAME" ...), for messages and dumps.
const char* tok_name(Tok t);

struct Token {
  Tok kind = Tok::EndMarker;
  uint32_t start = 0, end = 0;  // byte range in the source
  int line = 0, col = 0;        // 1-based line, 0-based byte column of the first byte
  int end_line = 0, end_col = 0;
};

}  // namespace gp
