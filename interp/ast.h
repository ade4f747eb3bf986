// The abstract syntax tree produced by the parser (interp/parser.h) and consumed by the compiler.
// It mirrors CPython 3.11's `ast` module (same node names and fields, see
// https://docs.python.org/3.11/library/ast.html), with these representation choices:
//
// OWNERSHIP: every node, and every std::vector/std::string inside it, is owned by one ast::Arena.
// Nodes point at each other with raw pointers; nothing is freed until the Arena is destroyed
// (ParseResult owns the Arena). Nullable children are nullptr when absent.
//
// DISPATCH: each family has a base struct with a `kind` enum (Expr/ExprKind, Stmt/StmtKind,
// Pattern/PatternKind); switch on kind and static_cast to the struct of the same name, or use
// e->as<ast::BinOp>() which asserts the kind in debug builds.
//
// POSITIONS: every Expr, Stmt, Pattern, arg, keyword, alias, ExceptHandler and match_case carries
// line/col/end_line/end_col like CPython's lineno/col_offset/end_lineno/end_col_offset: lines are
// 1-based, columns are 0-based BYTE offsets into the UTF-8 source line (equal to character
// columns for ASCII lines). SyntaxErrorInfo (parser.h) uses CPython's 1-based character offsets.
//
// DIFFERENCES FROM CPython's ast:
//  - AsyncFunctionDef/AsyncFor/AsyncWith are FunctionDef/For/With with is_async = true.
//  - The statement `Expr` is called ExprStmt (Expr is the expression base).
//  - Constant int values are kept as literal text in `str` ("0x1F", "1_000" -> underscores
//    removed, prefix kept: "0x1F", "0o17", "0b101", "123"); the compiler builds (big) ints from
//    it. float and imaginary values are in `num` (imaginary: the imag part, e.g. 2j -> 2.0).
//  - str constants hold UTF-8 text with escapes processed (lone surrogates from \ud800 are
//    encoded as 3-byte WTF-8 sequences); bytes constants hold raw bytes in `str`.
//  - BoolOp has is_and instead of an op object; BinOp reuses gp::BinOp (runtime/object.h).
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "runtime/object.h"

namespace gp::ast {

// ---- arena --------------------------------------------------------------------------------------
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (size_t i = dtors_.size(); i-- > 0;) dtors_[i].fn(dtors_[i].p);
  }

  template <class T, class... A>
  T* make(A&&... a) {
    void* mem = allocate(sizeof(T), alignof(T));
    T* p = new (mem) T(std::forward<A>(a)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      dtors_.push_back({p, [](void* q) { static_cast<T*>(q)->~T(); }});
    }
    return p;
  }

 private:
  void* allocate(size_t size, size_t align) {
    size_t pad = (align - (reinterpret_cast<uintptr_t>(cur_) & (align - 1))) & (align - 1);
    if (cur_ == nullptr || pad + size > left_) {
      size_t bs = size + align > kBlock ? size + align : kBlock;
      blocks_.emplace_back(new char[bs]);
      cur_ = blocks_.back().get();
      left_ = bs;
      pad = (align - (reinterpret_cast<uintptr_t>(cur_) & (align - 1))) & (align - 1);
    }
    char* p = cur_ + pad;
    cur_ = p + size;
    left_ -= pad + size;
    return p;
  }
  static constexpr size_t kBlock = 32 * 1024;
  struct Dtor {
    void* p;
    void (*fn)(void*);
  };
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<Dtor> dtors_;
  char* cur_ = nullptr;
  size_t left_ = 0;
};

struct Loc {
  int line = 0, col = 0, end_line = 0, end_col = 0;
};

enum class Ctx : uint8_t { Load, Store, Del };

// ---- expressions --------------------------------------------------------------------------------
enum class ExprKind : uint8_t {
  BoolOp,
  NamedExpr,
  BinOp,
  UnaryOp,
  Lambda,
  IfExp,
  Dict,
  Set,
  List,
  Tuple,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp,
  Await,
  Yield,
  YieldFrom,
  Compare,
  Call,
  FormattedValue,
  JoinedStr,
  Constant,
  Attribute,
  Subscript,
  Starred,
  Name,
  Slice,
};

struct Expr : Loc {
  explicit Expr(ExprKind k) : kind(k) {}
  ExprKind kind;
  template <class T>
  T* as() {
    assert(kind == T::kKind);
    return static_cast<T*>(this);
  }
  template <class T>
  const T* as() const {
    assert(kind == T::kKind);
    return static_cast<const T*>(this);
  }
};

