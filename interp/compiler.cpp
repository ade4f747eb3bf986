#include "interp/compiler.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "interp/code.h"
#include "interp/frame.h"
#include "interp/function.h"
#include "interp/generator.h"
#include "interp/parser.h"
#include "interp/symtable.h"
#include "interp/traceback.h"

namespace gp {

namespace {

using namespace ast;

enum class FKind {
  While,
  For,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  HandlerCleanup,
  PopValue,
  ExceptStarHandler  // the body of an except* clause: return/break/continue cannot leave it
};

struct FBlock {
  FKind kind;
  int start = -1;  // loops: continue target
  int exit = -1;   // loops: break target
  const std::vector<Stmt*>* finalbody = nullptr;
  std::string name;  // HandlerCleanup: the `as` name
};

// ---- except* ----------------------------------------------------------------------------------
// The VM has no CHECK_EG_MATCH / PREP_RERAISE_STAR opcodes: try/except* calls these two natives,
// which the compiler puts in co_consts, with the runtime's implementation of those steps
// (runtime/exceptions.h).

// (exc, type) -> (match, rest); a match becomes the exception being handled (sys.exc_info()).
Object* except_star_match(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                          TupleObject*) {
  if (nargs != 2) return raise(ts, &exc::SystemError, "except* match: bad call");
  if (!check_except_star_type(ts, args[1])) return nullptr;
  Object *m, *r;
  if (!exception_group_match(ts, args[0], args[1], &m, &r)) return nullptr;
  Ref<> match = Ref<>::steal(m), rest = Ref<>::steal(r);
  if (!is_none(m) && ts->exc_info) setref(ts->exc_info->exc, newref(m));
  return tuple_pack(ts, {match.get(), rest.get()});
}

// (orig, raised_list) -> the exception to re-raise, or None.
Object* except_star_reraise(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                            TupleObject*) {
  if (nargs != 2) return raise(ts, &exc::SystemError, "except* reraise: bad call");
  return prep_reraise_star(ts, args[0], args[1]);
}

const MethodDef kExceptStarMatch = {"_except_star_match", except_star_match, 0, nullptr};
const MethodDef kExceptStarReraise = {"_except_star_reraise", except_star_reraise, 0, nullptr};

// Source range of an instruction (CPython's co_positions): lines 1-based, columns 0-based UTF-8
// byte offsets, -1 when unknown.
struct SrcLoc {
  int line = 1, end_line = 1, col = -1, end_col = -1;
};

struct Unit {
  Scope* scope = nullptr;
  CodeSpec spec;
  std::unordered_map<std::string, int> names_map, var_map, cell_map, free_map;
  std::map<std::string, int> const_map;
  std::vector<int> labels;
  std::vector<size_t> fixups;
  std::vector<FBlock> fblocks;
  SrcLoc loc;  // location given to the instructions being emitted
  std::string private_name;
  bool interactive = false;
};

bool is_jump_op(Op op) { return kOpArgKind[static_cast<int>(op)] == ArgKind::Jump; }

// Stack effect of an instruction; jump selects the effect on the jump edge.
int stack_effect(Op op, uint32_t arg, bool jump) {
  int fixed = kOpFixedEffect[static_cast<int>(op)];
  if (fixed != kVarEffect) return fixed;
  switch (op) {
    case Op::BUILD_SLICE:
      return 1 - static_cast<int>(arg);
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING:
      return 1 - static_cast<int>(arg);
    case Op::BUILD_MAP:
      return 1 - 2 * static_cast<int>(arg);
    case Op::BUILD_CONST_KEY_MAP:
      return -static_cast<int>(arg);
    case Op::UNPACK_SEQUENCE:
      return static_cast<int>(arg) - 1;
    case Op::UNPACK_EX:
      return static_cast<int>((arg & 0xff) + (arg >> 8));
    case Op::FOR_ITER:
      return jump ? -1 : 1;
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
      return jump ? 0 : -1;
    case Op::SEND:
      return jump ? -1 : 0;
    case Op::RAISE_VARARGS:
      return -static_cast<int>(arg);
    case Op::SETUP_FINALLY:
      return jump ? 1 : 0;
    case Op::MAKE_FUNCTION:
      return -__builtin_popcount(arg);
    case Op::CALL:
      return -static_cast<int>(arg) - 1;
    case Op::CALL_FUNCTION_EX:
      return -1 - ((arg & kCallExKwargs) ? 1 : 0);
    case Op::FORMAT_VALUE:
      return (arg & kFmtHaveSpec) ? -1 : 0;
    default:
      return 0;
  }
}

bool is_terminal(Op op) {
  return op == Op::JUMP_FORWARD || op == Op::JUMP_BACKWARD ||
         op == Op::JUMP_BACKWARD_NO_INTERRUPT || op == Op::RETURN_VALUE ||
         op == Op::RAISE_VARARGS || op == Op::RERAISE;
}

class Compiler {
 public:
  Compiler(ThreadState* ts, SymTable* st, std::string_view filename, std::string_view source)
      : ts_(ts),
        st_(st),
        filename_(filename),
        source_(source),
        stack_limit_(vm_thread(ts)->c_stack_limit) {}

  Object* compile_module(Mod* m, CompileMode mode);

  CompileError err;
  bool failed = false;

 private:
  ThreadState* ts_;
  SymTable* st_;
  std::string filename_;
  std::string_view source_;
  std::vector<std::unique_ptr<Unit>> units_;
  Unit* u_ = nullptr;
  bool oom_ = false;  // a runtime error (already raised in ts) happened
  uintptr_t stack_limit_;

  // The symtable bounds the nesting; this guards the C++ stack (the compiler's frames are larger).
  bool too_deep() {
    char probe;
    if (reinterpret_cast<uintptr_t>(&probe) >= stack_limit_) return false;
    if (!failed) {
      failed = true;
      err.msg = "maximum recursion depth exceeded during compilation";
      err.recursion = true;
    }
    return true;
  }

  // ---- errors ----
  void error(const Loc* l, const std::string& msg) {
    if (failed) return;
    failed = true;
    err.msg = msg;
    if (l) {
      err.line = l->line;
      err.col = l->col;
      err.end_line = l->end_line;
      err.end_col = l->end_col;
    }
  }
  bool bad() const { return failed || oom_; }

  // ---- units ----
  void enter_unit(Scope* s, const std::string& name, const std::string& qualname, int firstline) {
    auto un = std::make_unique<Unit>();
    Unit* parent = u_;
    un->scope = s;
    un->spec.name = name;
    un->spec.qualname = qualname;
    un->spec.filename = filename_;
    un->spec.firstlineno = firstline;
    un->loc = SrcLoc{firstline, firstline, 0, 0};  // CPython's start of a scope
    if (parent) un->private_name = parent->private_name;
    if (s->type == ScopeType::Class) un->private_name = s->name;
    // varnames: parameters first, then other locals in order of appearance.
    if (s->type == ScopeType::Function || s->type == ScopeType::Comprehension) {
      for (const std::string& p : s->params) add_var(un.get(), p);
      for (const std::string& n : s->order) {
        NameScope ns = s->scope_of(n);
        if (ns == NameScope::Local && !un->var_map.count(n)) add_var(un.get(), n);
      }
    }
    std::vector<std::string> cells, frees;
    for (auto& [n, ns] : s->resolved) {
      if (ns == NameScope::Cell) cells.push_back(n);
      if (ns == NameScope::Free) frees.push_back(n);
    }
    if (s->type == ScopeType::Class) {
      for (auto& [n, f] : s->flags)
        if ((f & kDefFreeClass) && s->scope_of(n) != NameScope::Free) frees.push_back(n);
      if (s->needs_class_closure) cells.push_back("__class__");
    }
    std::sort(cells.begin(), cells.end());
    std::sort(frees.begin(), frees.end());
    frees.erase(std::unique(frees.begin(), frees.end()), frees.end());
    for (auto& c : cells) {
      un->cell_map[c] = static_cast<int>(un->spec.cellvars.size());
      un->spec.cellvars.push_back(c);
    }
    for (auto& f : frees) {
      un->free_map[f] = static_cast<int>(un->spec.freevars.size());
      un->spec.freevars.push_back(f);
    }
    units_.push_back(std::move(un));
    u_ = units_.back().get();
  }

  static void add_var(Unit* u, const std::string& n) {
    u->var_map[n] = static_cast<int>(u->spec.varnames.size());
    u->spec.varnames.push_back(n);
  }

  CodeObject* leave_unit() {
    Unit* u = u_;
    // Resolve jumps.
    for (size_t i : u->fixups) {
      Instr w = u->spec.code[i];
      int target = u->labels[instr_arg(w)];
      u->spec.code[i] = make_instr(instr_op(w), static_cast<uint32_t>(target));
    }
    compute_depths(u);
    CodeObject* co = bad() ? nullptr : code_new(ts_, u->spec);
    if (!co && !failed) oom_ = true;
    for (Object* o : u->spec.consts) decref(o);
    u->spec.consts.clear();
    units_.pop_back();
    u_ = units_.empty() ? nullptr : units_.back().get();
    return co;
  }

  void compute_depths(Unit* u) {
    auto& code = u->spec.code;
    size_t n = code.size();
    std::vector<int> depth(n, -1), blocks(n, -1);
    std::vector<size_t> work;
    int maxd = 0, maxb = 0;
    auto visit = [&](size_t i, int d, int b) {
      if (i >= n) return;
      if (depth[i] < 0) {
        depth[i] = d;
        blocks[i] = b;
        work.push_back(i);
      }
    };
    visit(0, 0, 0);
    while (!work.empty()) {
      size_t i = work.back();
      work.pop_back();
      int d = depth[i], b = blocks[i];
      for (;;) {
        Instr w = code[i];
        Op op = instr_op(w);
        uint32_t arg = instr_arg(w);
        if (d > maxd) maxd = d;
        if (b > maxb) maxb = b;
        if (is_jump_op(op)) {
          int jd = d + stack_effect(op, arg, true);
          if (jd > maxd) maxd = jd;
          visit(arg, jd, b);
        }
        int nd = d + stack_effect(op, arg, false);
        if (nd > maxd) maxd = nd;
        if (op == Op::SETUP_FINALLY || op == Op::BEFORE_WITH) ++b;
        if (op == Op::POP_BLOCK) --b;
        if (b > maxb) maxb = b;
        if (is_terminal(op)) break;
        ++i;
        if (i >= n) break;
        if (depth[i] >= 0) break;
        depth[i] = nd;
        blocks[i] = b;
        d = nd;
      }
    }
    u->spec.stacksize = maxd + 2;
    u->spec.maxblocks = maxb + 1;
  }

