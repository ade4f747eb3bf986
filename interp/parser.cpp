// Recursive-descent parser for the Python 3.11 grammar (docs.python.org/3.11/reference/grammar),
// producing interp/ast.h trees and CPython-compatible SyntaxError messages and positions.
//
// Errors are reported by throwing ParseFail inside this file only; the parse_* entry points
// catch it. The generic "invalid syntax" error is placed at the furthest token the parser looked
// at, like CPython's PEG parser; lexical errors win when the parser touches the error token, and
// "hard" lexical errors later in the file override parser errors (CPython tokenises the rest of
// the input before reporting).
#include "interp/parser.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "interp/lexer.h"

namespace gp {

namespace {

using namespace ast;

struct ParseFail {
  SyntaxErrorInfo info;
  bool from_lexer = false;
};

const char* expr_name(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute:
      return "attribute";
    case ExprKind::Subscript:
      return "subscript";
    case ExprKind::Starred:
      return "starred";
    case ExprKind::Name:
      return "name";
    case ExprKind::List:
      return "list";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::Call:
      return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
      return "expression";
    case ExprKind::GeneratorExp:
      return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return "yield expression";
    case ExprKind::Await:
      return "await expression";
    case ExprKind::ListComp:
      return "list comprehension";
    case ExprKind::SetComp:
      return "set comprehension";
    case ExprKind::DictComp:
      return "dict comprehension";
    case ExprKind::Dict:
      return "dict literal";
    case ExprKind::Set:
      return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return "f-string expression";
    case ExprKind::Constant: {
      auto* c = static_cast<const Constant*>(e);
      if (c->ckind == ConstKind::None) return "None";
      if (c->ckind == ConstKind::True) return "True";
      if (c->ckind == ConstKind::False) return "False";
      if (c->ckind == ConstKind::Ellipsis) return "ellipsis";
      return "literal";
    }
    case ExprKind::Compare:
      return "comparison";
    case ExprKind::IfExp:
      return "conditional expression";
    case ExprKind::NamedExpr:
      return "named expression";
    case ExprKind::Slice:
      return "slice";
  }
  return "expression";
}

enum class TargetsType { Star, Del, For };

// The first sub-expression that cannot be a target (CPython's _PyPegen_get_invalid_target).
const Expr* invalid_target(const Expr* e, TargetsType tt) {
  switch (e->kind) {
    case ExprKind::List:
      for (const Expr* x : static_cast<const List*>(e)->elts)
        if (const Expr* r = invalid_target(x, tt)) return r;
      return nullptr;
    case ExprKind::Tuple:
      for (const Expr* x : static_cast<const Tuple*>(e)->elts)
        if (const Expr* r = invalid_target(x, tt)) return r;
      return nullptr;
    case ExprKind::Starred:
      if (tt == TargetsType::Del) return e;
      return invalid_target(static_cast<const Starred*>(e)->value, tt);
    case ExprKind::Compare:
      if (tt == TargetsType::For) {
        auto* c = static_cast<const Compare*>(e);
        if (c->ops[0] == CmpOpKind::In) return invalid_target(c->left, tt);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void set_ctx(Expr* e, Ctx ctx) {
  switch (e->kind) {
    case ExprKind::Name:
      static_cast<Name*>(e)->ctx = ctx;
      break;
    case ExprKind::Attribute:
      static_cast<Attribute*>(e)->ctx = ctx;
      break;
    case ExprKind::Subscript:
      static_cast<Subscript*>(e)->ctx = ctx;
      break;
    case ExprKind::Starred:
      static_cast<Starred*>(e)->ctx = ctx;
      set_ctx(static_cast<Starred*>(e)->value, ctx);
      break;
    case ExprKind::List:
      static_cast<List*>(e)->ctx = ctx;
      for (Expr* x : static_cast<List*>(e)->elts) set_ctx(x, ctx);
      break;
    case ExprKind::Tuple:
      static_cast<Tuple*>(e)->ctx = ctx;
      for (Expr* x : static_cast<Tuple*>(e)->elts) set_ctx(x, ctx);
      break;
    default:
      break;
  }
}

bool is_legacy_name(std::string_view s) { return s == "print" || s == "exec"; }

class Parser {
 public:
  Parser(Lexer& lx, Arena& arena, std::string_view filename)
      : lx_(lx), toks_(lx.mutable_tokens()), a_(arena), filename_(filename) {}

  // For f-string replacement fields: node positions are shifted by (line_off, col_off).
  void set_offsets(int line_off, int col_off) {
    line_off_ = line_off;
    col_off_ = col_off;
  }
  void set_fstring_mode() { fstring_ = true; }

  Mod* file_input();
  Mod* eval_input();
  Mod* single_input();
  Expr* fstring_input();  // "(" star_expressions ")" for an f-string replacement field

  // Builds the error for a parser failure, applying the lexer-override rules.
  SyntaxErrorInfo finish_error(const ParseFail& f);

 private:
  // ---- tokens ----
  const Token& peek(size_t k = 0) {
    size_t idx = i_ + k;
    if (idx >= toks_.size()) idx = toks_.size() - 1;
    if (idx > furthest_) furthest_ = idx;
    const Token& t = toks_[idx];
    if (t.kind == Tok::Error) lexer_error();
    return t;
  }
  Tok kind(size_t k = 0) { return peek(k).kind; }
  bool at(Tok t) { return kind() == t; }
  const Token& next() {
    const Token& t = peek();
    if (i_ < toks_.size() - 1) ++i_;
    return t;
  }
  bool eat(Tok t) {
    if (kind() == t) {
      next();
      return true;
    }
    return false;
  }
  const Token& expect(Tok t) {
    if (kind() != t) syntax_error();
    return next();
  }
  // &&':' in the grammar: "expected ':'" at the current token.
  const Token& expect_forced(Tok t) {
    if (kind() != t) {
      const Token& c = peek();
      std::string msg = std::string("expected '") + tok_name(t) + "'";
      fail_tokens(c, c, msg, false);
    }
    return next();
  }
  const Token& prev() const { return toks_[i_ > 0 ? i_ - 1 : 0]; }
  size_t index_of(const Token& t) const { return static_cast<size_t>(&t - toks_.data()); }
  // Whether toks_[open] is a '(' whose matching ')' is toks_[close].
  bool matching_parens(size_t open, size_t close) const {
    if (toks_[open].kind != Tok::LPar) return false;
    int depth = 0;
    for (size_t k = open; k <= close && k < toks_.size(); ++k) {
      Tok kk = toks_[k].kind;
      if (kk == Tok::LPar || kk == Tok::LSqb || kk == Tok::LBrace) ++depth;
      if (kk == Tok::RPar || kk == Tok::RSqb || kk == Tok::RBrace) {
        if (--depth == 0) return k == close;
      }
    }
    return false;
  }
  std::string_view text(const Token& t) const { return lx_.text(t); }
  bool at_name(const char* s) { return kind() == Tok::Name && text(peek()) == s; }

  // ---- nodes ----
  template <class T>
  T* node(const Token& start) {
    T* n = a_.make<T>();
    n->line = start.line + line_off_;
    n->col = start.line == 1 ? start.col + col_off_ : start.col;
    return n;
  }
  template <class T>
  T* node_at(const Loc& start) {
    T* n = a_.make<T>();
    n->line = start.line;
    n->col = start.col;
    return n;
  }
  template <class T>
  T* done(T* n) {
    const Token& e = prev();
    n->end_line = e.end_line + line_off_;
    n->end_col = e.end_line == 1 ? e.end_col + col_off_ : e.end_col;
    return n;
  }
  template <class T>
  T* done_at(T* n, const Loc& end) {
    n->end_line = end.end_line;
    n->end_col = end.end_col;
    return n;
  }

  // ---- errors ----
  [[noreturn]] void lexer_error() {
    ParseFail f;
    f.info = lx_.error();
    f.from_lexer = true;
    throw f;
  }
  // Error spanning tokens a..b (offsets are CPython's col+1 / end_col+1).
  [[noreturn]] void fail_tokens(const Token& a, const Token& b, const std::string& msg,
                                bool indentation) {
    ParseFail f;
    f.info.type = indentation ? "IndentationError" : "SyntaxError";
    f.info.msg = msg;
    f.info.lineno = a.line;
    f.info.offset = lx_.char_offset(a.line, a.col);
    f.info.end_lineno = b.end_line;
    f.info.end_offset = lx_.char_offset(b.end_line, b.end_col);
    if (b.kind == Tok::EndMarker || b.kind == Tok::Dedent) f.info.end_offset = 0;
    f.info.text = std::string(lx_.line_text(a.line)) + "\n";
    throw f;
  }
  int unshift_line(int l) const { return l - line_off_; }
  int unshift_col(int l, int c) const { return l - line_off_ == 1 ? c - col_off_ : c; }
  [[noreturn]] void fail_nodes(const Loc& a, const Loc& b, const std::string& msg) {
    ParseFail f;
    f.info.msg = msg;
    int l = unshift_line(a.line), el = unshift_line(b.end_line);
    f.info.lineno = l;
    f.info.offset = lx_.char_offset(l, unshift_col(a.line, a.col));
    f.info.end_lineno = el;
    f.info.end_offset = lx_.char_offset(el, unshift_col(b.end_line, b.end_col));
    f.info.text = std::string(lx_.line_text(l)) + "\n";
    throw f;
  }
  [[noreturn]] void fail_node(const Loc& a, const std::string& msg) { fail_nodes(a, a, msg); }
  // Generic "invalid syntax" at the furthest token examined.
  [[noreturn]] void syntax_error() {
    const Token& t = toks_[furthest_];
    if (t.kind == Tok::Indent) {
      ParseFail f;
      f.info.type = "IndentationError";
      f.info.msg = "unexpected indent";
      f.info.lineno = t.line;
      f.info.offset = lx_.char_offset(t.line, t.end_col) - 1;
      f.info.end_lineno = t.line;
      f.info.end_offset = 0;
      f.info.text = std::string(lx_.line_text(t.line)) + "\n";
      throw f;
    }
    if (t.kind == Tok::Dedent) {
      ParseFail f;
      f.info.type = "IndentationError";
      f.info.msg = "unexpected unindent";
      f.info.lineno = t.line;
      f.info.offset = lx_.char_offset(t.line, t.col);
      f.info.end_lineno = t.line;
      f.info.end_offset = 0;
      f.info.text = std::string(lx_.line_text(t.line)) + "\n";
      throw f;
    }
    fail_tokens(t, t, "invalid syntax", false);
  }
  // A SyntaxError without a known location: CPython puts it at the last token read.
  [[noreturn]] void fail_here(const std::string& msg) {
    const Token& t = toks_[furthest_];
    fail_tokens(t, t, msg, false);
  }

  // ---- statements ----
  void statements(std::vector<Stmt*>& out);  // until DEDENT / ENDMARKER
  void statement(std::vector<Stmt*>& out);
  void simple_stmts(std::vector<Stmt*>& out);
  Stmt* simple_stmt();
  Stmt* expr_or_assign_stmt();
  Stmt* compound_stmt();
  void block(std::vector<Stmt*>& out, const char* what, int header_line);
  Stmt* if_stmt(bool elif);
  Stmt* while_stmt();
  Stmt* for_stmt(const Token* async_tok);
  Stmt* with_stmt(const Token* async_tok);
  Stmt* try_stmt();
  Stmt* funcdef(std::vector<Expr*> decorators, const Token* async_tok, const Token& start);
  Stmt* classdef(std::vector<Expr*> decorators, const Token& start);
  Stmt* decorated();
  Stmt* import_stmt();
  Stmt* from_stmt();
  Stmt* match_stmt();
  std::string dotted_name();
  arguments* params(bool lambda, Tok closer);

  // ---- patterns ----
  Pattern* patterns();
  Pattern* pattern();
  Pattern* or_pattern();
  Pattern* closed_pattern();
  Expr* pattern_value_expr();

  // ---- expressions ----
  Expr* star_expressions();
  Expr* star_expression();
  Expr* star_named_expression();
  // in_call: an argument, where `expr := value` is plain invalid syntax (no '=' hints either)
  Expr* named_expression(bool in_call = false);
  Expr* expression();
  Expr* disjunction();
  Expr* conjunction();
  Expr* inversion();
  Expr* comparison();
  Expr* bitwise_or();
  Expr* bitwise_xor();
  Expr* bitwise_and();
  Expr* shift_expr();
  Expr* sum();
  Expr* term();
  Expr* factor();
  Expr* power();
  Expr* await_primary();
  Expr* primary();
  Expr* atom();
  Expr* lambdef();
  Expr* yield_expr();
  Expr* slices();
  Expr* slice_item();
  Expr* strings();
  Expr* paren_atom();
  Expr* list_atom();
  Expr* brace_atom();
  void call_args(Call* call);
  void comprehension_clauses(std::vector<comprehension*>& gens);
  Expr* star_targets_for();  // for-loop / comprehension target list (stops at 'in')
  Expr* target_atom_level();
  void check_targets(Expr* e, TargetsType tt);
  bool starts_expression(Tok k);
  void maybe_missing_comma(Expr* a);
  void check_eq_instead(Expr* e);
  void place_fstring_parts(JoinedStr* j, const Loc& whole, bool spec = false);
  Expr* fstring(const Token& tok, std::string_view body, const StringPrefix& pf,
                std::vector<Expr*>& parts, std::string& pending);
  void fstring_parse(const Token& tok, std::string_view s, size_t& i, bool raw, int level,
                     std::vector<Expr*>& parts, std::string& pending);
  [[noreturn]] void fstring_error(const Token& tok, const std::string& msg);
  Expr* fstring_expr(const Token& tok, std::string_view s, size_t start, size_t end);

  Lexer& lx_;
  std::vector<Token>& toks_;
  Arena& a_;
  std::string_view filename_;
  size_t i_ = 0;
  size_t furthest_ = 0;
  int line_off_ = 0, col_off_ = 0;
  bool fstring_ = false;

 public:
  // ---- nesting guard ----
  // The recursive rules (expression, factor, inversion) count their depth and check the C++
  // stack: past kMaxNesting levels, or below stack_limit_, the parse fails with MemoryError as
  // CPython's parser does past its MAXSTACK ("-" * 100000 + "1", lambda: lambda: ...).
  static constexpr int kMaxNesting = 4000;
  uintptr_t stack_limit_ = 0;
  int depth_ = 0;
  struct Nest {
    Parser* p;
    explicit Nest(Parser* parser) : p(parser) {
      char probe;
      if (++p->depth_ > kMaxNesting || reinterpret_cast<uintptr_t>(&probe) < p->stack_limit_) {
        --p->depth_;
        ParseFail f;
        f.info.type = "MemoryError";
        f.from_lexer = true;  // final: not replaced by a later error nor retried by the callers
        throw f;
      }
    }
    ~Nest() { --p->depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };
};

// ================================ statements
// ======================================================

Mod* Parser::file_input() {
  Mod* m = a_.make<Mod>();
  m->kind = ModKind::Module;
  while (!at(Tok::EndMarker)) {
    if (eat(Tok::Newline)) continue;
    statement(m->body);
  }
  return m;
}

Mod* Parser::eval_input() {
  Mod* m = a_.make<Mod>();
  m->kind = ModKind::Expression;
  while (eat(Tok::Newline)) {
  }
  m->expr = star_expressions();
  while (eat(Tok::Newline)) {
  }
  if (!at(Tok::EndMarker)) syntax_error();
  return m;
}

Mod* Parser::single_input() {
  Mod* m = a_.make<Mod>();
  m->kind = ModKind::Interactive;
  while (eat(Tok::Newline)) {
  }
  if (at(Tok::EndMarker)) return m;
  statement(m->body);
  while (eat(Tok::Newline)) {
  }
  if (!at(Tok::EndMarker)) {
    fail_here("multiple statements found while compiling a single statement");
  }
  return m;
}

Expr* Parser::fstring_input() {
  Expr* e = star_expressions();
  if (!at(Tok::Newline) && !at(Tok::EndMarker)) syntax_error();
  return e;
}

void Parser::statements(std::vector<Stmt*>& out) {
  while (!at(Tok::Dedent) && !at(Tok::EndMarker)) statement(out);
}

void Parser::statement(std::vector<Stmt*>& out) {
  if (Stmt* s = compound_stmt()) {
    out.push_back(s);
    return;
  }
  simple_stmts(out);
}

void Parser::simple_stmts(std::vector<Stmt*>& out) {
  while (true) {
    out.push_back(simple_stmt());
    if (eat(Tok::Semi)) {
      if (at(Tok::Newline)) break;
      continue;
    }
    break;
  }
  if (!at(Tok::Newline)) {
    if (at(Tok::EndMarker)) return;
    syntax_error();
  }
  next();
}

Stmt* Parser::simple_stmt() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::KwPass:
      next();
      return done(node<Pass>(t));
    case Tok::KwBreak:
      next();
      return done(node<Break>(t));
    case Tok::KwContinue:
      next();
      return done(node<Continue>(t));
    case Tok::KwReturn: {
      next();
      auto* r = node<Return>(t);
      if (!at(Tok::Newline) && !at(Tok::Semi) && !at(Tok::EndMarker)) r->value = star_expressions();
      return done(r);
    }
    case Tok::KwRaise: {
      next();
      auto* r = node<Raise>(t);
      if (!at(Tok::Newline) && !at(Tok::Semi) && !at(Tok::EndMarker)) {
        r->exc = expression();
        if (eat(Tok::KwFrom)) r->cause = expression();
      }
      return done(r);
    }
    case Tok::KwGlobal:
    case Tok::KwNonlocal: {
      next();
      std::vector<std::string> names;
      do {
        names.emplace_back(text(expect(Tok::Name)));
      } while (eat(Tok::Comma));
      if (t.kind == Tok::KwGlobal) {
        auto* g = node<Global>(t);
        g->names = std::move(names);
        return done(g);
      }
      auto* g = node<Nonlocal>(t);
      g->names = std::move(names);
      return done(g);
    }
    case Tok::KwDel: {
      next();
      auto* d = node<Delete>(t);
      while (true) {
        Expr* e = target_atom_level();
        d->targets.push_back(e);
        if (!eat(Tok::Comma)) break;
        if (at(Tok::Newline) || at(Tok::Semi) || at(Tok::EndMarker)) break;
      }
      if (!at(Tok::Newline) && !at(Tok::Semi) && !at(Tok::EndMarker)) {
        // "del a + b": report the invalid target like CPython's invalid_del_stmt
        size_t save = i_;
        i_ = save;
        const Token& start = toks_[0];
        (void)start;
        // re-parse as expressions to find what was meant
        i_ = static_cast<size_t>(&t - toks_.data()) + 1;
        Expr* e = star_expressions();
        if (const Expr* bad = invalid_target(e, TargetsType::Del)) {
          fail_node(*bad, std::string("cannot delete ") + expr_name(bad));
        }
        syntax_error();
      }
      for (Expr* e : d->targets) {
        if (const Expr* bad = invalid_target(e, TargetsType::Del)) {
          fail_node(*bad, std::string("cannot delete ") + expr_name(bad));
        }
        set_ctx(e, Ctx::Del);
      }
      return done(d);
    }
    case Tok::KwAssert: {
      next();
      auto* a = node<Assert>(t);
      a->test = expression();
      if (eat(Tok::Comma)) a->msg = expression();
      return done(a);
    }
    case Tok::KwImport:
      return import_stmt();
    case Tok::KwFrom:
      return from_stmt();
    default:
      return expr_or_assign_stmt();
  }
}

Stmt* Parser::import_stmt() {
  const Token& t = next();
  auto* s = node<Import>(t);
  do {
    const Token& st = peek();
    auto* al = node<alias>(st);
    al->name = dotted_name();
    if (eat(Tok::KwAs)) al->asname = std::string(text(expect(Tok::Name)));
    s->names.push_back(done(al));
  } while (eat(Tok::Comma));
  return done(s);
}

std::string Parser::dotted_name() {
  std::string name(text(expect(Tok::Name)));
  while (at(Tok::Dot)) {
    next();
    name += '.';
    name += text(expect(Tok::Name));
  }
  return name;
}

Stmt* Parser::from_stmt() {
  const Token& t = next();
  auto* s = node<ImportFrom>(t);
  while (at(Tok::Dot) || at(Tok::Ellipsis)) {
    s->level += at(Tok::Dot) ? 1 : 3;
    next();
  }
  if (!at(Tok::KwImport)) s->module = dotted_name();
  expect(Tok::KwImport);
  if (at(Tok::Star)) {
    const Token& st = next();
    auto* al = node<alias>(st);
    al->name = "*";
    s->names.push_back(done(al));
    return done(s);
  }
  bool paren = eat(Tok::LPar);
  while (true) {
    const Token& st = peek();
    if (st.kind != Tok::Name) syntax_error();
    next();
    auto* al = node<alias>(st);
    al->name = std::string(text(st));
    if (eat(Tok::KwAs)) al->asname = std::string(text(expect(Tok::Name)));
    s->names.push_back(done(al));
    if (!at(Tok::Comma)) break;
    const Token& comma = next();
    if (paren && at(Tok::RPar)) break;
    if (!paren && (at(Tok::Newline) || at(Tok::EndMarker) || at(Tok::Semi))) {
      (void)comma;
      fail_here("trailing comma not allowed without surrounding parentheses");
    }
  }
  if (paren) expect(Tok::RPar);
  return done(s);
}

static bool is_augassign(Tok k, gp::BinOp& op) {
  switch (k) {
    case Tok::PlusEqual:
      op = gp::BinOp::Add;
      return true;
    case Tok::MinEqual:
      op = gp::BinOp::Sub;
      return true;
    case Tok::StarEqual:
      op = gp::BinOp::Mul;
      return true;
    case Tok::AtEqual:
      op = gp::BinOp::MatMul;
      return true;
    case Tok::SlashEqual:
      op = gp::BinOp::TrueDiv;
      return true;
    case Tok::PercentEqual:
      op = gp::BinOp::Mod;
      return true;
    case Tok::AmperEqual:
      op = gp::BinOp::And;
      return true;
    case Tok::VBarEqual:
      op = gp::BinOp::Or;
      return true;
    case Tok::CircumflexEqual:
      op = gp::BinOp::Xor;
      return true;
    case Tok::LeftShiftEqual:
      op = gp::BinOp::LShift;
      return true;
    case Tok::RightShiftEqual:
      op = gp::BinOp::RShift;
      return true;
    case Tok::DoubleStarEqual:
      op = gp::BinOp::Pow;
      return true;
    case Tok::DoubleSlashEqual:
      op = gp::BinOp::FloorDiv;
      return true;
    default:
      return false;
  }
}

bool Parser::starts_expression(Tok k) {
  switch (k) {
    case Tok::Name:
    case Tok::Number:
    case Tok::String:
    case Tok::LPar:
    case Tok::LSqb:
    case Tok::LBrace:
    case Tok::Minus:
    case Tok::Plus:
    case Tok::Tilde:
    case Tok::KwNot:
    case Tok::KwLambda:
    case Tok::KwAwait:
    case Tok::KwNone:
    case Tok::KwTrue:
    case Tok::KwFalse:
    case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

// CPython's invalid_named_expression alternatives for `expr = value` where '=' makes no sense.
void Parser::check_eq_instead(Expr* e) {
  if (!at(Tok::Equal)) return;
  bool name = e->kind == ExprKind::Name;
  bool orlevel = true;
  switch (e->kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
    case ExprKind::List:
    case ExprKind::Tuple:
    case ExprKind::GeneratorExp:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
    case ExprKind::Starred:
      orlevel = false;
      break;
    case ExprKind::UnaryOp:
      orlevel = static_cast<UnaryOp*>(e)->op != UnaryOpKind::Not;
      break;
    case ExprKind::Constant: {
      ConstKind k = static_cast<Constant*>(e)->ckind;
      if (k == ConstKind::True || k == ConstKind::False || k == ConstKind::None) orlevel = false;
      break;
    }
    default:
      break;
  }
  if (!orlevel) return;
  size_t save = i_;
  next();  // '='
  Expr* b = nullptr;
  try {
    if (starts_expression(kind())) b = bitwise_or();
  } catch (ParseFail&) {
    b = nullptr;
  }
  bool ok = b && !at(Tok::Equal) && !at(Tok::ColonEqual);
  i_ = save;
  if (!ok) return;
  if (name) fail_nodes(*e, *b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  fail_node(*e, std::string("cannot assign to ") + expr_name(e) +
                    " here. Maybe you meant '==' instead of '='?");
}

Stmt* Parser::expr_or_assign_stmt() {
  const Token& t = peek();
  // legacy print / exec statements
  if (t.kind == Tok::Name && is_legacy_name(text(t))) {
    Tok k = kind(1);
    if (k != Tok::LPar && k != Tok::Newline && k != Tok::EndMarker && k != Tok::Semi &&
        k != Tok::Equal && k != Tok::Dot && k != Tok::LSqb && k != Tok::Comma && k != Tok::Colon &&
        starts_expression(k)) {
      size_t save = i_;
      next();
      Expr* b = nullptr;
      try {
        b = star_expressions();
      } catch (ParseFail&) {
        b = nullptr;
      }
      if (b) {
        std::string n(text(t));
        Name tmp;
        tmp.line = t.line + line_off_;
        tmp.col = t.col;
        fail_nodes(tmp, *b,
                   "Missing parentheses in call to '" + n + "'. Did you mean " + n + "(...)?");
      }
      i_ = save;
    }
  }
  Expr* first;
  if (at(Tok::KwYield)) {
    first = yield_expr();
  } else {
    first = star_expressions();
  }
  // `target := value` as a statement: CPython's invalid_named_expression names the target,
  // except a bare name or an unparenthesised tuple / starred item (generic invalid syntax)
  if (at(Tok::ColonEqual)) {
    bool bare = index_of(t) + 1 == i_ && first->kind == ExprKind::Name;
    bool parens = matching_parens(index_of(t), i_ - 1);
    if (bare || (!parens && (first->kind == ExprKind::Tuple || first->kind == ExprKind::Starred))) {
      syntax_error();
    }
    fail_node(*first, std::string("cannot use assignment expressions with ") + expr_name(first));
  }
  // annotated assignment
  if (at(Tok::Colon)) {
    next();
    auto* s = node<AnnAssign>(t);
    if (first->kind == ExprKind::Tuple) {
      // a parenthesised tuple is reported whole, `a, b: int` at its first element
      bool whole = matching_parens(index_of(t), i_ - 2);
      fail_node(whole ? *first : *static_cast<Tuple*>(first)->elts[0],
                "only single target (not tuple) can be annotated");
    }
    if (first->kind == ExprKind::List) {
      fail_node(*first, "only single target (not list) can be annotated");
    }
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      fail_node(*first, "illegal target for annotation");
    }
    s->simple = first->kind == ExprKind::Name &&
                first->col == t.col + (t.line == 1 ? col_off_ : 0) && t.kind == Tok::Name;
    set_ctx(first, Ctx::Store);
    s->target = first;
    s->annotation = expression();
    if (eat(Tok::Equal)) {
      s->value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    }
    return done(s);
  }
  gp::BinOp op;
  if (is_augassign(kind(), op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
        first->kind != ExprKind::Subscript) {
      fail_node(*first, std::string("'") + expr_name(first) +
                            "' is an illegal expression for augmented assignment");
    }
    next();
    auto* s = node<AugAssign>(t);
    set_ctx(first, Ctx::Store);
    s->target = first;
    s->op = op;
    s->value = at(Tok::KwYield) ? yield_expr() : star_expressions();
    return done(s);
  }
  if (at(Tok::Equal)) {
    // first target: the "Maybe you meant '=='" variant when it is the only '='
    if (invalid_target(first, TargetsType::Star)) check_eq_instead(first);
    auto* s = node<Assign>(t);
    std::vector<Expr*> items{first};
    while (eat(Tok::Equal)) {
      Expr* v = at(Tok::KwYield) ? yield_expr() : star_expressions();
      items.push_back(v);
    }
    for (size_t k = 0; k + 1 < items.size(); ++k) {
      Expr* tg = items[k];
      if (tg->kind == ExprKind::Yield || tg->kind == ExprKind::YieldFrom) {
        fail_node(*tg, "assignment to yield expression not possible");
      }
      if (const Expr* bad = invalid_target(tg, TargetsType::Star)) {
        fail_node(*bad, std::string("cannot assign to ") + expr_name(bad));
      }
      set_ctx(tg, Ctx::Store);
      s->targets.push_back(tg);
    }
    s->value = items.back();
    return done(s);
  }
  if (first->kind == ExprKind::Starred && !fstring_) {
    // "*a" alone as a statement: CPython reports "can't use starred expression here" (compiler)
  }
  auto* s = node<ExprStmt>(t);
  s->value = first;
  return done(s);
}

Stmt* Parser::compound_stmt() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::KwIf:
      return if_stmt(false);
    case Tok::KwWhile:
      return while_stmt();
    case Tok::KwFor:
      return for_stmt(nullptr);
    case Tok::KwWith:
      return with_stmt(nullptr);
    case Tok::KwTry:
      return try_stmt();
    case Tok::KwDef:
      return funcdef({}, nullptr, t);
    case Tok::KwClass:
      return classdef({}, t);
    case Tok::At:
      return decorated();
    case Tok::KwAsync: {
      Tok k = kind(1);
      if (k == Tok::KwDef) {
        next();
        return funcdef({}, &t, t);
      }
      if (k == Tok::KwFor) {
        next();
        return for_stmt(&t);
      }
      if (k == Tok::KwWith) {
        next();
        return with_stmt(&t);
      }
      next();
      syntax_error();
    }
    case Tok::Name:
      if (text(t) == "match") {
        // soft keyword: `match subject:` followed by NEWLINE INDENT case ...
        Tok k = kind(1);
        if (k != Tok::Equal && k != Tok::Dot && k != Tok::LPar && k != Tok::LSqb &&
            k != Tok::Newline && k != Tok::Colon && k != Tok::Comma && k != Tok::EndMarker) {
          size_t save = i_;
          try {
            return match_stmt();
          } catch (ParseFail&) {
            i_ = save;
            furthest_ = save;
          }
        } else if (k == Tok::LPar || k == Tok::LSqb) {
          // could be `match (x):` or a call `match(x)`: decide by trying
          size_t save = i_;
          size_t fur = furthest_;
          try {
            return match_stmt();
          } catch (ParseFail&) {
            i_ = save;
            furthest_ = fur;
          }
        }
      }
      return nullptr;
    default:
      return nullptr;
  }
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
void Parser::block(std::vector<Stmt*>& out, const char* what, int header_line) {
  if (at(Tok::Newline)) {
    next();
    if (!at(Tok::Indent)) {
      const Token& t = peek();
      char buf[160];
      std::snprintf(buf, sizeof buf, "expected an indented block after %s on line %d", what,
                    header_line + line_off_);
      ParseFail f;
      f.info.type = "IndentationError";
      f.info.msg = buf;
      f.info.lineno = t.line;
      f.info.offset = lx_.char_offset(t.line, t.col);
      f.info.end_lineno = t.end_line;
      f.info.end_offset = lx_.char_offset(t.end_line, t.end_col);
      f.info.text = std::string(lx_.line_text(t.line)) + "\n";
      if (t.kind == Tok::EndMarker || t.kind == Tok::Dedent) {
        f.info.offset = lx_.char_offset(t.line, t.col);
        f.info.end_offset = 0;
        f.info.incomplete = t.kind == Tok::EndMarker;
        if (t.kind == Tok::Dedent) {
          // the next real token after the dedents
          size_t j = i_;
          while (toks_[j].kind == Tok::Dedent) ++j;
          const Token& r = toks_[j];
          if (r.kind != Tok::EndMarker) {
            f.info.lineno = r.line;
            f.info.offset = lx_.char_offset(r.line, r.col);
            f.info.end_lineno = r.end_line;
            f.info.end_offset = lx_.char_offset(r.end_line, r.end_col);
            f.info.text = std::string(lx_.line_text(r.line)) + "\n";
          } else {
            f.info.incomplete = true;
          }
        }
      }
      throw f;
    }
    next();
    statements(out);
    if (!at(Tok::EndMarker)) expect(Tok::Dedent);
    return;
  }
  if (at(Tok::EndMarker)) {
    // "if x:" at end of input: needs a body (the REPL asks for more)
    const Token& t = peek();
    char buf[160];
    std::snprintf(buf, sizeof buf, "expected an indented block after %s on line %d", what,
                  header_line + line_off_);
    ParseFail f;
    f.info.type = "IndentationError";
    f.info.msg = buf;
    f.info.lineno = t.line;
    f.info.offset = lx_.char_offset(t.line, t.col);
    f.info.end_lineno = t.line;
    f.info.end_offset = 0;
    f.info.text = std::string(lx_.line_text(t.line)) + "\n";
    f.info.incomplete = true;
    throw f;
  }
  simple_stmts(out);
}

Stmt* Parser::if_stmt(bool elif) {
  const Token& t = next();
  auto* s = node<If>(t);
  s->test = named_expression();
  expect_forced(Tok::Colon);
  block(s->body, elif ? "'elif' statement" : "'if' statement", t.line);
  if (at(Tok::KwElif)) {
    s->orelse.push_back(if_stmt(true));
  } else if (at(Tok::KwElse)) {
    const Token& e = next();
    expect_forced(Tok::Colon);
    block(s->orelse, "'else' statement", e.line);
  }
  Stmt* last = s->orelse.empty() ? s->body.back() : s->orelse.back();
  return done_at(s, *last);
}

Stmt* Parser::while_stmt() {
  const Token& t = next();
  auto* s = node<While>(t);
  s->test = named_expression();
  expect_forced(Tok::Colon);
  block(s->body, "'while' statement", t.line);
  if (at(Tok::KwElse)) {
    const Token& e = next();
    expect_forced(Tok::Colon);
    block(s->orelse, "'else' statement", e.line);
  }
  Stmt* last = s->orelse.empty() ? s->body.back() : s->orelse.back();
  return done_at(s, *last);
}

Stmt* Parser::for_stmt(const Token* async_tok) {
  const Token& t = next();
  auto* s = node<For>(async_tok ? *async_tok : t);
  s->is_async = async_tok != nullptr;
  s->target = star_targets_for();
  if (!at(Tok::KwIn)) {
    syntax_error();
  }
  next();
  s->iter = star_expressions();
  expect_forced(Tok::Colon);
  block(s->body, "'for' statement", t.line);
  if (at(Tok::KwElse)) {
    const Token& e = next();
    expect_forced(Tok::Colon);
    block(s->orelse, "'else' statement", e.line);
  }
  Stmt* last = s->orelse.empty() ? s->body.back() : s->orelse.back();
  return done_at(s, *last);
}

Stmt* Parser::with_stmt(const Token* async_tok) {
  const Token& t = next();
  auto* s = node<With>(async_tok ? *async_tok : t);
  s->is_async = async_tok != nullptr;
  auto item = [&]() {
    auto* w = a_.make<withitem>();
    w->context_expr = expression();
    if (eat(Tok::KwAs)) {
      Expr* tg = target_atom_level();
      if (!at(Tok::Comma) && !at(Tok::Colon) && !at(Tok::RPar)) syntax_error();
      if (const Expr* bad = invalid_target(tg, TargetsType::Star)) {
        fail_node(*bad, std::string("cannot assign to ") + expr_name(bad));
      }
      set_ctx(tg, Ctx::Store);
      w->optional_vars = tg;
    }
    return w;
  };
  bool parsed = false;
  if (at(Tok::LPar)) {
    // the parenthesised form `with (a as b, c as d):` -- try it, else an ordinary expression
    size_t save = i_;
    size_t fur = furthest_;
    try {
      next();
      std::vector<withitem*> items;
      while (true) {
        items.push_back(item());
        if (!eat(Tok::Comma)) break;
        if (at(Tok::RPar)) break;
      }
      expect(Tok::RPar);
      if (!at(Tok::Colon)) throw ParseFail{};
      s->items = std::move(items);
      parsed = true;
    } catch (ParseFail& f) {
      if (f.from_lexer) throw;
      i_ = save;
      furthest_ = fur;
    }
  }
  if (!parsed) {
    do {
      s->items.push_back(item());
    } while (eat(Tok::Comma));
  }
  expect_forced(Tok::Colon);
  block(s->body, "'with' statement", t.line);
  return done_at(s, *s->body.back());
}

Stmt* Parser::try_stmt() {
  const Token& t = next();
  auto* s = node<Try>(t);
  expect_forced(Tok::Colon);
  block(s->body, "'try' statement", t.line);
  while (at(Tok::KwExcept)) {
    const Token& e = next();
    auto* h = node<ExceptHandler>(e);
    if (at(Tok::Star)) {
      next();
      s->is_star = true;
    }
    if (!at(Tok::Colon)) {
      Expr* ty = expression();
      if (at(Tok::Comma)) {
        // except A, B: -> "multiple exception types must be parenthesized"
        Expr* last = ty;
        while (eat(Tok::Comma)) {
          if (!starts_expression(kind())) break;
          last = expression();
        }
        fail_nodes(*ty, *last, "multiple exception types must be parenthesized");
      }
      h->type = ty;
      if (eat(Tok::KwAs)) h->name = std::string(text(expect(Tok::Name)));
    }
    expect_forced(Tok::Colon);
    block(h->body, s->is_star ? "'except*' statement" : "'except' statement", e.line);
    s->handlers.push_back(done_at(h, *h->body.back()));
  }
  if (at(Tok::KwElse)) {
    if (s->handlers.empty()) {
      const Token& e = peek();
      fail_tokens(e, e, "expected 'except' or 'finally' block", false);
    }
    const Token& e = next();
    expect_forced(Tok::Colon);
    block(s->orelse, "'else' statement", e.line);
  }
  if (at(Tok::KwFinally)) {
    const Token& e = next();
    expect_forced(Tok::Colon);
    block(s->finalbody, "'finally' statement", e.line);
  }
  if (s->handlers.empty() && s->finalbody.empty()) {
    fail_here("expected 'except' or 'finally' block");
  }
  Stmt* last = !s->finalbody.empty() ? s->finalbody.back()
               : !s->orelse.empty()  ? s->orelse.back()
                                     : s->handlers.back()->body.back();
  return done_at(s, *last);
}

Stmt* Parser::decorated() {
  std::vector<Expr*> decos;
  const Token& start = peek();
  while (at(Tok::At)) {
    next();
    decos.push_back(named_expression());
    expect(Tok::Newline);
  }
  const Token& t = peek();
  if (t.kind == Tok::KwDef) return funcdef(std::move(decos), nullptr, start);
  if (t.kind == Tok::KwClass) return classdef(std::move(decos), start);
  if (t.kind == Tok::KwAsync && kind(1) == Tok::KwDef) {
    next();
    return funcdef(std::move(decos), &t, start);
  }
  syntax_error();
}

Stmt* Parser::funcdef(std::vector<Expr*> decorators, const Token* async_tok, const Token& start) {
  const Token& d = next();  // 'def'
  auto* f = node<FunctionDef>(async_tok ? *async_tok : d);
  (void)start;
  f->is_async = async_tok != nullptr;
  f->decorator_list = std::move(decorators);
  f->name = std::string(text(expect(Tok::Name)));
  expect(Tok::LPar);
  f->args = params(false, Tok::RPar);
  expect(Tok::RPar);
  if (eat(Tok::RArrow)) f->returns = expression();
  expect_forced(Tok::Colon);
  block(f->body, "function definition", d.line);
  return done_at(f, *f->body.back());
}

Stmt* Parser::classdef(std::vector<Expr*> decorators, const Token& start) {
  const Token& c = next();
  auto* s = node<ClassDef>(c);
  (void)start;
  s->decorator_list = std::move(decorators);
  s->name = std::string(text(expect(Tok::Name)));
  if (at(Tok::LPar)) {
    const Token& lp = peek();
    Call tmp;
    tmp.line = lp.line;
    next();
    call_args(&tmp);
    s->bases = std::move(tmp.args);
    s->keywords = std::move(tmp.keywords);
  }
  expect_forced(Tok::Colon);
  block(s->body, "class definition", c.line);
  return done_at(s, *s->body.back());
}

// Parameter lists of def (annotations allowed) and lambda.
arguments* Parser::params(bool lambda, Tok closer) {
  auto* args = a_.make<arguments>();
  bool seen_default = false, seen_star = false, seen_slash = false;
  const Token* star_tok = nullptr;
  auto one = [&]() -> arg* {
    const Token& n = peek();
    if (n.kind != Tok::Name) syntax_error();
    next();
    auto* a = node<arg>(n);
    a->name = std::string(text(n));
    if (!lambda && eat(Tok::Colon)) a->annotation = expression();
    return done(a);
  };
  while (!at(closer)) {
    const Token& t = peek();
    if (t.kind == Tok::Slash) {
      if (seen_slash) fail_tokens(t, t, "/ may appear only once", false);
      if (seen_star) fail_tokens(t, t, "/ must be ahead of *", false);
      if (args->args.empty()) fail_tokens(t, t, "at least one argument must precede /", false);
      next();
      seen_slash = true;
      args->posonlyargs = std::move(args->args);
      args->args.clear();
    } else if (t.kind == Tok::Star) {
      if (seen_star) fail_tokens(t, t, "* argument may appear only once", false);
      next();
      seen_star = true;
      star_tok = &t;
      if (at(Tok::Name)) {
        args->vararg = one();
        if (at(Tok::Equal)) {
          const Token& e = peek();
          fail_tokens(e, e, "var-positional argument cannot have default value", false);
        }
      } else if ((at(Tok::Comma) && (kind(1) == closer || kind(1) == Tok::DoubleStar)) ||
                 at(closer) || at(Tok::DoubleStar)) {
        // CPython points at the '*' in a def and at the closing ':' in a lambda
        if (lambda) {
          while (!at(closer) && !at(Tok::Newline) && !at(Tok::EndMarker)) next();
          const Token& c = peek();
          fail_tokens(c, c, "named arguments must follow bare *", false);
        }
        fail_tokens(t, t, "named arguments must follow bare *", false);
      }
    } else if (t.kind == Tok::DoubleStar) {
      next();
      args->kwarg = one();
      if (at(Tok::Equal)) {
        const Token& e = peek();
        fail_tokens(e, e, "var-keyword argument cannot have default value", false);
      }
      if (at(Tok::Comma)) {
        next();
        if (!at(closer)) {
          const Token& e = peek();
          fail_tokens(e, e, "arguments cannot follow var-keyword argument", false);
        }
      }
      break;
    } else {
      arg* a = one();
      Expr* def = nullptr;
      if (eat(Tok::Equal)) def = expression();
      if (seen_star) {
        args->kwonlyargs.push_back(a);
        args->kw_defaults.push_back(def);
      } else {
        if (def) {
          seen_default = true;
          args->defaults.push_back(def);
        } else if (seen_default) {
          fail_node(*a, "non-default argument follows default argument");
        }
        args->args.push_back(a);
      }
    }
    if (!eat(Tok::Comma)) break;
  }
  (void)star_tok;
  if (!at(closer)) syntax_error();
  return args;
}

// ================================ match statement
// =================================================

Stmt* Parser::match_stmt() {
  const Token& t = next();  // 'match'
  auto* s = node<Match>(t);
  const Token& st = peek();
  Expr* subj = star_named_expression();
  if (at(Tok::Comma)) {
    auto* tup = node<Tuple>(st);
    tup->elts.push_back(subj);
    while (eat(Tok::Comma)) {
      if (at(Tok::Colon)) break;
      tup->elts.push_back(star_named_expression());
    }
    subj = done(tup);
  }
  s->subject = subj;
  expect(Tok::Colon);
  const Token& nl = peek();
  if (nl.kind != Tok::Newline) syntax_error();
  next();
  if (!at(Tok::Indent)) {
    const Token& r = peek();
    char buf[128];
    std::snprintf(buf, sizeof buf, "expected an indented block after 'match' statement on line %d",
                  t.line);
    fail_tokens(r, r, buf, true);
  }
  next();
  while (at_name("case")) {
    const Token& c = next();
    auto* mc = node<match_case>(c);
    mc->pattern = patterns();
    if (eat(Tok::KwIf)) mc->guard = named_expression();
    expect_forced(Tok::Colon);
    block(mc->body, "'case' statement", c.line);
    s->cases.push_back(done_at(mc, *mc->body.back()));
  }
  if (s->cases.empty()) syntax_error();
  if (!at(Tok::EndMarker)) expect(Tok::Dedent);
  return done_at(s, *s->cases.back()->body.back());
}

Pattern* Parser::patterns() {
  const Token& t = peek();
  Pattern* p = pattern();
  if (!at(Tok::Comma)) return p;
  auto* seq = node<MatchSequence>(t);
  seq->patterns.push_back(p);
  while (eat(Tok::Comma)) {
    if (at(Tok::Colon) || at(Tok::KwIf)) break;
    seq->patterns.push_back(pattern());
  }
  return done(seq);
}

Pattern* Parser::pattern() {
  const Token& t = peek();
  Pattern* p = or_pattern();
  if (eat(Tok::KwAs)) {
    auto* as = node<MatchAs>(t);
    as->pattern = p;
    const Token& n = expect(Tok::Name);
    as->name = std::string(text(n));
    if (as->name == "_") fail_tokens(n, n, "cannot use '_' as a target", false);
    return done(as);
  }
  return p;
}

Pattern* Parser::or_pattern() {
  const Token& t = peek();
  Pattern* p = closed_pattern();
  if (!at(Tok::VBar)) return p;
  auto* o = node<MatchOr>(t);
  o->patterns.push_back(p);
  while (eat(Tok::VBar)) o->patterns.push_back(closed_pattern());
  return done(o);
}

Expr* Parser::pattern_value_expr() {
  // literals (with signs and complex numbers) and dotted names
  const Token& t = peek();
  if (t.kind == Tok::Name) {
    Expr* e = atom();
    while (at(Tok::Dot)) {
      next();
      auto* at_ = node<Attribute>(t);
      at_->value = e;
      at_->attr = std::string(text(expect(Tok::Name)));
      e = done(at_);
    }
    return e;
  }
  return sum();
}

Pattern* Parser::closed_pattern() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::KwNone:
    case Tok::KwTrue:
    case Tok::KwFalse: {
      next();
      auto* p = node<MatchSingleton>(t);
      p->value = t.kind == Tok::KwNone   ? ConstKind::None
                 : t.kind == Tok::KwTrue ? ConstKind::True
                                         : ConstKind::False;
      return done(p);
    }
    case Tok::Star: {
      next();
      auto* p = node<MatchStar>(t);
      std::string n(text(expect(Tok::Name)));
      if (n != "_") p->name = n;
      return done(p);
    }
    case Tok::LPar:
    case Tok::LSqb: {
      Tok closer = t.kind == Tok::LPar ? Tok::RPar : Tok::RSqb;
      next();
      std::vector<Pattern*> ps;
      bool comma = false;
      while (!at(closer)) {
        ps.push_back(pattern());
        if (!eat(Tok::Comma)) break;
        comma = true;
      }
      expect(closer);
      if (t.kind == Tok::LPar && ps.size() == 1 && !comma) return ps[0];
      auto* p = node<MatchSequence>(t);
      p->patterns = std::move(ps);
      return done(p);
    }
    case Tok::LBrace: {
      next();
      auto* p = node<MatchMapping>(t);
      while (!at(Tok::RBrace)) {
        if (eat(Tok::DoubleStar)) {
          p->rest = std::string(text(expect(Tok::Name)));
        } else {
          const Token& k = peek();
          Expr* key;
          if (k.kind == Tok::KwNone || k.kind == Tok::KwTrue || k.kind == Tok::KwFalse) {
            key = atom();
          } else {
            key = pattern_value_expr();
          }
          p->keys.push_back(key);
          expect(Tok::Colon);
          p->patterns.push_back(pattern());
        }
        if (!eat(Tok::Comma)) break;
      }
      expect(Tok::RBrace);
      return done(p);
    }
    case Tok::Name: {
      if (text(t) == "_" && kind(1) != Tok::Dot && kind(1) != Tok::LPar) {
        next();
        return done(node<MatchAs>(t));
      }
      if (kind(1) != Tok::Dot && kind(1) != Tok::LPar) {
        next();
        auto* p = node<MatchAs>(t);
        p->name = std::string(text(t));
        return done(p);
      }
      Expr* v = pattern_value_expr();
      if (at(Tok::LPar)) {
        next();
        auto* p = node<MatchClass>(t);
        p->cls = v;
        while (!at(Tok::RPar)) {
          if (at(Tok::Name) && kind(1) == Tok::Equal) {
            p->kwd_attrs.emplace_back(text(next()));
            next();
            p->kwd_patterns.push_back(pattern());
          } else {
            if (!p->kwd_attrs.empty()) {
              fail_here("positional patterns follow keyword patterns");
            }
            p->patterns.push_back(pattern());
          }
          if (!eat(Tok::Comma)) break;
        }
        expect(Tok::RPar);
        return done(p);
      }
      auto* p = node<MatchValue>(t);
      p->value = v;
      return done(p);
    }
    default: {
      auto* p = node<MatchValue>(t);
      p->value = pattern_value_expr();
      return done(p);
    }
  }
}

// ================================ expressions
// =====================================================

Expr* Parser::star_expressions() {
  const Token& t = peek();
  Expr* e = star_expression();
  if (!at(Tok::Comma)) return e;
  auto* tup = node<Tuple>(t);
  tup->elts.push_back(e);
  while (eat(Tok::Comma)) {
    if (!starts_expression(kind()) && !at(Tok::Star)) break;
    tup->elts.push_back(star_expression());
  }
  return done(tup);
}

Expr* Parser::star_expression() {
  if (at(Tok::Star)) {
    const Token& t = next();
    auto* s = node<Starred>(t);
    s->value = bitwise_or();
    return done(s);
  }
  return expression();
}

Expr* Parser::star_named_expression() {
  if (at(Tok::Star)) {
    const Token& t = next();
    auto* s = node<Starred>(t);
    s->value = bitwise_or();
    return done(s);
  }
  return named_expression();
}

Expr* Parser::named_expression(bool in_call) {
  const Token& t = peek();
  if (t.kind == Tok::Name && kind(1) == Tok::ColonEqual) {
    next();
    next();
    auto* n = node<NamedExpr>(t);
    auto* target = node<Name>(t);
    target->id = std::string(text(t));
    target->ctx = Ctx::Store;
    n->target = done_at(target, *target);
    target->end_line = t.end_line + line_off_;
    target->end_col = t.end_line == 1 ? t.end_col + col_off_ : t.end_col;
    n->value = expression();
    return done(n);
  }
  Expr* e = expression();
  if (at(Tok::ColonEqual)) {
    if (in_call) syntax_error();
    fail_node(*e, std::string("cannot use assignment expressions with ") + expr_name(e));
  }
  if (!in_call) check_eq_instead(e);
  return e;
}

Expr* Parser::expression() {
  Nest nest(this);
  if (at(Tok::KwLambda)) return lambdef();
  const Token& t = peek();
  Expr* body = disjunction();
  if (!at(Tok::KwIf)) return body;
  next();
  Expr* test = disjunction();
  if (!at(Tok::KwElse)) {
    if (at(Tok::Colon)) syntax_error();
    fail_nodes(*body, *test, "expected 'else' after 'if' expression");
  }
  next();
  auto* e = node<IfExp>(t);
  e->body = body;
  e->test = test;
  e->orelse = expression();
  return done(e);
}

Expr* Parser::lambdef() {
  const Token& t = next();
  auto* l = node<Lambda>(t);
  l->args = params(true, Tok::Colon);
  expect(Tok::Colon);
  l->body = expression();
  return done(l);
}

Expr* Parser::disjunction() {
  const Token& t = peek();
  Expr* e = conjunction();
  if (!at(Tok::KwOr)) return e;
  auto* b = node<BoolOp>(t);
  b->is_and = false;
  b->values.push_back(e);
  while (eat(Tok::KwOr)) b->values.push_back(conjunction());
  return done(b);
}

Expr* Parser::conjunction() {
  const Token& t = peek();
  Expr* e = inversion();
  if (!at(Tok::KwAnd)) return e;
  auto* b = node<BoolOp>(t);
  b->is_and = true;
  b->values.push_back(e);
  while (eat(Tok::KwAnd)) b->values.push_back(inversion());
  return done(b);
}

Expr* Parser::inversion() {
  Nest nest(this);
  if (at(Tok::KwNot)) {
    const Token& t = next();
    auto* u = node<UnaryOp>(t);
    u->op = UnaryOpKind::Not;
    u->operand = inversion();
    return done(u);
  }
  return comparison();
}

Expr* Parser::comparison() {
  const Token& t = peek();
  Expr* left = bitwise_or();
  Compare* c = nullptr;
  while (true) {
    CmpOpKind op;
    Tok k = kind();
    switch (k) {
      case Tok::EqEqual:
        op = CmpOpKind::Eq;
        break;
      case Tok::NotEqual:
        if (text(peek()) == "<>") syntax_error();
        op = CmpOpKind::NotEq;
        break;
      case Tok::Less:
        op = CmpOpKind::Lt;
        break;
      case Tok::LessEqual:
        op = CmpOpKind::LtE;
        break;
      case Tok::Greater:
        op = CmpOpKind::Gt;
        break;
      case Tok::GreaterEqual:
        op = CmpOpKind::GtE;
        break;
      case Tok::KwIn:
        op = CmpOpKind::In;
        break;
      case Tok::KwIs:
        op = kind(1) == Tok::KwNot ? CmpOpKind::IsNot : CmpOpKind::Is;
        break;
      case Tok::KwNot:
        if (kind(1) != Tok::KwIn) return c ? done(c) : left;
        op = CmpOpKind::NotIn;
        break;
      default:
        return c ? done(c) : left;
    }
    next();
    if (op == CmpOpKind::IsNot || op == CmpOpKind::NotIn) next();
    if (!c) {
      c = node<Compare>(t);
      c->left = left;
    }
    c->ops.push_back(op);
    c->comparators.push_back(bitwise_or());
  }
}

#define GP_BINARY_LEVEL(NAME, SUB, ...) \
  Expr* Parser::NAME() {                \
    const Token& t = peek();            \
    Expr* e = SUB();                    \
    while (true) {                      \
      gp::BinOp op;                     \
      switch (kind()) {                 \
        __VA_ARGS__                     \
        default:                        \
          return e;                     \
      }                                 \
      next();                           \
      auto* b = node<ast::BinOp>(t);    \
      b->left = e;                      \
      b->op = op;                       \
      b->right = SUB();                 \
      e = done(b);                      \
    }                                   \
  }

GP_BINARY_LEVEL(bitwise_or, bitwise_xor, case Tok::VBar : op = gp::BinOp::Or; break;)
GP_BINARY_LEVEL(bitwise_xor, bitwise_and, case Tok::Circumflex : op = gp::BinOp::Xor; break;)
GP_BINARY_LEVEL(bitwise_and, shift_expr, case Tok::Amper : op = gp::BinOp::And; break;)
GP_BINARY_LEVEL(shift_expr, sum, case Tok::LeftShift
                : op = gp::BinOp::LShift;
                break; case Tok::RightShift
                : op = gp::BinOp::RShift;
                break;)
GP_BINARY_LEVEL(sum, term, case Tok::Plus
                : op = gp::BinOp::Add;
                break; case Tok::Minus
                : op = gp::BinOp::Sub;
                break;)
GP_BINARY_LEVEL(term, factor, case Tok::Star
                : op = gp::BinOp::Mul;
                break; case Tok::Slash
                : op = gp::BinOp::TrueDiv;
                break; case Tok::DoubleSlash
                : op = gp::BinOp::FloorDiv;
                break; case Tok::Percent
                : op = gp::BinOp::Mod;
                break; case Tok::At
                : op = gp::BinOp::MatMul;
                break;)
#undef GP_BINARY_LEVEL

Expr* Parser::factor() {
  Nest nest(this);
  Tok k = kind();
  if (k == Tok::Plus || k == Tok::Minus || k == Tok::Tilde) {
    const Token& t = next();
    auto* u = node<UnaryOp>(t);
    u->op = k == Tok::Plus    ? UnaryOpKind::UAdd
            : k == Tok::Minus ? UnaryOpKind::USub
                              : UnaryOpKind::Invert;
    u->operand = factor();
    return done(u);
  }
  return power();
}

Expr* Parser::power() {
  const Token& t = peek();
  Expr* e = await_primary();
  if (!at(Tok::DoubleStar)) return e;
  next();
  auto* b = node<ast::BinOp>(t);
  b->left = e;
  b->op = gp::BinOp::Pow;
  b->right = factor();
  return done(b);
}

Expr* Parser::await_primary() {
  if (at(Tok::KwAwait)) {
    const Token& t = next();
    auto* a = node<Await>(t);
    a->value = primary();
    return done(a);
  }
  return primary();
}

Expr* Parser::primary() {
  const Token& t = peek();
  Expr* e = atom();
  while (true) {
    Tok k = kind();
    if (k == Tok::Dot) {
      next();
      auto* a = node<Attribute>(t);
      a->value = e;
      a->attr = std::string(text(expect(Tok::Name)));
      e = done(a);
    } else if (k == Tok::LPar) {
      next();
      auto* c = node<Call>(t);
      c->func = e;
      call_args(c);
      e = done(c);
    } else if (k == Tok::LSqb) {
      next();
      auto* s = node<Subscript>(t);
      s->value = e;
      s->slice = slices();
      expect(Tok::RSqb);
      e = done(s);
    } else {
      return e;
    }
  }
}

Expr* Parser::slices() {
  const Token& t = peek();
  Expr* first = slice_item();
  // a lone starred item is a one-element tuple (PEP 646: a[*b] subscripts with (*b,))
  if (!at(Tok::Comma) && first->kind != ExprKind::Starred) return first;
  auto* tup = node<Tuple>(t);
  tup->elts.push_back(first);
  while (eat(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    tup->elts.push_back(slice_item());
  }
  return done(tup);
}

Expr* Parser::slice_item() {
  const Token& t = peek();
  if (t.kind == Tok::Star) return star_expression();
  Expr* lower = nullptr;
  if (!at(Tok::Colon)) {
    lower = named_expression();
    if (!at(Tok::Colon)) {
      if (!at(Tok::Comma) && !at(Tok::RSqb)) maybe_missing_comma(lower);
      return lower;
    }
  }
  auto* s = node<Slice>(t);
  s->lower = lower;
  expect(Tok::Colon);
  if (!at(Tok::Colon) && !at(Tok::Comma) && !at(Tok::RSqb)) s->upper = expression();
  if (eat(Tok::Colon)) {
    if (!at(Tok::Comma) && !at(Tok::RSqb)) s->step = expression();
  }
  return done(s);
}

// "invalid syntax. Perhaps you forgot a comma?" inside brackets: a is followed by something that
// starts another expression.
void Parser::maybe_missing_comma(Expr* a) {
  if (!starts_expression(kind())) return;
  // !(NAME STRING | SOFT_KEYWORD): a bare name directly followed by a string, or a soft keyword
  if (a->kind == ExprKind::Name) {
    auto* n = static_cast<Name*>(a);
    if (at(Tok::String) && n->end_col - n->col == static_cast<int>(n->id.size())) return;
    if (n->id == "match" || n->id == "case" || n->id == "_") return;
  }
  if (a->kind == ExprKind::Lambda || a->kind == ExprKind::IfExp) return;
  size_t save = i_;
  size_t fur = furthest_;
  Expr* b = nullptr;
  try {
    b = expression();
  } catch (ParseFail& f) {
    if (f.from_lexer) throw;
    b = nullptr;
  }
  if (!b) {
    i_ = save;
    furthest_ = fur;
    return;
  }
  fail_nodes(*a, *b, "invalid syntax. Perhaps you forgot a comma?");
}

void Parser::call_args(Call* call) {
  const Token& lpar = prev();  // a bare generator argument spans the call's parentheses
  bool seen_kw = false, seen_dstar = false;
  while (!at(Tok::RPar)) {
    const Token& t = peek();
    if (t.kind == Tok::Star) {
      next();
      auto* s = node<Starred>(t);
      s->value = expression();
      done(s);
      if (seen_dstar) {
        fail_tokens(t, t, "iterable argument unpacking follows keyword argument unpacking", false);
      }
      call->args.push_back(s);
    } else if (t.kind == Tok::DoubleStar) {
      next();
      auto* kw = node<keyword>(t);
      kw->value = expression();
      call->keywords.push_back(done(kw));
      seen_dstar = true;
    } else if (t.kind == Tok::Name && kind(1) == Tok::Equal) {
      next();
      next();
      auto* kw = node<keyword>(t);
      kw->name = std::string(text(t));
      kw->value = expression();
      call->keywords.push_back(done(kw));
      seen_kw = true;
    } else {
      Expr* e = named_expression(true);
      if (at(Tok::Equal)) {
        const Token& eq = peek();
        Loc el;
        el.end_line = eq.end_line + line_off_;
        el.end_col = eq.end_col;
        fail_nodes(*e, el, "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (at(Tok::KwFor) || at(Tok::KwAsync)) {
        auto* g = node<GeneratorExp>(lpar);
        g->elt = e;
        comprehension_clauses(g->generators);
        if (at(Tok::RPar)) {
          const Token& r = peek();
          g->end_line = r.end_line + line_off_;
          g->end_col = r.end_line == 1 ? r.end_col + col_off_ : r.end_col;
        } else {
          done(g);
        }
        if (!call->args.empty() || !call->keywords.empty() || at(Tok::Comma)) {
          fail_nodes(*e, *g->generators.back()->iter, "Generator expression must be parenthesized");
        }
        e = g;
      } else if (!at(Tok::Comma) && !at(Tok::RPar)) {
        maybe_missing_comma(e);
      }
      if (seen_dstar || seen_kw) {
        (void)peek();
        fail_here(seen_dstar ? "positional argument follows keyword argument unpacking"
                             : "positional argument follows keyword argument");
      }
      call->args.push_back(e);
    }
    if (!eat(Tok::Comma)) break;
  }
  expect(Tok::RPar);
}

void Parser::comprehension_clauses(std::vector<comprehension*>& gens) {
  while (at(Tok::KwFor) || (at(Tok::KwAsync) && kind(1) == Tok::KwFor)) {
    auto* c = a_.make<comprehension>();
    if (eat(Tok::KwAsync)) c->is_async = true;
    next();  // for
    c->target = star_targets_for();
    expect(Tok::KwIn);
    c->iter = disjunction();
    while (at(Tok::KwIf)) {
      next();
      c->ifs.push_back(disjunction());
    }
    gens.push_back(c);
  }
}

// A single target at bitwise_or level (stops before 'in', '=', ',' ...).
Expr* Parser::target_atom_level() {
  if (at(Tok::Star)) {
    const Token& t = next();
    auto* s = node<Starred>(t);
    s->value = bitwise_or();
    return done(s);
  }
  return bitwise_or();
}

Expr* Parser::star_targets_for() {
  const Token& t = peek();
  Expr* e = target_atom_level();
  if (at(Tok::Comma)) {
    auto* tup = node<Tuple>(t);
    tup->elts.push_back(e);
    while (eat(Tok::Comma)) {
      if (at(Tok::KwIn) || at(Tok::Equal)) break;
      tup->elts.push_back(target_atom_level());
    }
    e = done(tup);
  }
  if (!at(Tok::KwIn)) {
    // `for x y in z` etc: let the generic error point at the current token; but first check for
    // an invalid target like `for 1 in x` is not needed here.
    if (const Expr* bad = invalid_target(e, TargetsType::For)) {
      if (at(Tok::KwIn)) fail_node(*bad, std::string("cannot assign to ") + expr_name(bad));
    }
    syntax_error();
  }
  if (const Expr* bad = invalid_target(e, TargetsType::For)) {
    fail_node(*bad, std::string("cannot assign to ") + expr_name(bad));
  }
  set_ctx(e, Ctx::Store);
  return e;
}

Expr* Parser::yield_expr() {
  const Token& t = next();
  if (eat(Tok::KwFrom)) {
    auto* y = node<YieldFrom>(t);
    y->value = expression();
    return done(y);
  }
  auto* y = node<Yield>(t);
  if (starts_expression(kind()) || at(Tok::Star)) y->value = star_expressions();
  return done(y);
}

Expr* Parser::atom() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Name: {
      next();
      auto* n = node<Name>(t);
      n->id = std::string(text(t));
      return done(n);
    }
    case Tok::KwTrue:
    case Tok::KwFalse:
    case Tok::KwNone:
    case Tok::Ellipsis: {
      next();
      auto* c = node<Constant>(t);
      c->ckind = t.kind == Tok::KwTrue    ? ConstKind::True
                 : t.kind == Tok::KwFalse ? ConstKind::False
                 : t.kind == Tok::KwNone  ? ConstKind::None
                                          : ConstKind::Ellipsis;
      return done(c);
    }
    case Tok::Number: {
      next();
      auto* c = node<Constant>(t);
      std::string_view s = text(t);
      std::string clean;
      clean.reserve(s.size());
      for (char ch : s)
        if (ch != '_') clean += ch;
      char last = static_cast<char>(clean.back() | 0x20);
      bool prefixed =
          clean.size() > 1 && clean[0] == '0' &&
          ((clean[1] | 0x20) == 'x' || (clean[1] | 0x20) == 'o' || (clean[1] | 0x20) == 'b');
      if (last == 'j') {
        c->ckind = ConstKind::Imag;
        clean.pop_back();
        c->num = std::strtod(clean.c_str(), nullptr);
      } else if (!prefixed && clean.find_first_of(".eE") != std::string::npos) {
        c->ckind = ConstKind::Float;
        c->num = std::strtod(clean.c_str(), nullptr);
      } else {
        c->ckind = ConstKind::Int;
        c->str = std::move(clean);
      }
      return done(c);
    }
    case Tok::String:
      return strings();
    case Tok::LPar:
      return paren_atom();
    case Tok::LSqb:
      return list_atom();
    case Tok::LBrace:
      return brace_atom();
    default:
      syntax_error();
  }
}

Expr* Parser::paren_atom() {
  const Token& t = next();
  if (at(Tok::RPar)) {
    next();
    return done(node<Tuple>(t));
  }
  if (at(Tok::KwYield)) {
    Expr* y = yield_expr();
    expect(Tok::RPar);
    return y;
  }
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || at(Tok::KwAsync)) {
    if (first->kind == ExprKind::Starred) {
      fail_node(*first, "iterable unpacking cannot be used in comprehension");
    }
    auto* g = node<GeneratorExp>(t);
    g->elt = first;
    comprehension_clauses(g->generators);
    expect(Tok::RPar);
    return done(g);
  }
  if (at(Tok::RPar)) {
    next();
    if (first->kind == ExprKind::Starred) {
      // "(*a)" is not allowed
      fail_node(*first, "cannot use starred expression here");
    }
    // parenthesised expression: CPython keeps the inner node's own position
    return first;
  }
  if (!at(Tok::Comma)) {
    maybe_missing_comma(first);
    syntax_error();
  }
  auto* tup = node<Tuple>(t);
  tup->elts.push_back(first);
  while (eat(Tok::Comma)) {
    if (at(Tok::RPar)) break;
    Expr* e = star_named_expression();
    tup->elts.push_back(e);
    if (!at(Tok::Comma) && !at(Tok::RPar)) maybe_missing_comma(e);
  }
  expect(Tok::RPar);
  return done(tup);
}

Expr* Parser::list_atom() {
  const Token& t = next();
  auto* l = node<List>(t);
  if (eat(Tok::RSqb)) return done(l);
  Expr* first = star_named_expression();
  if (at(Tok::KwFor) || at(Tok::KwAsync)) {
    if (first->kind == ExprKind::Starred) {
      fail_node(*first, "iterable unpacking cannot be used in comprehension");
    }
    auto* c = node<ListComp>(t);
    c->elt = first;
    comprehension_clauses(c->generators);
    expect(Tok::RSqb);
    return done(c);
  }
  l->elts.push_back(first);
  if (!at(Tok::Comma) && !at(Tok::RSqb)) maybe_missing_comma(first);
  while (eat(Tok::Comma)) {
    if (at(Tok::RSqb)) break;
    Expr* e = star_named_expression();
    l->elts.push_back(e);
    if (!at(Tok::Comma) && !at(Tok::RSqb)) maybe_missing_comma(e);
  }
  expect(Tok::RSqb);
  return done(l);
}

Expr* Parser::brace_atom() {
  const Token& t = next();
  if (eat(Tok::RBrace)) return done(node<Dict>(t));
  // dict: key ':' value | '**' expr ; set: star_named_expression
  if (at(Tok::DoubleStar)) {
    const Token& ds = next();
    Expr* v = bitwise_or();
    if (at(Tok::KwFor) || at(Tok::KwAsync)) {
      fail_tokens(ds, ds, "dict unpacking cannot be used in dict comprehension", false);
    }
    auto* d = node<Dict>(t);
    d->keys.push_back(nullptr);
    d->values.push_back(v);
    goto dict_rest;
  dict_rest:
    while (eat(Tok::Comma)) {
      if (at(Tok::RBrace)) break;
      if (eat(Tok::DoubleStar)) {
        d->keys.push_back(nullptr);
        d->values.push_back(bitwise_or());
        continue;
      }
      Expr* k = expression();
      if (!at(Tok::Colon)) {
        if (at(Tok::Comma) || at(Tok::RBrace)) {
          const Token& c = peek();
          ParseFail f;
          f.info.msg = "':' expected after dictionary key";
          f.info.lineno = unshift_line(k->line);
          f.info.offset = lx_.char_offset(f.info.lineno, unshift_col(k->line, k->col));
          f.info.end_lineno = c.line;
          f.info.end_offset = 0;
          f.info.text = std::string(lx_.line_text(f.info.lineno)) + "\n";
          throw f;
        }
        syntax_error();
      }
      const Token& colon = next();
      if (at(Tok::RBrace) || at(Tok::Comma)) {
        fail_tokens(colon, colon, "expression expected after dictionary key and ':'", false);
      }
      Expr* v2 = expression();
      d->keys.push_back(k);
      d->values.push_back(v2);
      if (!at(Tok::Comma) && !at(Tok::RBrace)) maybe_missing_comma(v2);
    }
    expect(Tok::RBrace);
    return done(d);
  }
  Expr* first = star_named_expression();
  if (at(Tok::Colon) && first->kind != ExprKind::Starred) {
    const Token& colon = next();
    if (at(Tok::RBrace) || at(Tok::Comma)) {
      fail_tokens(colon, colon, "expression expected after dictionary key and ':'", false);
    }
    Expr* v = expression();
    if (at(Tok::KwFor) || at(Tok::KwAsync)) {
      auto* c = node<DictComp>(t);
      c->key = first;
      c->value = v;
      comprehension_clauses(c->generators);
      expect(Tok::RBrace);
      return done(c);
    }
    auto* d = node<Dict>(t);
    d->keys.push_back(first);
    d->values.push_back(v);
    if (!at(Tok::Comma) && !at(Tok::RBrace)) maybe_missing_comma(v);
    while (eat(Tok::Comma)) {
      if (at(Tok::RBrace)) break;
      if (eat(Tok::DoubleStar)) {
        d->keys.push_back(nullptr);
        d->values.push_back(bitwise_or());
        continue;
      }
      Expr* k = expression();
      if (!at(Tok::Colon)) {
        if (at(Tok::Comma) || at(Tok::RBrace)) {
          const Token& c = peek();
          ParseFail f;
          f.info.msg = "':' expected after dictionary key";
          f.info.lineno = unshift_line(k->line);
          f.info.offset = lx_.char_offset(f.info.lineno, unshift_col(k->line, k->col));
          f.info.end_lineno = c.line;
          f.info.end_offset = 0;
          f.info.text = std::string(lx_.line_text(f.info.lineno)) + "\n";
          throw f;
        }
        syntax_error();
      }
      const Token& colon = next();
      if (at(Tok::RBrace) || at(Tok::Comma)) {
        fail_tokens(colon, colon, "expression expected after dictionary key and ':'", false);
      }
      Expr* v2 = expression();
      d->keys.push_back(k);
      d->values.push_back(v2);
      if (!at(Tok::Comma) && !at(Tok::RBrace)) maybe_missing_comma(v2);
    }
    expect(Tok::RBrace);
    return done(d);
  }
  if (at(Tok::KwFor) || at(Tok::KwAsync)) {
    if (first->kind == ExprKind::Starred) {
      fail_node(*first, "iterable unpacking cannot be used in comprehension");
    }
    auto* c = node<SetComp>(t);
    c->elt = first;
    comprehension_clauses(c->generators);
    expect(Tok::RBrace);
    return done(c);
  }
  auto* s = node<Set>(t);
  s->elts.push_back(first);
  if (!at(Tok::Comma) && !at(Tok::RBrace)) maybe_missing_comma(first);
  while (eat(Tok::Comma)) {
    if (at(Tok::RBrace)) break;
    Expr* e = star_named_expression();
    s->elts.push_back(e);
    if (!at(Tok::Comma) && !at(Tok::RBrace)) maybe_missing_comma(e);
  }
  expect(Tok::RBrace);
  return done(s);
}

// ================================ strings
// =========================================================

Expr* Parser::strings() {
  const Token& first = peek();
  bool any_bytes = false, any_str = false, any_f = false, u_first = false;
  std::string pending;  // accumulated literal text not yet flushed into parts
  std::vector<Expr*> parts;
  bool first_tok = true;
  while (at(Tok::String)) {
    const Token& t = next();
    std::string_view s = text(t);
    StringPrefix pf = string_prefix(s);
    if (first_tok) u_first = pf.u;
    first_tok = false;
    if (pf.bytes) {
      any_bytes = true;
    } else {
      any_str = true;
    }
    std::string_view body =
        s.substr(pf.prefix_len + pf.quote_len, s.size() - pf.prefix_len - 2 * pf.quote_len);
    if (pf.fstr) {
      any_f = true;
      fstring(t, body, pf, parts, pending);
      continue;
    }
    if (pf.bytes) {
      for (char ch : body) {
        if (static_cast<unsigned char>(ch) >= 128) {
          fail_tokens(t, t, "bytes can only contain ASCII literal characters", false);
        }
      }
    }
    if (pf.raw) {
      pending.append(body.data(), body.size());
    } else {
      std::string msg;
      size_t ep;
      if (!decode_escapes(body, pf.bytes, pending, msg, ep)) {
        // CPython reports these at the last token read.
        (void)peek();
        fail_here(msg);
      }
    }
  }
  if (any_bytes && any_str) {
    (void)peek();
    fail_here("cannot mix bytes and nonbytes literals");
  }
  if (!any_f) {
    auto* c = node<Constant>(first);
    c->ckind = any_bytes ? ConstKind::Bytes : ConstKind::Str;
    c->str = std::move(pending);
    c->u_prefix = u_first;
    return done(c);
  }
  if (!pending.empty()) {
    auto* c = node<Constant>(first);
    c->ckind = ConstKind::Str;
    c->str = std::move(pending);
    parts.push_back(done(c));
  }
  auto* j = node<JoinedStr>(first);
  j->values = std::move(parts);
  done(j);
  place_fstring_parts(j, *j);
  return j;
}

// CPython 3.11 gives the literal pieces and the FormattedValues the position of the whole
// JoinedStr (all its implicitly concatenated strings); a format spec JoinedStr and its trailing
// literal piece span the one string token holding it (as parsed: left alone here), its other
// pieces the whole again. Only the expressions inside replacement fields have their own positions.
void Parser::place_fstring_parts(JoinedStr* j, const Loc& whole, bool spec) {
  for (size_t k = 0; k < j->values.size(); ++k) {
    Expr* v = j->values[k];
    if (v->kind != ExprKind::Constant && v->kind != ExprKind::FormattedValue) continue;
    if (spec && v->kind == ExprKind::Constant && k + 1 == j->values.size()) continue;
    static_cast<Loc&>(*v) = whole;
    if (v->kind == ExprKind::FormattedValue) {
      Expr* fs = static_cast<FormattedValue*>(v)->format_spec;
      if (fs && fs->kind == ExprKind::JoinedStr) {
        place_fstring_parts(static_cast<JoinedStr*>(fs), whole, true);
      }
    }
  }
}

[[noreturn]] void Parser::fstring_error(const Token& tok, const std::string& msg) {
  (void)tok;
  (void)peek();
  fail_here(msg);
}

Expr* Parser::fstring(const Token& tok, std::string_view body, const StringPrefix& pf,
                      std::vector<Expr*>& parts, std::string& pending) {
  size_t i = 0;
  fstring_parse(tok, body, i, pf.raw, 0, parts, pending);
  return nullptr;
}

// Parses literal text and replacement fields of s from i until the end (level 0) or a '}' that
// closes a format spec (level > 0). Literal text accumulates in pending.
void Parser::fstring_parse(const Token& tok, std::string_view s, size_t& i, bool raw, int level,
                           std::vector<Expr*>& parts, std::string& pending) {
  auto flush = [&]() {
    if (pending.empty()) return;
    auto* c = node<Constant>(tok);
    c->ckind = ConstKind::Str;
    c->str = std::move(pending);
    pending.clear();
    parts.push_back(done(c));
  };
  auto add_literal = [&](std::string_view lit) {
    if (lit.empty()) return;
    if (raw) {
      pending.append(lit.data(), lit.size());
      return;
    }
    std::string msg;
    size_t ep;
    if (!decode_escapes(lit, false, pending, msg, ep)) fstring_error(tok, msg);
  };
  const size_t n = s.size();
  while (i < n) {
    // literal part
    size_t lit_start = i;
    while (i < n) {
      char ch = s[i];
      if (!raw && ch == '\\' && i + 1 < n) {
        i += 2;
        continue;
      }
      if (ch == '{' || ch == '}') break;
      ++i;
    }
    add_literal(s.substr(lit_start, i - lit_start));
    if (i >= n) break;
    char ch = s[i];
    if (level == 0) {
      if (i + 1 < n && s[i + 1] == ch) {  // '{{' or '}}'
        pending += ch;
        i += 2;
        continue;
      }
      if (ch == '}') fstring_error(tok, "f-string: single '}' is not allowed");
    } else if (ch == '}') {
      return;  // end of this format spec
    }
    // replacement field: s[i] == '{'
    if (level >= 2) fstring_error(tok, "f-string: expressions nested too deeply");
    ++i;
    size_t expr_start = i;
    char quote = 0;
    int qlen = 0;
    std::vector<char> stack;
    for (; i < n; ++i) {
      char c = s[i];
      if (c == '\\') fstring_error(tok, "f-string expression part cannot include a backslash");
      if (quote) {
        if (c == quote && (qlen == 1 || (i + 2 < n && s[i + 1] == quote && s[i + 2] == quote))) {
          i += qlen - 1;
          quote = 0;
        }
        continue;
      }
      if (c == '\\') fstring_error(tok, "f-string expression part cannot include a backslash");
      if (c == '#') fstring_error(tok, "f-string expression part cannot include '#'");
      if (c == '\'' || c == '"') {
        quote = c;
        qlen = (i + 2 < n && s[i + 1] == c && s[i + 2] == c) ? 3 : 1;
        i += qlen - 1;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        if (stack.size() >= 200) fstring_error(tok, "f-string: too many nested parenthesis");
        stack.push_back(c);
        continue;
      }
      if (stack.empty() && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<')) {
        if (i + 1 < n) {
          char nx = s[i + 1];
          if ((c == '!' && nx == '=') || (c == '=' && nx == '=') || (c == '<' && nx == '=') ||
              (c == '>' && nx == '=')) {
            ++i;
            continue;
          }
        }
        if (c == '>' || c == '<') continue;
        break;
      }
      if (c == ')' || c == ']' || c == '}') {
        if (stack.empty()) {
          fstring_error(tok, std::string("f-string: unmatched '") + c + "'");
        }
        char open = stack.back();
        stack.pop_back();
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
              (open == '{' && c == '}'))) {
          fstring_error(tok, std::string("f-string: closing parenthesis '") + c +
                                 "' does not match opening parenthesis '" + open + "'");
        }
      }
    }
    if (quote) fstring_error(tok, "f-string: unterminated string");
    if (!stack.empty()) {
      fstring_error(tok, std::string("f-string: unmatched '") + stack.back() + "'");
    }
    if (i >= n) fstring_error(tok, "f-string: expecting '}'");
    size_t expr_end = i;
    bool blank = true;
    for (size_t k = expr_start; k < expr_end; ++k) {
      char c = s[k];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') blank = false;
    }
    if (blank) {
      if (s[i] == '!' || s[i] == ':' || s[i] == '=') {
        fstring_error(tok, std::string("f-string: expression required before '") + s[i] + "'");
      }
      fstring_error(tok, "f-string: empty expression not allowed");
    }
    Expr* value = fstring_expr(tok, s, expr_start, expr_end);
    int conversion = -1;
    bool debug = false;
    if (s[i] == '=') {
      ++i;
      while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ||
                       s[i] == '\f' || s[i] == '\v'))
        ++i;
      if (i >= n) fstring_error(tok, "f-string: expecting '}'");
      pending.append(s.substr(expr_start, i - expr_start));
      debug = true;
    }
    if (s[i] == '!') {
      ++i;
      if (i >= n) fstring_error(tok, "f-string: expecting '}'");
      char cv = s[i];
      ++i;
      if (cv != 's' && cv != 'r' && cv != 'a') {
        fstring_error(tok, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      conversion = cv;
    }
    Expr* spec = nullptr;
    if (i < n && s[i] == ':') {
      ++i;
      if (i >= n) fstring_error(tok, "f-string: expecting '}'");
      std::vector<Expr*> spec_parts;
      std::string spec_pending;
      fstring_parse(tok, s, i, raw, level + 1, spec_parts, spec_pending);
      if (!spec_pending.empty()) {
        auto* c = node<Constant>(tok);
        c->ckind = ConstKind::Str;
        c->str = std::move(spec_pending);
        spec_parts.push_back(done(c));
      }
      auto* j = node<JoinedStr>(tok);
      j->values = std::move(spec_parts);
      spec = done(j);
    }
    if (i >= n || s[i] != '}') fstring_error(tok, "f-string: expecting '}'");
    ++i;
    if (debug && !spec && conversion == -1) conversion = 'r';
    flush();
    auto* fv = node<FormattedValue>(tok);
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = spec;
    parts.push_back(done(fv));
  }
  if (level > 0) fstring_error(tok, "f-string: expecting '}'");
}