template <ExprKind K>
struct ExprOf : Expr {
  static constexpr ExprKind kKind = K;
  ExprOf() : Expr(K) {}
};

struct BoolOp : ExprOf<ExprKind::BoolOp> {
  bool is_and = false;        // and / or
  std::vector<Expr*> values;  // >= 2
};
struct NamedExpr : ExprOf<ExprKind::NamedExpr> {
  Expr* target = nullptr;  // a Name (Store)
  Expr* value = nullptr;
};
struct BinOp : ExprOf<ExprKind::BinOp> {
  Expr* left = nullptr;
  gp::BinOp op = gp::BinOp::Add;
  Expr* right = nullptr;
};
enum class UnaryOpKind : uint8_t { Invert, Not, UAdd, USub };
struct UnaryOp : ExprOf<ExprKind::UnaryOp> {
  UnaryOpKind op = UnaryOpKind::Not;
  Expr* operand = nullptr;
};

struct arg : Loc {
  std::string name;
  Expr* annotation = nullptr;
};
struct arguments {
  std::vector<arg*> posonlyargs;
  std::vector<arg*> args;
  arg* vararg = nullptr;
  std::vector<arg*> kwonlyargs;
  std::vector<Expr*> kw_defaults;  // same length as kwonlyargs; nullptr = no default
  arg* kwarg = nullptr;
  std::vector<Expr*> defaults;  // defaults of the LAST len(defaults) of posonlyargs + args
};

struct Lambda : ExprOf<ExprKind::Lambda> {
  arguments* args = nullptr;  // never null
  Expr* body = nullptr;
};
struct IfExp : ExprOf<ExprKind::IfExp> {
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};
struct Dict : ExprOf<ExprKind::Dict> {
  std::vector<Expr*> keys;  // nullptr key = `**values[i]` unpacking
  std::vector<Expr*> values;
};
struct Set : ExprOf<ExprKind::Set> {
  std::vector<Expr*> elts;
};
struct List : ExprOf<ExprKind::List> {
  std::vector<Expr*> elts;
  Ctx ctx = Ctx::Load;
};
struct Tuple : ExprOf<ExprKind::Tuple> {
  std::vector<Expr*> elts;
  Ctx ctx = Ctx::Load;
};

struct comprehension {
  Expr* target = nullptr;  // Store context
  Expr* iter = nullptr;
  std::vector<Expr*> ifs;
  bool is_async = false;
};
struct ListComp : ExprOf<ExprKind::ListComp> {
  Expr* elt = nullptr;
  std::vector<comprehension*> generators;
};
struct SetComp : ExprOf<ExprKind::SetComp> {
  Expr* elt = nullptr;
  std::vector<comprehension*> generators;
};
struct DictComp : ExprOf<ExprKind::DictComp> {
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<comprehension*> generators;
};
struct GeneratorExp : ExprOf<ExprKind::GeneratorExp> {
  Expr* elt = nullptr;
  std::vector<comprehension*> generators;
};
struct Await : ExprOf<ExprKind::Await> {
  Expr* value = nullptr;
};
struct Yield : ExprOf<ExprKind::Yield> {
  Expr* value = nullptr;  // nullable
};
struct YieldFrom : ExprOf<ExprKind::YieldFrom> {
  Expr* value = nullptr;
};

enum class CmpOpKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
struct Compare : ExprOf<ExprKind::Compare> {
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  std::vector<Expr*> comparators;  // same length as ops
};

struct keyword : Loc {
  std::string name;  // empty = `**value`
  bool is_double_star() const { return name.empty(); }
  Expr* value = nullptr;
};
struct Call : ExprOf<ExprKind::Call> {
  Expr* func = nullptr;
  std::vector<Expr*> args;  // may contain Starred (`*x`)
  std::vector<keyword*> keywords;
};
struct FormattedValue : ExprOf<ExprKind::FormattedValue> {
  Expr* value = nullptr;
  int conversion = -1;          // -1 none, 's', 'r', 'a'
  Expr* format_spec = nullptr;  // nullable JoinedStr
};
struct JoinedStr : ExprOf<ExprKind::JoinedStr> {
  std::vector<Expr*> values;  // Constant(str) and FormattedValue
};