  // ---- locations ----
  void set_loc(const Loc* n) {
    u_->loc.line = n->line;
    if (n->end_line >= n->line && n->col >= 0 && n->end_col >= 0) {
      u_->loc.end_line = n->end_line;
      u_->loc.col = n->col;
      u_->loc.end_col = n->end_col;
    } else {
      u_->loc.end_line = n->line;
      u_->loc.col = u_->loc.end_col = -1;
    }
  }
  // CPython 3.11's update_start_location_to_match_attr: an attribute access (or method call)
  // whose name is on a later line than the current start starts at the name.
  void match_attr_start(Expr* attr) {
    SrcLoc& l = u_->loc;
    if (l.line == attr->end_line) return;
    l.line = attr->end_line;
    const std::string& name = attr->as<Attribute>()->attr;
    int len = 0;  // in characters, as CPython (the column is in bytes)
    for (unsigned char ch : name)
      if ((ch & 0xC0) != 0x80) ++len;
    if (len <= attr->end_col) {
      l.col = attr->end_col - len;
    } else {
      l.col = l.end_col = -1;
    }
    if (l.end_line < l.line) l.end_line = l.line;
    if (l.line == l.end_line && l.col >= 0 && l.end_col < l.col) l.end_col = l.col;
  }

  // ---- emission ----
  void emit(Op op, uint32_t arg = 0) {
    u_->spec.code.push_back(make_instr(op, arg));
    u_->spec.lines.push_back(u_->loc.line);
    u_->spec.positions.push_back(InstrPos{u_->loc.end_line, u_->loc.col, u_->loc.end_col});
  }
  int new_label() {
    u_->labels.push_back(-1);
    return static_cast<int>(u_->labels.size()) - 1;
  }
  void bind(int label) { u_->labels[label] = static_cast<int>(u_->spec.code.size()); }
  void emit_jump(Op op, int label) {
    u_->fixups.push_back(u_->spec.code.size());
    emit(op, static_cast<uint32_t>(label));
  }
  void jump_to(int label) {
    emit_jump(u_->labels[label] >= 0 ? Op::JUMP_BACKWARD : Op::JUMP_FORWARD, label);
  }

  int add_const_key(const std::string& key, Object* o /* steals */) {
    auto it = u_->const_map.find(key);
    if (it != u_->const_map.end()) {
      xdecref(o);
      return it->second;
    }
    if (!o) {
      oom_ = true;
      return 0;
    }
    int idx = static_cast<int>(u_->spec.consts.size());
    u_->spec.consts.push_back(o);
    u_->const_map[key] = idx;
    return idx;
  }
  int const_none() { return add_const_key("N", new_none()); }
  int const_str(const std::string& s) {
    return add_const_key("s:" + s, s.size() < 40 ? static_cast<Object*>(intern(ts_, s))
                                                 : static_cast<Object*>(str_from(ts_, s)));
  }
  int const_int(int64_t v) { return add_const_key("i:" + std::to_string(v), int_from(ts_, v)); }
  void load_const_none() { emit(Op::LOAD_CONST, const_none()); }

  int name_idx(const std::string& n) {
    auto it = u_->names_map.find(n);
    if (it != u_->names_map.end()) return it->second;
    int idx = static_cast<int>(u_->spec.names.size());
    u_->spec.names.push_back(n);
    u_->names_map[n] = idx;
    return idx;
  }
  std::string mg(const std::string& n) { return mangle(u_->private_name, n); }

  // Constant value of an AST constant (new reference) and its dedupe key.
  Object* make_const(Constant* c, std::string* key) {
    switch (c->ckind) {
      case ConstKind::None:
        *key = "N";
        return new_none();
      case ConstKind::True:
        *key = "T";
        return bool_from(true);
      case ConstKind::False:
        *key = "F";
        return bool_from(false);
      case ConstKind::Ellipsis:
        *key = "E";
        return newref(&EllipsisObject);
      case ConstKind::Int:
        *key = "i:" + c->str;
        return int_from_string(ts_, c->str, 0);
      case ConstKind::Float: {
        uint64_t bits;
        std::memcpy(&bits, &c->num, 8);
        *key = "f:" + std::to_string(bits);
        return float_from(ts_, c->num);
      }
      case ConstKind::Imag: {
        uint64_t bits;
        std::memcpy(&bits, &c->num, 8);
        *key = "j:" + std::to_string(bits);
        return complex_from(ts_, 0.0, c->num);
      }
      case ConstKind::Str:
        *key = "s:" + c->str;
        if (c->str.size() < 40) return intern(ts_, c->str);
        return str_from(ts_, c->str);
      case ConstKind::Bytes:
        *key = "b:" + c->str;
        return bytes_from(ts_, c->str);
    }
    return nullptr;
  }

  // ---- names ----
  enum class Access { Load, Store, Del };
  void name_op(const std::string& raw, Access acc) {
    std::string n = mg(raw);
    Scope* s = u_->scope;
    NameScope ns = s->scope_of(n);
    bool optimized = s->type == ScopeType::Function || s->type == ScopeType::Comprehension;
    if (n == "__debug__" && acc == Access::Load) {
      emit(Op::LOAD_CONST, add_const_key("T", bool_from(true)));
      return;
    }
    if (n == "__debug__") {
      error(nullptr,
            acc == Access::Store ? "cannot assign to __debug__" : "cannot delete __debug__");
      return;
    }
    switch (ns) {
      case NameScope::Free:
      case NameScope::Cell: {
        int idx;
        if (ns == NameScope::Cell) {
          idx = u_->cell_map.count(n) ? u_->cell_map[n] : 0;
        } else {
          idx = static_cast<int>(u_->spec.cellvars.size()) +
                (u_->free_map.count(n) ? u_->free_map[n] : 0);
        }
        if (acc == Access::Load)
          emit(s->type == ScopeType::Class ? Op::LOAD_CLASSDEREF : Op::LOAD_DEREF, idx);
        else if (acc == Access::Store)
          emit(Op::STORE_DEREF, idx);
        else
          emit(Op::DELETE_DEREF, idx);
        return;
      }
      case NameScope::Local:
        if (optimized) {
          int idx = u_->var_map.count(n) ? u_->var_map[n] : 0;
          emit(acc == Access::Load    ? Op::LOAD_FAST
               : acc == Access::Store ? Op::STORE_FAST
                                      : Op::DELETE_FAST,
               idx);
          return;
        }
        break;
      case NameScope::GlobalExplicit:
        global_op(n, acc);
        return;
      case NameScope::GlobalImplicit:
        if (optimized) {
          global_op(n, acc);
          return;
        }
        break;
    }
    int idx = name_idx(n);
    emit(acc == Access::Load    ? Op::LOAD_NAME
         : acc == Access::Store ? Op::STORE_NAME
                                : Op::DELETE_NAME,
         idx);
  }
  void global_op(const std::string& n, Access acc) {
    int idx = name_idx(n);
    if (acc == Access::Load) {
      uint32_t slot = static_cast<uint32_t>(u_->spec.gcache_names.size());
      u_->spec.gcache_names.push_back(static_cast<uint32_t>(idx));
      emit(Op::LOAD_GLOBAL, slot);
    } else {
      emit(acc == Access::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL, idx);
    }
  }

  // Index of a name for LOAD_CLOSURE in the current unit.
  int closure_index(const std::string& n) {
    auto it = u_->cell_map.find(n);
    if (it != u_->cell_map.end()) return it->second;
    auto jt = u_->free_map.find(n);
    if (jt != u_->free_map.end()) return static_cast<int>(u_->spec.cellvars.size()) + jt->second;
    return -1;
  }

  // Pushes the closure tuple for a child code (returns false when it has no free variables).
  bool make_closure(CodeObject* co) {
    ssize n = co->freevars->size;
    if (n == 0) return false;
    for (ssize i = 0; i < n; ++i) {
      std::string name(str_view(tuple_item(co->freevars, i)));
      int idx = closure_index(name);
      if (idx < 0) {
        error(nullptr, "internal compiler error: no closure cell for '" + name + "'");
        idx = 0;
      }
      emit(Op::LOAD_CLOSURE, idx);
    }
    emit(Op::BUILD_TUPLE, static_cast<uint32_t>(n));
    return true;
  }

  std::string child_qualname(const std::string& name) {
    Scope* s = u_ ? u_->scope : nullptr;
    if (!s || s->type == ScopeType::Module) return name;
    // A function declared global in its parent keeps a plain qualname.
    if (s->scope_of(mangle(u_->private_name, name)) == NameScope::GlobalExplicit) return name;
    if (s->type == ScopeType::Class) return u_->spec.qualname + "." + name;
    return u_->spec.qualname + ".<locals>." + name;
  }

  // ---- statements ----
  void body(const std::vector<Stmt*>& b) {
    for (Stmt* s : b) {
      if (bad()) return;
      stmt(s);
    }
  }

  static const std::string* docstring(const std::vector<Stmt*>& b) {
    if (b.empty() || b[0]->kind != StmtKind::Expr) return nullptr;
    Expr* e = b[0]->as<ExprStmt>()->value;
    if (e->kind != ExprKind::Constant || e->as<Constant>()->ckind != ConstKind::Str) return nullptr;
    return &e->as<Constant>()->str;
  }

