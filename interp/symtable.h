// Symbol tables: one Scope per module, class, function, lambda and comprehension, built from the
// AST before code generation. Decides for each name whether it is local (fast), global, free or a
// cell, following CPython's rules (class bodies are skipped when resolving free variables, except
// for the implicit __class__ cell used by zero-argument super()).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "interp/ast.h"

namespace gp {

enum class ScopeType { Module, Class, Function, Comprehension };
enum class NameScope { Local, GlobalExplicit, GlobalImplicit, Free, Cell };

enum SymFlag : unsigned {
  kDefLocal = 1,     // assigned, imported, def/class name
  kDefGlobal = 2,    // global statement
  kDefNonlocal = 4,  // nonlocal statement
  kDefParam = 8,
  kUse = 16,
  kDefFreeClass = 32,  // free in a child, passing through a class
  kDefCompIter = 64,   // walrus target seen in a comprehension
};

struct CompileError {
  std::string msg;
  int line = 0, col = 0, end_line = 0, end_col = 0;
  // Too deeply nested: RecursionError "maximum recursion depth exceeded during compilation".
  bool recursion = false;
};

struct Scope {
  ScopeType type = ScopeType::Module;
  std::string name;
  const void* node = nullptr;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  std::unordered_map<std::string, unsigned> flags;
  std::vector<std::string> order;   // names in order of first appearance
  std::vector<std::string> params;  // parameters in order (for functions)
  std::unordered_map<std::string, NameScope> resolved;
  bool is_generator = false;
  bool needs_class_closure = false;  // a class whose methods use __class__/super
  bool has_annotations = false;
  bool is_lambda = false;
  bool is_async = false;
  std::string comp_kind;                               // "listcomp" etc. for comprehensions
  std::unordered_map<std::string, ast::Loc> decl_loc;  // global/nonlocal statements

  NameScope scope_of(const std::string& n) const {
    auto it = resolved.find(n);
    if (it != resolved.end()) return it->second;
    return NameScope::GlobalImplicit;
  }
  void add(const std::string& n, unsigned f) {
    auto it = flags.find(n);
    if (it == flags.end()) {
      order.push_back(n);
      flags[n] = f;
    } else {
      it->second |= f;
    }
  }
};

struct SymTable {
  std::unique_ptr<Scope> top;
  std::unordered_map<const void*, Scope*> by_node;
  Scope* lookup(const void* node) const {
    auto it = by_node.find(node);
    return it == by_node.end() ? nullptr : it->second;
  }
};

// Builds and resolves the tables; false with *err filled on a SyntaxError. Nesting deeper than
// max_depth statements/expressions (0: no limit), or reaching below the C++ stack address
// stack_limit (0: no check), fails with err->recursion set.
bool build_symtable(ast::Mod* mod, SymTable* out, CompileError* err, int max_depth = 0,
                    uintptr_t stack_limit = 0);

// Mangles __private names inside a class as CPython does (_Class__name).
std::string mangle(const std::string& class_name, const std::string& name);

}  // namespace gp
