// The parser: Python 3.11 source (UTF-8) -> ast::Mod (interp/ast.h). Pure C++, no runtime
// objects; the compiler turns the tree into code objects and SyntaxErrorInfo into a SyntaxError.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "interp/ast.h"
#include "interp/token.h"

namespace gp {

struct ParseResult {
  std::unique_ptr<ast::Arena> arena;  // owns every node of mod
  ast::Mod* mod = nullptr;            // nullptr when there was an error
  SyntaxErrorInfo error;              // meaningful when !ok()
  bool ok() const { return mod != nullptr; }
};

// stack_limit: the lowest C++ stack address the parser may use (0: no check); too deep nesting
// (there, or past a fixed depth) fails with error.type "MemoryError", as CPython's parser.
// exec mode: a whole file.
ParseResult parse_module(std::string_view source, std::string_view filename,
                         uintptr_t stack_limit = 0);
// eval mode: a single expression (leading/trailing whitespace and newlines allowed).
ParseResult parse_expression(std::string_view source, std::string_view filename,
                             uintptr_t stack_limit = 0);
// single mode: one interactive statement (a simple-statement line or one compound statement).
ParseResult parse_interactive(std::string_view source, std::string_view filename,
                              uintptr_t stack_limit = 0);

}  // namespace gp