  void stmt(Stmt* s) {
    if (too_deep()) return;
    set_loc(s);
    switch (s->kind) {
      case StmtKind::FunctionDef:
        function_def(s->as<FunctionDef>());
        break;
      case StmtKind::ClassDef:
        class_def(s->as<ClassDef>());
        break;
      case StmtKind::Return: {
        auto* r = s->as<Return>();
        if (u_->scope->type != ScopeType::Function) {
          error(s, "'return' outside function");
          return;
        }
        if (leaves_except_star(false)) {
          error(s, "'break', 'continue' and 'return' cannot appear in an except* block");
          return;
        }
        if (r->value && u_->scope->is_generator && false) {
        }
        if (r->value)
          expr(r->value);
        else
          load_const_none();
        unwind_all(true);
        set_loc(s);
        emit(Op::RETURN_VALUE);
        break;
      }
      case StmtKind::Delete:
        for (Expr* t : s->as<Delete>()->targets) del_target(t);
        break;
      case StmtKind::Assign: {
        auto* a = s->as<Assign>();
        expr(a->value);
        for (size_t i = 0; i < a->targets.size(); ++i) {
          if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
          assign(a->targets[i]);
        }
        break;
      }
      case StmtKind::AugAssign:
        aug_assign(s->as<AugAssign>());
        break;
      case StmtKind::AnnAssign:
        ann_assign(s->as<AnnAssign>());
        break;
      case StmtKind::For:
        for_stmt(s->as<For>());
        break;
      case StmtKind::While:
        while_stmt(s->as<While>());
        break;
      case StmtKind::If: {
        auto* i = s->as<If>();
        int l_else = new_label(), l_end = new_label();
        jump_if(i->test, false, l_else);
        body(i->body);
        if (!i->orelse.empty()) {
          emit_jump(Op::JUMP_FORWARD, l_end);
          bind(l_else);
          body(i->orelse);
        } else {
          bind(l_else);
        }
        bind(l_end);
        break;
      }
      case StmtKind::With: {
        auto* w = s->as<With>();
        if (w->is_async) {
          error(s, "'async with' outside async function");
          return;
        }
        with_stmt(w, 0);
        break;
      }
      case StmtKind::Match:
        match_stmt(s->as<Match>());
        break;
      case StmtKind::Raise: {
        auto* r = s->as<Raise>();
        uint32_t n = 0;
        if (r->exc) {
          expr(r->exc);
          n = 1;
          if (r->cause) {
            expr(r->cause);
            n = 2;
          }
        }
        set_loc(s);
        emit(Op::RAISE_VARARGS, n);
        break;
      }
      case StmtKind::Try: {
        auto* t = s->as<Try>();
        if (!t->finalbody.empty())
          try_finally(t);
        else
          try_except(t);
        break;
      }
      case StmtKind::Assert: {
        auto* a = s->as<Assert>();
        if (a->test->kind == ExprKind::Tuple && !a->test->as<Tuple>()->elts.empty()) {
          // CPython warns (SyntaxWarning) and the assert always passes.
        }
        int l_end = new_label();
        jump_if(a->test, true, l_end);  // may leave a comparison's location set
        emit(Op::LOAD_ASSERTION_ERROR);
        if (a->msg) {
          emit(Op::PUSH_NULL);
          expr(a->msg);
          emit(Op::CALL, 1);
        }
        emit(Op::RAISE_VARARGS, 1);
        bind(l_end);
        break;
      }
      case StmtKind::Import:
        for (alias* a : s->as<Import>()->names) {
          emit(Op::LOAD_CONST, const_int(0));
          load_const_none();
          emit(Op::IMPORT_NAME, name_idx(a->name));
          if (!a->asname.empty()) {
            size_t dot = a->name.find('.');
            while (dot != std::string::npos) {
              size_t next = a->name.find('.', dot + 1);
              std::string part = a->name.substr(
                  dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1);
              emit(Op::IMPORT_FROM, name_idx(part));
              emit(Op::SWAP, 2);
              emit(Op::POP_TOP);
              dot = next;
            }
            name_op(a->asname, Access::Store);
          } else {
            name_op(a->name.substr(0, a->name.find('.')), Access::Store);
          }
        }
        break;
      case StmtKind::ImportFrom: {
        auto* f = s->as<ImportFrom>();
        emit(Op::LOAD_CONST, const_int(f->level));
        TupleObject* names = tuple_new(ts_, static_cast<ssize>(f->names.size()));
        if (!names) {
          oom_ = true;
          return;
        }
        std::string key = "t:names";
        for (size_t i = 0; i < f->names.size(); ++i) {
          names->items[i] = intern(ts_, f->names[i]->name);
          key += "," + f->names[i]->name;
        }
        emit(Op::LOAD_CONST, add_const_key(key, names));
        emit(Op::IMPORT_NAME, name_idx(f->module));
        if (f->names.size() == 1 && f->names[0]->name == "*") {
          emit(Op::IMPORT_STAR);
          break;
        }
        for (alias* a : f->names) {
          emit(Op::IMPORT_FROM, name_idx(a->name));
          name_op(a->asname.empty() ? a->name : a->asname, Access::Store);
        }
        emit(Op::POP_TOP);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass:
        break;
      case StmtKind::Expr: {
        Expr* e = s->as<ExprStmt>()->value;
        if (u_->interactive && u_->scope->type == ScopeType::Module) {
          expr(e);
          emit(Op::PRINT_EXPR);
          break;
        }
        if (e->kind == ExprKind::Constant) break;
        expr(e);
        emit(Op::POP_TOP);
        break;
      }
      case StmtKind::Break: {
        FBlock loop;
        if (leaves_except_star(true)) {
          error(s, "'break', 'continue' and 'return' cannot appear in an except* block");
          return;
        }
        if (!unwind_to_loop(&loop, true)) {
          error(s, "'break' outside loop");
          return;
        }
        set_loc(s);
        jump_to(loop.exit);
        break;
      }
      case StmtKind::Continue: {
        FBlock loop;
        if (leaves_except_star(true)) {
          error(s, "'break', 'continue' and 'return' cannot appear in an except* block");
          return;
        }
        if (!unwind_to_loop(&loop, false)) {
          error(s, "'continue' not properly in loop");
          return;
        }
        set_loc(s);
        jump_to(loop.start);
        break;
      }
    }
  }

  // ---- unwinding for return/break/continue ----
  void unwind_fblock(const FBlock& fb, bool preserve_tos) {
    switch (fb.kind) {
      case FKind::While:
        break;
      case FKind::For:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        break;
      case FKind::TryExcept:
        emit(Op::POP_BLOCK);
        break;
      case FKind::FinallyTry: {
        emit(Op::POP_BLOCK);
        if (preserve_tos) u_->fblocks.push_back(FBlock{FKind::PopValue});
        body(*fb.finalbody);
        if (preserve_tos) u_->fblocks.pop_back();
        break;
      }
      case FKind::FinallyEnd:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_BLOCK);
        emit(Op::POP_EXCEPT);
        break;
      case FKind::With:
        emit(Op::POP_BLOCK);
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::PUSH_NULL);
        load_const_none();
        load_const_none();
        load_const_none();
        emit(Op::CALL, 3);
        emit(Op::POP_TOP);
        break;
      case FKind::HandlerCleanup:
        if (!fb.name.empty()) emit(Op::POP_BLOCK);
        emit(Op::POP_BLOCK);
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_EXCEPT);
        if (!fb.name.empty()) {
          load_const_none();
          name_op(fb.name, Access::Store);
          name_op(fb.name, Access::Del);
        }
        break;
      case FKind::PopValue:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        break;
      case FKind::ExceptStarHandler:  // never left by a jump: a SyntaxError (see callers)
        break;
    }
  }

  void unwind_all(bool preserve_tos) {
    if (u_->fblocks.empty()) return;
    FBlock top = u_->fblocks.back();
    u_->fblocks.pop_back();
    unwind_fblock(top, preserve_tos);
    unwind_all(preserve_tos);
    u_->fblocks.push_back(top);
  }

  bool unwind_to_loop(FBlock* loop, bool is_break) {
    if (u_->fblocks.empty()) return false;
    FBlock top = u_->fblocks.back();
    if (top.kind == FKind::While || top.kind == FKind::For) {
      *loop = top;
      if (is_break) unwind_fblock(top, false);
      return true;
    }
    u_->fblocks.pop_back();
    unwind_fblock(top, false);
    bool ok = unwind_to_loop(loop, is_break);
    u_->fblocks.push_back(top);
    return ok;
  }

  // ---- compound statements ----
  void for_stmt(For* f) {
    if (f->is_async) {
      error(f, "'async for' outside async function");
      return;
    }
    int l_start = new_label(), l_cleanup = new_label(), l_exit = new_label();
    expr(f->iter);
    set_loc(f);
    emit(Op::GET_ITER);
    bind(l_start);
    emit_jump(Op::FOR_ITER, l_cleanup);
    assign(f->target);
    u_->fblocks.push_back(FBlock{FKind::For, l_start, l_exit});
    body(f->body);
    u_->fblocks.pop_back();
    set_loc(f);
    emit_jump(Op::JUMP_BACKWARD, l_start);
    bind(l_cleanup);
    body(f->orelse);
    bind(l_exit);
  }

  static bool const_truth(Expr* e, bool* value) {
    if (e->kind != ExprKind::Constant) return false;
    auto* c = e->as<Constant>();
    switch (c->ckind) {
      case ConstKind::True:
        *value = true;
        return true;
      case ConstKind::False:
      case ConstKind::None:
        *value = false;
        return true;
      case ConstKind::Int:
        *value = c->str.find_first_not_of("0xXoObB_") != std::string::npos;
        return true;
      default:
        return false;
    }
  }

  void while_stmt(While* w) {
    int l_start = new_label(), l_else = new_label(), l_exit = new_label();
    bind(l_start);
    bool cv;
    bool is_const = const_truth(w->test, &cv);
    if (is_const && !cv) {
      body(w->orelse);
      bind(l_else);
      bind(l_exit);
      return;
    }
    if (!is_const) jump_if(w->test, false, l_else);
    u_->fblocks.push_back(FBlock{FKind::While, l_start, l_exit});
    body(w->body);
    u_->fblocks.pop_back();
    set_loc(w);
    emit_jump(Op::JUMP_BACKWARD, l_start);
    bind(l_else);
    body(w->orelse);
    bind(l_exit);
  }

