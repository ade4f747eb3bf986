// ast::dump: renders trees in the format of CPython's ast.dump() (optionally with the position
// attributes, as include_attributes=True), so tests can compare gilpy's parser with python3.
#include "interp/ast.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace gp::ast {

namespace {

// Decimal text of an int literal (any base, no underscores).
std::string int_to_decimal(const std::string& lit) {
  int base = 10;
  size_t i = 0;
  if (lit.size() > 1 && lit[0] == '0') {
    char p = static_cast<char>(lit[1] | 0x20);
    if (p == 'x') base = 16;
    if (p == 'o') base = 8;
    if (p == 'b') base = 2;
    if (base != 10) i = 2;
  }
  if (base == 10) {
    size_t k = 0;
    while (k + 1 < lit.size() && lit[k] == '0') ++k;
    return lit.substr(k);
  }
  std::vector<int> digits{0};  // little-endian base 10
  for (; i < lit.size(); ++i) {
    char c = lit[i];
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    int carry = d;
    for (int& x : digits) {
      int v = x * base + carry;
      x = v % 10;
      carry = v / 10;
    }
    while (carry) {
      digits.push_back(carry % 10);
      carry /= 10;
    }
  }
  std::string out;
  for (size_t k = digits.size(); k-- > 0;) out += static_cast<char>('0' + digits[k]);
  return out;
}

// Python's repr(float).
std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, r.ptr);
  // s = [-]d[.ddd]e[+-]XX
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out;
  if (exp >= -5 + 1 && exp < 16) {
    if (exp >= 0) {
      if (static_cast<int>(digits.size()) <= exp + 1) {
        out = digits + std::string(exp + 1 - digits.size(), '0') + ".0";
      } else {
        out = digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
      }
    } else {
      out = "0." + std::string(-exp - 1, '0') + digits;
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  }
  return neg ? "-" + out : out;
}

