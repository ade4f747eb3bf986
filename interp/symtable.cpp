#include "interp/symtable.h"

#include <set>

namespace gp {

std::string mangle(const std::string& cls, const std::string& name) {
  if (cls.empty() || name.size() < 3 || name[0] != '_' || name[1] != '_') return name;
  if (name.size() >= 4 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;
  if (name.find('.') != std::string::npos) return name;
  size_t i = 0;
  while (i < cls.size() && cls[i] == '_') ++i;
  if (i == cls.size()) return name;
  return "_" + cls.substr(i) + name;
}

namespace {

using namespace ast;

class Builder {
 public:
  Builder(SymTable* t, CompileError* err, int max_depth, uintptr_t stack_limit)
      : t_(t), err_(err), max_depth_(max_depth), stack_limit_(stack_limit) {}

  bool run(Mod* m) {
    t_->top = std::make_unique<Scope>();
    t_->top->type = ScopeType::Module;
    t_->top->name = "top";
    t_->top->node = m;
    t_->by_node[m] = t_->top.get();
    cur_ = t_->top.get();
    if (m->kind == ModKind::Expression) {
      expr(m->expr);
    } else {
      for (Stmt* s : m->body) stmt(s);
    }
    if (failed_) return false;
    std::set<std::string> none;
    std::set<std::string> free;
    return analyze(t_->top.get(), none, free, std::set<std::string>());
  }

 private:
  SymTable* t_;
  CompileError* err_;
  Scope* cur_ = nullptr;
  bool failed_ = false;
  std::vector<std::string> class_names_;  // for mangling
  const Loc* loc_ = nullptr;
  int max_depth_;
  uintptr_t stack_limit_;
  int depth_ = 0;

  // Recursion guard of stmt/expr (CPython's symtable: RecursionError past 3x the recursion limit).
  struct Nest {
    Builder* b;
    bool ok;
    explicit Nest(Builder* builder) : b(builder) {
      char probe;
      ++b->depth_;
      ok = !((b->max_depth_ && b->depth_ > b->max_depth_) ||
             reinterpret_cast<uintptr_t>(&probe) < b->stack_limit_);
      if (!ok && !b->failed_) {
        b->failed_ = true;
        b->err_->msg = "maximum recursion depth exceeded during compilation";
        b->err_->recursion = true;
      }
    }
    ~Nest() { --b->depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
  };

  void error(const Loc* l, const std::string& msg) {
    if (failed_) return;
    failed_ = true;
    err_->msg = msg;
    if (l) {
      err_->line = l->line;
      err_->col = l->col;
      err_->end_line = l->end_line;
      err_->end_col = l->end_col;
    }
  }

  std::string mg(const std::string& n) {
    return class_names_.empty() ? n : mangle(class_names_.back(), n);
  }

  Scope* push(ScopeType type, const std::string& name, const void* node) {
    auto s = std::make_unique<Scope>();
    s->type = type;
    s->name = name;
    s->node = node;
    s->parent = cur_;
    Scope* p = s.get();
    cur_->children.push_back(std::move(s));
    t_->by_node[node] = p;
    cur_ = p;
    return p;
  }
  void pop() { cur_ = cur_->parent; }

  void def(const std::string& raw, unsigned f, const Loc* l) {
    std::string n = mg(raw);
    auto it = cur_->flags.find(n);
    if (f & (kDefGlobal | kDefNonlocal)) {
      const char* kind = (f & kDefGlobal) ? "global" : "nonlocal";
      if (it != cur_->flags.end()) {
        unsigned old = it->second;
        if (old & kDefParam) {
          error(l, "name '" + n + "' is parameter and " + kind);
          return;
        }
        if (old & kUse) {
          error(l, "name '" + n + "' is used prior to " + kind + " declaration");
          return;
        }
        if (old & kDefLocal) {
          error(l, "name '" + n + "' is assigned to before " + kind + " declaration");
          return;
        }
      }
      if ((f & kDefNonlocal) && cur_->type == ScopeType::Module) {
        error(l, "nonlocal declaration not allowed at module level");
        return;
      }
    }
    if ((f & (kDefGlobal | kDefNonlocal)) && l) cur_->decl_loc[n] = *l;
    cur_->add(n, f);
  }

  void use(const std::string& raw) { cur_->add(mg(raw), kUse); }

  void args(arguments* a) {
    // Defaults and annotations are evaluated in the enclosing scope (caller handles).
    auto param = [&](arg* x) {
      std::string n = mg(x->name);
      if (cur_->flags.count(n) && (cur_->flags[n] & kDefParam)) {
        error(x, "duplicate argument '" + n + "' in function definition");
        return;
      }
      cur_->add(n, kDefParam);
      cur_->params.push_back(n);
    };
    for (arg* x : a->posonlyargs) param(x);
    for (arg* x : a->args) param(x);
    for (arg* x : a->kwonlyargs) param(x);
    if (a->vararg) param(a->vararg);
    if (a->kwarg) param(a->kwarg);
  }

  void arg_annotations(arguments* a) {
    auto ann = [&](arg* x) {
      if (x && x->annotation) expr(x->annotation);
    };
    for (arg* x : a->posonlyargs) ann(x);
    for (arg* x : a->args) ann(x);
    ann(a->vararg);
    for (arg* x : a->kwonlyargs) ann(x);
    ann(a->kwarg);
  }

  void body(const std::vector<Stmt*>& b) {
    for (Stmt* s : b) stmt(s);
  }

  void stmt(Stmt* s) {
    if (failed_) return;
    Nest nest(this);
    if (!nest.ok) return;
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* f = s->as<FunctionDef>();
        def(f->name, kDefLocal, s);
        for (Expr* d : f->decorator_list) expr(d);
        for (Expr* d : f->args->defaults) expr(d);
        for (Expr* d : f->args->kw_defaults)
          if (d) expr(d);
        arg_annotations(f->args);
        if (f->returns) expr(f->returns);
        push(ScopeType::Function, f->name, f)->is_async = f->is_async;
        args(f->args);
        body(f->body);
        pop();
        break;
      }
      case StmtKind::ClassDef: {
        auto* c = s->as<ClassDef>();
        def(c->name, kDefLocal, s);
        for (Expr* d : c->decorator_list) expr(d);
        for (Expr* b : c->bases) expr(b);
        for (keyword* k : c->keywords) expr(k->value);
        push(ScopeType::Class, c->name, c);
        class_names_.push_back(c->name);
        body(c->body);
        class_names_.pop_back();
        pop();
        break;
      }
      case StmtKind::Return: {
        auto* r = s->as<Return>();
        if (r->value) expr(r->value);
        break;
      }
      case StmtKind::Delete:
        for (Expr* e : s->as<Delete>()->targets) expr(e);
        break;
      case StmtKind::Assign: {
        auto* a = s->as<Assign>();
        expr(a->value);
        for (Expr* e : a->targets) expr(e);
        break;
      }
      case StmtKind::AugAssign: {
        auto* a = s->as<AugAssign>();
        expr(a->target);
        if (a->target->kind == ExprKind::Name) use(a->target->as<Name>()->id);
        expr(a->value);
        break;
      }
      case StmtKind::AnnAssign: {
        auto* a = s->as<AnnAssign>();
        if (a->target->kind == ExprKind::Name) {
          std::string n = mg(a->target->as<Name>()->id);
          auto it = cur_->flags.find(n);
          if (it != cur_->flags.end() && (it->second & (kDefGlobal | kDefNonlocal)) && a->simple) {
            error(s, std::string("annotated name '") + n + "' can't be " +
                         ((it->second & kDefGlobal) ? "global" : "nonlocal"));
            return;
          }
          if (a->value || cur_->type != ScopeType::Function)
            def(a->target->as<Name>()->id, kDefLocal, s);
          else
            def(a->target->as<Name>()->id, kDefLocal, s);
        } else {
          expr(a->target);
        }
        if (cur_->type != ScopeType::Function) expr(a->annotation);
        cur_->has_annotations = true;
        if (a->value) expr(a->value);
        break;
      }
      case StmtKind::For: {
        auto* f = s->as<For>();
        expr(f->target);
        expr(f->iter);
        body(f->body);
        body(f->orelse);
        break;
      }
      case StmtKind::While: {
        auto* w = s->as<While>();
        expr(w->test);
        body(w->body);
        body(w->orelse);
        break;
      }
      case StmtKind::If: {
        auto* i = s->as<If>();
        expr(i->test);
        body(i->body);
        body(i->orelse);
        break;
      }
      case StmtKind::With: {
        auto* w = s->as<With>();
        for (withitem* it : w->items) {
          expr(it->context_expr);
          if (it->optional_vars) expr(it->optional_vars);
        }
        body(w->body);
        break;
      }
      case StmtKind::Match: {
        auto* m = s->as<Match>();
        expr(m->subject);
        for (match_case* c : m->cases) {
          pattern(c->pattern);
          if (c->guard) expr(c->guard);
          body(c->body);
        }
        break;
      }
      case StmtKind::Raise: {
        auto* r = s->as<Raise>();
        if (r->exc) expr(r->exc);
        if (r->cause) expr(r->cause);
        break;
      }
      case StmtKind::Try: {
        auto* t = s->as<Try>();
        body(t->body);
        for (ExceptHandler* h : t->handlers) {
          if (h->type) expr(h->type);
          if (!h->name.empty()) def(h->name, kDefLocal, h);
          body(h->body);
        }
        body(t->orelse);
        body(t->finalbody);
        break;
      }
      case StmtKind::Assert: {
        auto* a = s->as<Assert>();
        expr(a->test);
        if (a->msg) expr(a->msg);
        break;
      }
      case StmtKind::Import:
        for (alias* a : s->as<Import>()->names) {
          std::string n = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
          def(n, kDefLocal, a);
        }
        break;
      case StmtKind::ImportFrom:
        for (alias* a : s->as<ImportFrom>()->names) {
          if (a->name == "*") {
            if (cur_->type != ScopeType::Module) {
              error(s, "import * only allowed at module level");
              return;
            }
            continue;
          }
          def(a->asname.empty() ? a->name : a->asname, kDefLocal, a);
        }
        break;
      case StmtKind::Global:
        for (const std::string& n : s->as<Global>()->names) def(n, kDefGlobal, s);
        break;
      case StmtKind::Nonlocal:
        for (const std::string& n : s->as<Nonlocal>()->names) def(n, kDefNonlocal, s);
        break;
      case StmtKind::Expr:
        expr(s->as<ExprStmt>()->value);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
    }
  }

  void pattern(Pattern* p) {
    if (!p) return;
    switch (p->kind) {
      case PatternKind::MatchValue:
        expr(p->as<MatchValue>()->value);
        break;
      case PatternKind::MatchSingleton:
        break;
      case PatternKind::MatchSequence:
        for (Pattern* q : p->as<MatchSequence>()->patterns) pattern(q);
        break;
      case PatternKind::MatchMapping: {
        auto* m = p->as<MatchMapping>();
        for (Expr* k : m->keys) expr(k);
        for (Pattern* q : m->patterns) pattern(q);
        if (!m->rest.empty()) def(m->rest, kDefLocal, p);
        break;
      }
      case PatternKind::MatchClass: {
        auto* m = p->as<MatchClass>();
        expr(m->cls);
        for (Pattern* q : m->patterns) pattern(q);
        for (Pattern* q : m->kwd_patterns) pattern(q);
        break;
      }
      case PatternKind::MatchStar:
        if (!p->as<MatchStar>()->name.empty()) def(p->as<MatchStar>()->name, kDefLocal, p);
        break;
      case PatternKind::MatchAs: {
        auto* m = p->as<MatchAs>();
        pattern(m->pattern);
        if (!m->name.empty()) def(m->name, kDefLocal, p);
        break;
      }
      case PatternKind::MatchOr:
        for (Pattern* q : p->as<MatchOr>()->patterns) pattern(q);
        break;
    }
  }

  void comprehension_scope(Expr* e, const std::vector<comprehension*>& gens, Expr* elt, Expr* value,
                           const char* kind) {
    // The first iterable is evaluated in the enclosing scope.
    expr(gens[0]->iter);
    Scope* s = push(ScopeType::Comprehension, std::string("<") + kind + ">", e);
    s->comp_kind = kind;
    s->add(".0", kDefParam);
    s->params.push_back(".0");
    if (std::string(kind) == "genexpr") s->is_generator = true;
    for (size_t i = 0; i < gens.size(); ++i) {
      if (gens[i]->is_async) {
        error(e, "asynchronous comprehension outside of an asynchronous function");
        return;
      }
      if (i > 0) expr(gens[i]->iter);
      expr(gens[i]->target);
      for (Expr* c : gens[i]->ifs) expr(c);
    }
    if (elt) expr(elt);
    if (value) expr(value);
    pop();
  }

  void expr(Expr* e) {
    if (failed_ || !e) return;
    Nest nest(this);
    if (!nest.ok) return;
    switch (e->kind) {
      case ExprKind::BoolOp:
        for (Expr* v : e->as<BoolOp>()->values) expr(v);
        break;
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        expr(n->value);
        const std::string& name = n->target->as<Name>()->id;
        if (cur_->type == ScopeType::Comprehension) {
          // Binds in the nearest enclosing non-comprehension scope.
          Scope* s = cur_;
          while (s->type == ScopeType::Comprehension) {
            if (s->flags.count(name) && (s->flags[name] & kDefCompIter)) {
              error(e, "assignment expression cannot rebind comprehension iteration variable '" +
                           name + "'");
              return;
            }
            s = s->parent;
          }
          if (s->type == ScopeType::Class) {
            error(e, "assignment expression within a comprehension cannot be used in a class body");
            return;
          }
          if (s->type == ScopeType::Function) {
            s->add(name, kDefLocal);
            for (Scope* c = cur_; c != s; c = c->parent) c->add(name, kDefNonlocal);
          } else {
            s->add(name, kDefLocal);
            for (Scope* c = cur_; c != s; c = c->parent) c->add(name, kDefGlobal);
          }
        } else {
          def(name, kDefLocal, e);
        }
        break;
      }
      case ExprKind::BinOp:
        expr(e->as<ast::BinOp>()->left);
        expr(e->as<ast::BinOp>()->right);
        break;
      case ExprKind::UnaryOp:
        expr(e->as<UnaryOp>()->operand);
        break;
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        for (Expr* d : l->args->defaults) expr(d);
        for (Expr* d : l->args->kw_defaults)
          if (d) expr(d);
        Scope* s = push(ScopeType::Function, "<lambda>", l);
        s->is_lambda = true;
        args(l->args);
        expr(l->body);
        pop();
        break;
      }
      case ExprKind::IfExp:
        expr(e->as<IfExp>()->test);
        expr(e->as<IfExp>()->body);
        expr(e->as<IfExp>()->orelse);
        break;
      case ExprKind::Dict:
        for (Expr* k : e->as<ast::Dict>()->keys)
          if (k) expr(k);
        for (Expr* v : e->as<ast::Dict>()->values) expr(v);
        break;
      case ExprKind::Set:
        for (Expr* v : e->as<ast::Set>()->elts) expr(v);
        break;
      case ExprKind::List:
        for (Expr* v : e->as<ast::List>()->elts) expr(v);
        break;
      case ExprKind::Tuple:
        for (Expr* v : e->as<Tuple>()->elts) expr(v);
        break;
      case ExprKind::ListComp:
        comprehension_scope(e, e->as<ListComp>()->generators, e->as<ListComp>()->elt, nullptr,
                            "listcomp");
        break;
      case ExprKind::SetComp:
        comprehension_scope(e, e->as<SetComp>()->generators, e->as<SetComp>()->elt, nullptr,
                            "setcomp");
        break;
      case ExprKind::DictComp:
        comprehension_scope(e, e->as<DictComp>()->generators, e->as<DictComp>()->key,
                            e->as<DictComp>()->value, "dictcomp");
        break;
      case ExprKind::GeneratorExp:
        comprehension_scope(e, e->as<GeneratorExp>()->generators, e->as<GeneratorExp>()->elt,
                            nullptr, "genexpr");
        break;
      case ExprKind::Await:
        if (cur_->type != ScopeType::Function || !cur_->is_async) {
          error(e, "'await' outside async function");
          return;
        }
        expr(e->as<Await>()->value);
        break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom: {
        if (cur_->type == ScopeType::Module || cur_->type == ScopeType::Class) {
          error(e, "'yield' outside function");
          return;
        }
        if (cur_->type == ScopeType::Comprehension && cur_->comp_kind != "genexpr") {
          error(e, "'yield' inside " +
                       std::string(cur_->comp_kind == "listcomp"  ? "list"
                                   : cur_->comp_kind == "setcomp" ? "set"
                                                                  : "dict") +
                       " comprehension");
          return;
        }
        if (cur_->type == ScopeType::Comprehension) {
          error(e, "'yield' inside generator expression");
          return;
        }
        cur_->is_generator = true;
        if (e->kind == ExprKind::Yield)
          expr(e->as<Yield>()->value);
        else
          expr(e->as<YieldFrom>()->value);
        break;
      }
      case ExprKind::Compare:
        expr(e->as<Compare>()->left);
        for (Expr* c : e->as<Compare>()->comparators) expr(c);
        break;
      case ExprKind::Call: {
        auto* c = e->as<Call>();
        expr(c->func);
        for (Expr* a : c->args) expr(a);
        for (keyword* k : c->keywords) expr(k->value);
        break;
      }
      case ExprKind::FormattedValue:
        expr(e->as<FormattedValue>()->value);
        expr(e->as<FormattedValue>()->format_spec);
        break;
      case ExprKind::JoinedStr:
        for (Expr* v : e->as<JoinedStr>()->values) expr(v);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Attribute:
        expr(e->as<Attribute>()->value);
        break;
      case ExprKind::Subscript:
        expr(e->as<Subscript>()->value);
        expr(e->as<Subscript>()->slice);
        break;
      case ExprKind::Starred:
        expr(e->as<Starred>()->value);
        break;
      case ExprKind::Name: {
        auto* n = e->as<Name>();
        if (n->ctx == Ctx::Load) {
          use(n->id);
          // super() and __class__ in a method need the class cell.
          if (n->id == "super" || n->id == "__class__") {
            if (cur_->type == ScopeType::Function || cur_->type == ScopeType::Comprehension)
              cur_->add("__class__", kUse);
          }
        } else {
          unsigned f = kDefLocal;
          if (cur_->type == ScopeType::Comprehension) f |= kDefCompIter;
          def(n->id, f, e);
        }
        break;
      }
      case ExprKind::Slice:
        expr(e->as<ast::Slice>()->lower);
        expr(e->as<ast::Slice>()->upper);
        expr(e->as<ast::Slice>()->step);
        break;
    }
  }