  void try_finally(Try* t) {
    int l_final = new_label(), l_end = new_label(), l_cleanup = new_label();
    emit_jump(Op::SETUP_FINALLY, l_final);
    FBlock fb{FKind::FinallyTry};
    fb.finalbody = &t->finalbody;
    u_->fblocks.push_back(fb);
    if (!t->handlers.empty())
      try_except(t);
    else
      body(t->body);
    u_->fblocks.pop_back();
    emit(Op::POP_BLOCK);
    body(t->finalbody);
    emit_jump(Op::JUMP_FORWARD, l_end);
    bind(l_final);
    emit_jump(Op::SETUP_FINALLY, l_cleanup);
    emit(Op::PUSH_EXC_INFO);
    u_->fblocks.push_back(FBlock{FKind::FinallyEnd});
    body(t->finalbody);
    u_->fblocks.pop_back();
    emit(Op::RERAISE);
    bind(l_cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(l_end);
  }

  // CPython 3.11's layout of try/except*, with the two natives above for CHECK_EG_MATCH and
  // PREP_RERAISE_STAR. `res` collects what the clauses raise; the unmatched rest goes last.
  void try_star_except(Try* t) {
    int l_handler = new_label(), l_end = new_label(), l_cleanup = new_label(),
        l_reraise = new_label();
    emit_jump(Op::SETUP_FINALLY, l_handler);
    u_->fblocks.push_back(FBlock{FKind::TryExcept});
    body(t->body);
    u_->fblocks.pop_back();
    emit(Op::POP_BLOCK);
    body(t->orelse);
    emit_jump(Op::JUMP_FORWARD, l_end);
    bind(l_handler);  // [exc]
    emit_jump(Op::SETUP_FINALLY, l_cleanup);
    emit(Op::PUSH_EXC_INFO);  // [prev, exc]
    emit(Op::COPY, 1);
    emit(Op::BUILD_LIST, 0);
    emit(Op::SWAP, 2);  // [prev, orig, res, exc]
    int match_fn =
        add_const_key("native:except*match", native_function_new(ts_, &kExceptStarMatch, nullptr));
    int reraise_fn = add_const_key("native:except*reraise",
                                   native_function_new(ts_, &kExceptStarReraise, nullptr));
    for (ExceptHandler* h : t->handlers) {
      set_loc(h);
      int l_no_match = new_label(), l_next = new_label(), l_raised = new_label();
      emit(Op::LOAD_CONST, match_fn);
      emit(Op::SWAP, 2);
      expr(h->type);  // [.., fn, exc, type]: fn(exc, type) with exc in the self slot
      set_loc(h);
      emit(Op::CALL, 1);
      emit(Op::UNPACK_SEQUENCE, 2);  // [prev, orig, res, rest, match]
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NONE, l_no_match);
      if (!h->name.empty())
        name_op(h->name, Access::Store);
      else
        emit(Op::POP_TOP);  // [prev, orig, res, rest]
      emit_jump(Op::SETUP_FINALLY, l_raised);
      u_->fblocks.push_back(FBlock{FKind::ExceptStarHandler});
      body(h->body);
      u_->fblocks.pop_back();
      emit(Op::POP_BLOCK);
      if (!h->name.empty()) {
        load_const_none();
        name_op(h->name, Access::Store);
        name_op(h->name, Access::Del);
      }
      emit_jump(Op::JUMP_FORWARD, l_next);
      bind(l_raised);  // [prev, orig, res, rest, raised]
      if (!h->name.empty()) {
        load_const_none();
        name_op(h->name, Access::Store);
        name_op(h->name, Access::Del);
      }
      emit(Op::LIST_APPEND, 2);
      emit_jump(Op::JUMP_FORWARD, l_next);
      bind(l_no_match);  // [prev, orig, res, rest, None]
      emit(Op::POP_TOP);
      bind(l_next);  // [prev, orig, res, rest]
    }
    emit(Op::LIST_APPEND, 1);  // [prev, orig, res]
    emit(Op::LOAD_CONST, reraise_fn);
    emit(Op::SWAP, 3);
    emit(Op::SWAP, 2);  // [prev, fn, orig, res]
    emit(Op::CALL, 1);  // [prev, exc or None]
    emit(Op::COPY, 1);
    emit_jump(Op::POP_JUMP_IF_NOT_NONE, l_reraise);
    emit(Op::POP_TOP);
    emit(Op::POP_BLOCK);
    emit(Op::POP_EXCEPT);
    emit_jump(Op::JUMP_FORWARD, l_end);
    bind(l_reraise);  // [prev, exc]
    emit(Op::POP_BLOCK);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(l_cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(l_end);
  }

  // True when return (loop_ctl false) or break/continue would leave an except* clause.
  bool leaves_except_star(bool loop_ctl) {
    for (auto it = u_->fblocks.rbegin(); it != u_->fblocks.rend(); ++it) {
      if (loop_ctl && (it->kind == FKind::For || it->kind == FKind::While)) return false;
      if (it->kind == FKind::ExceptStarHandler) return true;
    }
    return false;
  }

  void try_except(Try* t) {
    if (t->is_star) {
      try_star_except(t);
      return;
    }
    int l_handler = new_label(), l_end = new_label(), l_cleanup = new_label();
    emit_jump(Op::SETUP_FINALLY, l_handler);
    u_->fblocks.push_back(FBlock{FKind::TryExcept});
    body(t->body);
    u_->fblocks.pop_back();
    emit(Op::POP_BLOCK);
    body(t->orelse);
    emit_jump(Op::JUMP_FORWARD, l_end);
    bind(l_handler);
    emit_jump(Op::SETUP_FINALLY, l_cleanup);
    emit(Op::PUSH_EXC_INFO);
    for (size_t i = 0; i < t->handlers.size(); ++i) {
      ExceptHandler* h = t->handlers[i];
      set_loc(h);
      if (!h->type && i + 1 < t->handlers.size()) {
        error(h, "default 'except:' must be last");
        return;
      }
      int l_next = new_label();
      if (h->type) {
        expr(h->type);
        set_loc(h);
        emit(Op::CHECK_EXC_MATCH);
        emit_jump(Op::POP_JUMP_IF_FALSE, l_next);
      }
      int l_name_cleanup = -1;
      if (!h->name.empty()) {
        name_op(h->name, Access::Store);
        l_name_cleanup = new_label();
        emit_jump(Op::SETUP_FINALLY, l_name_cleanup);
      } else {
        emit(Op::POP_TOP);
      }
      FBlock fb{FKind::HandlerCleanup};
      fb.name = h->name;
      u_->fblocks.push_back(fb);
      body(h->body);
      u_->fblocks.pop_back();
      if (!h->name.empty()) {
        emit(Op::POP_BLOCK);
        load_const_none();
        name_op(h->name, Access::Store);
        name_op(h->name, Access::Del);
      }
      emit(Op::POP_BLOCK);
      emit(Op::POP_EXCEPT);
      emit_jump(Op::JUMP_FORWARD, l_end);
      if (!h->name.empty()) {
        bind(l_name_cleanup);
        load_const_none();
        name_op(h->name, Access::Store);
        name_op(h->name, Access::Del);
        emit(Op::RERAISE);
      }
      bind(l_next);
    }
    emit(Op::RERAISE);
    bind(l_cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(l_end);
  }

  void with_stmt(With* w, size_t i) {
    withitem* item = w->items[i];
    int l_handler = new_label(), l_end = new_label(), l_cleanup = new_label(),
        l_suppress = new_label();
    expr(item->context_expr);
    set_loc(w);
    emit_jump(Op::BEFORE_WITH, l_handler);
    if (item->optional_vars)
      assign(item->optional_vars);
    else
      emit(Op::POP_TOP);
    u_->fblocks.push_back(FBlock{FKind::With});
    if (i + 1 < w->items.size())
      with_stmt(w, i + 1);
    else
      body(w->body);
    u_->fblocks.pop_back();
    set_loc(w);
    emit(Op::POP_BLOCK);
    emit(Op::PUSH_NULL);
    load_const_none();
    load_const_none();
    load_const_none();
    emit(Op::CALL, 3);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP_FORWARD, l_end);
    bind(l_handler);
    emit_jump(Op::SETUP_FINALLY, l_cleanup);
    emit(Op::PUSH_EXC_INFO);
    emit(Op::WITH_EXCEPT_START);
    emit_jump(Op::POP_JUMP_IF_TRUE, l_suppress);
    emit(Op::RERAISE);
    bind(l_suppress);
    emit(Op::POP_BLOCK);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP_FORWARD, l_end);
    bind(l_cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    bind(l_end);
  }

  // ---- match (subset: literal, capture, wildcard, or, sequence, class, mapping) ----
  void match_stmt(Match* m) {
    expr(m->subject);
    int l_end = new_label();
    for (size_t i = 0; i < m->cases.size(); ++i) {
      match_case* c = m->cases[i];
      set_loc(c);
      int l_next = new_label();
      emit(Op::COPY, 1);
      pattern(c->pattern, l_next);
      if (c->guard) jump_if(c->guard, false, l_next);
      emit(Op::POP_TOP);
      body(c->body);
      emit_jump(Op::JUMP_FORWARD, l_end);
      bind(l_next);
    }
    emit(Op::POP_TOP);
    bind(l_end);
  }

  // Pattern matching: consumes the subject on top; on failure jumps to fail with the subject
  // popped; on success falls through with it popped.
  void pattern(Pattern* p, int fail) {
    switch (p->kind) {
      case PatternKind::MatchValue: {
        expr(p->as<MatchValue>()->value);
        emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::EQ));
        emit_jump(Op::POP_JUMP_IF_FALSE, fail);
        break;
      }
      case PatternKind::MatchSingleton: {
        Constant c;
        c.ckind = p->as<MatchSingleton>()->value;
        std::string key;
        Object* v = make_const(&c, &key);
        emit(Op::LOAD_CONST, add_const_key(key, v));
        emit(Op::IS_OP, 0);
        emit_jump(Op::POP_JUMP_IF_FALSE, fail);
        break;
      }
      case PatternKind::MatchAs: {
        auto* a = p->as<MatchAs>();
        if (a->pattern) {
          if (!a->name.empty()) emit(Op::COPY, 1);
          int l_fail2 = fail;
          if (!a->name.empty()) {
            l_fail2 = new_label();
          }
          pattern(a->pattern, l_fail2);
          if (!a->name.empty()) {
            name_op(a->name, Access::Store);
            int l_ok = new_label();
            emit_jump(Op::JUMP_FORWARD, l_ok);
            bind(l_fail2);
            emit(Op::POP_TOP);
            emit_jump(Op::JUMP_FORWARD, fail);
            bind(l_ok);
          }
        } else if (!a->name.empty()) {
          name_op(a->name, Access::Store);
        } else {
          emit(Op::POP_TOP);
        }
        break;
      }
      case PatternKind::MatchOr: {
        auto* o = p->as<MatchOr>();
        int l_ok = new_label();
        for (size_t i = 0; i < o->patterns.size(); ++i) {
          int l_try_next = new_label();
          emit(Op::COPY, 1);
          pattern(o->patterns[i], l_try_next);
          emit(Op::POP_TOP);
          emit_jump(Op::JUMP_FORWARD, l_ok);
          bind(l_try_next);
        }
        emit(Op::POP_TOP);
        emit_jump(Op::JUMP_FORWARD, fail);
        bind(l_ok);
        break;
      }
      case PatternKind::MatchSequence: {
        auto* sq = p->as<MatchSequence>();
        int l_pop_fail = new_label();
        int star = -1;
        for (size_t i = 0; i < sq->patterns.size(); ++i)
          if (sq->patterns[i]->kind == PatternKind::MatchStar) star = static_cast<int>(i);
        emit(Op::MATCH_SEQUENCE);
        emit_jump(Op::POP_JUMP_IF_FALSE, l_pop_fail);
        emit(Op::GET_LEN);
        emit(Op::LOAD_CONST, const_int(static_cast<int64_t>(sq->patterns.size()) - (star >= 0)));
        emit(Op::COMPARE_OP, static_cast<uint32_t>(star >= 0 ? CmpOp::GE : CmpOp::EQ));
        emit_jump(Op::POP_JUMP_IF_FALSE, l_pop_fail);
        // Unpack and match each item.
        if (star >= 0)
          emit(Op::UNPACK_EX, static_cast<uint32_t>(star) |
                                  (static_cast<uint32_t>(sq->patterns.size() - star - 1) << 8));
        else
          emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(sq->patterns.size()));
        size_t n = sq->patterns.size();
        std::vector<int> fails;
        for (size_t i = 0; i < n; ++i) {
          int l_f = new_label();
          fails.push_back(l_f);
          Pattern* q = sq->patterns[i];
          if (q->kind == PatternKind::MatchStar) {
            auto* ms = q->as<MatchStar>();
            if (ms->name.empty())
              emit(Op::POP_TOP);
            else
              name_op(ms->name, Access::Store);
          } else {
            pattern(q, l_f);
          }
        }
        int l_ok = new_label();
        emit_jump(Op::JUMP_FORWARD, l_ok);
        // Failure at item i leaves n-1-i items on the stack.
        for (size_t i = 0; i < n; ++i) {
          bind(fails[i]);
          for (size_t k = 0; k < n - 1 - i; ++k) emit(Op::POP_TOP);
          emit_jump(Op::JUMP_FORWARD, fail);
        }
        bind(l_pop_fail);
        emit(Op::POP_TOP);
        emit_jump(Op::JUMP_FORWARD, fail);
        bind(l_ok);
        break;
      }
      case PatternKind::MatchClass: {
        auto* mc = p->as<MatchClass>();
        expr(mc->cls);
        TupleObject* kw = tuple_new(ts_, static_cast<ssize>(mc->kwd_attrs.size()));
        if (!kw) {
          oom_ = true;
          return;
        }
        std::string key = "t:kw";
        for (size_t i = 0; i < mc->kwd_attrs.size(); ++i) {
          kw->items[i] = intern(ts_, mc->kwd_attrs[i]);
          key += "," + mc->kwd_attrs[i];
        }
        emit(Op::LOAD_CONST, add_const_key(key, kw));
        emit(Op::MATCH_CLASS, static_cast<uint32_t>(mc->patterns.size()));
        emit(Op::COPY, 1);
        int l_none = new_label();
        emit_jump(Op::POP_JUMP_IF_NONE, l_none);
        size_t n = mc->patterns.size() + mc->kwd_patterns.size();
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));
        std::vector<int> fails;
        for (size_t i = 0; i < n; ++i) {
          int l_f = new_label();
          fails.push_back(l_f);
          Pattern* q =
              i < mc->patterns.size() ? mc->patterns[i] : mc->kwd_patterns[i - mc->patterns.size()];
          pattern(q, l_f);
        }
        int l_ok = new_label();
        emit_jump(Op::JUMP_FORWARD, l_ok);
        for (size_t i = 0; i < n; ++i) {
          bind(fails[i]);
          for (size_t k = 0; k < n - 1 - i; ++k) emit(Op::POP_TOP);
          emit_jump(Op::JUMP_FORWARD, fail);
        }
        bind(l_none);
        emit(Op::POP_TOP);
        emit_jump(Op::JUMP_FORWARD, fail);
        bind(l_ok);
        break;
      }
      case PatternKind::MatchMapping: {
        auto* mm = p->as<MatchMapping>();
        int l_pop_fail = new_label(), l_pop2_fail = new_label();
        emit(Op::MATCH_MAPPING);
        emit_jump(Op::POP_JUMP_IF_FALSE, l_pop_fail);
        for (Expr* k : mm->keys) expr(k);
        emit(Op::BUILD_TUPLE, static_cast<uint32_t>(mm->keys.size()));
        emit(Op::MATCH_KEYS);  // [subj, keys, vals]
        emit(Op::COPY, 1);
        int l_none = new_label();
        emit_jump(Op::POP_JUMP_IF_NONE, l_none);
        size_t n = mm->patterns.size();
        emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(n));  // [subj, keys, vN..v1]
        std::vector<int> fails;
        for (size_t i = 0; i < n; ++i) {
          int l_f = new_label();
          fails.push_back(l_f);
          pattern(mm->patterns[i], l_f);
        }
        // [subj, keys]
        if (!mm->rest.empty()) {
          emit(Op::COPY_DICT_WITHOUT_KEYS);
          name_op(mm->rest, Access::Store);
          emit(Op::POP_TOP);
        } else {
          emit(Op::POP_TOP);
          emit(Op::POP_TOP);
        }
        int l_ok = new_label();
        emit_jump(Op::JUMP_FORWARD, l_ok);
        for (size_t i = 0; i < n; ++i) {
          bind(fails[i]);
          for (size_t k = 0; k < n - 1 - i; ++k) emit(Op::POP_TOP);
          emit_jump(Op::JUMP_FORWARD, l_pop2_fail);
        }
        bind(l_none);
        emit(Op::POP_TOP);  // None
        bind(l_pop2_fail);
        emit(Op::POP_TOP);  // keys
        bind(l_pop_fail);
        emit(Op::POP_TOP);  // subject
        emit_jump(Op::JUMP_FORWARD, fail);
        bind(l_ok);
        break;
      }
      case PatternKind::MatchStar:
        error(p, "can't use starred pattern here");
        break;
    }
  }

  // ---- definitions ----
  void decorators(const std::vector<Expr*>& decs) {
    for (Expr* d : decs) {
      expr(d);
      emit(Op::PUSH_NULL);
    }
  }
  void apply_decorators(const std::vector<Expr*>& decs) {
    SrcLoc saved = u_->loc;
    for (size_t i = decs.size(); i-- > 0;) {
      set_loc(decs[i]);  // each call at its decorator expression
      emit(Op::CALL, 1);
    }
    u_->loc = saved;
  }

  // Pushes defaults/kwdefaults/annotations for a function; returns MAKE_FUNCTION flags.
  uint32_t function_args(arguments* a, Expr* returns, bool with_annotations) {
    uint32_t flags = 0;
    if (!a->defaults.empty()) {
      for (Expr* d : a->defaults) expr(d);
      emit(Op::BUILD_TUPLE, static_cast<uint32_t>(a->defaults.size()));
      flags |= kFnDefaults;
    }
    uint32_t nkw = 0;
    for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
      if (!a->kw_defaults[i]) continue;
      emit(Op::LOAD_CONST, const_str(mg(a->kwonlyargs[i]->name)));
      expr(a->kw_defaults[i]);
      ++nkw;
    }
    if (nkw) {
      emit(Op::BUILD_MAP, nkw);
      flags |= kFnKwDefaults;
    }
    if (with_annotations) {
      uint32_t nann = 0;
      auto ann = [&](arg* x) {
        if (x && x->annotation) {
          emit(Op::LOAD_CONST, const_str(mg(x->name)));
          expr(x->annotation);
          ++nann;
        }
      };
      for (arg* x : a->posonlyargs) ann(x);
      for (arg* x : a->args) ann(x);
      ann(a->vararg);
      for (arg* x : a->kwonlyargs) ann(x);
      ann(a->kwarg);
      if (returns) {
        emit(Op::LOAD_CONST, const_str("return"));
        expr(returns);
        ++nann;
      }
      if (nann) {
        emit(Op::BUILD_MAP, nann);
        flags |= kFnAnnotations;
      }
    }
    return flags;
  }

  void set_arg_counts(arguments* a) {
    u_->spec.argcount = static_cast<int>(a->posonlyargs.size() + a->args.size());
    u_->spec.posonlyargcount = static_cast<int>(a->posonlyargs.size());
    u_->spec.kwonlyargcount = static_cast<int>(a->kwonlyargs.size());
    if (a->vararg) u_->spec.flags |= kCoVarargs;
    if (a->kwarg) u_->spec.flags |= kCoVarkeywords;
  }

  int function_flags(Scope* s) {
    int f = kCoOptimized | kCoNewLocals;
    if (s->is_async)
      f |= s->is_generator ? kCoAsyncGenerator : kCoCoroutine;
    else if (s->is_generator)
      f |= kCoGenerator;
    if (u_ && u_->scope->type != ScopeType::Module) f |= kCoNested;
    return f;
  }

  void make_function(CodeObject* co, uint32_t flags) {
    if (!co) return;
    if (make_closure(co)) flags |= kFnClosure;
    emit(Op::LOAD_CONST,
         add_const_key("code:" + std::to_string(reinterpret_cast<uintptr_t>(co)), co));
    emit(Op::MAKE_FUNCTION, flags);
  }

  void function_def(FunctionDef* f) {
    Scope* s = st_->lookup(f);
    decorators(f->decorator_list);
    int first_line = f->decorator_list.empty() ? f->line : f->decorator_list[0]->line;
    uint32_t flags = function_args(f->args, f->returns, true);
    std::string qn = child_qualname(f->name);
    int fl = function_flags(s);
    enter_unit(s, f->name, qn, first_line);
    u_->spec.flags = fl;
    set_arg_counts(f->args);
    const std::string* doc = docstring(f->body);
    if (doc)
      const_str(*doc);
    else
      const_none();
    set_loc(f);
    body(f->body);
    if (!ends_with_return(f->body)) {
      load_const_none();
      emit(Op::RETURN_VALUE);
    }
    CodeObject* co = leave_unit();
    set_loc(f);
    make_function(co, flags);
    apply_decorators(f->decorator_list);
    name_op(f->name, Access::Store);
  }

  static bool ends_with_return(const std::vector<Stmt*>& b) {
    return !b.empty() && b.back()->kind == StmtKind::Return;
  }

  void class_def(ClassDef* c) {
    Scope* s = st_->lookup(c);
    decorators(c->decorator_list);
    int first_line = c->decorator_list.empty() ? c->line : c->decorator_list[0]->line;
    emit(Op::LOAD_BUILD_CLASS);
    bool dynamic = has_starred(c->bases);
    for (keyword* k : c->keywords)
      if (k->is_double_star()) dynamic = true;
    if (!dynamic) emit(Op::PUSH_NULL);
    std::string qn = child_qualname(c->name);
    enter_unit(s, c->name, qn, first_line);
    set_loc(c);
    name_op("__name__", Access::Load);
    name_op("__module__", Access::Store);
    emit(Op::LOAD_CONST, const_str(qn));
    name_op("__qualname__", Access::Store);
    const std::string* doc = docstring(c->body);
    if (doc) {
      emit(Op::LOAD_CONST, const_str(*doc));
      name_op("__doc__", Access::Store);
    }
    if (s->has_annotations) emit(Op::SETUP_ANNOTATIONS);
    body(c->body);
    if (s->needs_class_closure) {
      emit(Op::LOAD_CLOSURE, u_->cell_map["__class__"]);
    } else {
      load_const_none();
    }
    emit(Op::RETURN_VALUE);
    CodeObject* co = leave_unit();
    set_loc(c);
    make_function(co, 0);
    emit(Op::LOAD_CONST, const_str(c->name));
    call_args(c->bases, c->keywords, 2, c);
    apply_decorators(c->decorator_list);
    name_op(c->name, Access::Store);
  }

  // ---- assignment ----
  // Targets are compiled at their own location (CPython visits them as expressions).
  void assign(Expr* t) {
    SrcLoc saved = u_->loc;
    set_loc(t);
    assign_inner(t);
    u_->loc = saved;
  }
  void assign_inner(Expr* t) {
    switch (t->kind) {
      case ExprKind::Name:
        name_op(t->as<Name>()->id, Access::Store);
        break;
      case ExprKind::Attribute: {
        auto* a = t->as<Attribute>();
        expr(a->value);
        match_attr_start(t);
        emit(Op::STORE_ATTR, name_idx(mg(a->attr)));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = t->as<Subscript>();
        expr(s->value);
        expr(s->slice);
        emit(Op::STORE_SUBSCR);
        break;
      }
      case ExprKind::Tuple:
      case ExprKind::List: {
        const auto& elts =
            t->kind == ExprKind::Tuple ? t->as<Tuple>()->elts : t->as<ast::List>()->elts;
        int star = -1;
        for (size_t i = 0; i < elts.size(); ++i) {
          if (elts[i]->kind == ExprKind::Starred) {
            if (star >= 0) {
              error(t, "multiple starred expressions in assignment");
              return;
            }
            star = static_cast<int>(i);
          }
        }
        if (star >= 0) {
          size_t after = elts.size() - star - 1;
          if (star > 255 || after > 0xffff) {
            error(t, "too many expressions in star-unpacking assignment");
            return;
          }
          emit(Op::UNPACK_EX, static_cast<uint32_t>(star) | static_cast<uint32_t>(after << 8));
        } else {
          emit(Op::UNPACK_SEQUENCE, static_cast<uint32_t>(elts.size()));
        }
        for (Expr* e : elts) assign(e->kind == ExprKind::Starred ? e->as<Starred>()->value : e);
        break;
      }
      case ExprKind::Starred:
        error(t, "starred assignment target must be in a list or tuple");
        break;
      default:
        error(t, "cannot assign to expression");
        break;
    }
  }

  void del_target(Expr* t) {
    SrcLoc saved = u_->loc;
    set_loc(t);
    del_target_inner(t);
    u_->loc = saved;
  }
  void del_target_inner(Expr* t) {
    switch (t->kind) {
      case ExprKind::Name:
        name_op(t->as<Name>()->id, Access::Del);
        break;
      case ExprKind::Attribute:
        expr(t->as<Attribute>()->value);
        match_attr_start(t);
        emit(Op::DELETE_ATTR, name_idx(mg(t->as<Attribute>()->attr)));
        break;
      case ExprKind::Subscript:
        expr(t->as<Subscript>()->value);
        expr(t->as<Subscript>()->slice);
        emit(Op::DELETE_SUBSCR);
        break;
      case ExprKind::Tuple:
        for (Expr* e : t->as<Tuple>()->elts) del_target(e);
        break;
      case ExprKind::List:
        for (Expr* e : t->as<ast::List>()->elts) del_target(e);
        break;
      default:
        error(t, "cannot delete expression");
        break;
    }
  }

  void aug_assign(AugAssign* a) {
    uint32_t op = static_cast<uint32_t>(a->op) | kInplaceFlag;
    Expr* t = a->target;
    switch (t->kind) {
      // As CPython: the target's loads and stores at the target, the operation at the statement.
      case ExprKind::Name:
        set_loc(t);
        name_op(t->as<Name>()->id, Access::Load);
        set_loc(a);
        expr(a->value);
        emit(Op::BINARY_OP, op);
        set_loc(t);
        name_op(t->as<Name>()->id, Access::Store);
        break;
      case ExprKind::Attribute: {
        auto* at = t->as<Attribute>();
        set_loc(t);
        expr(at->value);
        emit(Op::COPY, 1);
        match_attr_start(t);
        emit(Op::LOAD_ATTR, name_idx(mg(at->attr)));
        set_loc(a);
        expr(a->value);
        emit(Op::BINARY_OP, op);
        set_loc(t);
        match_attr_start(t);
        emit(Op::SWAP, 2);
        emit(Op::STORE_ATTR, name_idx(mg(at->attr)));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = t->as<Subscript>();
        set_loc(t);
        expr(s->value);
        expr(s->slice);
        emit(Op::COPY, 2);
        emit(Op::COPY, 2);
        emit(Op::BINARY_SUBSCR);
        set_loc(a);
        expr(a->value);
        emit(Op::BINARY_OP, op);
        set_loc(t);
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
        emit(Op::STORE_SUBSCR);
        break;
      }
      default:
        error(t, "'" + std::string("expression") +
                     "' is an illegal expression for augmented assignment");
        break;
    }
  }

  void ann_assign(AnnAssign* a) {
    Scope* s = u_->scope;
    if (a->value) {
      expr(a->value);
      assign(a->target);
    }
    if (a->target->kind == ExprKind::Name && a->simple &&
        (s->type == ScopeType::Module || s->type == ScopeType::Class)) {
      expr(a->annotation);
      name_op("__annotations__", Access::Load);
      emit(Op::LOAD_CONST, const_str(mg(a->target->as<Name>()->id)));
      emit(Op::STORE_SUBSCR);
    }
  }

  // ---- expressions ----
  // Conditional jumps take the enclosing location (the statement's), as CPython 3.11; a comparison
  // sets its own location and leaves it set for the rest of the statement (what `assert a == b`
  // raises with).
  void jump_if(Expr* e, bool cond, int label) {
    if (e->kind == ExprKind::UnaryOp && e->as<UnaryOp>()->op == UnaryOpKind::Not) {
      jump_if(e->as<UnaryOp>()->operand, !cond, label);
      return;
    }
    if (e->kind == ExprKind::BoolOp) {
      auto* b = e->as<BoolOp>();
      // `a and b` jumps to label on false if any is false; on true only if all are true.
      bool is_and = b->is_and;
      if (is_and != cond) {
        // and/false or or/true: any operand decides.
        for (Expr* v : b->values) jump_if(v, cond, label);
      } else {
        int l_skip = new_label();
        for (size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], !cond, l_skip);
        jump_if(b->values.back(), cond, label);
        bind(l_skip);
      }
      return;
    }
    if (e->kind == ExprKind::Compare) {
      set_loc(e);
      auto* c = e->as<Compare>();
      CmpOpKind k = c->ops[0];
      if (c->ops.size() == 1 && (k == CmpOpKind::Is || k == CmpOpKind::IsNot) &&
          c->comparators[0]->kind == ExprKind::Constant &&
          c->comparators[0]->as<Constant>()->ckind == ConstKind::None) {
        expr(c->left);
        bool jump_on_none = (k == CmpOpKind::Is) == cond;
        emit_jump(jump_on_none ? Op::POP_JUMP_IF_NONE : Op::POP_JUMP_IF_NOT_NONE, label);
        return;
      }
    }
    expr(e);
    emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
  }

  bool is_const_expr(Expr* e) {
    if (e->kind == ExprKind::Constant) return true;
    if (e->kind == ExprKind::UnaryOp && e->as<UnaryOp>()->op == UnaryOpKind::USub &&
        e->as<UnaryOp>()->operand->kind == ExprKind::Constant) {
      ConstKind k = e->as<UnaryOp>()->operand->as<Constant>()->ckind;
      return k == ConstKind::Int || k == ConstKind::Float || k == ConstKind::Imag;
    }
    if (e->kind == ExprKind::Tuple && e->as<Tuple>()->ctx == Ctx::Load) {
      for (Expr* x : e->as<Tuple>()->elts)
        if (!is_const_expr(x)) return false;
      return true;
    }
    return false;
  }

  // Folded constant value of a constant expression (new reference) with its key.
  Object* fold(Expr* e, std::string* key) {
    if (e->kind == ExprKind::Constant) return make_const(e->as<Constant>(), key);
    if (e->kind == ExprKind::UnaryOp) {
      std::string k;
      Object* v = make_const(e->as<UnaryOp>()->operand->as<Constant>(), &k);
      if (!v) return nullptr;
      Object* r = negative(ts_, v);
      decref(v);
      *key = "-" + k;
      return r;
    }
    auto* t = e->as<Tuple>();
    TupleObject* tup = tuple_new(ts_, static_cast<ssize>(t->elts.size()));
    if (!tup) return nullptr;
    *key = "t(";
    for (size_t i = 0; i < t->elts.size(); ++i) {
      std::string k;
      Object* v = fold(t->elts[i], &k);
      if (!v) {
        decref(tup);
        return nullptr;
      }
      tup->items[i] = v;
      *key += k + "\x01";
    }
    *key += ")";
    return tup;
  }

  void expr(Expr* e) {
    if (bad() || too_deep()) return;
    SrcLoc saved = u_->loc;
    set_loc(e);
    expr_inner(e);
    u_->loc = saved;
  }

  void starred_sequence(const std::vector<Expr*>& elts, Op build, Op extend_op, bool to_tuple) {
    // Builds a list/set with LIST_EXTEND/SET_UPDATE for starred items.
    size_t i = 0, pending = 0;
    bool built = false;
    for (; i < elts.size(); ++i) {
      Expr* x = elts[i];
      if (x->kind == ExprKind::Starred) {
        if (!built) {
          emit(build, static_cast<uint32_t>(pending));
          built = true;
        } else if (pending) {
          error(x, "internal: pending");
        }
        pending = 0;
        expr(x->as<Starred>()->value);
        emit(extend_op, 1);
      } else {
        expr(x);
        if (built) {
          emit(build == Op::BUILD_SET ? Op::SET_ADD : Op::LIST_APPEND, 1);
        } else {
          ++pending;
        }
      }
    }
    if (!built) emit(build, static_cast<uint32_t>(pending));
    if (to_tuple) emit(Op::LIST_TO_TUPLE);
  }

  static bool has_starred(const std::vector<Expr*>& elts) {
    for (Expr* x : elts)
      if (x->kind == ExprKind::Starred) return true;
    return false;
  }

  void expr_inner(Expr* e) {
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* b = e->as<BoolOp>();
        int l_end = new_label();
        for (size_t i = 0; i < b->values.size(); ++i) {
          expr(b->values[i]);
          if (i + 1 < b->values.size())
            emit_jump(b->is_and ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP, l_end);
        }
        bind(l_end);
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = e->as<NamedExpr>();
        expr(n->value);
        emit(Op::COPY, 1);
        assign(n->target);
        break;
      }
      case ExprKind::BinOp: {
        auto* b = e->as<ast::BinOp>();
        expr(b->left);
        expr(b->right);
        emit(Op::BINARY_OP, static_cast<uint32_t>(b->op));
        break;
      }
      case ExprKind::UnaryOp: {
        auto* un = e->as<UnaryOp>();
        if (is_const_expr(e)) {
          std::string key;
          Object* v = fold(e, &key);
          if (!v) {
            oom_ = true;
            return;
          }
          emit(Op::LOAD_CONST, add_const_key(key, v));
          break;
        }
        expr(un->operand);
        switch (un->op) {
          case UnaryOpKind::Invert:
            emit(Op::UNARY_INVERT);
            break;
          case UnaryOpKind::Not:
            emit(Op::UNARY_NOT);
            break;
          case UnaryOpKind::UAdd:
            emit(Op::UNARY_POSITIVE);
            break;
          case UnaryOpKind::USub:
            emit(Op::UNARY_NEGATIVE);
            break;
        }
        break;
      }
      case ExprKind::Lambda: {
        auto* l = e->as<Lambda>();
        Scope* s = st_->lookup(l);
        uint32_t flags = function_args(l->args, nullptr, false);
        std::string qn = child_qualname("<lambda>");
        int fl = function_flags(s);
        enter_unit(s, "<lambda>", qn, e->line);
        u_->spec.flags = fl;
        set_arg_counts(l->args);
        const_none();
        expr(l->body);
        emit(Op::RETURN_VALUE);
        CodeObject* co = leave_unit();
        make_function(co, flags);
        break;
      }
      case ExprKind::IfExp: {
        auto* i = e->as<IfExp>();
        int l_else = new_label(), l_end = new_label();
        jump_if(i->test, false, l_else);
        expr(i->body);
        emit_jump(Op::JUMP_FORWARD, l_end);
        bind(l_else);
        expr(i->orelse);
        bind(l_end);
        break;
      }
      case ExprKind::Dict: {
        auto* d = e->as<ast::Dict>();
        uint32_t pending = 0;
        bool built = false;
        for (size_t i = 0; i < d->keys.size(); ++i) {
          if (!d->keys[i]) {
            if (!built) {
              emit(Op::BUILD_MAP, pending);
              built = true;
            } else if (pending) {
              emit(Op::BUILD_MAP, pending);
              emit(Op::DICT_UPDATE, 1);
            }
            pending = 0;
            expr(d->values[i]);
            emit(Op::DICT_UPDATE, 1);
          } else {
            expr(d->keys[i]);
            expr(d->values[i]);
            ++pending;
            if (built) {
              emit(Op::MAP_ADD, 1);
              pending = 0;
            }
          }
        }
        if (!built) emit(Op::BUILD_MAP, pending);
        break;
      }
      case ExprKind::Set: {
        auto* s = e->as<ast::Set>();
        if (has_starred(s->elts)) {
          starred_sequence(s->elts, Op::BUILD_SET, Op::SET_UPDATE, false);
        } else {
          for (Expr* x : s->elts) expr(x);
          emit(Op::BUILD_SET, static_cast<uint32_t>(s->elts.size()));
        }
        break;
      }
      case ExprKind::List: {
        auto* l = e->as<ast::List>();
        if (l->ctx != Ctx::Load) {
          error(e, "invalid list context");
          return;
        }
        if (has_starred(l->elts)) {
          starred_sequence(l->elts, Op::BUILD_LIST, Op::LIST_EXTEND, false);
        } else {
          for (Expr* x : l->elts) expr(x);
          emit(Op::BUILD_LIST, static_cast<uint32_t>(l->elts.size()));
        }
        break;
      }
      case ExprKind::Tuple: {
        auto* t = e->as<Tuple>();
        if (!t->elts.empty() && is_const_expr(e)) {
          std::string key;
          Object* v = fold(e, &key);
          if (!v) {
            oom_ = true;
            return;
          }
          emit(Op::LOAD_CONST, add_const_key(key, v));
          break;
        }
        if (has_starred(t->elts)) {
          starred_sequence(t->elts, Op::BUILD_LIST, Op::LIST_EXTEND, true);
        } else {
          for (Expr* x : t->elts) expr(x);
          emit(Op::BUILD_TUPLE, static_cast<uint32_t>(t->elts.size()));
        }
        break;
      }
      case ExprKind::ListComp:
        comprehension(e, e->as<ListComp>()->generators, e->as<ListComp>()->elt, nullptr,
                      "<listcomp>");
        break;
      case ExprKind::SetComp:
        comprehension(e, e->as<SetComp>()->generators, e->as<SetComp>()->elt, nullptr, "<setcomp>");
        break;
      case ExprKind::DictComp:
        comprehension(e, e->as<DictComp>()->generators, e->as<DictComp>()->key,
                      e->as<DictComp>()->value, "<dictcomp>");
        break;
      case ExprKind::GeneratorExp:
        comprehension(e, e->as<GeneratorExp>()->generators, e->as<GeneratorExp>()->elt, nullptr,
                      "<genexpr>");
        break;
      case ExprKind::Await:
        expr(e->as<Await>()->value);
        emit(Op::GET_AWAITABLE);
        load_const_none();
        yield_from_loop();
        break;
      case ExprKind::Yield: {
        auto* y = e->as<Yield>();
        if (y->value)
          expr(y->value);
        else
          load_const_none();
        emit(Op::YIELD_VALUE, 0);
        break;
      }
      case ExprKind::YieldFrom: {
        expr(e->as<YieldFrom>()->value);
        emit(Op::GET_YIELD_FROM_ITER);
        load_const_none();
        yield_from_loop();
        break;
      }
      case ExprKind::Compare:
        compare(e->as<Compare>());
        break;
      case ExprKind::Call:
        call(e->as<Call>());
        break;
      case ExprKind::FormattedValue: {
        auto* f = e->as<FormattedValue>();
        expr(f->value);
        uint32_t flags = 0;
        if (f->conversion == 's') flags = 1;
        if (f->conversion == 'r') flags = 2;
        if (f->conversion == 'a') flags = 3;
        if (f->format_spec) {
          expr(f->format_spec);
          flags |= kFmtHaveSpec;
        }
        emit(Op::FORMAT_VALUE, flags);
        break;
      }
      case ExprKind::JoinedStr: {
        auto* j = e->as<JoinedStr>();
        if (j->values.empty()) {
          emit(Op::LOAD_CONST, const_str(""));
          break;
        }
        for (Expr* v : j->values) expr(v);
        if (j->values.size() > 1 || j->values[0]->kind != ExprKind::FormattedValue)
          emit(Op::BUILD_STRING, static_cast<uint32_t>(j->values.size()));
        break;
      }
      case ExprKind::Constant: {
        std::string key;
        Object* v = make_const(e->as<Constant>(), &key);
        if (!v) {
          oom_ = true;
          return;
        }
        emit(Op::LOAD_CONST, add_const_key(key, v));
        break;
      }
      case ExprKind::Attribute: {
        auto* a = e->as<Attribute>();
        expr(a->value);
        match_attr_start(e);
        if (a->ctx == Ctx::Load) emit(Op::LOAD_ATTR, name_idx(mg(a->attr)));
        break;
      }
      case ExprKind::Subscript: {
        auto* s = e->as<Subscript>();
        expr(s->value);
        expr(s->slice);
        emit(Op::BINARY_SUBSCR);
        break;
      }
      case ExprKind::Starred:
        error(e, "can't use starred expression here");
        break;
      case ExprKind::Name:
        name_op(e->as<Name>()->id, Access::Load);
        break;
      case ExprKind::Slice: {
        auto* s = e->as<ast::Slice>();
        if (s->lower)
          expr(s->lower);
        else
          load_const_none();
        if (s->upper)
          expr(s->upper);
        else
          load_const_none();
        if (s->step) expr(s->step);
        emit(Op::BUILD_SLICE, s->step ? 3 : 2);
        break;
      }
    }
  }

  void yield_from_loop() {
    int l_send = new_label(), l_exit = new_label();
    bind(l_send);
    emit_jump(Op::SEND, l_exit);
    emit(Op::YIELD_VALUE, 1);
    emit_jump(Op::JUMP_BACKWARD_NO_INTERRUPT, l_send);
    bind(l_exit);
  }

  void compare(Compare* c) {
    expr(c->left);
    size_t n = c->ops.size();
    auto emit_cmp = [&](CmpOpKind k) {
      switch (k) {
        case CmpOpKind::Eq:
          emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::EQ));
          break;
        case CmpOpKind::NotEq:
          emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::NE));
          break;
        case CmpOpKind::Lt:
          emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::LT));
          break;
        case CmpOpKind::LtE:
          emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::LE));
          break;
        case CmpOpKind::Gt:
          emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::GT));
          break;
        case CmpOpKind::GtE:
          emit(Op::COMPARE_OP, static_cast<uint32_t>(CmpOp::GE));
          break;
        case CmpOpKind::Is:
          emit(Op::IS_OP, 0);
          break;
        case CmpOpKind::IsNot:
          emit(Op::IS_OP, 1);
          break;
        case CmpOpKind::In:
          emit(Op::CONTAINS_OP, 0);
          break;
        case CmpOpKind::NotIn:
          emit(Op::CONTAINS_OP, 1);
          break;
      }
    };
    if (n == 1) {
      expr(c->comparators[0]);
      emit_cmp(c->ops[0]);
      return;
    }
    int l_cleanup = new_label(), l_end = new_label();
    for (size_t i = 0; i + 1 < n; ++i) {
      expr(c->comparators[i]);
      emit(Op::SWAP, 2);
      emit(Op::COPY, 2);
      emit_cmp(c->ops[i]);
      emit_jump(Op::JUMP_IF_FALSE_OR_POP, l_cleanup);
    }
    expr(c->comparators[n - 1]);
    emit_cmp(c->ops[n - 1]);
    emit_jump(Op::JUMP_FORWARD, l_end);
    bind(l_cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    bind(l_end);
  }

  // Arguments of a call whose callable (and self/NULL slot) are on the stack. `extra` counts
  // positional arguments already pushed (class name and body function for __build_class__).
  void call_args(const std::vector<Expr*>& args, const std::vector<keyword*>& kws, uint32_t extra,
                 const Loc* where) {
    bool dynamic = has_starred(args);
    for (keyword* k : kws)
      if (k->is_double_star()) dynamic = true;
    SrcLoc loc = u_->loc;
    if (!dynamic) {
      for (Expr* a : args) expr(a);
      for (keyword* k : kws) expr(k->value);
      u_->loc = loc;
      if (!kws.empty()) {
        TupleObject* names = tuple_new(ts_, static_cast<ssize>(kws.size()));
        if (!names) {
          oom_ = true;
          return;
        }
        std::string key = "t:kw";
        for (size_t i = 0; i < kws.size(); ++i) {
          for (size_t j = 0; j < i; ++j) {
            if (kws[j]->name == kws[i]->name) {
              decref(names);
              error(kws[i], "keyword argument repeated: " + kws[i]->name);
              return;
            }
          }
          names->items[i] = intern(ts_, kws[i]->name);
          key += "," + kws[i]->name;
        }
        emit(Op::KW_NAMES, static_cast<uint32_t>(add_const_key(key, names)));
      }
      emit(Op::CALL, static_cast<uint32_t>(args.size() + kws.size()) + extra);
      return;
    }
    // Dynamic call (no NULL slot was pushed): [callable, extra...] -> fold the extras and all
    // positionals into a tuple, keywords into a dict: CALL_FUNCTION_EX [callable, args, kwargs].
    emit(Op::BUILD_LIST, extra);
    for (Expr* a : args) {
      if (a->kind == ExprKind::Starred) {
        expr(a->as<Starred>()->value);
        emit(Op::LIST_EXTEND, 1);
      } else {
        expr(a);
        emit(Op::LIST_APPEND, 1);
      }
    }
    emit(Op::LIST_TO_TUPLE);
    bool have_kw = !kws.empty();
    if (have_kw) {
      emit(Op::BUILD_MAP, 0);
      for (keyword* k : kws) {
        if (k->is_double_star()) {
          expr(k->value);
          emit(Op::DICT_MERGE, 1);
        } else {
          emit(Op::LOAD_CONST, const_str(k->name));
          expr(k->value);
          emit(Op::MAP_ADD, 1);
        }
      }
    }
    u_->loc = loc;
    emit(Op::CALL_FUNCTION_EX, have_kw ? kCallExKwargs : 0);
  }

  void call(Call* c) {
    bool dynamic = has_starred(c->args);
    for (keyword* k : c->keywords)
      if (k->is_double_star()) dynamic = true;
    if (!dynamic && c->func->kind == ExprKind::Attribute &&
        c->func->as<Attribute>()->ctx == Ctx::Load) {
      auto* a = c->func->as<Attribute>();
      expr(a->value);
      SrcLoc call_loc = u_->loc;
      set_loc(c->func);
      match_attr_start(c->func);
      emit(Op::LOAD_METHOD, name_idx(mg(a->attr)));
      u_->loc = call_loc;  // the call (arguments and CALL) starts at the method name
      match_attr_start(c->func);
    } else {
      expr(c->func);
      if (!dynamic) emit(Op::PUSH_NULL);
    }
    call_args(c->args, c->keywords, 0, c);
  }

  void comprehension(Expr* e, const std::vector<ast::comprehension*>& gens, Expr* elt, Expr* value,
                     const char* name) {
    Scope* s = st_->lookup(e);
    std::string qn = child_qualname(name);
    int fl = function_flags(s);
    enter_unit(s, name, qn, e->line);
    u_->spec.flags = fl;
    u_->spec.argcount = 1;
    bool is_gen = std::strcmp(name, "<genexpr>") == 0;
    set_loc(e);
    if (!is_gen) {
      if (std::strcmp(name, "<listcomp>") == 0)
        emit(Op::BUILD_LIST, 0);
      else if (std::strcmp(name, "<setcomp>") == 0)
        emit(Op::BUILD_SET, 0);
      else
        emit(Op::BUILD_MAP, 0);
    }
    comp_generator(gens, 0, elt, value, name, is_gen);
    if (is_gen) load_const_none();
    emit(Op::RETURN_VALUE);
    CodeObject* co = leave_unit();
    make_function(co, 0);
    emit(Op::PUSH_NULL);
    expr(gens[0]->iter);
    emit(Op::GET_ITER);
    emit(Op::CALL, 1);
  }

  void comp_generator(const std::vector<ast::comprehension*>& gens, size_t i, Expr* elt,
                      Expr* value, const char* name, bool is_gen) {
    ast::comprehension* g = gens[i];
    int l_start = new_label(), l_end = new_label();
    if (i == 0) {
      emit(Op::LOAD_FAST, 0);
    } else {
      expr(g->iter);
      emit(Op::GET_ITER);
    }
    bind(l_start);
    emit_jump(Op::FOR_ITER, l_end);
    assign(g->target);
    for (Expr* cond : g->ifs) jump_if(cond, false, l_start);
    if (i + 1 < gens.size()) {
      comp_generator(gens, i + 1, elt, value, name, is_gen);
    } else {
      uint32_t depth = static_cast<uint32_t>(gens.size()) + 1;
      if (is_gen) {
        expr(elt);
        emit(Op::YIELD_VALUE, 0);
        emit(Op::POP_TOP);
      } else if (std::strcmp(name, "<listcomp>") == 0) {
        expr(elt);
        emit(Op::LIST_APPEND, depth);
      } else if (std::strcmp(name, "<setcomp>") == 0) {
        expr(elt);
        emit(Op::SET_ADD, depth);
      } else {
        expr(elt);
        expr(value);
        emit(Op::MAP_ADD, depth);
      }
    }
    emit_jump(Op::JUMP_BACKWARD, l_start);
    bind(l_end);
  }
};