enum class ConstKind : uint8_t { None, True, False, Ellipsis, Int, Float, Imag, Str, Bytes };
struct Constant : ExprOf<ExprKind::Constant> {
  ConstKind ckind = ConstKind::None;
  std::string str;        // Int: literal text without underscores; Str: UTF-8; Bytes: raw bytes
  double num = 0;         // Float value / Imag imaginary part
  bool u_prefix = false;  // a str literal written u'...' (CPython's kind='u')
};
struct Attribute : ExprOf<ExprKind::Attribute> {
  Expr* value = nullptr;
  std::string attr;
  Ctx ctx = Ctx::Load;
};
struct Subscript : ExprOf<ExprKind::Subscript> {
  Expr* value = nullptr;
  Expr* slice = nullptr;  // an expression, a Slice, or a Tuple containing Slices
  Ctx ctx = Ctx::Load;
};
struct Starred : ExprOf<ExprKind::Starred> {
  Expr* value = nullptr;
  Ctx ctx = Ctx::Load;
};
struct Name : ExprOf<ExprKind::Name> {
  std::string id;
  Ctx ctx = Ctx::Load;
};
struct Slice : ExprOf<ExprKind::Slice> {
  Expr* lower = nullptr;  // all nullable
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---- patterns (match statement) -----------------------------------------------------------------
enum class PatternKind : uint8_t {
  MatchValue,
  MatchSingleton,
  MatchSequence,
  MatchMapping,
  MatchClass,
  MatchStar,
  MatchAs,
  MatchOr,
};
struct Pattern : Loc {
  explicit Pattern(PatternKind k) : kind(k) {}
  PatternKind kind;
  template <class T>
  T* as() {
    assert(kind == T::kKind);
    return static_cast<T*>(this);
  }
};
template <PatternKind K>
struct PatternOf : Pattern {
  static constexpr PatternKind kKind = K;
  PatternOf() : Pattern(K) {}
};
struct MatchValue : PatternOf<PatternKind::MatchValue> {
  Expr* value = nullptr;
};
struct MatchSingleton : PatternOf<PatternKind::MatchSingleton> {
  ConstKind value = ConstKind::None;  // None, True or False
};
struct MatchSequence : PatternOf<PatternKind::MatchSequence> {
  std::vector<Pattern*> patterns;
};
struct MatchMapping : PatternOf<PatternKind::MatchMapping> {
  std::vector<Expr*> keys;
  std::vector<Pattern*> patterns;
  std::string rest;  // empty = none
};
struct MatchClass : PatternOf<PatternKind::MatchClass> {
  Expr* cls = nullptr;
  std::vector<Pattern*> patterns;
  std::vector<std::string> kwd_attrs;
  std::vector<Pattern*> kwd_patterns;
};
struct MatchStar : PatternOf<PatternKind::MatchStar> {
  std::string name;  // empty = `*_`
};
struct MatchAs : PatternOf<PatternKind::MatchAs> {
  Pattern* pattern = nullptr;  // nullable
  std::string name;            // empty = `_` wildcard
};
struct MatchOr : PatternOf<PatternKind::MatchOr> {
  std::vector<Pattern*> patterns;
};

// ---- statements ---------------------------------------------------------------------------------
enum class StmtKind : uint8_t {
  FunctionDef,  // also async def (is_async)
  ClassDef,
  Return,
  Delete,
  Assign,
  AugAssign,
  AnnAssign,
  For,  // also async for
  While,
  If,
  With,  // also async with
  Match,
  Raise,
  Try,
  Assert,
  Import,
  ImportFrom,
  Global,
  Nonlocal,
  Expr,
  Pass,
  Break,
  Continue,
};

struct Stmt : Loc {
  explicit Stmt(StmtKind k) : kind(k) {}
  StmtKind kind;
  template <class T>
  T* as() {
    assert(kind == T::kKind);
    return static_cast<T*>(this);
  }
  template <class T>
  const T* as() const {
    assert(kind == T::kKind);
    return static_cast<const T*>(this);
  }
};
template <StmtKind K>
struct StmtOf : Stmt {
  static constexpr StmtKind kKind = K;
  StmtOf() : Stmt(K) {}
};

struct FunctionDef : StmtOf<StmtKind::FunctionDef> {
  bool is_async = false;
  std::string name;
  arguments* args = nullptr;  // never null
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
  Expr* returns = nullptr;  // nullable
};
struct ClassDef : StmtOf<StmtKind::ClassDef> {
  std::string name;
  std::vector<Expr*> bases;
  std::vector<keyword*> keywords;
  std::vector<Stmt*> body;
  std::vector<Expr*> decorator_list;
};
struct Return : StmtOf<StmtKind::Return> {
  Expr* value = nullptr;  // nullable
};
struct Delete : StmtOf<StmtKind::Delete> {
  std::vector<Expr*> targets;  // Del context
};
struct Assign : StmtOf<StmtKind::Assign> {
  std::vector<Expr*> targets;  // a = b = value: [a, b]
  Expr* value = nullptr;
};
struct AugAssign : StmtOf<StmtKind::AugAssign> {
  Expr* target = nullptr;  // Name/Attribute/Subscript, Store
  gp::BinOp op = gp::BinOp::Add;
  Expr* value = nullptr;
};
struct AnnAssign : StmtOf<StmtKind::AnnAssign> {
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;  // nullable
  bool simple = false;    // target is a plain Name not in parentheses
};
struct For : StmtOf<StmtKind::For> {
  bool is_async = false;
  Expr* target = nullptr;
  Expr* iter = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};
struct While : StmtOf<StmtKind::While> {
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;
};
struct If : StmtOf<StmtKind::If> {
  Expr* test = nullptr;
  std::vector<Stmt*> body;
  std::vector<Stmt*> orelse;  // elif = a single nested If
};
struct withitem {
  Expr* context_expr = nullptr;
  Expr* optional_vars = nullptr;  // nullable, Store context
};
struct With : StmtOf<StmtKind::With> {
  bool is_async = false;
  std::vector<withitem*> items;
  std::vector<Stmt*> body;
};
struct match_case : Loc {
  Pattern* pattern = nullptr;
  Expr* guard = nullptr;  // nullable
  std::vector<Stmt*> body;
};
struct Match : StmtOf<StmtKind::Match> {
  Expr* subject = nullptr;
  std::vector<match_case*> cases;
};
struct Raise : StmtOf<StmtKind::Raise> {
  Expr* exc = nullptr;    // nullable (bare raise)
  Expr* cause = nullptr;  // nullable
};
struct ExceptHandler : Loc {
  Expr* type = nullptr;  // nullable (bare except)
  std::string name;      // empty = no `as`
  std::vector<Stmt*> body;
};
struct Try : StmtOf<StmtKind::Try> {
  bool is_star = false;  // try/except* (3.11 TryStar)
  std::vector<Stmt*> body;
  std::vector<ExceptHandler*> handlers;
  std::vector<Stmt*> orelse;
  std::vector<Stmt*> finalbody;
};
struct Assert : StmtOf<StmtKind::Assert> {
  Expr* test = nullptr;
  Expr* msg = nullptr;  // nullable
};
struct alias : Loc {
  std::string name;    // dotted for `import a.b`; "*" for `from m import *`
  std::string asname;  // empty = none
};
struct Import : StmtOf<StmtKind::Import> {
  std::vector<alias*> names;
};
struct ImportFrom : StmtOf<StmtKind::ImportFrom> {
  std::string module;  // empty for `from . import x`
  std::vector<alias*> names;
  int level = 0;
};
struct Global : StmtOf<StmtKind::Global> {
  std::vector<std::string> names;
};
struct Nonlocal : StmtOf<StmtKind::Nonlocal> {
  std::vector<std::string> names;
};
struct ExprStmt : StmtOf<StmtKind::Expr> {
  Expr* value = nullptr;
};
struct Pass : StmtOf<StmtKind::Pass> {};
struct Break : StmtOf<StmtKind::Break> {};
struct Continue : StmtOf<StmtKind::Continue> {};

// ---- roots --------------------------------------------------------------------------------------
enum class ModKind : uint8_t { Module, Expression, Interactive };
struct Mod {
  ModKind kind = ModKind::Module;
  std::vector<Stmt*> body;  // Module / Interactive
  Expr* expr = nullptr;     // Expression (eval mode)
};

// Debug/test helper (interp/ast.cpp): renders a tree like CPython's ast.dump(node) without
// attributes, e.g. "Module(body=[Expr(value=BinOp(left=Constant(value=1), op=Add(), ...))],
// type_ignores=[])". Int constants are shown as decimal when they fit in 64 bits.
// include_attributes: also lineno/col_offset/end_lineno/end_col_offset of every expr, stmt,
// pattern, arg, keyword, alias and excepthandler, as ast.dump(tree, include_attributes=True).
std::string dump(const Mod* m, bool include_attributes = false);
std::string dump(const Expr* e, bool include_attributes = false);
std::string dump(const Stmt* s, bool include_attributes = false);

}  // namespace gp::ast