// Parses the expression text s[start, end) of a replacement field as "(" text ")".
Expr* Parser::fstring_expr(const Token& tok, std::string_view s, size_t start, size_t end) {
  std::string src = "(";
  src.append(s.substr(start, end - start));
  src += ")";
  // the body s starts right after the quote(s) in the token
  std::string_view whole = text(tok);
  size_t body_off = static_cast<size_t>(s.data() - whole.data());
  size_t abs = tok.start + body_off + start;  // byte offset of the expression in the file
  // line/col of abs
  int line = tok.line;
  size_t line_begin = tok.start - static_cast<size_t>(tok.col);
  for (size_t k = tok.start; k < abs; ++k) {
    if (lx_.source()[k] == '\n') {
      ++line;
      line_begin = k + 1;
    }
  }
  int col = static_cast<int>(abs - line_begin);
  if (line == 1) col += col_off_;  // a nested f-string: our own coordinates are shifted
  // The sub-parser's arena is ours; the lexer is local (source text must outlive the nodes,
  // which it does not need to: nodes copy their strings).
  Lexer sub(src);
  bool lex_ok = sub.run();
  Parser p(sub, a_, filename_);
  p.stack_limit_ = stack_limit_;
  p.depth_ = depth_;
  p.set_offsets(line + line_off_ - 1, col - 1);
  p.set_fstring_mode();
  try {
    if (!lex_ok && sub.error_kind() == Lexer::ErrorKind::Hard) {
      // run to get the error reported
    }
    return p.fstring_input();
  } catch (ParseFail& f) {
    ParseFail g = f;
    g.info = p.finish_error(f);
    if (g.info.msg.rfind("f-string", 0) != 0) g.info.msg = "f-string: " + g.info.msg;
    g.from_lexer = false;
    throw g;
  }
}