Object* Compiler::compile_module(Mod* m, CompileMode mode) {
  Scope* top = st_->top.get();
  enter_unit(top, "<module>", "<module>", 1);
  u_->interactive = mode == CompileMode::Single;
  if (m->kind == ModKind::Expression) {
    if (m->expr) set_loc(m->expr);
    expr(m->expr);
    emit(Op::RETURN_VALUE);
  } else {
    if (!m->body.empty()) set_loc(m->body[0]);
    bool has_ann = top->has_annotations;
    if (has_ann) emit(Op::SETUP_ANNOTATIONS);
    size_t start = 0;
    const std::string* doc = mode == CompileMode::Exec ? docstring(m->body) : nullptr;
    if (doc) {
      emit(Op::LOAD_CONST, const_str(*doc));
      name_op("__doc__", Access::Store);
      start = 1;
    }
    for (size_t i = start; i < m->body.size() && !bad(); ++i) stmt(m->body[i]);
    load_const_none();
    emit(Op::RETURN_VALUE);
  }
  if (bad()) {
    while (!units_.empty()) {
      for (Object* o : units_.back()->spec.consts) decref(o);
      units_.back()->spec.consts.clear();
      units_.pop_back();
    }
    u_ = nullptr;
    return nullptr;
  }
  return leave_unit();
}

}  // namespace