std::string str_repr(const std::string& s, bool bytes) {
  bool has_sq = s.find('\'') != std::string::npos;
  bool has_dq = s.find('"') != std::string::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out;
  if (bytes) out += 'b';
  out += q;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == static_cast<unsigned char>(q) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      out += b;
    } else if (c >= 0x80) {
      // decode to check for C1 controls / non-printables
      uint32_t cp = 0;
      int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
      cp = c & (0x3F >> n);
      for (int k = 1; k <= n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
      bool nonprint = cp <= 0xA0 || cp == 0xAD || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
                      (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
                      cp == 0x3000 || (cp >= 0xD800 && cp <= 0xF8FF) || cp == 0xFEFF ||
                      (cp >= 0xFFF0 && cp <= 0xFFFB) || cp == 0xFFFE || cp == 0xFFFF ||
                      cp >= 0xE0000;
      if (nonprint) {
        char b[16];
        if (cp <= 0xFF)
          std::snprintf(b, sizeof b, "\\x%02x", cp);
        else if (cp <= 0xFFFF)
          std::snprintf(b, sizeof b, "\\u%04x", cp);
        else
          std::snprintf(b, sizeof b, "\\U%08x", cp);
        out += b;
      } else {
        out.append(s, i, n + 1);
      }
      i += n;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += q;
  return out;
}

const char* binop_name(gp::BinOp op) {
  switch (op) {
    case gp::BinOp::Add:
      return "Add()";
    case gp::BinOp::Sub:
      return "Sub()";
    case gp::BinOp::Mul:
      return "Mult()";
    case gp::BinOp::MatMul:
      return "MatMult()";
    case gp::BinOp::TrueDiv:
      return "Div()";
    case gp::BinOp::FloorDiv:
      return "FloorDiv()";
    case gp::BinOp::Mod:
      return "Mod()";
    case gp::BinOp::Pow:
      return "Pow()";
    case gp::BinOp::LShift:
      return "LShift()";
    case gp::BinOp::RShift:
      return "RShift()";
    case gp::BinOp::And:
      return "BitAnd()";
    case gp::BinOp::Or:
      return "BitOr()";
    case gp::BinOp::Xor:
      return "BitXor()";
    default:
      return "?";
  }
}

const char* cmp_name(CmpOpKind k) {
  static const char* names[] = {"Eq()",  "NotEq()", "Lt()",    "LtE()", "Gt()",
                                "GtE()", "Is()",    "IsNot()", "In()",  "NotIn()"};
  return names[static_cast<int>(k)];
}

const char* ctx_name(Ctx c) {
  return c == Ctx::Load ? "Load()" : c == Ctx::Store ? "Store()" : "Del()";
}

class Dumper {
 public:
  std::string out;
  bool attrs = false;  // ast.dump(..., include_attributes=True)

  // Re-closes the node just rendered (its text ends with ')') with its position attributes.
  void close_loc(const Loc& l) {
    if (!attrs) return;
    out.pop_back();
    if (out.back() != '(') out += ", ";
    out += "lineno=" + std::to_string(l.line) + ", col_offset=" + std::to_string(l.col) +
           ", end_lineno=" + std::to_string(l.end_line) +
           ", end_col_offset=" + std::to_string(l.end_col) + ")";
  }

  void expr(const Expr* e) {
    if (!e) {
      out += "None";
      return;
    }
    switch (e->kind) {
      case ExprKind::BoolOp: {
        auto* n = static_cast<const BoolOp*>(e);
        out += n->is_and ? "BoolOp(op=And(), values=" : "BoolOp(op=Or(), values=";
        exprs(n->values);
        out += ")";
        break;
      }
      case ExprKind::NamedExpr: {
        auto* n = static_cast<const NamedExpr*>(e);
        out += "NamedExpr(target=";
        expr(n->target);
        out += ", value=";
        expr(n->value);
        out += ")";
        break;
      }
      case ExprKind::BinOp: {
        auto* n = static_cast<const BinOp*>(e);
        out += "BinOp(left=";
        expr(n->left);
        out += ", op=";
        out += binop_name(n->op);
        out += ", right=";
        expr(n->right);
        out += ")";
        break;
      }
      case ExprKind::UnaryOp: {
        auto* n = static_cast<const UnaryOp*>(e);
        static const char* names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
        out += "UnaryOp(op=";
        out += names[static_cast<int>(n->op)];
        out += ", operand=";
        expr(n->operand);
        out += ")";
        break;
      }
      case ExprKind::Lambda: {
        auto* n = static_cast<const Lambda*>(e);
        out += "Lambda(args=";
        arguments_(n->args);
        out += ", body=";
        expr(n->body);
        out += ")";
        break;
      }
      case ExprKind::IfExp: {
        auto* n = static_cast<const IfExp*>(e);
        out += "IfExp(test=";
        expr(n->test);
        out += ", body=";
        expr(n->body);
        out += ", orelse=";
        expr(n->orelse);
        out += ")";
        break;
      }
      case ExprKind::Dict: {
        auto* n = static_cast<const Dict*>(e);
        out += "Dict(keys=";
        exprs(n->keys);
        out += ", values=";
        exprs(n->values);
        out += ")";
        break;
      }
      case ExprKind::Set: {
        out += "Set(elts=";
        exprs(static_cast<const Set*>(e)->elts);
        out += ")";
        break;
      }
      case ExprKind::List: {
        auto* n = static_cast<const List*>(e);
        out += "List(elts=";
        exprs(n->elts);
        out += ", ctx=";
        out += ctx_name(n->ctx);
        out += ")";
        break;
      }
      case ExprKind::Tuple: {
        auto* n = static_cast<const Tuple*>(e);
        out += "Tuple(elts=";
        exprs(n->elts);
        out += ", ctx=";
        out += ctx_name(n->ctx);
        out += ")";
        break;
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp: {
        const Expr* elt;
        const std::vector<comprehension*>* gens;
        if (e->kind == ExprKind::ListComp) {
          out += "ListComp(elt=";
          elt = static_cast<const ListComp*>(e)->elt;
          gens = &static_cast<const ListComp*>(e)->generators;
        } else if (e->kind == ExprKind::SetComp) {
          out += "SetComp(elt=";
          elt = static_cast<const SetComp*>(e)->elt;
          gens = &static_cast<const SetComp*>(e)->generators;
        } else {
          out += "GeneratorExp(elt=";
          elt = static_cast<const GeneratorExp*>(e)->elt;
          gens = &static_cast<const GeneratorExp*>(e)->generators;
        }
        expr(elt);
        out += ", generators=";
        generators(*gens);
        out += ")";
        break;
      }
      case ExprKind::DictComp: {
        auto* n = static_cast<const DictComp*>(e);
        out += "DictComp(key=";
        expr(n->key);
        out += ", value=";
        expr(n->value);
        out += ", generators=";
        generators(n->generators);
        out += ")";
        break;
      }
      case ExprKind::Await:
        out += "Await(value=";
        expr(static_cast<const Await*>(e)->value);
        out += ")";
        break;
      case ExprKind::Yield:
        out += "Yield(";
        if (static_cast<const Yield*>(e)->value) {
          out += "value=";
          expr(static_cast<const Yield*>(e)->value);
        }
        out += ")";
        break;
      case ExprKind::YieldFrom:
        out += "YieldFrom(value=";
        expr(static_cast<const YieldFrom*>(e)->value);
        out += ")";
        break;
      case ExprKind::Compare: {
        auto* n = static_cast<const Compare*>(e);
        out += "Compare(left=";
        expr(n->left);
        out += ", ops=[";
        for (size_t i = 0; i < n->ops.size(); ++i) {
          if (i) out += ", ";
          out += cmp_name(n->ops[i]);
        }
        out += "], comparators=";
        exprs(n->comparators);
        out += ")";
        break;
      }
      case ExprKind::Call: {
        auto* n = static_cast<const Call*>(e);
        out += "Call(func=";
        expr(n->func);
        out += ", args=";
        exprs(n->args);
        out += ", keywords=";
        keywords(n->keywords);
        out += ")";
        break;
      }
      case ExprKind::FormattedValue: {
        auto* n = static_cast<const FormattedValue*>(e);
        out += "FormattedValue(value=";
        expr(n->value);
        out += ", conversion=" + std::to_string(n->conversion);
        if (n->format_spec) {
          out += ", format_spec=";
          expr(n->format_spec);
        }
        out += ")";
        break;
      }
      case ExprKind::JoinedStr:
        out += "JoinedStr(values=";
        exprs(static_cast<const JoinedStr*>(e)->values);
        out += ")";
        break;
      case ExprKind::Constant: {
        auto* n = static_cast<const Constant*>(e);
        out += "Constant(value=";
        switch (n->ckind) {
          case ConstKind::None:
            out += "None";
            break;
          case ConstKind::True:
            out += "True";
            break;
          case ConstKind::False:
            out += "False";
            break;
          case ConstKind::Ellipsis:
            out += "Ellipsis";
            break;
          case ConstKind::Int:
            out += int_to_decimal(n->str);
            break;
          case ConstKind::Float:
            out += float_repr(n->num);
            break;
          case ConstKind::Imag: {
            std::string r = float_repr(n->num);
            if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0) r.resize(r.size() - 2);
            out += r + "j";
            break;
          }
          case ConstKind::Str:
            out += str_repr(n->str, false);
            if (n->u_prefix) out += ", kind='u'";
            break;
          case ConstKind::Bytes:
            out += str_repr(n->str, true);
            break;
        }
        out += ")";
        break;
      }
      case ExprKind::Attribute: {
        auto* n = static_cast<const Attribute*>(e);
        out += "Attribute(value=";
        expr(n->value);
        out += ", attr=" + str_repr(n->attr, false) + ", ctx=";
        out += ctx_name(n->ctx);
        out += ")";
        break;
      }
      case ExprKind::Subscript: {
        auto* n = static_cast<const Subscript*>(e);
        out += "Subscript(value=";
        expr(n->value);
        out += ", slice=";
        expr(n->slice);
        out += ", ctx=";
        out += ctx_name(n->ctx);
        out += ")";
        break;
      }
      case ExprKind::Starred: {
        auto* n = static_cast<const Starred*>(e);
        out += "Starred(value=";
        expr(n->value);
        out += ", ctx=";
        out += ctx_name(n->ctx);
        out += ")";
        break;
      }
      case ExprKind::Name: {
        auto* n = static_cast<const Name*>(e);
        out += "Name(id=" + str_repr(n->id, false) + ", ctx=";
        out += ctx_name(n->ctx);
        out += ")";
        break;
      }
      case ExprKind::Slice: {
        auto* n = static_cast<const Slice*>(e);
        out += "Slice(";
        bool first = true;
        auto field = [&](const char* name, const Expr* v) {
          if (!v) return;
          if (!first) out += ", ";
          first = false;
          out += name;
          out += "=";
          expr(v);
        };
        field("lower", n->lower);
        field("upper", n->upper);
        field("step", n->step);
        out += ")";
        break;
      }
    }
    close_loc(*e);
  }

  void exprs(const std::vector<Expr*>& v) {
    out += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      expr(v[i]);
    }
    out += "]";
  }

  void generators(const std::vector<comprehension*>& gens) {
    out += "[";
    for (size_t i = 0; i < gens.size(); ++i) {
      if (i) out += ", ";
      out += "comprehension(target=";
      expr(gens[i]->target);
      out += ", iter=";
      expr(gens[i]->iter);
      out += ", ifs=";
      exprs(gens[i]->ifs);
      out += gens[i]->is_async ? ", is_async=1)" : ", is_async=0)";
    }
    out += "]";
  }

  void keywords(const std::vector<keyword*>& kws) {
    out += "[";
    for (size_t i = 0; i < kws.size(); ++i) {
      if (i) out += ", ";
      out += "keyword(";
      if (!kws[i]->name.empty()) out += "arg=" + str_repr(kws[i]->name, false) + ", ";
      out += "value=";
      expr(kws[i]->value);
      out += ")";
      close_loc(*kws[i]);
    }
    out += "]";
  }

  void arg_(const arg* a) {
    out += "arg(arg=" + str_repr(a->name, false);
    if (a->annotation) {
      out += ", annotation=";
      expr(a->annotation);
    }
    out += ")";
    close_loc(*a);
  }
  void args_list(const std::vector<arg*>& v) {
    out += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      arg_(v[i]);
    }
    out += "]";
  }
  void arguments_(const arguments* a) {
    out += "arguments(posonlyargs=";
    args_list(a->posonlyargs);
    out += ", args=";
    args_list(a->args);
    if (a->vararg) {
      out += ", vararg=";
      arg_(a->vararg);
    }
    out += ", kwonlyargs=";
    args_list(a->kwonlyargs);
    out += ", kw_defaults=";
    exprs(a->kw_defaults);
    if (a->kwarg) {
      out += ", kwarg=";
      arg_(a->kwarg);
    }
    out += ", defaults=";
    exprs(a->defaults);
    out += ")";
  }

  void stmts(const std::vector<Stmt*>& v) {
    out += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      stmt(v[i]);
    }
    out += "]";
  }

  void names(const std::vector<std::string>& v) {
    out += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      out += str_repr(v[i], false);
    }
    out += "]";
  }

  void aliases(const std::vector<alias*>& v) {
    out += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      out += "alias(name=" + str_repr(v[i]->name, false);
      if (!v[i]->asname.empty()) out += ", asname=" + str_repr(v[i]->asname, false);
      out += ")";
      close_loc(*v[i]);
    }
    out += "]";
  }

  void pattern(const Pattern* p) {
    switch (p->kind) {
      case PatternKind::MatchValue:
        out += "MatchValue(value=";
        expr(static_cast<const MatchValue*>(p)->value);
        out += ")";
        break;
      case PatternKind::MatchSingleton: {
        ConstKind k = static_cast<const MatchSingleton*>(p)->value;
        out += k == ConstKind::None   ? "MatchSingleton(value=None)"
               : k == ConstKind::True ? "MatchSingleton(value=True)"
                                      : "MatchSingleton(value=False)";
        break;
      }
      case PatternKind::MatchSequence:
        out += "MatchSequence(patterns=";
        patterns(static_cast<const MatchSequence*>(p)->patterns);
        out += ")";
        break;
      case PatternKind::MatchMapping: {
        auto* m = static_cast<const MatchMapping*>(p);
        out += "MatchMapping(keys=";
        exprs(m->keys);
        out += ", patterns=";
        patterns(m->patterns);
        if (!m->rest.empty()) out += ", rest=" + str_repr(m->rest, false);
        out += ")";
        break;
      }
      case PatternKind::MatchClass: {
        auto* m = static_cast<const MatchClass*>(p);
        out += "MatchClass(cls=";
        expr(m->cls);
        out += ", patterns=";
        patterns(m->patterns);
        out += ", kwd_attrs=";
        names(m->kwd_attrs);
        out += ", kwd_patterns=";
        patterns(m->kwd_patterns);
        out += ")";
        break;
      }
      case PatternKind::MatchStar: {
        auto* m = static_cast<const MatchStar*>(p);
        out += "MatchStar(";
        if (!m->name.empty()) out += "name=" + str_repr(m->name, false);
        out += ")";
        break;
      }
      case PatternKind::MatchAs: {
        auto* m = static_cast<const MatchAs*>(p);
        out += "MatchAs(";
        if (m->pattern) {
          out += "pattern=";
          pattern(m->pattern);
          if (!m->name.empty()) out += ", ";
        }
        if (!m->name.empty()) out += "name=" + str_repr(m->name, false);
        out += ")";
        break;
      }
      case PatternKind::MatchOr:
        out += "MatchOr(patterns=";
        patterns(static_cast<const MatchOr*>(p)->patterns);
        out += ")";
        break;
    }
    close_loc(*p);
  }
  void patterns(const std::vector<Pattern*>& v) {
    out += "[";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      pattern(v[i]);
    }
    out += "]";
  }

  void stmt(const Stmt* s) {
    switch (s->kind) {
      case StmtKind::FunctionDef: {
        auto* n = static_cast<const FunctionDef*>(s);
        out += n->is_async ? "AsyncFunctionDef(name=" : "FunctionDef(name=";
        out += str_repr(n->name, false) + ", args=";
        arguments_(n->args);
        out += ", body=";
        stmts(n->body);
        out += ", decorator_list=";
        exprs(n->decorator_list);
        if (n->returns) {
          out += ", returns=";
          expr(n->returns);
        }
        out += ")";
        break;
      }
      case StmtKind::ClassDef: {
        auto* n = static_cast<const ClassDef*>(s);
        out += "ClassDef(name=" + str_repr(n->name, false) + ", bases=";
        exprs(n->bases);
        out += ", keywords=";
        keywords(n->keywords);
        out += ", body=";
        stmts(n->body);
        out += ", decorator_list=";
        exprs(n->decorator_list);
        out += ")";
        break;
      }
      case StmtKind::Return:
        out += "Return(";
        if (static_cast<const Return*>(s)->value) {
          out += "value=";
          expr(static_cast<const Return*>(s)->value);
        }
        out += ")";
        break;
      case StmtKind::Delete:
        out += "Delete(targets=";
        exprs(static_cast<const Delete*>(s)->targets);
        out += ")";
        break;
      case StmtKind::Assign: {
        auto* n = static_cast<const Assign*>(s);
        out += "Assign(targets=";
        exprs(n->targets);
        out += ", value=";
        expr(n->value);
        out += ")";
        break;
      }
      case StmtKind::AugAssign: {
        auto* n = static_cast<const AugAssign*>(s);
        out += "AugAssign(target=";
        expr(n->target);
        out += ", op=";
        out += binop_name(n->op);
        out += ", value=";
        expr(n->value);
        out += ")";
        break;
      }
      case StmtKind::AnnAssign: {
        auto* n = static_cast<const AnnAssign*>(s);
        out += "AnnAssign(target=";
        expr(n->target);
        out += ", annotation=";
        expr(n->annotation);
        if (n->value) {
          out += ", value=";
          expr(n->value);
        }
        out += n->simple ? ", simple=1)" : ", simple=0)";
        break;
      }
      case StmtKind::For: {
        auto* n = static_cast<const For*>(s);
        out += n->is_async ? "AsyncFor(target=" : "For(target=";
        expr(n->target);
        out += ", iter=";
        expr(n->iter);
        out += ", body=";
        stmts(n->body);
        out += ", orelse=";
        stmts(n->orelse);
        out += ")";
        break;
      }
      case StmtKind::While: {
        auto* n = static_cast<const While*>(s);
        out += "While(test=";
        expr(n->test);
        out += ", body=";
        stmts(n->body);
        out += ", orelse=";
        stmts(n->orelse);
        out += ")";
        break;
      }
      case StmtKind::If: {
        auto* n = static_cast<const If*>(s);
        out += "If(test=";
        expr(n->test);
        out += ", body=";
        stmts(n->body);
        out += ", orelse=";
        stmts(n->orelse);
        out += ")";
        break;
      }
      case StmtKind::With: {
        auto* n = static_cast<const With*>(s);
        out += n->is_async ? "AsyncWith(items=[" : "With(items=[";
        for (size_t i = 0; i < n->items.size(); ++i) {
          if (i) out += ", ";
          out += "withitem(context_expr=";
          expr(n->items[i]->context_expr);
          if (n->items[i]->optional_vars) {
            out += ", optional_vars=";
            expr(n->items[i]->optional_vars);
          }
          out += ")";
        }
        out += "], body=";
        stmts(n->body);
        out += ")";
        break;
      }
      case StmtKind::Match: {
        auto* n = static_cast<const Match*>(s);
        out += "Match(subject=";
        expr(n->subject);
        out += ", cases=[";
        for (size_t i = 0; i < n->cases.size(); ++i) {
          if (i) out += ", ";
          out += "match_case(pattern=";
          pattern(n->cases[i]->pattern);
          if (n->cases[i]->guard) {
            out += ", guard=";
            expr(n->cases[i]->guard);
          }
          out += ", body=";
          stmts(n->cases[i]->body);
          out += ")";
        }
        out += "])";
        break;
      }
      case StmtKind::Raise: {
        auto* n = static_cast<const Raise*>(s);
        out += "Raise(";
        if (n->exc) {
          out += "exc=";
          expr(n->exc);
        }
        if (n->cause) {
          out += ", cause=";
          expr(n->cause);
        }
        out += ")";
        break;
      }
      case StmtKind::Try: {
        auto* n = static_cast<const Try*>(s);
        out += n->is_star ? "TryStar(body=" : "Try(body=";
        stmts(n->body);
        out += ", handlers=[";
        for (size_t i = 0; i < n->handlers.size(); ++i) {
          if (i) out += ", ";
          const ExceptHandler* h = n->handlers[i];
          out += "ExceptHandler(";
          if (h->type) {
            out += "type=";
            expr(h->type);
            out += ", ";
          }
          if (!h->name.empty()) out += "name=" + str_repr(h->name, false) + ", ";
          out += "body=";
          stmts(h->body);
          out += ")";
          close_loc(*h);
        }
        out += "], orelse=";
        stmts(n->orelse);
        out += ", finalbody=";
        stmts(n->finalbody);
        out += ")";
        break;
      }
      case StmtKind::Assert: {
        auto* n = static_cast<const Assert*>(s);
        out += "Assert(test=";
        expr(n->test);
        if (n->msg) {
          out += ", msg=";
          expr(n->msg);
        }
        out += ")";
        break;
      }
      case StmtKind::Import:
        out += "Import(names=";
        aliases(static_cast<const Import*>(s)->names);
        out += ")";
        break;
      case StmtKind::ImportFrom: {
        auto* n = static_cast<const ImportFrom*>(s);
        out += "ImportFrom(";
        if (!n->module.empty()) out += "module=" + str_repr(n->module, false) + ", ";
        out += "names=";
        aliases(n->names);
        out += ", level=" + std::to_string(n->level) + ")";
        break;
      }
      case StmtKind::Global:
        out += "Global(names=";
        names(static_cast<const Global*>(s)->names);
        out += ")";
        break;
      case StmtKind::Nonlocal:
        out += "Nonlocal(names=";
        names(static_cast<const Nonlocal*>(s)->names);
        out += ")";
        break;
      case StmtKind::Expr:
        out += "Expr(value=";
        expr(static_cast<const ExprStmt*>(s)->value);
        out += ")";
        break;
      case StmtKind::Pass:
        out += "Pass()";
        break;
      case StmtKind::Break:
        out += "Break()";
        break;
      case StmtKind::Continue:
        out += "Continue()";
        break;
    }
    close_loc(*s);
  }
};

}  // namespace

std::string dump(const Mod* m, bool include_attributes) {
  Dumper d;
  d.attrs = include_attributes;
  switch (m->kind) {
    case ModKind::Module:
      d.out += "Module(body=";
      d.stmts(m->body);
      d.out += ", type_ignores=[])";
      break;
    case ModKind::Interactive:
      d.out += "Interactive(body=";
      d.stmts(m->body);
      d.out += ")";
      break;
    case ModKind::Expression:
      d.out += "Expression(body=";
      d.expr(m->expr);
      d.out += ")";
      break;
  }
  return d.out;
}

std::string dump(const Expr* e, bool include_attributes) {
  Dumper d;
  d.attrs = include_attributes;
  d.expr(e);
  return d.out;
}

std::string dump(const Stmt* s, bool include_attributes) {
  Dumper d;
  d.attrs = include_attributes;
  d.stmt(s);
  return d.out;
}

}  // namespace gp::ast