  // ---- resolution (CPython's analyze_block) ----
  bool analyze(Scope* s, const std::set<std::string>& enclosing_bound,
               std::set<std::string>& free_out, const std::set<std::string>& globals_in) {
    std::set<std::string> local, globals = globals_in, bound_for_children;
    bool is_func = s->type == ScopeType::Function || s->type == ScopeType::Comprehension;
    if (is_func)
      bound_for_children = enclosing_bound;
    else if (s->type == ScopeType::Class)
      bound_for_children = enclosing_bound;

    for (const std::string& n : s->order) {
      unsigned f = s->flags[n];
      NameScope ns;
      if (f & kDefGlobal) {
        ns = NameScope::GlobalExplicit;
        globals.insert(n);
        bound_for_children.erase(n);
      } else if (f & kDefNonlocal) {
        if (!enclosing_bound.count(n)) {
          auto dl = s->decl_loc.find(n);
          error(dl != s->decl_loc.end() ? &dl->second : nullptr,
                "no binding for nonlocal '" + n + "' found");
          return false;
        }
        ns = NameScope::Free;
      } else if (f & (kDefLocal | kDefParam)) {
        ns = NameScope::Local;
        local.insert(n);
        globals.erase(n);
      } else if (s->type != ScopeType::Module && enclosing_bound.count(n) &&
                 !(s->type == ScopeType::Class && n == "__class__" && false)) {
        ns = NameScope::Free;
      } else if (globals.count(n)) {
        ns = NameScope::GlobalImplicit;
      } else {
        ns = NameScope::GlobalImplicit;
      }
      s->resolved[n] = ns;
    }
    if (is_func) {
      for (const std::string& n : local) bound_for_children.insert(n);
    }
    if (s->type == ScopeType::Class) bound_for_children.insert("__class__");

    std::set<std::string> child_free;
    for (auto& c : s->children) {
      std::set<std::string> cf;
      if (!analyze(c.get(), bound_for_children, cf, globals)) return false;
      child_free.insert(cf.begin(), cf.end());
    }

    // Free variables of children that are bound here become cells.
    for (const std::string& n : child_free) {
      if (s->type == ScopeType::Class && n == "__class__") {
        s->needs_class_closure = true;
        continue;
      }
      if (is_func && local.count(n)) {
        s->resolved[n] = NameScope::Cell;
        continue;
      }
      // Passes through: free here too.
      auto it = s->resolved.find(n);
      if (it == s->resolved.end()) {
        s->order.push_back(n);
        s->flags[n] = s->type == ScopeType::Class ? kDefFreeClass : 0;
        s->resolved[n] = NameScope::Free;
      } else if (s->type == ScopeType::Class) {
        s->flags[n] |= kDefFreeClass;
        if (it->second == NameScope::GlobalImplicit || it->second == NameScope::GlobalExplicit) {
          // The class body uses the name as a global; the child sees it free: keep both.
        }
      } else if (it->second == NameScope::GlobalImplicit) {
        it->second = NameScope::Free;
      }
      free_out.insert(n);
    }
    for (auto& [n, ns] : s->resolved) {
      if (ns == NameScope::Free && !(s->type == ScopeType::Module)) free_out.insert(n);
    }
    if (s->type == ScopeType::Class) free_out.erase("__class__");
    if (s->type == ScopeType::Class && s->needs_class_closure) {
      // __class__ is a cell of the class body.
    }
    return true;
  }
};

}  // namespace

bool build_symtable(ast::Mod* mod, SymTable* out, CompileError* err, int max_depth,
                    uintptr_t stack_limit) {
  Builder b(out, err, max_depth, stack_limit);
  return b.run(mod);
}

}  // namespace gp