std::nullptr_t raise_syntax_error(ThreadState* ts, const SyntaxErrorInfo& info,
                                  std::string_view filename) {
  TypeObject* type = &exc::SyntaxError;
  if (info.type == "IndentationError") type = &exc::IndentationError;
  if (info.type == "TabError") type = &exc::TabError;
  Ref<> msg = Ref<>::steal(str_from(ts, info.msg));
  Ref<> fn = Ref<>::steal(str_from(ts, filename));
  Ref<> ln = Ref<>::steal(int_from(ts, info.lineno));
  Ref<> off = Ref<>::steal(int_from(ts, info.offset));
  Ref<> text = info.text.empty() && info.lineno == 0
                   ? Ref<>::borrow(none())
                   : Ref<>::steal(str_decode_utf8(ts, info.text, "replace"));
  Ref<> eln = info.end_lineno ? Ref<>::steal(int_from(ts, info.end_lineno)) : Ref<>::borrow(none());
  Ref<> eoff =
      info.end_offset ? Ref<>::steal(int_from(ts, info.end_offset)) : Ref<>::borrow(none());
  if (!msg || !fn || !ln || !off || !text || !eln || !eoff) return nullptr;
  Ref<> details = Ref<>::steal(
      tuple_pack(ts, {fn.get(), ln.get(), off.get(), text.get(), eln.get(), eoff.get()}));
  if (!details) return nullptr;
  Object* args[2] = {msg.get(), details.get()};
  Object* e = exception_new(ts, type, args, 2);
  if (!e) return nullptr;
  if (isinstance_of(e, &exc::SyntaxError)) {
    // Make sure the fields are set even if the constructor did not unpack the details.
    auto* se = static_cast<SyntaxErrorObject*>(e);
    if (!se->msg) se->msg = newref(msg.get());
    if (!se->filename) se->filename = newref(fn.get());
    if (!se->lineno) se->lineno = newref(ln.get());
    if (!se->offset) se->offset = newref(off.get());
    if (!se->text) se->text = newref(text.get());
    if (!se->end_lineno) se->end_lineno = newref(eln.get());
    if (!se->end_offset) se->end_offset = newref(eoff.get());
  }
  restore_exc(ts, e);
  return nullptr;
}

