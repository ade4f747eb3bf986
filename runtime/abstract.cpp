// Operations on any object (runtime/abstract.h), dispatching through the type slots with CPython's
// rules: binary operators try the right operand first when its type is a proper subclass that
// overrides the slot, comparisons try the reflected operation and fall back to identity for
// ==/!=, `in` falls back to iteration, iter() to the __getitem__ sequence protocol.
#include <cstring>
#include <vector>

#include "interp/vm.h"
#include "runtime/objmodel_internal.h"

namespace gp {

// ---- repr / str / hash
// ---------------------------------------------------------------------------

Object* repr(ThreadState* ts, Object* o) {
  reprfunc f = o->type->repr;
  if (!f) return object_default_repr(ts, o);
  if (!vm_enter_recursive_call(ts, " while getting the repr of an object")) return nullptr;
  Object* r = f(ts, o);
  vm_leave_recursive_call(ts);
  if (r && !is_str(r)) {
    raise(ts, &exc::TypeError, "__repr__ returned non-string (type %s)", type_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

Object* str(ThreadState* ts, Object* o) {
  if (is_str_exact(o)) return newref(o);
  reprfunc f = o->type->str;
  if (!f) return repr(ts, o);
  if (!vm_enter_recursive_call(ts, " while getting the str of an object")) return nullptr;
  Object* r = f(ts, o);
  vm_leave_recursive_call(ts);
  if (r && !is_str(r)) {
    raise(ts, &exc::TypeError, "__str__ returned non-string (type %s)", type_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

Object* ascii(ThreadState* ts, Object* o) {
  Ref<> r = Ref<>::steal(repr(ts, o));
  if (!r) return nullptr;
  if (static_cast<StrObject*>(r.get())->ascii) return r.release();
  std::string_view s = str_view(r.get());
  std::string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    uint32_t cp;
    int len;
    if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else {
      cp = c & 0x07;
      len = 4;
    }
    for (int k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    char buf[16];
    if (cp < 0x100)
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000)
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
  }
  return str_from(ts, out);
}

bool repr_text(ThreadState* ts, Object* o, std::string* out) {
  Object* r = repr(ts, o);
  if (!r) return false;
  out->assign(str_view(r));
  decref(r);
  return true;
}

bool str_text(ThreadState* ts, Object* o, std::string* out) {
  Object* r = str(ts, o);
  if (!r) return false;
  out->assign(str_view(r));
  decref(r);
  return true;
}

int64_t hash(ThreadState* ts, Object* o) {
  hashfunc f = o->type->hash;
  if (!f) return hash_not_implemented(ts, o);
  return f(ts, o);
}

// ---- comparisons
// -----------------------------------------------------------------------------------

static const CmpOp kSwapped[] = {CmpOp::GT, CmpOp::GE, CmpOp::EQ, CmpOp::NE, CmpOp::LT, CmpOp::LE};
static const char* const kCmpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

static Object* do_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  bool checked_reverse = false;
  richcmpfunc fb = b->type->richcompare;
  if (a->type != b->type && fb && is_subtype(b->type, a->type)) {
    checked_reverse = true;
    Object* r = fb(ts, b, a, kSwapped[int(op)]);
    if (r != not_implemented()) return r;
  }
  if (richcmpfunc fa = a->type->richcompare) {
    Object* r = fa(ts, a, b, op);
    if (r != not_implemented()) return r;
  }
  if (!checked_reverse && fb) {
    Object* r = fb(ts, b, a, kSwapped[int(op)]);
    if (r != not_implemented()) return r;
  }
  switch (op) {
    case CmpOp::EQ:
      return bool_from(a == b);
    case CmpOp::NE:
      return bool_from(a != b);
    default:
      return raise(ts, &exc::TypeError, "'%s' not supported between instances of '%s' and '%s'",
                   kCmpSymbols[int(op)], type_name(a), type_name(b));
  }
}

Object* richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!vm_enter_recursive_call(ts, " in comparison")) return nullptr;
  Object* r = do_richcompare(ts, a, b, op);
  vm_leave_recursive_call(ts);
  return r;
}

int richcompare_bool(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (a == b) {
    if (op == CmpOp::EQ) return 1;
    if (op == CmpOp::NE) return 0;
  }
  Object* r = richcompare(ts, a, b, op);
  if (!r) return -1;
  int t;
  if (r == &TrueObject)
    t = 1;
  else if (r == &FalseObject)
    t = 0;
  else
    t = truthy(ts, r);
  decref(r);
  return t;
}

int truthy(ThreadState* ts, Object* o) {
  if (o == &TrueObject) return 1;
  if (o == &FalseObject || is_none(o)) return 0;
  if (inquiry f = o->type->boolean) return f(ts, o);
  if (lenfunc f = o->type->len) {
    ssize n = f(ts, o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// ---- attributes
// ------------------------------------------------------------------------------------

Object* generic_getattr(ThreadState* ts, Object* o, StrObject* name) {
  TypeObject* tp = o->type;
  Object* descr = type_lookup(tp, name);
  descrgetfunc f = nullptr;
  Ref<> hold;
  if (descr) {
    hold = Ref<>::borrow(descr);
    f = descr->type->descr_get;
    if (f && descr->type->descr_set) return f(ts, descr, o, tp);
  }
  if (Object** dp = instance_dict_slot(o); dp && *dp) {
    Object* d = *dp;
    Object* v;
    if (is_dict_exact(d)) {
      v = dict_get_str(ts, static_cast<DictObject*>(d), name);
    } else {
      v = dict_get(ts, static_cast<DictObject*>(d), name);
      if (!v && exc_occurred(ts)) return nullptr;
    }
    if (v) return newref(v);
  }
  if (f) return f(ts, descr, o, tp);
  if (descr) return hold.release();
  return raise_attribute_error(ts, o, name, "'%s' object has no attribute '%s'", type_name(o),
                               str_cstr(name));
}

bool generic_setattr(ThreadState* ts, Object* o, StrObject* name, Object* value) {
  TypeObject* tp = o->type;
  Object* descr = type_lookup(tp, name);
  if (descr) {
    if (descrsetfunc f = descr->type->descr_set) {
      Ref<> hold = Ref<>::borrow(descr);
      return f(ts, descr, o, value);
    }
  }
  Object** dp = instance_dict_slot(o);
  if (!dp) {
    if (descr)
      raise_attribute_error(ts, o, name, "'%s' object attribute '%s' is read-only", type_name(o),
                            str_cstr(name));
    else
      raise_attribute_error(ts, o, name, "'%s' object has no attribute '%s'", type_name(o),
                            str_cstr(name));
    return false;
  }
  if (!*dp) {
    if (!value) {
      raise_attribute_error(ts, o, name, "'%s' object has no attribute '%s'", type_name(o),
                            str_cstr(name));
      return false;
    }
    *dp = dict_new(ts);
    if (!*dp) return false;
  }
  auto* d = static_cast<DictObject*>(*dp);
  if (value) return dict_set(ts, d, name, value);
  int r = dict_del(ts, d, name);
  if (r < 0) return false;
  if (r == 0) {
    raise_attribute_error(ts, o, name, "'%s' object has no attribute '%s'", type_name(o),
                          str_cstr(name));
    return false;
  }
  return true;
}

Object* getattr(ThreadState* ts, Object* o, StrObject* name) {
  if (getattrofunc f = o->type->getattro) return f(ts, o, name);
  return raise_attribute_error(ts, o, name, "'%s' object has no attribute '%s'", type_name(o),
                               str_cstr(name));
}

Object* getattr_cstr(ThreadState* ts, Object* o, const char* name) {
  Ref<StrObject> n = Ref<StrObject>::steal(intern(ts, name));
  if (!n) return nullptr;
  return getattr(ts, o, n.get());
}

Object* getattr_opt(ThreadState* ts, Object* o, StrObject* name) {
  Object* r = getattr(ts, o, name);
  if (!r && exc_matches(ts, &exc::AttributeError)) clear_exc(ts);
  return r;
}

bool setattr(ThreadState* ts, Object* o, StrObject* name, Object* value) {
  if (setattrofunc f = o->type->setattro) return f(ts, o, name, value);
  if (o->type->getattro)
    raise(ts, &exc::AttributeError, "'%s' object has only read-only attributes (%s .%s)",
          type_name(o), value ? "assign to" : "del", str_cstr(name));
  else
    raise(ts, &exc::AttributeError, "'%s' object has no attributes (%s .%s)", type_name(o),
          value ? "assign to" : "del", str_cstr(name));
  return false;
}

bool setattr_cstr(ThreadState* ts, Object* o, const char* name, Object* value) {
  Ref<StrObject> n = Ref<StrObject>::steal(intern(ts, name));
  if (!n) return false;
  return setattr(ts, o, n.get(), value);
}

// ---- calls
// -------------------------------------------------------------------------------------------

Object* call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs,
             TupleObject* kwnames) {
  callfunc f = callable->type->call;
  if (!f) return raise(ts, &exc::TypeError, "'%s' object is not callable", type_name(callable));
  if (!vm_enter_recursive_call(ts, " while calling a Python object")) return nullptr;
  Object* r = f(ts, callable, args, nargs, kwnames);
  vm_leave_recursive_call(ts);
#ifdef GILPY_DEBUG
  if (!r && !ts->exc) {
    std::fprintf(stderr, "gilpy: %s returned NULL without an exception\n", type_name(callable));
    return raise(ts, &exc::SystemError, "error return without exception set");
  }
#endif
  return r;
}

Object* call0(ThreadState* ts, Object* callable) { return call(ts, callable, nullptr, 0); }
Object* call1(ThreadState* ts, Object* callable, Object* a) { return call(ts, callable, &a, 1); }
Object* call2(ThreadState* ts, Object* callable, Object* a, Object* b) {
  Object* args[2] = {a, b};
  return call(ts, callable, args, 2);
}

Object* call_tuple_dict(ThreadState* ts, Object* callable, TupleObject* args, DictObject* kwargs) {
  ssize n = args ? args->size : 0;
  if (!kwargs || dict_size(kwargs) == 0) return call(ts, callable, args ? args->items : nullptr, n);
  ssize nk = dict_size(kwargs);
  std::vector<Object*> buf(n + nk);
  for (ssize i = 0; i < n; ++i) buf[i] = args->items[i];
  Ref<TupleObject> kwnames = Ref<TupleObject>::steal(tuple_new(ts, nk));
  if (!kwnames) return nullptr;
  ssize pos = 0, i = 0;
  Object *k, *v;
  while (dict_next(kwargs, &pos, &k, &v)) {
    if (!is_str(k)) return raise(ts, &exc::TypeError, "keywords must be strings");
    kwnames->items[i] = newref(k);
    buf[n + i] = v;
    ++i;
  }
  return call(ts, callable, buf.data(), n, kwnames.get());
}

Object* call_method(ThreadState* ts, Object* obj, const char* name,
                    std::initializer_list<Object*> args) {
  Ref<StrObject> n = Ref<StrObject>::steal(intern(ts, name));
  if (!n) return nullptr;
  // Avoid the bound method when the attribute is a plain method on the type.
  Object* f = type_lookup(obj->type, n.get());
  if (f && (f->type->flags & kMethodDescriptor) && obj->type->getattro == &generic_getattr) {
    Object** dp = instance_dict_slot(obj);
    if (!dp || !*dp || !dict_get_str(ts, static_cast<DictObject*>(*dp), n.get())) {
      Ref<> hold = Ref<>::borrow(f);
      return call_unbound(ts, f, obj, args.begin(), args.size());
    }
  }
  Ref<> m = Ref<>::steal(getattr(ts, obj, n.get()));
  if (!m) return nullptr;
  return call(ts, m.get(), args.begin(), args.size());
}

bool is_callable(Object* o) { return o->type->call != nullptr; }

// ---- items / length / contains
// ---------------------------------------------------------------------

Object* getitem(ThreadState* ts, Object* o, Object* key) {
  if (binaryfunc f = o->type->getitem) return f(ts, o, key);
  if (is_type(o)) {
    if (static_cast<TypeObject*>(o) == &TypeType) return generic_alias_new(ts, o, key);
    Ref<> cg = Ref<>::steal(getattr_opt(ts, o, names.__class_getitem__));
    if (cg) return call1(ts, cg.get(), key);
    if (exc_occurred(ts)) return nullptr;
    return raise(ts, &exc::TypeError, "type '%s' is not subscriptable",
                 type_short_name(static_cast<TypeObject*>(o)));
  }
  return raise(ts, &exc::TypeError, "'%s' object is not subscriptable", type_name(o));
}

bool setitem(ThreadState* ts, Object* o, Object* key, Object* value) {
  if (setitemfunc f = o->type->setitem) return f(ts, o, key, value);
  raise(ts, &exc::TypeError, "'%s' object does not support item assignment", type_name(o));
  return false;
}

bool delitem(ThreadState* ts, Object* o, Object* key) {
  if (setitemfunc f = o->type->setitem) return f(ts, o, key, nullptr);
  // CPython's two messages: an index on a sequence-like type (PySequence_DelItem) says
  // "doesn't", anything else (PyObject_DelItem) "does not".
  TypeObject* t = o->type;
  bool seq_like = (t->flags & kHeapType) || t->len || t->contains || t->getitem;
  bool index_key = is_int(key) || key->type->nb_index;
  raise(ts, &exc::TypeError,
        seq_like && index_key ? "'%s' object doesn't support item deletion"
                              : "'%s' object does not support item deletion",
        type_name(o));
  return false;
}

int contains(ThreadState* ts, Object* container, Object* item) {
  if (objobjproc f = container->type->contains) return f(ts, container, item);
  if (!container->type->iter && !container->type->getitem) {
    raise(ts, &exc::TypeError, "argument of type '%s' is not iterable", type_name(container));
    return -1;
  }
  Ref<> it = Ref<>::steal(get_iter(ts, container));
  if (!it) return -1;
  for (;;) {
    Ref<> x = Ref<>::steal(iter_next(ts, it.get()));
    if (!x) return exc_occurred(ts) ? -1 : 0;
    int eq = richcompare_bool(ts, x.get(), item, CmpOp::EQ);
    if (eq != 0) return eq;
  }
}

ssize length(ThreadState* ts, Object* o) {
  if (lenfunc f = o->type->len) return f(ts, o);
  raise(ts, &exc::TypeError, "object of type '%s' has no len()", type_name(o));
  return -1;
}

// ---- iteration
// -------------------------------------------------------------------------------------

struct SeqIterObject : Object {
  ssize index;
  Object* seq;  // nullptr once exhausted
};

static void seqiter_dealloc(Object* o) {
  xdecref(static_cast<SeqIterObject*>(o)->seq);
  free_object(o);
}
static int seqiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<SeqIterObject*>(o)->seq;
  return s ? visit(s, arg) : 0;
}
static Object* seqiter_iter(ThreadState*, Object* o) { return newref(o); }
static Object* seqiter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  if (!it->seq) return nullptr;
  Ref<> idx = Ref<>::steal(int_from(ts, it->index));
  if (!idx) return nullptr;
  Object* r = getitem(ts, it->seq, idx.get());
  if (r) {
    ++it->index;
    return r;
  }
  if (exc_matches(ts, &exc::IndexError) || exc_matches(ts, &exc::StopIteration)) {
    clear_exc(ts);
    clearref(it->seq);
  }
  return nullptr;
}
static Object* seqiter_length_hint(ThreadState* ts, Object* o, Object* const*, size_t,
                                   TupleObject*) {
  auto* it = static_cast<SeqIterObject*>(o);
  if (!it->seq) return int_from(ts, 0);
  ssize n = it->seq->type->len ? length(ts, it->seq) : -1;
  if (n < 0) {
    if (exc_occurred(ts)) clear_exc(ts);
    return not_implemented();
  }
  return int_from(ts, n > it->index ? n - it->index : 0);
}

static const MethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject SeqIterType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "iterator";
  t.basicsize = sizeof(SeqIterObject);
  t.flags = kHaveGC | kImmutableType;
  t.dealloc = seqiter_dealloc;
  t.traverse = seqiter_traverse;
  t.iter = seqiter_iter;
  t.iternext = seqiter_next;
  t.methods = seqiter_methods;
  return t;
}();

Object* get_iter(ThreadState* ts, Object* o) {
  TypeObject* t = o->type;
  if (unaryfunc f = t->iter) {
    Object* r = f(ts, o);
    if (r && !r->type->iternext) {
      raise(ts, &exc::TypeError, "iter() returned non-iterator of type '%s'", type_name(r));
      decref(r);
      return nullptr;
    }
    return r;
  }
  if (t->getitem && !is_dict(o)) {
    auto* it = alloc<SeqIterObject>(ts, &SeqIterType);
    if (!it) return nullptr;
    it->seq = newref(o);
    return it;
  }
  return raise(ts, &exc::TypeError, "'%s' object is not iterable", type_name(o));
}

Object* iter_next(ThreadState* ts, Object* it) {
  unaryfunc f = it->type->iternext;
  if (!f) return raise(ts, &exc::TypeError, "'%s' object is not an iterator", type_name(it));
  Object* r = f(ts, it);
  if (!r && ts->exc && exc_matches(ts, &exc::StopIteration)) clear_exc(ts);
  return r;
}

// ---- numbers
// -----------------------------------------------------------------------------------------

static const char* const kBinSymbols[] = {"+",           "-",  "*",  "@", "/", "//", "%",
                                          "** or pow()", "<<", ">>", "&", "|", "^"};
static const char* const kInplaceSymbols[] = {
    "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="};

const char* binop_symbol(BinOp op) {
  static const char* const plain[] = {"+",  "-",  "*",  "@", "/", "//", "%",
                                      "**", "<<", ">>", "&", "|", "^"};
  return plain[int(op)];
}

static Object* binary_op1(ThreadState* ts, Object* a, Object* b, int op) {
  binaryfunc slotv = a->type->nb[op];
  binaryfunc slotw = nullptr;
  if (b->type != a->type) {
    slotw = b->type->nb[op];
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && is_subtype(b->type, a->type)) {
      Object* x = slotw(ts, a, b);
      if (x != not_implemented()) return x;
      slotw = nullptr;
    }
    Object* x = slotv(ts, a, b);
    if (x != not_implemented()) return x;
  }
  if (slotw) return slotw(ts, a, b);
  return not_implemented();
}

Object* binary_op(ThreadState* ts, Object* a, Object* b, BinOp op) {
  Object* r = binary_op1(ts, a, b, int(op));
  if (r != not_implemented()) return r;
  return raise(ts, &exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
               kBinSymbols[int(op)], type_name(a), type_name(b));
}

Object* inplace_op(ThreadState* ts, Object* a, Object* b, BinOp op) {
  if (binaryfunc f = a->type->nb_inplace[int(op)]) {
    Object* r = f(ts, a, b);
    if (r != not_implemented()) return r;
  }
  Object* r = binary_op1(ts, a, b, int(op));
  if (r != not_implemented()) return r;
  return raise(ts, &exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
               kInplaceSymbols[int(op)], type_name(a), type_name(b));
}

Object* power(ThreadState* ts, Object* a, Object* b, Object* mod) {
  if (!mod || is_none(mod)) return binary_op(ts, a, b, BinOp::Pow);
  // Three-argument pow goes through __pow__(b, mod) of the left operand's type.
  Object* f = type_lookup(a->type, names.__pow__);
  if (f && f->type != &WrapperDescrType) {
    Object* args[2] = {b, mod};
    Ref<> hold = Ref<>::borrow(f);
    Object* r = call_unbound(ts, f, a, args, 2);
    if (r != not_implemented()) return r;
    decref(r);
  }
  // CPython's ternary_op then tries the nb_power slot of the second and third operands' types
  // (when they differ), called with all three. Only the builtin numbers answer there: float and
  // complex reject a modulus once both operands convert.
  TypeObject* seen[2] = {a->type, nullptr};
  for (Object* o : {b, mod}) {
    TypeObject* t = o->type;
    if (t == seen[0] || t == seen[1]) continue;
    seen[1] = t;
    auto real = [](Object* x) { return is_int(x) || is_float(x); };
    if (is_subtype(t, &ComplexType) && (real(a) || isinstance_of(a, &ComplexType)) &&
        (real(b) || isinstance_of(b, &ComplexType)))
      return raise(ts, &exc::ValueError, "complex modulo");
    if (is_float(o) && real(a) && real(b))
      return raise(ts, &exc::TypeError,
                   "pow() 3rd argument not allowed unless all arguments are integers");
  }
  return raise(ts, &exc::TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
               type_name(a), type_name(b), type_name(mod));
}

Object* negative(ThreadState* ts, Object* o) {
  if (unaryfunc f = o->type->neg) return f(ts, o);
  return raise(ts, &exc::TypeError, "bad operand type for unary -: '%s'", type_name(o));
}
Object* positive(ThreadState* ts, Object* o) {
  if (unaryfunc f = o->type->pos) return f(ts, o);
  return raise(ts, &exc::TypeError, "bad operand type for unary +: '%s'", type_name(o));
}
Object* invert(ThreadState* ts, Object* o) {
  if (unaryfunc f = o->type->invert) return f(ts, o);
  return raise(ts, &exc::TypeError, "bad operand type for unary ~: '%s'", type_name(o));
}
Object* absolute(ThreadState* ts, Object* o) {
  if (unaryfunc f = o->type->abs) return f(ts, o);
  return raise(ts, &exc::TypeError, "bad operand type for abs(): '%s'", type_name(o));
}

Object* number_index(ThreadState* ts, Object* o) {
  if (is_int(o)) return newref(o);
  unaryfunc f = o->type->nb_index;
  if (!f)
    return raise(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                 type_name(o));
  Object* r = f(ts, o);
  if (r && !is_int(r)) {
    raise(ts, &exc::TypeError, "__index__ returned non-int (type %s)", type_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

bool index_as_ssize(ThreadState* ts, Object* o, ssize* out) {
  Ref<> i = Ref<>::steal(number_index(ts, o));
  if (!i) return false;
  int64_t v;
  if (!int_to_i64(i.get(), &v)) {
    raise(ts, &exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(o));
    return false;
  }
  *out = v;
  return true;
}

Object* number_int(ThreadState* ts, Object* o) {
  if (is_int_exact(o)) return newref(o);
  if (unaryfunc f = o->type->nb_int) {
    Object* r = f(ts, o);
    if (r && !is_int(r)) {
      raise(ts, &exc::TypeError, "__int__ returned non-int (type %s)", type_name(r));
      decref(r);
      return nullptr;
    }
    return r;
  }
  if (o->type->nb_index) return number_index(ts, o);
  if (is_int(o)) return int_from_string(ts, int_to_decimal(o), 10);
  bool found;
  Object* r = call_special(ts, o, names.__trunc__, nullptr, 0, &found);
  if (found) {
    if (r && !is_int(r)) {
      Ref<> hold = Ref<>::steal(r);
      return number_index(ts, r);
    }
    return r;
  }
  if (is_str(o)) return int_from_string(ts, str_view(o), 10);
  if (is_bytes(o)) return int_from_string(ts, bytes_view(o), 10);
  if (is_bytearray(o)) {
    auto* b = static_cast<ByteArrayObject*>(o);
    return int_from_string(ts, std::string_view(b->data, b->size), 10);
  }
  return raise(ts, &exc::TypeError,
               "int() argument must be a string, a bytes-like object or a real number, not '%s'",
               type_name(o));
}

Object* number_float(ThreadState* ts, Object* o) {
  if (o->type == &FloatType) return newref(o);
  if (unaryfunc f = o->type->nb_float) {
    Object* r = f(ts, o);
    if (r && !is_float(r)) {
      raise(ts, &exc::TypeError, "%s.__float__ returned non-float (type %s)", type_name(o),
            type_name(r));
      decref(r);
      return nullptr;
    }
    return r;
  }
  if (o->type->nb_index) {
    Ref<> i = Ref<>::steal(number_index(ts, o));
    if (!i) return nullptr;
    bool ok = true;
    double d = int_to_double(ts, i.get(), &ok);
    if (!ok) return nullptr;
    return float_from(ts, d);
  }
  if (is_float(o)) return float_from(ts, float_value(o));
  if (is_str(o) || is_bytes(o) || is_bytearray(o)) return call1(ts, &FloatType, o);
  return raise(ts, &exc::TypeError, "float() argument must be a string or a real number, not '%s'",
               type_name(o));
}

Object* format(ThreadState* ts, Object* o, Object* spec) {
  if (spec && !is_str(spec))
    return raise(ts, &exc::TypeError, "format() argument 2 must be str, not %s", type_name(spec));
  bool empty = !spec || str_view(spec).empty();
  if (empty) {
    if (is_str_exact(o)) return newref(o);
    if (is_int_exact(o)) return str(ts, o);
  }
  Ref<> spec_ref;
  if (!spec) {
    spec_ref = Ref<>::steal(str_from(ts, ""));
    if (!spec_ref) return nullptr;
    spec = spec_ref.get();
  }
  Object* f = type_lookup(o->type, names.__format__);
  if (!f) return raise(ts, &exc::TypeError, "Type %s doesn't define __format__", type_name(o));
  Ref<> hold = Ref<>::borrow(f);
  Object* r = call_unbound(ts, f, o, &spec, 1);
  if (r && !is_str(r)) {
    raise(ts, &exc::TypeError, "__format__ must return a str, not %s", type_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

// ---- isinstance / issubclass
// -----------------------------------------------------------------------

static bool is_union_like(Object* cls) { return is_tuple(cls) || cls->type == &UnionType; }
// The classes a tuple or a types.UnionType stands for (borrowed).
static TupleObject* union_like_items(Object* cls) {
  return is_tuple(cls) ? static_cast<TupleObject*>(cls) : union_args(cls);
}

static int recursive_isinstance(ThreadState* ts, Object* o, Object* cls) {
  if (is_type(cls)) {
    if (isinstance_of(o, static_cast<TypeObject*>(cls))) return 1;
    Ref<> c = Ref<>::steal(getattr_opt(ts, o, names.__class__));
    if (!c) return exc_occurred(ts) ? -1 : 0;
    if (c.get() != o->type && is_type(c.get()))
      return is_subtype(static_cast<TypeObject*>(c.get()), static_cast<TypeObject*>(cls));
    return 0;
  }
  Ref<> bases = Ref<>::steal(getattr_opt(ts, cls, names.__bases__));
  if (!bases || !is_tuple(bases.get())) {
    if (exc_occurred(ts)) return -1;
    raise(ts, &exc::TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  Ref<> c = Ref<>::steal(getattr_opt(ts, o, names.__class__));
  if (!c) return exc_occurred(ts) ? -1 : 0;
  return issubclass_check(ts, c.get(), cls);
}

int isinstance_check(ThreadState* ts, Object* o, Object* cls) {
  if (is_type(cls) && o->type == cls) return 1;
  if (cls->type == &TypeType) return recursive_isinstance(ts, o, cls);
  if (is_union_like(cls)) {
    if (!vm_enter_recursive_call(ts, " in __instancecheck__")) return -1;
    int r = 0;
    TupleObject* items = union_like_items(cls);
    for (ssize i = 0; i < tuple_size(items) && r == 0; ++i)
      r = isinstance_check(ts, o, tuple_item(items, i));
    vm_leave_recursive_call(ts);
    return r;
  }
  if (cls->type == &GenericAliasType) {
    raise(ts, &exc::TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return -1;
  }
  Object* checker = type_lookup(cls->type, names.__instancecheck__);
  if (checker) {
    Ref<> hold = Ref<>::borrow(checker);
    if (!vm_enter_recursive_call(ts, " in __instancecheck__")) return -1;
    Ref<> r = Ref<>::steal(call_unbound(ts, checker, cls, &o, 1));
    vm_leave_recursive_call(ts);
    if (!r) return -1;
    return truthy(ts, r.get());
  }
  return recursive_isinstance(ts, o, cls);
}

bool isinstance(ThreadState* ts, Object* o, Object* cls) {
  return isinstance_check(ts, o, cls) > 0;
}

static int abstract_issubclass(ThreadState* ts, Object* derived, Object* cls) {
  for (;;) {
    if (derived == cls) return 1;
    Ref<> bases = Ref<>::steal(getattr_opt(ts, derived, names.__bases__));
    if (!bases) return exc_occurred(ts) ? -1 : 0;
    if (!is_tuple(bases.get())) return 0;
    ssize n = tuple_size(bases.get());
    if (n == 0) return 0;
    if (n == 1) {
      derived = tuple_item(bases.get(), 0);
      continue;
    }
    for (ssize i = 0; i < n; ++i) {
      int r = abstract_issubclass(ts, tuple_item(bases.get(), i), cls);
      if (r != 0) return r;
    }
    return 0;
  }
}

static int recursive_issubclass(ThreadState* ts, Object* derived, Object* cls) {
  if (is_type(cls) && is_type(derived))
    return is_subtype(static_cast<TypeObject*>(derived), static_cast<TypeObject*>(cls));
  auto has_bases = [&](Object* x) -> int {
    Ref<> b = Ref<>::steal(getattr_opt(ts, x, names.__bases__));
    if (!b) return exc_occurred(ts) ? -1 : 0;
    return is_tuple(b.get());
  };
  int r = has_bases(derived);
  if (r <= 0) {
    if (r == 0) raise(ts, &exc::TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  r = has_bases(cls);
  if (r <= 0) {
    if (r == 0)
      raise(ts, &exc::TypeError,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return abstract_issubclass(ts, derived, cls);
}

int issubclass_check(ThreadState* ts, Object* derived, Object* cls) {
  if (cls->type == &TypeType) {
    if (derived == cls) return 1;
    return recursive_issubclass(ts, derived, cls);
  }
  if (is_union_like(cls)) {
    if (!vm_enter_recursive_call(ts, " in __subclasscheck__")) return -1;
    int r = 0;
    TupleObject* items = union_like_items(cls);
    for (ssize i = 0; i < tuple_size(items) && r == 0; ++i)
      r = issubclass_check(ts, derived, tuple_item(items, i));
    vm_leave_recursive_call(ts);
    return r;
  }
  if (cls->type == &GenericAliasType) {
    raise(ts, &exc::TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return -1;
  }
  Object* checker = type_lookup(cls->type, names.__subclasscheck__);
  if (checker) {
    Ref<> hold = Ref<>::borrow(checker);
    if (!vm_enter_recursive_call(ts, " in __subclasscheck__")) return -1;
    Ref<> r = Ref<>::steal(call_unbound(ts, checker, cls, &derived, 1));
    vm_leave_recursive_call(ts);
    if (!r) return -1;
    return truthy(ts, r.get());
  }
  return recursive_issubclass(ts, derived, cls);
}

}  // namespace gp
