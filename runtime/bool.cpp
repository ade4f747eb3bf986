// bool: a subclass of int with exactly two immortal instances, True and False. It cannot be
// subclassed (no kBaseType). & | ^ between two bools give a bool; everything else is int's.
#include "runtime/runtime.h"

namespace gp {

IntObject TrueObject{{kImmortalRefcnt, &BoolType}, 1, nullptr};
IntObject FalseObject{{kImmortalRefcnt, &BoolType}, 0, nullptr};

namespace {

Object* bool_repr(ThreadState* ts, Object* o) {
  return str_from(ts, o == &TrueObject ? "True" : "False");
}

Object* bool_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (!no_kwargs(ts, "bool", kwnames)) return nullptr;
  if (nargs > 1)
    return raise(ts, &exc::TypeError, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return py_bool(false);
  int t = truthy(ts, args[0]);
  if (t < 0) return nullptr;
  return py_bool(t);
}

Object* bool_logic(ThreadState* ts, Object* a, Object* b, BinOp op) {
  if (is_bool(a) && is_bool(b)) {
    bool x = a == &TrueObject, y = b == &TrueObject;
    bool r = op == BinOp::And ? (x && y) : op == BinOp::Or ? (x || y) : (x != y);
    return py_bool(r);
  }
  binaryfunc f = IntType.nb[int(op)];
  return f(ts, a, b);
}

Object* bool_and(ThreadState* ts, Object* a, Object* b) { return bool_logic(ts, a, b, BinOp::And); }
Object* bool_or(ThreadState* ts, Object* a, Object* b) { return bool_logic(ts, a, b, BinOp::Or); }
Object* bool_xor(ThreadState* ts, Object* a, Object* b) { return bool_logic(ts, a, b, BinOp::Xor); }

void bool_dealloc(Object*) {
  // True and False are immortal: never freed.
}

}  // namespace

TypeObject BoolType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "bool";
  t.basicsize = sizeof(IntObject);
  t.flags = kIntSubclass | kImmutableType;
  t.base = &IntType;
  t.doc =
      "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins "
      "True and False are the only two instances of the class bool.\nThe class bool is a subclass "
      "of the class int, and cannot be subclassed.";
  t.dealloc = bool_dealloc;
  t.repr = bool_repr;
  t.nb[int(BinOp::And)] = bool_and;
  t.nb[int(BinOp::Or)] = bool_or;
  t.nb[int(BinOp::Xor)] = bool_xor;
  t.new_ = bool_new;
  return t;
}();

}  // namespace gp