namespace {

std::string source_line_text(std::string_view src, int lineno) {
  int cur = 1;
  size_t pos = 0;
  while (cur < lineno) {
    size_t nl = src.find('\n', pos);
    if (nl == std::string_view::npos) return "";
    pos = nl + 1;
    ++cur;
  }
  size_t nl = src.find('\n', pos);
  std::string line(src.substr(pos, nl == std::string_view::npos ? src.size() - pos : nl - pos));
  return line + "\n";
}

int byte_col_to_chars(const std::string& line, int col) {
  int n = 0;
  for (int i = 0; i < col && i < static_cast<int>(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
  return n;
}

std::nullptr_t raise_compile_error(ThreadState* ts, const CompileError& ce,
                                   std::string_view filename, std::string_view source) {
  if (ce.recursion) return raise(ts, &exc::RecursionError, "%s", ce.msg.c_str());
  SyntaxErrorInfo info;
  info.msg = ce.msg;
  info.lineno = ce.line;
  info.text = ce.line ? source_line_text(source, ce.line) : "";
  info.offset = ce.line ? byte_col_to_chars(info.text, ce.col) + 1 : 0;
  if (ce.end_line) {
    info.end_lineno = ce.end_line;
    std::string end_text = source_line_text(source, ce.end_line);
    info.end_offset = byte_col_to_chars(end_text, ce.end_col) + 1;
  }
  return raise_syntax_error(ts, info, filename);
}

}  // namespace

Object* compile_ast(ThreadState* ts, ast::Mod* mod, std::string_view filename, CompileMode mode,
                    std::string_view source) {
  SymTable st;
  CompileError ce;
  // As CPython: nesting up to 3x the recursion limit left (COMPILER_STACK_FRAME_SCALE).
  int room = ts->interp->recursion_limit - ts->recursion_depth;
  int max_depth = room > 0 ? (room < INT32_MAX / 3 ? room * 3 : INT32_MAX) : 1;
  if (!build_symtable(mod, &st, &ce, max_depth, vm_thread(ts)->c_stack_limit))
    return raise_compile_error(ts, ce, filename, source);
  Compiler c(ts, &st, filename, source);
  Object* code = c.compile_module(mod, mode);
  if (c.failed) {
    xdecref(code);
    return raise_compile_error(ts, c.err, filename, source);
  }
  if (!code && !exc_occurred(ts)) raise(ts, &exc::SystemError, "compiler failed");
  return code;
}

bool vm_ready_types(ThreadState* ts) {
  static TypeObject* const types[] = {&CodeType,      &FunctionType, &CellType,
                                      &GeneratorType, &FrameType,    &TracebackType};
  for (TypeObject* t : types)
    if (!(t->flags & kReady) && !type_ready(ts, t)) return false;
  return true;
}

Object* compile_source(ThreadState* ts, std::string_view source, std::string_view filename,
                       CompileMode mode) {
  if (!vm_ready_types(ts)) return nullptr;
  uintptr_t lim = vm_thread(ts)->c_stack_limit;
  ParseResult r = mode == CompileMode::Exec   ? parse_module(source, filename, lim)
                  : mode == CompileMode::Eval ? parse_expression(source, filename, lim)
                                              : parse_interactive(source, filename, lim);
  if (!r.ok() && r.error.type == "MemoryError") return raise_with(ts, &exc::MemoryError, nullptr);
  if (!r.ok()) return raise_syntax_error(ts, r.error, filename);
  if (!filename.empty() && filename[0] == '<') register_source(ts, filename, source);
  return compile_ast(ts, r.mod, filename, mode, source);
}

}  // namespace gp
