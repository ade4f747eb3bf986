// The compiler: AST (interp/ast.h) -> code objects (interp/code.h), in two passes: the symbol
// table (interp/symtable.h) resolves every name, then code generation walks the tree once per
// scope. Bytecode follows CPython 3.11's shapes (see interp/opcodes.h for the differences: block
// stack instead of an exception table, absolute jumps, [callable, self_or_null, args] calls).
#pragma once

#include <string_view>

#include "interp/ast.h"
#include "interp/token.h"
#include "interp/vm.h"

namespace gp {

// Compiles a parsed module/expression/interactive statement; raises SyntaxError on compile-time
// errors (source is used for the error's text line).
Object* compile_ast(ThreadState* ts, ast::Mod* mod, std::string_view filename, CompileMode mode,
                    std::string_view source);

// Raises the SyntaxError (or IndentationError/TabError) described by info; returns nullptr.
std::nullptr_t raise_syntax_error(ThreadState* ts, const SyntaxErrorInfo& info,
                                  std::string_view filename);

}  // namespace gp
