// _dis: the native half of dis. get_instructions(code) returns one tuple per instruction:
// (offset, opname, arg or None, argrepr, starts_line or None, is_jump_target); stdlib/py/dis.py
// formats them in CPython's layout. Names come from the opcode table (interp/opcodes.h).
#include <set>
#include <string>

#include "interp/code.h"
#include "interp/function.h"
#include "interp/parser.h"
#include "interp/traceback.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

const char* cmp_symbol(uint32_t a) {
  static const char* const k[] = {"<", "<=", "==", "!=", ">", ">="};
  return a < 6 ? k[a] : "?";
}

bool arg_repr(ThreadState* ts, CodeObject* co, Op op, uint32_t arg, std::string* out) {
  switch (kOpArgKind[static_cast<int>(op)]) {
    case ArgKind::Const:
      if (static_cast<ssize>(arg) < co->consts->size)
        return repr_text(ts, tuple_item(co->consts, arg), out);
      return true;
    case ArgKind::Name:
      if (static_cast<ssize>(arg) < co->names->size) *out = str_view(tuple_item(co->names, arg));
      return true;
    case ArgKind::Global:
      if (static_cast<int>(arg) < co->ngcache)
        *out = str_view(tuple_item(co->names, co->gcache[arg].name));
      return true;
    case ArgKind::Local:
      if (static_cast<ssize>(arg) < co->varnames->size)
        *out = str_view(tuple_item(co->varnames, arg));
      return true;
    case ArgKind::Free:
      if (static_cast<int>(arg) < co->ncells)
        *out = str_view(tuple_item(co->cellvars, arg));
      else if (static_cast<int>(arg) - co->ncells < co->nfrees)
        *out = str_view(tuple_item(co->freevars, arg - co->ncells));
      return true;
    case ArgKind::Jump:
      *out = "to " + std::to_string(arg * 2);
      return true;
    case ArgKind::Cmp:
      *out = cmp_symbol(arg);
      return true;
    case ArgKind::BinOp:
      *out = binop_symbol(static_cast<BinOp>(arg & 0xf));
      if (arg & kInplaceFlag) *out += "=";
      return true;
    default:
      return true;
  }
}

Object* dis_get_instructions(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                             TupleObject* kwnames) {
  if (!no_kwargs(ts, "get_instructions", kwnames) ||
      !check_nargs(ts, "get_instructions", nargs, 1, 1))
    return nullptr;
  Object* c = args[0];
  if (is_function(c)) c = static_cast<FunctionObject*>(c)->code;
  if (!is_code(c)) return raise(ts, &exc::TypeError, "get_instructions() expects a code object");
  auto* co = static_cast<CodeObject*>(c);
  std::set<uint32_t> targets;
  for (ssize i = 0; i < co->ncode; ++i) {
    Op op = instr_op(co->code[i]);
    if (kOpArgKind[static_cast<int>(op)] == ArgKind::Jump) targets.insert(instr_arg(co->code[i]));
  }
  Ref<ListObject> out = Ref<ListObject>::steal(list_new(ts));
  if (!out) return nullptr;
  int last_line = -1;
  for (ssize i = 0; i < co->ncode; ++i) {
    Instr w = co->code[i];
    Op op = instr_op(w);
    uint32_t arg = instr_arg(w);
    std::string ar;
    if (!arg_repr(ts, co, op, arg, &ar)) return nullptr;
    bool has_arg = kOpArgKind[static_cast<int>(op)] != ArgKind::None;
    int line = co->lines[i];
    Ref<> off = Ref<>::steal(int_from(ts, i * 2));
    Ref<> name = Ref<>::steal(str_from(ts, kOpNames[static_cast<int>(op)]));
    Ref<> a = has_arg ? Ref<>::steal(int_from(ts, arg)) : Ref<>::borrow(none());
    Ref<> r = Ref<>::steal(str_from(ts, ar));
    Ref<> ln = line != last_line ? Ref<>::steal(int_from(ts, line)) : Ref<>::borrow(none());
    last_line = line;
    if (!off || !name || !a || !r || !ln) return nullptr;
    Object* jt = py_bool(targets.count(static_cast<uint32_t>(i)) != 0);
    Ref<> t = Ref<>::steal(tuple_pack(ts, {off.get(), name.get(), a.get(), r.get(), ln.get(), jt}));
    if (!t || !list_append(ts, out.get(), t.get())) return nullptr;
  }
  return out.release();
}

