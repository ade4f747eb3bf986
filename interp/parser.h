// The parser: Python 3.11 source (UTF-8) -> ast::Mod (interp/ast.h). Pure C++, no runtime
// objects; the compiler turns the tree into code objects and SyntaxErrorInfo into a SyntaxError.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "interp/ast.h"

namespace gp {

// Mirrors the attributes of CPython's SyntaxError for the failing input.
struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // "SyntaxError", "IndentationError" or "TabError"
  std::string msg;
  int lineno = 0;      // 1-based
  int offset = 0;      // 1-based column in characters, as SyntaxError.offset (0 = unknown)
  int end_lineno = 0;  // 0 = same as CPython's None
  int end_offset = 0;
  std::string text;  // the offending source line, with its trailing "\n" as CPython keeps it
  // The input ended inside a bracket, a block header awaiting its body, or a triple-quoted
  // string: the REPL reads more lines instead of reporting the error.
  bool incomplete = false;
};

struct ParseResult {
  std::unique_ptr<ast::Arena> arena;  // owns every node of mod
  ast::Mod* mod = nullptr;            // nullptr when there was an error
  SyntaxErrorInfo error;              // meaningful when !ok()
  bool ok() const { return mod != nullptr; }
};

// exec mode: a whole file.
ParseResult parse_module(std::string_view source, std::string_view filename);
// eval mode: a single expression (leading/trailing whitespace and newlines allowed).
ParseResult parse_expression(std::string_view source, std::string_view filename);
// single mode: one interactive statement (a simple-statement line or one compound statement).
ParseResult parse_interactive(std::string_view source, std::string_view filename);

}  // namespace gp