SyntaxErrorInfo Parser::finish_error(const ParseFail& f) {
  if (f.from_lexer) return f.info;
  // A hard tokenizer error later in the input wins over a parser error.
  if (lx_.error_kind() == Lexer::ErrorKind::Hard) return lx_.error();
  if (lx_.error_kind() == Lexer::ErrorKind::EofInParen &&
      toks_[furthest_].line > lx_.error_paren_line()) {
    return lx_.error();
  }
  return f.info;
}

template <class Fn>
ParseResult run_parser(std::string_view source, std::string_view filename, uintptr_t stack_limit,
                       Fn fn) {
  ParseResult r;
  r.arena = std::make_unique<Arena>();
  Lexer lx(source);
  lx.run();
  Parser p(lx, *r.arena, filename);
  p.stack_limit_ = stack_limit;
  try {
    r.mod = fn(p);
  } catch (ParseFail& f) {
    r.mod = nullptr;
    r.error = p.finish_error(f);
  }
  return r;
}

}  // namespace

ParseResult parse_module(std::string_view source, std::string_view filename,
                         uintptr_t stack_limit) {
  return run_parser(source, filename, stack_limit, [](Parser& p) { return p.file_input(); });
}

ParseResult parse_expression(std::string_view source, std::string_view filename,
                             uintptr_t stack_limit) {
  return run_parser(source, filename, stack_limit, [](Parser& p) { return p.eval_input(); });
}

ParseResult parse_interactive(std::string_view source, std::string_view filename,
                              uintptr_t stack_limit) {
  return run_parser(source, filename, stack_limit, [](Parser& p) { return p.single_input(); });
}

}  // namespace gp