// Helpers of traceback.py's caret lines (FrameSummary formatting), CPython's linecache and ast
// being absent: _tb_source_line(filename, lineno) is the line as the VM printer reads it, with
// "\n" ('' when unavailable, as linecache.getline); _tb_anchor_node(segment) is None or
// (kind, a, b) of interp/traceback.h's traceback_anchor_node ('binop' or 'subscript').
Object* dis_tb_source_line(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                           TupleObject* kw) {
  if (kw || nargs != 2 || !is_str(args[0]) || !is_int(args[1]))
    return raise(ts, &exc::TypeError, "_tb_source_line(filename, lineno)");
  int64_t ln = 0;
  if (!int_to_i64(args[1], &ln)) clear_exc(ts);
  if (ln <= 0 || ln > INT32_MAX) return str_from(ts, "");
  std::string line = traceback_source_line(ts, str_view(args[0]), static_cast<int>(ln));
  return str_from(ts, line.empty() ? line : line + "\n");
}

Object* dis_tb_anchor_node(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                           TupleObject* kw) {
  if (kw || nargs != 1 || !is_str(args[0]))
    return raise(ts, &exc::TypeError, "_tb_anchor_node(segment)");
  int64_t a = 0, b = 0;
  int kind = traceback_anchor_node(str_view(args[0]), &a, &b);
  if (!kind) return newref(none());
  Ref<> k = Ref<>::steal(str_from(ts, kind == 1 ? "binop" : "subscript"));
  Ref<> x = Ref<>::steal(int_from(ts, a));
  Ref<> y = Ref<>::steal(int_from(ts, b));
  if (!k || !x || !y) return nullptr;
  return tuple_pack(ts, {k.get(), x.get(), y.get()});
}

Object* dis_tb_display_width(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                             TupleObject* kw) {
  if (kw || nargs != 2 || !is_str(args[0]) || !is_int(args[1]))
    return raise(ts, &exc::TypeError, "_tb_display_width(text, offset)");
  int64_t n = 0;
  if (!int_to_i64(args[1], &n)) return nullptr;
  return int_from(ts, n < 0 ? n : traceback_display_width(str_view(args[0]), n));
}

// _ast_dump(source[, mode]): the parser's tree of source (mode 'exec', 'eval' or 'single') in
// the format of CPython's ast.dump(ast.parse(source), include_attributes=True), or
// 'SyntaxError: msg (line, offset)' -- a hidden helper for scripts/check_ast_positions.py.
Object* dis_ast_dump(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (kw || nargs < 1 || nargs > 2 || !is_str(args[0]) || (nargs == 2 && !is_str(args[1])))
    return raise(ts, &exc::TypeError, "_ast_dump(source[, mode])");
  std::string_view src = str_view(args[0]);
  std::string_view mode = nargs == 2 ? str_view(args[1]) : std::string_view("exec");
  ParseResult r = mode == "eval"     ? parse_expression(src, "<ast>")
                  : mode == "single" ? parse_interactive(src, "<ast>")
                                     : parse_module(src, "<ast>");
  if (!r.ok()) {
    std::string m = "SyntaxError: " + r.error.msg + " (" + std::to_string(r.error.lineno) + ", " +
                    std::to_string(r.error.offset) + ")";
    return str_from(ts, m);
  }
  return str_from(ts, ast::dump(r.mod, true));
}

const MethodDef kDisMethods[] = {
    {"get_instructions", dis_get_instructions, 0, "Instructions of a code object as tuples."},
    {"_tb_source_line", dis_tb_source_line, 0, nullptr},
    {"_tb_anchor_node", dis_tb_anchor_node, 0, nullptr},
    {"_tb_display_width", dis_tb_display_width, 0, nullptr},
    {"_ast_dump", dis_ast_dump, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_dis(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, kDisMethods)) return false;
  ListObject* names = list_new(ts);
  if (!names) return false;
  for (int i = 0; i < kNumOpcodes; ++i) {
    Object* s = str_from(ts, kOpNames[i]);
    if (!s || !list_append(ts, names, s)) {
      xdecref(s);
      decref(names);
      return false;
    }
    decref(s);
  }
  return module_add(ts, m, "opname", names);
}

}  // namespace gp
