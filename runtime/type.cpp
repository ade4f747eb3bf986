// type, object and super.
//
// Static types (TypeObject globals of every area) are made ready once per process by type_ready:
// they inherit slots from their base, get an MRO, and their dict is filled with method/getset
// descriptors and with *slot wrappers* for the slots they define themselves (int.__add__,
// object.__init__...), so Python code can call them explicitly.
//
// Heap types (class statements) are made by type_new. Their slots are derived from the dunder
// methods found along the MRO (fixup_slots/update_slot, as CPython's update_one_slot): when every
// name of a slot resolves to a slot wrapper of the same native function, the native function is
// used directly (a subclass of list that does not override __len__ keeps list's len slot);
// otherwise a generic slot function looks the dunder up on the type and calls it.
#include <algorithm>
#include <cstdarg>
#include <cstring>
#include <mutex>
#include <utility>

#include "interp/frame.h"
#include "interp/function.h"
#include "interp/vm.h"
#include "runtime/objmodel_internal.h"

namespace gp {

// ---- small helpers
// -------------------------------------------------------------------------------

std::string addr_str(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

const char* type_short_name(const TypeObject* t) {
  if ((t->flags & kHeapType) && t->name_obj) return str_cstr(t->name_obj);
  const char* dot = std::strrchr(t->name, '.');
  return dot ? dot + 1 : t->name;
}

const char* type_name(const Object* o) { return type_short_name(o->type); }

static std::string static_module_name(const TypeObject* t) {
  const char* dot = std::strrchr(t->name, '.');
  if (!dot) return "builtins";
  return std::string(t->name, dot);
}

std::string type_qualified_name(TypeObject* t) {
  if (t->flags & kHeapType) {
    std::string mod;
    if (t->dict) {
      Object* m = dict_get_str(nullptr, t->dict, names.__module__);
      if (m && is_str(m)) mod = std::string(str_view(m));
    }
    std::string q = t->qualname ? std::string(str_view(t->qualname)) : type_short_name(t);
    if (mod.empty() || mod == "builtins") return q;
    return mod + "." + q;
  }
  return t->name;
}

Object* type_name_obj(ThreadState* ts, TypeObject* type) {
  if ((type->flags & kHeapType) && type->name_obj) return newref(type->name_obj);
  return str_from(ts, type_short_name(type));
}

Object* type_qualname(ThreadState* ts, TypeObject* type) {
  if ((type->flags & kHeapType) && type->qualname) return newref(type->qualname);
  return str_from(ts, type_short_name(type));
}

Object* type_module(ThreadState* ts, TypeObject* type) {
  if (type->flags & kHeapType) {
    Object* m = type->dict ? dict_get_str(ts, type->dict, names.__module__) : nullptr;
    if (!m) return raise_with(ts, &exc::AttributeError, names.__module__);
    return newref(m);
  }
  return str_from(ts, static_module_name(type));
}

Object* object_default_repr(ThreadState* ts, Object* o) {
  std::string text = "<" + type_qualified_name(o->type) + " object at " + addr_str(o) + ">";
  return str_from(ts, text);
}

Object* object_str(ThreadState* ts, Object* o) { return repr(ts, o); }

int64_t object_hash(ThreadState*, Object* o) {
  uint64_t y = reinterpret_cast<uintptr_t>(o);
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  return h == -1 ? -2 : h;
}

int64_t hash_not_implemented(ThreadState* ts, Object* o) {
  raise(ts, &exc::TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

Object* object_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  switch (op) {
    case CmpOp::EQ:
      return newref(a == b ? static_cast<Object*>(&TrueObject) : not_implemented());
    case CmpOp::NE: {
      richcmpfunc f = a->type->richcompare;
      if (!f) return not_implemented();
      Object* r = f(ts, a, b, CmpOp::EQ);
      if (!r || r == not_implemented()) return r;
      int t = truthy(ts, r);
      decref(r);
      if (t < 0) return nullptr;
      return bool_from(!t);
    }
    default:
      return not_implemented();
  }
}

std::nullptr_t raise_attribute_error(ThreadState* ts, Object* o, StrObject* name, const char* fmt,
                                     ...) {
  va_list ap;
  va_start(ap, fmt);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  Ref<> msg = Ref<>::steal(str_from(ts, buf));
  if (!msg) return nullptr;
  Object* argv[1] = {msg.get()};
  Object* e = exception_new(ts, &exc::AttributeError, argv, 1);
  if (!e) return nullptr;
  auto* ae = static_cast<AttributeErrorObject*>(e);
  if (name) setref(ae->name, newref(static_cast<Object*>(name)));
  if (o) setref(ae->obj, newref(o));
  raise_object(ts, e);
  decref(e);
  return nullptr;
}

static Object* type_lookup_uncached(TypeObject* type, StrObject* name);

// Heap types cache lookups of interned names (hits and misses) in a small direct-mapped table;
// any assignment to a class attribute clears the tables of the class and its subclasses.
Object* type_lookup(TypeObject* type, StrObject* name) {
  if (!(type->flags & kHeapType) || !name->interned) return type_lookup_uncached(type, name);
  HeapTypeObject* h = heap(type);
  size_t slot = (reinterpret_cast<uintptr_t>(name) >> 4) & (kTypeCacheSize - 1);
  TypeCacheEntry& e = h->cache[slot];
  if (e.name == name) return e.value;
  Object* v = type_lookup_uncached(type, name);
  e.name = name;
  e.value = v;
  return v;
}

void type_cache_invalidate(TypeObject* type) {
  if (!(type->flags & kHeapType)) return;
  type->version_tag = 0;  // the VM's attribute caches keyed on the old tag miss from now on
  HeapTypeObject* h = heap(type);
  for (TypeCacheEntry& e : h->cache) e = TypeCacheEntry{};
  if (h->subclasses)
    for (TypeObject* s : *h->subclasses) type_cache_invalidate(s);
}

static Object* type_lookup_uncached(TypeObject* type, StrObject* name) {
  TupleObject* mro = type->mro;
  if (!mro) {
    for (TypeObject* t = type; t; t = t->base)
      if (t->dict)
        if (Object* v = dict_get_str(nullptr, t->dict, name)) return v;
    return nullptr;
  }
  for (ssize i = 0; i < mro->size; ++i) {
    auto* t = static_cast<TypeObject*>(mro->items[i]);
    if (!t->dict) continue;
    if (Object* v = dict_get_str(nullptr, t->dict, name)) return v;
  }
  return nullptr;
}

Object** instance_dict_slot(Object* o) {
  TypeObject* t = o->type;
  ssize off = t->dict_offset;
  if (off == 0) return nullptr;
  if (off > 0) return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
  char* p = reinterpret_cast<char*>(o) - ((t->flags & kHaveGC) ? sizeof(GCHead) : 0);
  return reinterpret_cast<Object**>(p) - 1;
}

// ---- calling methods found on types
// --------------------------------------------------------------

Object* call_unbound(ThreadState* ts, Object* f, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if ((f->type->flags & kMethodDescriptor) || f->type == &FunctionType) {
    Object* small[8];
    std::vector<Object*> big;
    Object** buf = small;
    if (nargs + nkw + 1 > 8) {
      big.resize(nargs + nkw + 1);
      buf = big.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < nargs + nkw; ++i) buf[i + 1] = args[i];
    return call(ts, f, buf, nargs + 1, kwnames);
  }
  if (descrgetfunc g = f->type->descr_get) {
    Ref<> bound = Ref<>::steal(g(ts, f, self, self->type));
    if (!bound) return nullptr;
    return call(ts, bound.get(), args, nargs, kwnames);
  }
  return call(ts, f, args, nargs, kwnames);
}

Object* call_special(ThreadState* ts, Object* self, StrObject* name, Object* const* args,
                     size_t nargs, bool* found) {
  Object* f = type_lookup(self->type, name);
  if (!f) {
    *found = false;
    return nullptr;
  }
  *found = true;
  Ref<> hold = Ref<>::borrow(f);
  return call_unbound(ts, f, self, args, nargs);
}

// Calls name on self or returns NotImplemented when the type lacks it.
static Object* call_maybe(ThreadState* ts, Object* self, StrObject* name, Object* const* args,
                          size_t nargs) {
  bool found;
  Object* r = call_special(ts, self, name, args, nargs, &found);
  if (!found) return not_implemented();
  return r;
}

static Object* call_required(ThreadState* ts, Object* self, StrObject* name, Object* const* args,
                             size_t nargs) {
  bool found;
  Object* r = call_special(ts, self, name, args, nargs, &found);
  if (!found) return raise_with(ts, &exc::AttributeError, name);
  return r;
}

// ---- slot table
// ----------------------------------------------------------------------------------

enum class Slot : uint8_t {
  Repr,
  Str,
  Hash,
  RichCmp,
  GetAttro,
  SetAttro,
  DescrGet,
  DescrSet,
  Call,
  Iter,
  IterNext,
  Bool,
  Len,
  GetItem,
  SetItem,
  Contains,
  Nb,
  NbInplace,
  Neg,
  Pos,
  Invert,
  Abs,
  Int,
  Float,
  Index,
  Init,
  New
};

enum class Wrap : uint8_t {
  Unary,
  Hash,
  RichCmp,
  GetAttr,
  SetAttr,
  DelAttr,
  DescrGet,
  DescrSet,
  DescrDelete,
  Call,
  Next,
  Bool,
  Len,
  GetItem,
  SetItem,
  DelItem,
  Contains,
  BinL,
  BinR,
  Inplace,
  Init,
  None
};

struct SlotDef {
  StrObject* StaticNames::*name;
  Slot slot;
  int arg;  // BinOp or CmpOp
  Wrap wrap;
};

#define SD(n, s, a, w) \
  { &StaticNames::n, Slot::s, a, Wrap::w }
#define BIN(op, l, r, i)                                            \
  SD(l, Nb, int(BinOp::op), BinL), SD(r, Nb, int(BinOp::op), BinR), \
      SD(i, NbInplace, int(BinOp::op), Inplace)
static const SlotDef kSlotDefs[] = {
    SD(__repr__, Repr, 0, Unary),
    SD(__str__, Str, 0, Unary),
    SD(__hash__, Hash, 0, Hash),
    SD(__lt__, RichCmp, int(CmpOp::LT), RichCmp),
    SD(__le__, RichCmp, int(CmpOp::LE), RichCmp),
    SD(__eq__, RichCmp, int(CmpOp::EQ), RichCmp),
    SD(__ne__, RichCmp, int(CmpOp::NE), RichCmp),
    SD(__gt__, RichCmp, int(CmpOp::GT), RichCmp),
    SD(__ge__, RichCmp, int(CmpOp::GE), RichCmp),
    SD(__getattribute__, GetAttro, 0, GetAttr),
    SD(__getattr__, GetAttro, 0, None),
    SD(__setattr__, SetAttro, 0, SetAttr),
    SD(__delattr__, SetAttro, 0, DelAttr),
    SD(__get__, DescrGet, 0, DescrGet),
    SD(__set__, DescrSet, 0, DescrSet),
    SD(__delete__, DescrSet, 0, DescrDelete),
    SD(__call__, Call, 0, Call),
    SD(__iter__, Iter, 0, Unary),
    SD(__next__, IterNext, 0, Next),
    SD(__bool__, Bool, 0, Bool),
    SD(__len__, Len, 0, Len),
    SD(__getitem__, GetItem, 0, GetItem),
    SD(__setitem__, SetItem, 0, SetItem),
    SD(__delitem__, SetItem, 0, DelItem),
    SD(__contains__, Contains, 0, Contains),
    BIN(Add, __add__, __radd__, __iadd__),
    BIN(Sub, __sub__, __rsub__, __isub__),
    BIN(Mul, __mul__, __rmul__, __imul__),
    BIN(MatMul, __matmul__, __rmatmul__, __imatmul__),
    BIN(TrueDiv, __truediv__, __rtruediv__, __itruediv__),
    BIN(FloorDiv, __floordiv__, __rfloordiv__, __ifloordiv__),
    BIN(Mod, __mod__, __rmod__, __imod__),
    BIN(Pow, __pow__, __rpow__, __ipow__),
    BIN(LShift, __lshift__, __rlshift__, __ilshift__),
    BIN(RShift, __rshift__, __rrshift__, __irshift__),
    BIN(And, __and__, __rand__, __iand__),
    BIN(Or, __or__, __ror__, __ior__),
    BIN(Xor, __xor__, __rxor__, __ixor__),
    SD(__neg__, Neg, 0, Unary),
    SD(__pos__, Pos, 0, Unary),
    SD(__invert__, Invert, 0, Unary),
    SD(__abs__, Abs, 0, Unary),
    SD(__int__, Int, 0, Unary),
    SD(__float__, Float, 0, Unary),
    SD(__index__, Index, 0, Unary),
    SD(__init__, Init, 0, Init),
    SD(__new__, New, 0, None),
};
#undef SD
#undef BIN

static void** slot_ptr(TypeObject* t, Slot s, int arg) {
  switch (s) {
    case Slot::Repr:
      return reinterpret_cast<void**>(&t->repr);
    case Slot::Str:
      return reinterpret_cast<void**>(&t->str);
    case Slot::Hash:
      return reinterpret_cast<void**>(&t->hash);
    case Slot::RichCmp:
      return reinterpret_cast<void**>(&t->richcompare);
    case Slot::GetAttro:
      return reinterpret_cast<void**>(&t->getattro);
    case Slot::SetAttro:
      return reinterpret_cast<void**>(&t->setattro);
    case Slot::DescrGet:
      return reinterpret_cast<void**>(&t->descr_get);
    case Slot::DescrSet:
      return reinterpret_cast<void**>(&t->descr_set);
    case Slot::Call:
      return reinterpret_cast<void**>(&t->call);
    case Slot::Iter:
      return reinterpret_cast<void**>(&t->iter);
    case Slot::IterNext:
      return reinterpret_cast<void**>(&t->iternext);
    case Slot::Bool:
      return reinterpret_cast<void**>(&t->boolean);
    case Slot::Len:
      return reinterpret_cast<void**>(&t->len);
    case Slot::GetItem:
      return reinterpret_cast<void**>(&t->getitem);
    case Slot::SetItem:
      return reinterpret_cast<void**>(&t->setitem);
    case Slot::Contains:
      return reinterpret_cast<void**>(&t->contains);
    case Slot::Nb:
      return reinterpret_cast<void**>(&t->nb[arg]);
    case Slot::NbInplace:
      return reinterpret_cast<void**>(&t->nb_inplace[arg]);
    case Slot::Neg:
      return reinterpret_cast<void**>(&t->neg);
    case Slot::Pos:
      return reinterpret_cast<void**>(&t->pos);
    case Slot::Invert:
      return reinterpret_cast<void**>(&t->invert);
    case Slot::Abs:
      return reinterpret_cast<void**>(&t->abs);
    case Slot::Int:
      return reinterpret_cast<void**>(&t->nb_int);
    case Slot::Float:
      return reinterpret_cast<void**>(&t->nb_float);
    case Slot::Index:
      return reinterpret_cast<void**>(&t->nb_index);
    case Slot::Init:
      return reinterpret_cast<void**>(&t->init);
    case Slot::New:
      return reinterpret_cast<void**>(&t->new_);
  }
  return nullptr;
}

// ---- generic slot functions (heap types)
// ----------------------------------------------------------

template <StrObject* StaticNames::*N>
static Object* slot_unary(ThreadState* ts, Object* self) {
  return call_required(ts, self, names.*N, nullptr, 0);
}

static Object* slot_repr(ThreadState* ts, Object* self) {
  bool found;
  Object* r = call_special(ts, self, names.__repr__, nullptr, 0, &found);
  if (!found) return object_default_repr(ts, self);
  return r;
}

static Object* slot_str(ThreadState* ts, Object* self) {
  bool found;
  Object* r = call_special(ts, self, names.__str__, nullptr, 0, &found);
  if (!found) return repr(ts, self);
  return r;
}

static int64_t slot_hash(ThreadState* ts, Object* self) {
  Object* f = type_lookup(self->type, names.__hash__);
  if (!f || is_none(f)) return hash_not_implemented(ts, self);
  Ref<> hold = Ref<>::borrow(f);
  Ref<> r = Ref<>::steal(call_unbound(ts, f, self, nullptr, 0));
  if (!r) return -1;
  if (!is_int(r.get())) {
    raise(ts, &exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  int64_t v;
  if (int_to_i64(r.get(), &v)) {
    // hash(int) reduces modulo 2**61-1 like CPython does for big values.
    if (v == -1) v = -2;
    if (v >= -(int64_t(1) << 61) && v < (int64_t(1) << 61)) return v;
  }
  int64_t h = hash(ts, r.get());
  return h;
}

static StrObject* StaticNames::*const kCmpNames[] = {&StaticNames::__lt__, &StaticNames::__le__,
                                                     &StaticNames::__eq__, &StaticNames::__ne__,
                                                     &StaticNames::__gt__, &StaticNames::__ge__};

static Object* slot_richcompare(ThreadState* ts, Object* self, Object* other, CmpOp op) {
  StrObject* name = names.*kCmpNames[int(op)];
  Object* f = type_lookup(self->type, name);
  if (!f || is_none(f)) return not_implemented();
  Ref<> hold = Ref<>::borrow(f);
  return call_unbound(ts, f, self, &other, 1);
}

static Object* wrapper_native_getattr(Object* f);  // native fn of a __getattribute__ wrapper

static Object* slot_getattro(ThreadState* ts, Object* self, StrObject* name) {
  TypeObject* t = self->type;
  Object* ga = type_lookup(t, names.__getattribute__);
  Object* r;
  if (!ga) {
    r = generic_getattr(ts, self, name);
  } else if (auto fn = reinterpret_cast<getattrofunc>(wrapper_native_getattr(ga))) {
    r = fn(ts, self, name);
  } else {
    Ref<> hold = Ref<>::borrow(ga);
    Object* arg = name;
    r = call_unbound(ts, ga, self, &arg, 1);
  }
  if (r || !exc_matches(ts, &exc::AttributeError)) return r;
  Object* hook = type_lookup(t, names.__getattr__);
  if (!hook) return nullptr;
  clear_exc(ts);
  Ref<> hold = Ref<>::borrow(hook);
  Object* arg = name;
  return call_unbound(ts, hook, self, &arg, 1);
}

static bool slot_setattro(ThreadState* ts, Object* self, StrObject* name, Object* value) {
  Object* args[2] = {name, value};
  Ref<> r = Ref<>::steal(value ? call_required(ts, self, names.__setattr__, args, 2)
                               : call_required(ts, self, names.__delattr__, args, 1));
  return bool(r);
}

static Object* slot_descr_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
  Object* f = type_lookup(descr->type, names.__get__);
  if (!f) return newref(descr);
  Object* args[2] = {obj ? obj : none(), type ? type : none()};
  Ref<> hold = Ref<>::borrow(f);
  return call_unbound(ts, f, descr, args, 2);
}

static bool slot_descr_set(ThreadState* ts, Object* descr, Object* obj, Object* value) {
  Object* args[2] = {obj, value};
  Ref<> r = Ref<>::steal(value ? call_required(ts, descr, names.__set__, args, 2)
                               : call_required(ts, descr, names.__delete__, args, 1));
  return bool(r);
}

static Object* slot_call(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  Object* f = type_lookup(self->type, names.__call__);
  if (!f) return raise(ts, &exc::TypeError, "'%s' object is not callable", type_name(self));
  Ref<> hold = Ref<>::borrow(f);
  return call_unbound(ts, f, self, args, nargs, kwnames);
}

static Object* slot_iter(ThreadState* ts, Object* self) {
  Object* f = type_lookup(self->type, names.__iter__);
  if (!f || is_none(f))
    return raise(ts, &exc::TypeError, "'%s' object is not iterable", type_name(self));
  Ref<> hold = Ref<>::borrow(f);
  return call_unbound(ts, f, self, nullptr, 0);
}

static Object* slot_iternext(ThreadState* ts, Object* self) {
  Object* r = call_required(ts, self, names.__next__, nullptr, 0);
  if (!r && exc_matches(ts, &exc::StopIteration)) clear_exc(ts);
  return r;
}

static int slot_bool(ThreadState* ts, Object* self) {
  Ref<> r = Ref<>::steal(call_required(ts, self, names.__bool__, nullptr, 0));
  if (!r) return -1;
  if (!is_bool(r.get())) {
    raise(ts, &exc::TypeError, "__bool__ should return bool, returned %s", type_name(r.get()));
    return -1;
  }
  return r.get() == &TrueObject;
}

static ssize slot_len(ThreadState* ts, Object* self) {
  Ref<> r = Ref<>::steal(call_required(ts, self, names.__len__, nullptr, 0));
  if (!r) return -1;
  Ref<> i = Ref<>::steal(number_index(ts, r.get()));
  if (!i) return -1;
  if (int_sign(i.get()) < 0) {
    raise(ts, &exc::ValueError, "__len__() should return >= 0");
    return -1;
  }
  int64_t v;
  if (!int_to_i64(i.get(), &v)) {
    raise(ts, &exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return v;
}

static Object* slot_getitem(ThreadState* ts, Object* self, Object* key) {
  return call_required(ts, self, names.__getitem__, &key, 1);
}

static bool slot_setitem(ThreadState* ts, Object* self, Object* key, Object* value) {
  Object* args[2] = {key, value};
  Ref<> r = Ref<>::steal(value ? call_required(ts, self, names.__setitem__, args, 2)
                               : call_required(ts, self, names.__delitem__, args, 1));
  return bool(r);
}

static int slot_contains(ThreadState* ts, Object* self, Object* item) {
  Object* f = type_lookup(self->type, names.__contains__);
  if (f && is_none(f)) {
    raise(ts, &exc::TypeError, "'%s' object is not a container", type_name(self));
    return -1;
  }
  if (!f) {
    // Fall back to iteration (abstract contains does this when the slot is missing).
    Ref<> it = Ref<>::steal(get_iter(ts, self));
    if (!it) return -1;
    for (;;) {
      Ref<> x = Ref<>::steal(iter_next(ts, it.get()));
      if (!x) return exc_occurred(ts) ? -1 : 0;
      int eq = richcompare_bool(ts, x.get(), item, CmpOp::EQ);
      if (eq != 0) return eq;
    }
  }
  Ref<> hold = Ref<>::borrow(f);
  Ref<> r = Ref<>::steal(call_unbound(ts, f, self, &item, 1));
  if (!r) return -1;
  return truthy(ts, r.get());
}

static StrObject* binop_name(int op, int which) {  // 0 = __add__, 1 = __radd__, 2 = __iadd__
  int found = 0;
  for (const SlotDef& d : kSlotDefs) {
    if ((d.slot == Slot::Nb || d.slot == Slot::NbInplace) && d.arg == op) {
      if (found == which) return names.*d.name;
      ++found;
    }
  }
  return nullptr;
}

template <int Op>
static Object* slot_nb(ThreadState* ts, Object* self, Object* other) {
  StrObject* lname = binop_name(Op, 0);
  StrObject* rname = binop_name(Op, 1);
  bool do_other = self->type != other->type && other->type->nb[Op] == &slot_nb<Op> &&
                  type_lookup(other->type, rname);
  if (self->type->nb[Op] == &slot_nb<Op>) {
    if (do_other && is_subtype(other->type, self->type)) {
      Object* a = type_lookup(self->type, rname);
      Object* b = type_lookup(other->type, rname);
      if (a != b) {
        Object* r = call_maybe(ts, other, rname, &self, 1);
        if (r != not_implemented()) return r;
        do_other = false;
      }
    }
    Object* r = call_maybe(ts, self, lname, &other, 1);
    if (r != not_implemented() || other->type == self->type) return r;
  }
  if (do_other) return call_maybe(ts, other, rname, &self, 1);
  return not_implemented();
}

template <int Op>
static Object* slot_inplace(ThreadState* ts, Object* self, Object* other) {
  return call_maybe(ts, self, binop_name(Op, 2), &other, 1);
}

static bool slot_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  Object* f = type_lookup(self->type, names.__init__);
  if (!f) return true;
  Ref<> hold = Ref<>::borrow(f);
  Ref<> r = Ref<>::steal(call_unbound(ts, f, self, args, nargs, kwnames));
  if (!r) return false;
  if (!is_none(r.get())) {
    raise(ts, &exc::TypeError, "__init__() should return None, not '%s'", type_name(r.get()));
    return false;
  }
  return true;
}

static Object* slot_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                        TupleObject* kwnames) {
  Object* f = type_lookup(type, names.__new__);
  if (!f) return raise(ts, &exc::TypeError, "cannot create '%s' instances", type_short_name(type));
  Ref<> hold = Ref<>::borrow(f);
  Ref<> fn;
  if (descrgetfunc g = f->type->descr_get) {
    fn = Ref<>::steal(g(ts, f, nullptr, type));
    if (!fn) return nullptr;
  } else {
    fn = hold;
  }
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  std::vector<Object*> buf(nargs + nkw + 1);
  buf[0] = type;
  for (size_t i = 0; i < nargs + nkw; ++i) buf[i + 1] = args[i];
  return call(ts, fn.get(), buf.data(), nargs + 1, kwnames);
}

template <int... I>
struct NbTables {
  static constexpr binaryfunc nb[] = {&slot_nb<I>...};
  static constexpr binaryfunc inplace[] = {&slot_inplace<I>...};
};
using AllNb = NbTables<0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>;
static_assert(kNumBinOps == 13);

static void* generic_slot(Slot s, int arg) {
  switch (s) {
    case Slot::Repr:
      return reinterpret_cast<void*>(&slot_repr);
    case Slot::Str:
      return reinterpret_cast<void*>(&slot_str);
    case Slot::Hash:
      return reinterpret_cast<void*>(&slot_hash);
    case Slot::RichCmp:
      return reinterpret_cast<void*>(&slot_richcompare);
    case Slot::GetAttro:
      return reinterpret_cast<void*>(&slot_getattro);
    case Slot::SetAttro:
      return reinterpret_cast<void*>(&slot_setattro);
    case Slot::DescrGet:
      return reinterpret_cast<void*>(&slot_descr_get);
    case Slot::DescrSet:
      return reinterpret_cast<void*>(&slot_descr_set);
    case Slot::Call:
      return reinterpret_cast<void*>(&slot_call);
    case Slot::Iter:
      return reinterpret_cast<void*>(&slot_iter);
    case Slot::IterNext:
      return reinterpret_cast<void*>(&slot_iternext);
    case Slot::Bool:
      return reinterpret_cast<void*>(&slot_bool);
    case Slot::Len:
      return reinterpret_cast<void*>(&slot_len);
    case Slot::GetItem:
      return reinterpret_cast<void*>(&slot_getitem);
    case Slot::SetItem:
      return reinterpret_cast<void*>(&slot_setitem);
    case Slot::Contains:
      return reinterpret_cast<void*>(&slot_contains);
    case Slot::Nb:
      return reinterpret_cast<void*>(AllNb::nb[arg]);
    case Slot::NbInplace:
      return reinterpret_cast<void*>(AllNb::inplace[arg]);
    case Slot::Neg:
      return reinterpret_cast<void*>(&slot_unary<&StaticNames::__neg__>);
    case Slot::Pos:
      return reinterpret_cast<void*>(&slot_unary<&StaticNames::__pos__>);
    case Slot::Invert:
      return reinterpret_cast<void*>(&slot_unary<&StaticNames::__invert__>);
    case Slot::Abs:
      return reinterpret_cast<void*>(&slot_unary<&StaticNames::__abs__>);
    case Slot::Int:
      return reinterpret_cast<void*>(&slot_unary<&StaticNames::__int__>);
    case Slot::Float:
      return reinterpret_cast<void*>(&slot_unary<&StaticNames::__float__>);
    case Slot::Index:
      return reinterpret_cast<void*>(&slot_unary<&StaticNames::__index__>);
    case Slot::Init:
      return reinterpret_cast<void*>(&slot_init);
    case Slot::New:
      return reinterpret_cast<void*>(&slot_new);
  }
  return nullptr;
}

// ---- slot wrappers (wrapper_descriptor / method-wrapper) ----------------------------------------

struct WrapperDescrObject : Object {
  const SlotDef* def;
  TypeObject* owner;
  void* fn;
};

struct MethodWrapperObject : Object {
  WrapperDescrObject* descr;
  Object* self;
};

static const MethodDef kNewDef = {"__new__", nullptr, 0,
                                  "Create and return a new object.  See help(type) for accurate "
                                  "signature."};

static Object* wrapper_native_getattr(Object* f) {
  if (f->type != &WrapperDescrType) return nullptr;
  auto* w = static_cast<WrapperDescrObject*>(f);
  if (w->def->wrap != Wrap::GetAttr) return nullptr;
  return static_cast<Object*>(w->fn);
}

static bool check_nargs_exact(ThreadState* ts, const char* name, size_t nargs, size_t want,
                              TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise(ts, &exc::TypeError, "wrapper %s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != want) {
    raise(ts, &exc::TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s",
          nargs);
    return false;
  }
  return true;
}

static Object* wrapper_call_impl(ThreadState* ts, WrapperDescrObject* d, Object* self,
                                 Object* const* args, size_t nargs, TupleObject* kwnames) {
  const char* name = str_cstr(names.*(d->def->name));
  void* fn = d->fn;
  Wrap w = d->def->wrap;
  if (w != Wrap::Call && w != Wrap::Init && kwnames && kwnames->size)
    return raise(ts, &exc::TypeError, "wrapper %s() takes no keyword arguments", name);
  switch (w) {
    case Wrap::Unary:
      if (!check_nargs_exact(ts, name, nargs, 0, kwnames)) return nullptr;
      return reinterpret_cast<unaryfunc>(fn)(ts, self);
    case Wrap::Hash: {
      if (!check_nargs_exact(ts, name, nargs, 0, kwnames)) return nullptr;
      int64_t h = reinterpret_cast<hashfunc>(fn)(ts, self);
      if (h == -1 && exc_occurred(ts)) return nullptr;
      return int_from(ts, h);
    }
    case Wrap::RichCmp:
      if (!check_nargs_exact(ts, name, nargs, 1, kwnames)) return nullptr;
      return reinterpret_cast<richcmpfunc>(fn)(ts, self, args[0], CmpOp(d->def->arg));
    case Wrap::GetAttr:
      if (!check_nargs_exact(ts, name, nargs, 1, kwnames)) return nullptr;
      if (!is_str(args[0]))
        return raise(ts, &exc::TypeError, "attribute name must be string, not '%s'",
                     type_name(args[0]));
      return reinterpret_cast<getattrofunc>(fn)(ts, self, static_cast<StrObject*>(args[0]));
    case Wrap::SetAttr:
    case Wrap::DelAttr: {
      size_t want = w == Wrap::SetAttr ? 2 : 1;
      if (!check_nargs_exact(ts, name, nargs, want, kwnames)) return nullptr;
      if (!is_str(args[0]))
        return raise(ts, &exc::TypeError, "attribute name must be string, not '%s'",
                     type_name(args[0]));
      if (!reinterpret_cast<setattrofunc>(fn)(ts, self, static_cast<StrObject*>(args[0]),
                                              w == Wrap::SetAttr ? args[1] : nullptr))
        return nullptr;
      return new_none();
    }
    case Wrap::DescrGet: {
      if (nargs < 1 || nargs > 2)
        return raise(ts, &exc::TypeError, "expected 1 or 2 arguments, got %zu", nargs);
      Object* obj = is_none(args[0]) ? nullptr : args[0];
      Object* type = nargs > 1 && !is_none(args[1]) ? args[1] : nullptr;
      if (!obj && !type) return raise(ts, &exc::TypeError, "__get__(None, None) is invalid");
      return reinterpret_cast<descrgetfunc>(fn)(ts, self, obj, type);
    }
    case Wrap::DescrSet:
    case Wrap::DescrDelete: {
      size_t want = w == Wrap::DescrSet ? 2 : 1;
      if (!check_nargs_exact(ts, name, nargs, want, kwnames)) return nullptr;
      if (!reinterpret_cast<descrsetfunc>(fn)(ts, self, args[0],
                                              w == Wrap::DescrSet ? args[1] : nullptr))
        return nullptr;
      return new_none();
    }
    case Wrap::Call:
      return reinterpret_cast<callfunc>(fn)(ts, self, args, nargs, kwnames);
    case Wrap::Next: {
      if (!check_nargs_exact(ts, name, nargs, 0, kwnames)) return nullptr;
      Object* r = reinterpret_cast<unaryfunc>(fn)(ts, self);
      if (!r && !exc_occurred(ts)) return raise_with(ts, &exc::StopIteration, nullptr);
      return r;
    }
    case Wrap::Bool: {
      if (!check_nargs_exact(ts, name, nargs, 0, kwnames)) return nullptr;
      int r = reinterpret_cast<inquiry>(fn)(ts, self);
      if (r < 0) return nullptr;
      return bool_from(r);
    }
    case Wrap::Len: {
      if (!check_nargs_exact(ts, name, nargs, 0, kwnames)) return nullptr;
      ssize n = reinterpret_cast<lenfunc>(fn)(ts, self);
      if (n < 0) return nullptr;
      return int_from(ts, n);
    }
    case Wrap::GetItem:
      if (!check_nargs_exact(ts, name, nargs, 1, kwnames)) return nullptr;
      return reinterpret_cast<binaryfunc>(fn)(ts, self, args[0]);
    case Wrap::SetItem:
    case Wrap::DelItem: {
      size_t want = w == Wrap::SetItem ? 2 : 1;
      if (!check_nargs_exact(ts, name, nargs, want, kwnames)) return nullptr;
      if (!reinterpret_cast<setitemfunc>(fn)(ts, self, args[0],
                                             w == Wrap::SetItem ? args[1] : nullptr))
        return nullptr;
      return new_none();
    }
    case Wrap::Contains: {
      if (!check_nargs_exact(ts, name, nargs, 1, kwnames)) return nullptr;
      int r = reinterpret_cast<objobjproc>(fn)(ts, self, args[0]);
      if (r < 0) return nullptr;
      return bool_from(r);
    }
    case Wrap::BinL:
    case Wrap::Inplace:
      if (d->def->arg == int(BinOp::Pow) && nargs == 2 && is_none(args[1])) nargs = 1;
      if (!check_nargs_exact(ts, name, nargs, 1, kwnames)) return nullptr;
      return reinterpret_cast<binaryfunc>(fn)(ts, self, args[0]);
    case Wrap::BinR:
      if (d->def->arg == int(BinOp::Pow) && nargs == 2 && is_none(args[1])) nargs = 1;
      if (!check_nargs_exact(ts, name, nargs, 1, kwnames)) return nullptr;
      return reinterpret_cast<binaryfunc>(fn)(ts, args[0], self);
    case Wrap::Init:
      if (!reinterpret_cast<initfunc>(fn)(ts, self, args, nargs, kwnames)) return nullptr;
      return new_none();
    case Wrap::None:
      break;
  }
  return raise(ts, &exc::SystemError, "bad slot wrapper");
}

static bool wrapper_check_self(ThreadState* ts, WrapperDescrObject* d, Object* self) {
  if (!isinstance_of(self, d->owner)) {
    raise(ts, &exc::TypeError, "descriptor '%s' requires a '%s' object but received a '%s'",
          str_cstr(names.*(d->def->name)), type_short_name(d->owner), type_name(self));
    return false;
  }
  return true;
}

static Object* wrapperdescr_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                                 TupleObject* kwnames) {
  auto* d = static_cast<WrapperDescrObject*>(o);
  if (nargs < 1)
    return raise(ts, &exc::TypeError, "descriptor '%s' of '%s' object needs an argument",
                 str_cstr(names.*(d->def->name)), type_short_name(d->owner));
  if (!wrapper_check_self(ts, d, args[0])) return nullptr;
  return wrapper_call_impl(ts, d, args[0], args + 1, nargs - 1, kwnames);
}

static Object* wrapperdescr_get(ThreadState* ts, Object* o, Object* obj, Object*) {
  auto* d = static_cast<WrapperDescrObject*>(o);
  if (!obj) return newref(o);
  if (!wrapper_check_self(ts, d, obj)) return nullptr;
  auto* m = alloc<MethodWrapperObject>(ts, &MethodWrapperType);
  if (!m) return nullptr;
  m->descr = static_cast<WrapperDescrObject*>(newref(o));
  m->self = newref(obj);
  return m;
}

static Object* wrapperdescr_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<WrapperDescrObject*>(o);
  std::string s = std::string("<slot wrapper '") + str_cstr(names.*(d->def->name)) + "' of '" +
                  type_short_name(d->owner) + "' objects>";
  return str_from(ts, s);
}

static Object* wrapperdescr_name(ThreadState* ts, Object* o) {
  return newref(static_cast<Object*>(names.*(static_cast<WrapperDescrObject*>(o)->def->name)));
}
static Object* wrapperdescr_qualname(ThreadState* ts, Object* o) {
  auto* d = static_cast<WrapperDescrObject*>(o);
  std::string s = std::string(type_short_name(d->owner)) + "." + str_cstr(names.*(d->def->name));
  return str_from(ts, s);
}
static Object* wrapperdescr_objclass(ThreadState*, Object* o) {
  return newref(static_cast<Object*>(static_cast<WrapperDescrObject*>(o)->owner));
}
static Object* descr_doc_none(ThreadState*, Object*) { return new_none(); }

static const GetSetDef wrapperdescr_getsets[] = {
    {"__name__", wrapperdescr_name, nullptr},
    {"__qualname__", wrapperdescr_qualname, nullptr},
    {"__objclass__", wrapperdescr_objclass, nullptr},
    {"__doc__", descr_doc_none, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject WrapperDescrType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "wrapper_descriptor";
  t.basicsize = sizeof(WrapperDescrObject);
  t.flags = kImmutableType | kMethodDescriptor;
  t.call = wrapperdescr_call;
  t.descr_get = wrapperdescr_get;
  t.repr = wrapperdescr_repr;
  t.getsets = wrapperdescr_getsets;
  return t;
}();

static void methodwrapper_dealloc(Object* o) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  xdecref(m->descr);
  xdecref(m->self);
  free_object(o);
}
static int methodwrapper_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  if (m->self && visit(m->self, arg)) return 1;
  return 0;
}
static Object* methodwrapper_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                                  TupleObject* kwnames) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  return wrapper_call_impl(ts, m->descr, m->self, args, nargs, kwnames);
}
static Object* methodwrapper_repr(ThreadState* ts, Object* o) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  std::string s = std::string("<method-wrapper '") + str_cstr(names.*(m->descr->def->name)) +
                  "' of " + type_name(m->self) + " object at " + addr_str(m->self) + ">";
  return str_from(ts, s);
}
static Object* methodwrapper_self(ThreadState*, Object* o) {
  return newref(static_cast<MethodWrapperObject*>(o)->self);
}
static Object* methodwrapper_name(ThreadState* ts, Object* o) {
  return wrapperdescr_name(ts, static_cast<MethodWrapperObject*>(o)->descr);
}
static Object* methodwrapper_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if ((op != CmpOp::EQ && op != CmpOp::NE) || b->type != &MethodWrapperType)
    return not_implemented();
  auto* x = static_cast<MethodWrapperObject*>(a);
  auto* y = static_cast<MethodWrapperObject*>(b);
  bool eq = x->descr == y->descr && x->self == y->self;
  return bool_from(op == CmpOp::EQ ? eq : !eq);
}
static int64_t methodwrapper_hash(ThreadState* ts, Object* o) {
  auto* m = static_cast<MethodWrapperObject*>(o);
  int64_t h = object_hash(ts, m->self) ^ object_hash(ts, m->descr);
  return h == -1 ? -2 : h;
}

static const GetSetDef methodwrapper_getsets[] = {
    {"__self__", methodwrapper_self, nullptr},
    {"__name__", methodwrapper_name, nullptr},
    {"__doc__", descr_doc_none, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject MethodWrapperType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "method-wrapper";
  t.basicsize = sizeof(MethodWrapperObject);
  t.flags = kImmutableType | kHaveGC;
  t.dealloc = methodwrapper_dealloc;
  t.traverse = methodwrapper_traverse;
  t.call = methodwrapper_call;
  t.repr = methodwrapper_repr;
  t.richcompare = methodwrapper_richcompare;
  t.hash = methodwrapper_hash;
  t.getsets = methodwrapper_getsets;
  return t;
}();

// __new__ of static types: a builtin bound to the type, called as T.__new__(subtype, *args).
static Object* tp_new_wrapper(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                              TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(self);
  const char* tn = type_short_name(type);
  if (nargs < 1) return raise(ts, &exc::TypeError, "%s.__new__(): not enough arguments", tn);
  Object* arg0 = args[0];
  if (!is_type(arg0))
    return raise(ts, &exc::TypeError, "%s.__new__(X): X is not a type object (%s)", tn,
                 type_name(arg0));
  auto* subtype = static_cast<TypeObject*>(arg0);
  if (!is_subtype(subtype, type))
    return raise(ts, &exc::TypeError, "%s.__new__(%s): %s is not a subtype of %s", tn,
                 type_short_name(subtype), type_short_name(subtype), tn);
  TypeObject* staticbase = subtype;
  while (staticbase && staticbase->new_ == &slot_new) staticbase = staticbase->base;
  if (staticbase && staticbase->new_ != type->new_)
    return raise(ts, &exc::TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", tn,
                 type_short_name(subtype), type_short_name(staticbase));
  return type->new_(ts, subtype, args + 1, nargs - 1, kwnames);
}

static const MethodDef kNewWrapperDef = {"__new__", tp_new_wrapper, 0, kNewDef.doc};

static bool add_wrapper(ThreadState* ts, TypeObject* type, const SlotDef* def, void* fn) {
  StrObject* name = names.*(def->name);
  if (dict_get_str(ts, type->dict, name)) return true;
  auto* w = alloc<WrapperDescrObject>(ts, &WrapperDescrType);
  if (!w) return false;
  w->def = def;
  w->owner = type;
  w->fn = fn;
  make_immortal(w);
  return dict_set(ts, type->dict, name, w);
}

bool add_slot_wrappers(ThreadState* ts, TypeObject* type) {
  for (const SlotDef& d : kSlotDefs) {
    if (d.wrap == Wrap::None) {
      if (d.slot == Slot::New && type->new_ && !dict_get_str(ts, type->dict, names.__new__)) {
        Object* f = native_function_new(ts, &kNewWrapperDef, type);
        if (!f) return false;
        make_immortal(f);
        if (!dict_set(ts, type->dict, names.__new__, f)) return false;
      }
      continue;
    }
    void* fn = *slot_ptr(type, d.slot, d.arg);
    if (!fn) continue;
    if (d.slot == Slot::Hash && fn == reinterpret_cast<void*>(&hash_not_implemented)) {
      if (!dict_get_str(ts, type->dict, names.__hash__) &&
          !dict_set(ts, type->dict, names.__hash__, none()))
        return false;
      continue;
    }
    if (!add_wrapper(ts, type, &d, fn)) return false;
  }
  return true;
}

// ---- slot derivation for heap types
// --------------------------------------------------------------

// The slot argument that selects a slot: the operator for nb/nb_inplace; the comparison
// operator of __lt__... is an argument of the single richcompare slot.
static int slot_arg(const SlotDef& d) {
  return (d.slot == Slot::Nb || d.slot == Slot::NbInplace) ? d.arg : 0;
}

static void update_slot(TypeObject* t, Slot s, int arg) {
  void* native = nullptr;
  bool generic = false, any = false;
  for (const SlotDef& d : kSlotDefs) {
    if (d.slot != s || slot_arg(d) != arg) continue;
    Object* v = type_lookup(t, names.*(d.name));
    if (!v) continue;
    any = true;
    if (s == Slot::Hash && is_none(v)) {
      *slot_ptr(t, s, arg) = reinterpret_cast<void*>(&hash_not_implemented);
      return;
    }
    void* fn = nullptr;
    if (v->type == &WrapperDescrType) {
      auto* w = static_cast<WrapperDescrObject*>(v);
      if (w->def->slot == s && slot_arg(*w->def) == arg && is_subtype(t, w->owner)) fn = w->fn;
    } else if (s == Slot::New && v->type == &NativeFunctionType &&
               static_cast<NativeFunctionObject*>(v)->def == &kNewWrapperDef) {
      fn = reinterpret_cast<void*>(
          static_cast<TypeObject*>(static_cast<NativeFunctionObject*>(v)->self)->new_);
    }
    if (!fn || (native && native != fn)) generic = true;
    native = fn;
  }
  void** p = slot_ptr(t, s, arg);
  if (!any)
    *p = nullptr;
  else if (generic)
    *p = generic_slot(s, arg);
  else
    *p = native;
}

static void update_all_slots(TypeObject* t) {
  Slot prev = Slot::New;
  int prev_arg = -1;
  for (const SlotDef& d : kSlotDefs) {
    if (d.slot == prev && slot_arg(d) == prev_arg) continue;
    prev = d.slot;
    prev_arg = slot_arg(d);
    update_slot(t, d.slot, slot_arg(d));
  }
  // __hash__ is inherited with __eq__: a class that defines __eq__ without __hash__ gets
  // __hash__ = None in type_new, so nothing to do here.
  heap(t)->has_del = type_lookup(t, names.__del__) != nullptr;
}

void fixup_slots(TypeObject* type) { update_all_slots(type); }

static void update_subclasses(TypeObject* t, StrObject* name) {
  if (!(t->flags & kHeapType)) return;
  for (const SlotDef& d : kSlotDefs)
    if (str_equal(names.*(d.name), name)) update_slot(t, d.slot, slot_arg(d));
  if (str_equal(name, names.__del__)) heap(t)->has_del = type_lookup(t, names.__del__) != nullptr;
  if (auto* subs = heap(t)->subclasses)
    for (TypeObject* s : *subs) update_subclasses(s, name);
}

void type_update_slot(ThreadState*, TypeObject* type, StrObject* name) {
  type_cache_invalidate(type);
  std::string_view n = str_view(name);
  if (n.size() < 5 || n.substr(0, 2) != "__" || n.substr(n.size() - 2) != "__") return;
  update_subclasses(type, name);
}

void inherit_slots(TypeObject* t, TypeObject* b) {
#define INHERIT(f) \
  if (!t->f) t->f = b->f
  INHERIT(dealloc);
  if ((t->flags & kHaveGC) && (b->flags & kHaveGC)) {
    INHERIT(traverse);
    INHERIT(clear);
  }
  INHERIT(repr);
  INHERIT(str);
  if (!t->richcompare && !t->hash) {
    t->richcompare = b->richcompare;
    t->hash = b->hash;
  }
  INHERIT(getattro);
  INHERIT(setattro);
  INHERIT(descr_get);
  INHERIT(descr_set);
  INHERIT(call);
  INHERIT(iter);
  INHERIT(iternext);
  INHERIT(boolean);
  INHERIT(len);
  INHERIT(getitem);
  INHERIT(setitem);
  INHERIT(contains);
  for (int i = 0; i < kNumBinOps; ++i) {
    INHERIT(nb[i]);
    INHERIT(nb_inplace[i]);
  }
  INHERIT(neg);
  INHERIT(pos);
  INHERIT(invert);
  INHERIT(abs);
  INHERIT(nb_int);
  INHERIT(nb_float);
  INHERIT(nb_index);
  INHERIT(init);
#undef INHERIT
}

// ---- type_ready
// ------------------------------------------------------------------------------------

static constexpr uint64_t kInheritedFlags = kIntSubclass | kStrSubclass | kTupleSubclass |
                                            kListSubclass | kDictSubclass | kTypeSubclass |
                                            kBaseExcSubclass | kBytesSubclass | kFloatSubclass;

static bool add_methods(ThreadState* ts, TypeObject* type) {
  if (type->methods) {
    for (const MethodDef* m = type->methods; m->name; ++m) {
      Ref<> key = Ref<>::steal(str_from(ts, m->name));
      if (!key) return false;
      make_immortal(key.get());
      if (dict_get(ts, type->dict, key.get())) continue;
      Object* d;
      if (m->flags & kMethClass) {
        auto* md = alloc<MethodDescrObject>(ts, &ClassMethodDescrType);
        if (!md) return false;
        md->def = m;
        md->owner = type;
        d = md;
      } else if (m->flags & kMethStatic) {
        Object* f = native_function_new(ts, m, nullptr);
        if (!f) return false;
        make_immortal(f);
        auto* sm = alloc<StaticMethodObject>(ts, &StaticMethodType);
        if (!sm) return false;
        sm->callable = f;
        d = sm;
      } else {
        auto* md = alloc<MethodDescrObject>(ts, &MethodDescrType);
        if (!md) return false;
        md->def = m;
        md->owner = type;
        d = md;
      }
      make_immortal(d);
      if (!dict_set(ts, type->dict, key.get(), d)) return false;
    }
  }
  if (type->getsets) {
    for (const GetSetDef* g = type->getsets; g->name; ++g) {
      Ref<> key = Ref<>::steal(str_from(ts, g->name));
      if (!key) return false;
      make_immortal(key.get());
      if (dict_get(ts, type->dict, key.get())) continue;
      auto* gd = alloc<GetSetDescrObject>(ts, &GetSetDescrType);
      if (!gd) return false;
      gd->def = g;
      gd->owner = type;
      make_immortal(gd);
      if (!dict_set(ts, type->dict, key.get(), gd)) return false;
    }
  }
  return true;
}

static bool type_ready_locked(ThreadState* ts, TypeObject* type) {
  if (type->flags & kReady) return true;
  if (!type->type) type->type = &TypeType;
  type->refcnt = kImmortalRefcnt;
  if (type != &ObjectType && !type->base) type->base = &ObjectType;
  TypeObject* base = type->base;
  if (base && !(base->flags & kReady) && !type_ready_locked(ts, base)) return false;
  if (type->type != &TypeType && !(type->type->flags & kReady) &&
      !type_ready_locked(ts, type->type))
    return false;
  if (base) {
    type->flags |= base->flags & kInheritedFlags;
    if (type->basicsize == 0) type->basicsize = base->basicsize;
    if (type->itemsize == 0) type->itemsize = base->itemsize;
    if (type->dict_offset == 0) type->dict_offset = base->dict_offset;
  }
  if (!type->bases) {
    type->bases = base ? tuple_pack(ts, {base}) : tuple_new(ts, 0);
    if (!type->bases) return false;
  }
  if (!type->mro) {
    ssize n = 1 + (base ? base->mro->size : 0);
    TupleObject* mro = tuple_new(ts, n);
    if (!mro) return false;
    mro->items[0] = type;
    for (ssize i = 1; i < n; ++i) mro->items[i] = base->mro->items[i - 1];
    type->mro = mro;
  }
  if (!type->dict) {
    type->dict = dict_new(ts);
    if (!type->dict) return false;
  }
  if (!add_methods(ts, type)) return false;
  if (!add_slot_wrappers(ts, type)) return false;
  if (!dict_get_str(ts, type->dict, names.__doc__)) {
    Object* doc = type->doc ? static_cast<Object*>(str_from(ts, type->doc)) : none();
    if (!doc) return false;
    make_immortal(doc);
    if (!dict_set(ts, type->dict, names.__doc__, doc)) return false;
  }
  if (base) {
    bool disallow_new = !type->new_ && base == &ObjectType;
    inherit_slots(type, base);
    if (!type->new_ && !disallow_new) type->new_ = base->new_;
    if (!type->hash) {
      type->hash = hash_not_implemented;
      if (!dict_get_str(ts, type->dict, names.__hash__))
        if (!dict_set(ts, type->dict, names.__hash__, none())) return false;
    }
  }
  std::atomic_ref<uint64_t>(type->flags).fetch_or(kReady, std::memory_order_release);
  return true;
}

bool type_ready(ThreadState* ts, TypeObject* type) {
  if (std::atomic_ref<uint64_t>(type->flags).load(std::memory_order_acquire) & kReady) return true;
  std::lock_guard<std::recursive_mutex> lock(static_types_mutex());
  ThreadState* bts = bootstrap_ts();
  bool ok = type_ready_locked(bts, type);
  if (!ok) {
    Object* e = fetch_exc(bts);
    if (ts && ts != bts) {
      restore_exc(ts, e);
    } else if (e) {
      restore_exc(bts, e);
    }
  }
  if (ts != bts) finish_static_objects();
  return ok;
}

// ---- MRO
// ---------------------------------------------------------------------------------------------

TupleObject* compute_mro(ThreadState* ts, TypeObject* type) {
  TupleObject* bases = type->bases;
  ssize nb = bases->size;
  for (ssize i = 0; i < nb; ++i)
    for (ssize j = i + 1; j < nb; ++j)
      if (bases->items[i] == bases->items[j]) {
        raise(ts, &exc::TypeError, "duplicate base class %s",
              type_short_name(static_cast<TypeObject*>(bases->items[i])));
        return nullptr;
      }
  std::vector<std::vector<Object*>> seqs;
  for (ssize i = 0; i < nb; ++i) {
    auto* b = static_cast<TypeObject*>(bases->items[i]);
    std::vector<Object*> s(b->mro->items, b->mro->items + b->mro->size);
    seqs.push_back(std::move(s));
  }
  seqs.emplace_back(bases->items, bases->items + nb);
  std::vector<size_t> pos(seqs.size(), 0);
  std::vector<Object*> result = {type};
  for (;;) {
    bool empty = true;
    Object* pick = nullptr;
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (pos[i] >= seqs[i].size()) continue;
      empty = false;
      Object* cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j)
        for (size_t k = pos[j] + 1; k < seqs[j].size(); ++k)
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
      if (!in_tail) {
        pick = cand;
        break;
      }
    }
    if (empty) break;
    if (!pick) {
      std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases ";
      std::vector<Object*> seen;
      for (size_t i = 0; i < seqs.size(); ++i) {
        if (pos[i] >= seqs[i].size()) continue;
        Object* c = seqs[i][pos[i]];
        if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
        if (!seen.empty()) msg += ", ";
        seen.push_back(c);
        msg += type_short_name(static_cast<TypeObject*>(c));
      }
      raise(ts, &exc::TypeError, "%s", msg.c_str());
      return nullptr;
    }
    result.push_back(pick);
    for (size_t i = 0; i < seqs.size(); ++i)
      if (pos[i] < seqs[i].size() && seqs[i][pos[i]] == pick) ++pos[i];
  }
  return tuple_from_array(ts, result.data(), static_cast<ssize>(result.size()));
}

// ---- heap type instances: dealloc / traverse / clear -------------------------------------------

static TypeObject* static_base(TypeObject* t) {
  while (t->flags & kHeapType) t = t->base;
  return t;
}

struct MemberSlots {
  ssize offset;
  ssize count;
};

static void subtype_dealloc(Object* o) {
  TypeObject* t = o->type;
  for (TypeObject* k = t; k->flags & kHeapType; k = k->base) {
    if (auto* sl = heap(k)->slots) {
      ssize off = k->base->basicsize;
      for (ssize i = 0; i < tuple_size(sl); ++i)
        clearref(*reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off + i * 8));
    }
  }
  TypeObject* sb = static_base(t);
  if (Object** d = instance_dict_slot(o); d && sb->dict_offset == 0) clearref(*d);
  sb->dealloc(o);
}

static int subtype_traverse(Object* o, visitproc visit, void* arg) {
  TypeObject* t = o->type;
  for (TypeObject* k = t; k->flags & kHeapType; k = k->base) {
    if (auto* sl = heap(k)->slots) {
      ssize off = k->base->basicsize;
      for (ssize i = 0; i < tuple_size(sl); ++i)
        if (Object* v = *reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off + i * 8))
          if (visit(v, arg)) return 1;
    }
  }
  TypeObject* sb = static_base(t);
  if (Object** d = instance_dict_slot(o); d && *d && sb->dict_offset == 0)
    if (visit(*d, arg)) return 1;
  if (visit(t, arg)) return 1;
  if (sb->traverse) return sb->traverse(o, visit, arg);
  return 0;
}

static void subtype_clear(Object* o) {
  TypeObject* t = o->type;
  for (TypeObject* k = t; k->flags & kHeapType; k = k->base) {
    if (auto* sl = heap(k)->slots) {
      ssize off = k->base->basicsize;
      for (ssize i = 0; i < tuple_size(sl); ++i)
        clearref(*reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off + i * 8));
    }
  }
  TypeObject* sb = static_base(t);
  if (Object** d = instance_dict_slot(o); d && sb->dict_offset == 0) clearref(*d);
  if (sb->clear) sb->clear(o);
}

// ---- member descriptors (__slots__) -------------------------------------------------------------

struct MemberDescrObject : Object {
  TypeObject* owner;
  StrObject* name;
  ssize offset;
};

static Object* member_get(ThreadState* ts, Object* d, Object* obj, Object*) {
  auto* m = static_cast<MemberDescrObject*>(d);
  if (!obj) return newref(d);
  if (!isinstance_of(obj, m->owner))
    return raise(ts, &exc::TypeError,
                 "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                 str_cstr(m->name), type_short_name(m->owner), type_name(obj));
  Object* v = *reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + m->offset);
  if (!v)
    return raise_attribute_error(ts, obj, m->name, "'%s' object has no attribute '%s'",
                                 type_name(obj), str_cstr(m->name));
  return newref(v);
}

static bool member_set(ThreadState* ts, Object* d, Object* obj, Object* value) {
  auto* m = static_cast<MemberDescrObject*>(d);
  if (!isinstance_of(obj, m->owner)) {
    raise(ts, &exc::TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
          str_cstr(m->name), type_short_name(m->owner), type_name(obj));
    return false;
  }
  Object*& slot = *reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + m->offset);
  if (!value && !slot) {  // CPython: a plain AttributeError(name), without name/obj
    raise_with(ts, &exc::AttributeError, m->name);
    return false;
  }
  setref(slot, value ? newref(value) : nullptr);
  return true;
}

static Object* member_repr(ThreadState* ts, Object* d) {
  auto* m = static_cast<MemberDescrObject*>(d);
  std::string s = std::string("<member '") + str_cstr(m->name) + "' of '" +
                  type_short_name(m->owner) + "' objects>";
  return str_from(ts, s);
}

static void member_dealloc(Object* o) {
  auto* m = static_cast<MemberDescrObject*>(o);
  xdecref(m->name);
  // owner is borrowed: the descriptor lives in the owner's dict
  free_object(o);
}

TypeObject MemberDescrType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "member_descriptor";
  t.basicsize = sizeof(MemberDescrObject);
  t.flags = kImmutableType;
  t.dealloc = member_dealloc;
  t.descr_get = member_get;
  t.descr_set = member_set;
  t.repr = member_repr;
  return t;
}();

// ---- instance __dict__ getset
// ---------------------------------------------------------------------

static Object* dict_descr_get(ThreadState* ts, Object* o) {
  Object** slot = instance_dict_slot(o);
  if (!slot)
    return raise(ts, &exc::AttributeError, "'%s' object has no attribute '__dict__'", type_name(o));
  if (!*slot) {
    *slot = dict_new(ts);
    if (!*slot) return nullptr;
  }
  return newref(*slot);
}

static bool dict_descr_set(ThreadState* ts, Object* o, Object* value) {
  Object** slot = instance_dict_slot(o);
  if (!slot) {
    raise(ts, &exc::AttributeError, "'%s' object has no attribute '__dict__'", type_name(o));
    return false;
  }
  if (!value) {  // `del o.__dict__`: a fresh empty dict appears on next use, as CPython
    clearref(*slot);
    return true;
  }
  if (!is_dict(value)) {
    raise(ts, &exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'",
          type_name(value));
    return false;
  }
  setref(*slot, newref(value));
  return true;
}

static Object* weakref_descr_get(ThreadState*, Object*) { return new_none(); }

static const GetSetDef kDictGetSet = {"__dict__", dict_descr_get, dict_descr_set};
static const GetSetDef kWeakrefGetSet = {"__weakref__", weakref_descr_get, nullptr};

// ---- type_new
// ------------------------------------------------------------------------------------

static bool extra_ivars(TypeObject* t, TypeObject* b) {
  ssize ts_ = t->basicsize, bs = b->basicsize;
  if (t->itemsize || b->itemsize) return ts_ != bs || t->itemsize != b->itemsize;
  if ((t->flags & kHeapType) && t->dict_offset > 0 && b->dict_offset == 0 &&
      t->dict_offset + ssize(sizeof(Object*)) == ts_)
    ts_ -= sizeof(Object*);
  return ts_ != bs;
}

static TypeObject* solid_base(TypeObject* t) {
  TypeObject* base = t->base ? solid_base(t->base) : &ObjectType;
  if (t->base && extra_ivars(t, t->base)) return t;
  return base;
}

// The MRO of a heap class: C3 (compute_mro), or the result of its metaclass's own mro() override,
// checked as CPython's mro_check.
static TupleObject* mro_for(ThreadState* ts, TypeObject* t) {
  TypeObject* meta = t->type;
  if (meta != &TypeType) {
    Ref<StrObject> name = Ref<StrObject>::steal(intern(ts, "mro"));
    if (!name) return nullptr;
    Object* m = type_lookup(meta, name.get());
    if (m && m != type_lookup(&TypeType, name.get())) {
      Ref<> hold = Ref<>::borrow(m);
      Ref<> r = Ref<>::steal(call_unbound(ts, m, t, nullptr, 0));
      if (!r) return nullptr;
      Ref<TupleObject> mro = Ref<TupleObject>::steal(tuple_from_iterable(ts, r.get()));
      if (!mro) return nullptr;
      TypeObject* solid = solid_base(t);
      for (ssize i = 0; i < mro->size; ++i) {
        Object* b = mro->items[i];
        if (!is_type(b)) {
          raise(ts, &exc::TypeError, "mro() returned a non-class ('%s')", type_name(b));
          return nullptr;
        }
        if (!is_subtype(solid, solid_base(static_cast<TypeObject*>(b)))) {
          raise(ts, &exc::TypeError, "mro() returned base with unsuitable layout ('%s')",
                type_short_name(static_cast<TypeObject*>(b)));
          return nullptr;
        }
      }
      return mro.release();
    }
  }
  return compute_mro(ts, t);
}

static TypeObject* best_base(ThreadState* ts, TupleObject* bases) {
  TypeObject* base = nullptr;
  TypeObject* winner = nullptr;
  for (ssize i = 0; i < bases->size; ++i) {
    Object* b = bases->items[i];
    if (!is_type(b)) {
      raise(ts, &exc::TypeError, "bases must be types");
      return nullptr;
    }
    auto* bt = static_cast<TypeObject*>(b);
    if (!(bt->flags & kBaseType)) {
      raise(ts, &exc::TypeError, "type '%s' is not an acceptable base type", type_short_name(bt));
      return nullptr;
    }
    TypeObject* cand = solid_base(bt);
    if (!winner) {
      winner = cand;
      base = bt;
    } else if (is_subtype(winner, cand)) {
    } else if (is_subtype(cand, winner)) {
      winner = cand;
      base = bt;
    } else {
      raise(ts, &exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

static void type_dealloc(Object* o);
static Object* type_new_slot(ThreadState* ts, TypeObject* meta, Object* const* args, size_t nargs,
                             TupleObject* kwnames);

static Object* caller_module_name(ThreadState* ts) {
  if (ts->frame && ts->frame->globals)
    if (Object* n = dict_get_str(ts, ts->frame->globals, names.__name__)) return n;
  return nullptr;
}

static Object* wrap_if_function(ThreadState* ts, Object* v, TypeObject* wrapper) {
  if (v->type != &FunctionType) return newref(v);
  return call1(ts, wrapper, v);
}

static Object* type_new_impl(ThreadState* ts, TypeObject* meta, StrObject* name,
                             TupleObject* bases_in, DictObject* ns, Object* const* kwvalues,
                             TupleObject* kwnames) {
  Ref<TupleObject> bases;
  if (bases_in->size == 0) {
    bases = Ref<TupleObject>::steal(tuple_pack(ts, {&ObjectType}));
    if (!bases) return nullptr;
  } else {
    bases = Ref<TupleObject>::borrow(bases_in);
  }
  TypeObject* base = best_base(ts, bases.get());
  if (!base) return nullptr;

  Ref<DictObject> dict = Ref<DictObject>::steal(dict_copy(ts, ns));
  if (!dict) return nullptr;

  // __slots__
  Ref<TupleObject> slot_names;
  // Instances of metaclasses are types: their attributes live in TypeObject::dict (type's
  // __dict__ getset), so no instance __dict__/__weakref__ slot is added (CPython's type has a
  // tp_dictoffset for the same reason).
  bool add_dict = base->dict_offset == 0 && !(base->flags & kTypeSubclass);
  // int, tuple, bytes and type are variable-size in CPython: any nonempty __slots__ (even
  // '__dict__' or '__weakref__') is refused for their subclasses, which get no __weakref__.
  constexpr uint64_t kVarSize = kIntSubclass | kTupleSubclass | kBytesSubclass | kTypeSubclass;
  Ref<StrObject> weakref_name = Ref<StrObject>::steal(intern(ts, "__weakref__"));
  if (!weakref_name) return nullptr;
  bool add_weak =
      !base->itemsize && !(base->flags & kVarSize) && !type_lookup(base, weakref_name.get());
  if (Object* sl = dict_get_str(ts, dict.get(), names.__slots__)) {
    Ref<> seq;
    if (is_str(sl)) {
      seq = Ref<>::steal(tuple_pack(ts, {sl}));
    } else {
      Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, sl));
      if (!l) return nullptr;
      seq = Ref<>::steal(tuple_from_array(ts, l->items, l->size));
    }
    if (!seq) return nullptr;
    if (tuple_size(seq.get()) > 0 && (base->itemsize || (base->flags & kVarSize)))
      return raise(ts, &exc::TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                   type_short_name(base));
    std::vector<Object*> keep;
    bool want_dict = false, want_weak = false;
    for (ssize i = 0; i < tuple_size(seq.get()); ++i) {
      Object* s = tuple_item(seq.get(), i);
      if (!is_str(s))
        return raise(ts, &exc::TypeError, "__slots__ items must be strings, not '%s'",
                     type_name(s));
      if (str_eq(s, "__dict__")) {
        if (!add_dict || want_dict)
          return raise(ts, &exc::TypeError, "__dict__ slot disallowed: we already got one");
        want_dict = true;
        continue;
      }
      if (str_eq(s, "__weakref__")) {
        if (!add_weak || want_weak)
          return raise(ts, &exc::TypeError,
                       "__weakref__ slot disallowed: either we already got one, or __itemsize__ "
                       "!= 0");
        want_weak = true;
        continue;
      }
      if (dict_get(ts, dict.get(), s))
        return raise(ts, &exc::ValueError, "'%s' in __slots__ conflicts with class variable",
                     str_cstr(s));
      keep.push_back(s);
    }
    add_dict = add_dict && want_dict;
    add_weak = add_weak && want_weak;
    if (!keep.empty()) {
      slot_names = Ref<TupleObject>::steal(
          tuple_from_array(ts, keep.data(), static_cast<ssize>(keep.size())));
      if (!slot_names) return nullptr;
    }
  }

  // Metadata out of the namespace.
  Ref<StrObject> qualname = Ref<StrObject>::borrow(name);
  if (Object* q = dict_get_str(ts, dict.get(), names.__qualname__)) {
    if (!is_str(q))
      return raise(ts, &exc::TypeError, "type __qualname__ must be a str, not %s", type_name(q));
    qualname = Ref<StrObject>::borrow(static_cast<StrObject*>(q));
    if (dict_del(ts, dict.get(), names.__qualname__) < 0) return nullptr;
  }
  if (!dict_get_str(ts, dict.get(), names.__module__)) {
    if (Object* m = caller_module_name(ts))
      if (!dict_set(ts, dict.get(), names.__module__, m)) return nullptr;
  }
  if (!dict_get_str(ts, dict.get(), names.__doc__))
    if (!dict_set(ts, dict.get(), names.__doc__, none())) return nullptr;
  // __new__ is a static method; __init_subclass__ and __class_getitem__ are class methods.
  struct {
    StrObject* name;
    TypeObject* wrapper;
  } implicit[] = {{names.__new__, &StaticMethodType},
                  {names.__init_subclass__, &ClassMethodType},
                  {names.__class_getitem__, &ClassMethodType}};
  for (auto& im : implicit) {
    if (Object* v = dict_get_str(ts, dict.get(), im.name)) {
      Ref<> w = Ref<>::steal(wrap_if_function(ts, v, im.wrapper));
      if (!w || !dict_set(ts, dict.get(), im.name, w.get())) return nullptr;
    }
  }
  // A class that defines __eq__ without __hash__ is unhashable.
  if (dict_get_str(ts, dict.get(), names.__eq__) && !dict_get_str(ts, dict.get(), names.__hash__))
    if (!dict_set(ts, dict.get(), names.__hash__, none())) return nullptr;
  Object* classcell = dict_get_str(ts, dict.get(), names.__classcell__);
  Ref<> classcell_ref = Ref<>::borrow(classcell);
  if (classcell) {
    if (classcell->type != &CellType)
      return raise(ts, &exc::TypeError, "__classcell__ must be a nonlocal cell, not %s",
                   type_name(classcell));
    if (dict_del(ts, dict.get(), names.__classcell__) < 0) return nullptr;
  }

  // The type object.
  auto* t = static_cast<TypeObject*>(alloc_object(ts, meta));
  if (!t) return nullptr;
  Ref<> tref = Ref<>::steal(t);
  t->flags = kHeapType | kBaseType | kHaveGC | kReady | (base->flags & kInheritedFlags);
  t->name_obj = newref(name);
  t->name = str_cstr(name);
  t->qualname = qualname.release();
  t->base = newref(base);
  t->bases = bases.release();
  t->interp = ts->interp;
  heap(t)->subclasses = new std::vector<TypeObject*>();
  t->dict = dict.release();
  t->basicsize = base->basicsize;
  t->itemsize = base->itemsize;
  t->dict_offset = base->dict_offset;
  if (slot_names) {
    heap(t)->slots = slot_names.get();
    ssize off = t->basicsize;
    for (ssize i = 0; i < slot_names->size; ++i) {
      auto* md = alloc<MemberDescrObject>(ts, &MemberDescrType);
      if (!md) return nullptr;
      md->owner = t;
      md->name = static_cast<StrObject*>(newref(slot_names->items[i]));
      md->offset = off + i * 8;
      bool ok = dict_set(ts, t->dict, slot_names->items[i], md);
      decref(md);
      if (!ok) return nullptr;
    }
    t->basicsize += slot_names->size * 8;
    slot_names.release();
  }
  if (add_dict) {
    if (t->itemsize) {
      t->dict_offset = -1;
    } else {
      t->dict_offset = t->basicsize;
      t->basicsize += sizeof(Object*);
    }
  }
  for (const GetSetDef* g : {&kDictGetSet, &kWeakrefGetSet}) {
    if (!(g == &kDictGetSet ? add_dict : add_weak)) continue;
    Ref<> key = Ref<>::steal(intern(ts, g->name));
    if (!key) return nullptr;
    if (dict_get(ts, t->dict, key.get())) continue;
    auto* gd = alloc<GetSetDescrObject>(ts, &GetSetDescrType);
    if (!gd) return nullptr;
    gd->def = g;
    gd->owner = t;
    bool ok = dict_set(ts, t->dict, key.get(), gd);
    decref(gd);
    if (!ok) return nullptr;
  }
  t->mro = compute_mro(ts, t);
  if (!t->mro) return nullptr;
  if (meta != &TypeType) {
    // A metaclass overriding mro() decides the final order (the C3 one is in place while it
    // runs, so super().mro() and attribute lookups work).
    TupleObject* custom = mro_for(ts, t);
    if (!custom) return nullptr;
    setref(t->mro, custom);
  }
  t->dealloc = subtype_dealloc;
  t->traverse = subtype_traverse;
  t->clear = subtype_clear;
  type_cache_invalidate(t);
  fixup_slots(t);
  for (ssize i = 0; i < t->bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(t->bases->items[i]);
    if ((b->flags & kHeapType) && heap(b)->subclasses) heap(b)->subclasses->push_back(t);
  }
  if (classcell) {
    auto* cell = static_cast<CellObject*>(classcell);
    setref(cell->ref, newref(static_cast<Object*>(t)));
  }

  // __set_name__ on the attributes.
  {
    Ref<ListObject> items = Ref<ListObject>::steal(list_new(ts));
    if (!items) return nullptr;
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(t->dict, &pos, &k, &v)) {
      Ref<TupleObject> kv = Ref<TupleObject>::steal(tuple_pack(ts, {k, v}));
      if (!kv || !list_append(ts, items.get(), kv.get())) return nullptr;
    }
    for (ssize i = 0; i < items->size; ++i) {
      Object* k2 = tuple_item(items->items[i], 0);
      Object* v2 = tuple_item(items->items[i], 1);
      Object* sn = type_lookup(v2->type, names.__set_name__);
      if (!sn) continue;
      Object* args[2] = {t, k2};
      Ref<> hold = Ref<>::borrow(sn);
      Ref<> r = Ref<>::steal(call_unbound(ts, sn, v2, args, 2));
      if (!r) {
        Object* cause = fetch_exc(ts);
        std::string kt;
        repr_text(ts, k2, &kt);
        raise(ts, &exc::RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'",
              type_name(v2), kt.c_str(), str_cstr(name));
        Object* e = ts->exc;
        auto* be = static_cast<BaseExceptionObject*>(e);
        setref(be->cause, cause);
        be->suppress_context = true;
        return nullptr;
      }
    }
  }
  // super(t, t).__init_subclass__(**kwargs)
  {
    Object* f = nullptr;
    for (ssize i = 1; i < t->mro->size && !f; ++i) {
      auto* k = static_cast<TypeObject*>(t->mro->items[i]);
      f = k->dict ? dict_get_str(ts, k->dict, names.__init_subclass__) : nullptr;
    }
    if (f) {
      Ref<> hold = Ref<>::borrow(f);
      Ref<> bound;
      if (descrgetfunc g = f->type->descr_get) {
        bound = Ref<>::steal(g(ts, f, nullptr, t));
        if (!bound) return nullptr;
      } else {
        bound = hold;
      }
      Ref<> r = Ref<>::steal(call(ts, bound.get(), kwvalues, 0, kwnames));
      if (!r) return nullptr;
    }
  }
  return tref.release();
}

Object* type_new(ThreadState* ts, TypeObject* meta, StrObject* name, TupleObject* bases,
                 DictObject* dict, TupleObject*) {
  return type_new_impl(ts, meta, name, bases, dict, nullptr, nullptr);
}

static Object* type_new_slot(ThreadState* ts, TypeObject* meta, Object* const* args, size_t nargs,
                             TupleObject* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (meta == &TypeType && nargs == 1 && nkw == 0)
    return newref(static_cast<Object*>(args[0]->type));
  if (nargs != 3) return raise(ts, &exc::TypeError, "type() takes 1 or 3 arguments");
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "type.__new__() argument 1 must be str, not %s",
                 type_name(args[0]));
  if (!is_tuple(args[1]))
    return raise(ts, &exc::TypeError, "type.__new__() argument 2 must be tuple, not %s",
                 type_name(args[1]));
  if (!is_dict(args[2]))
    return raise(ts, &exc::TypeError, "type.__new__() argument 3 must be dict, not %s",
                 type_name(args[2]));
  auto* bases = static_cast<TupleObject*>(args[1]);
  for (ssize i = 0; i < bases->size; ++i) {
    Object* b = bases->items[i];
    if (is_type(b)) continue;
    Ref<StrObject> n = Ref<StrObject>::steal(intern(ts, "__mro_entries__"));
    if (!n) return nullptr;
    Ref<> entries = Ref<>::steal(getattr_opt(ts, b, n.get()));
    if (entries)
      return raise(ts, &exc::TypeError,
                   "type() doesn't support MRO entry resolution; use types.new_class()");
    if (exc_occurred(ts)) return nullptr;
  }
  TypeObject* winner = meta;
  for (ssize i = 0; i < bases->size; ++i) {
    TypeObject* bt = bases->items[i]->type;
    if (is_subtype(winner, bt)) continue;
    if (is_subtype(bt, winner)) {
      winner = bt;
      continue;
    }
    return raise(ts, &exc::TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
  }
  if (winner != meta && winner->new_ && winner->new_ != &type_new_slot)
    return winner->new_(ts, winner, args, nargs, kwnames);
  return type_new_impl(ts, winner, static_cast<StrObject*>(args[0]), bases,
                       static_cast<DictObject*>(args[2]), args + nargs, kwnames);
}

static bool type_init_slot(ThreadState* ts, Object*, Object* const*, size_t nargs,
                           TupleObject* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (nargs == 1 && nkw != 0) {
    raise(ts, &exc::TypeError, "type.__init__() takes no keyword arguments");
    return false;
  }
  if (nargs != 1 && nargs != 3) {
    raise(ts, &exc::TypeError, "type.__init__() takes 1 or 3 arguments");
    return false;
  }
  return true;
}

static Object* type_call(ThreadState* ts, Object* callable, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (type == &TypeType && nargs == 1 && nkw == 0)
    return newref(static_cast<Object*>(args[0]->type));
  if (!type->new_)
    return raise(ts, &exc::TypeError, "cannot create '%s' instances",
                 type_qualified_name(type).c_str());
  Object* obj = type->new_(ts, type, args, nargs, kwnames);
  if (!obj) return nullptr;
  if (!isinstance_of(obj, type)) return obj;
  TypeObject* ot = obj->type;
  if (ot->init) {
    if (!ot->init(ts, obj, args, nargs, kwnames)) {
      decref(obj);
      return nullptr;
    }
  }
  return obj;
}

static void type_dealloc(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (t->bases) {
    for (ssize i = 0; i < t->bases->size; ++i) {
      auto* b = static_cast<TypeObject*>(t->bases->items[i]);
      if ((b->flags & kHeapType) && heap(b)->subclasses) {
        auto& v = *heap(b)->subclasses;
        v.erase(std::remove(v.begin(), v.end(), t), v.end());
      }
    }
  }
  delete heap(t)->subclasses;
  heap(t)->subclasses = nullptr;
  for (TypeCacheEntry& e : heap(t)->cache) e = TypeCacheEntry{};
  if (Object** d = instance_dict_slot(o)) clearref(*d);
  clearref(t->dict);
  clearref(t->mro);
  clearref(t->bases);
  clearref(t->base);
  clearref(t->name_obj);
  clearref(t->qualname);
  clearref(heap(t)->slots);
  free_object(o);
}

static int type_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & kHeapType)) return 0;
  Object* refs[] = {t->dict, t->mro, t->bases, t->base};
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  if (Object** d = instance_dict_slot(o); d && *d && visit(*d, arg)) return 1;
  if (o->type->flags & kHeapType)
    if (visit(o->type, arg)) return 1;
  return 0;
}

static void type_clear(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & kHeapType)) return;
  type_cache_invalidate(t);
  if (t->dict) dict_clear(t->dict);
  if (Object** d = instance_dict_slot(o)) clearref(*d);
}

static Object* type_repr(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  return str_from(ts, "<class '" + type_qualified_name(t) + "'>");
}

Object* type_getattro(ThreadState* ts, Object* o, StrObject* name) {
  auto* type = static_cast<TypeObject*>(o);
  TypeObject* meta = o->type;
  Object* meta_attr = type_lookup(meta, name);
  descrgetfunc meta_get = nullptr;
  Ref<> hold_meta = Ref<>::borrow(meta_attr);
  if (meta_attr) {
    meta_get = meta_attr->type->descr_get;
    if (meta_get && meta_attr->type->descr_set) return meta_get(ts, meta_attr, o, meta);
  }
  if (Object* attr = type_lookup(type, name)) {
    Ref<> hold = Ref<>::borrow(attr);
    if (descrgetfunc g = attr->type->descr_get) return g(ts, attr, nullptr, type);
    return hold.release();
  }
  if (meta_get) return meta_get(ts, meta_attr, o, meta);
  if (meta_attr) return hold_meta.release();
  return raise_attribute_error(ts, o, name, "type object '%s' has no attribute '%s'",
                               type_short_name(type), str_cstr(name));
}

static bool type_setattro(ThreadState* ts, Object* o, StrObject* name, Object* value) {
  auto* type = static_cast<TypeObject*>(o);
  if (!(type->flags & kHeapType) || (type->flags & kImmutableType)) {
    raise(ts, &exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", str_cstr(name),
          type_short_name(type));
    return false;
  }
  Object* meta_attr = type_lookup(o->type, name);
  if (meta_attr && meta_attr->type->descr_set) {
    Ref<> hold = Ref<>::borrow(meta_attr);
    return meta_attr->type->descr_set(ts, meta_attr, o, value);
  }
  // Invalidated before the change too: dropping the old value may run Python code (__del__).
  type_cache_invalidate(type);
  if (value) {
    if (!dict_set(ts, type->dict, name, value)) return false;
  } else {
    int r = dict_del(ts, type->dict, name);
    if (r < 0) return false;
    if (r == 0) {
      raise_attribute_error(ts, o, name, "type object '%s' has no attribute '%s'",
                            type_short_name(type), str_cstr(name));
      return false;
    }
  }
  type_update_slot(ts, type, name);
  return true;
}

// type getsets
static Object* type_get_name(ThreadState* ts, Object* o) {
  return type_name_obj(ts, static_cast<TypeObject*>(o));
}
static bool check_heap_set(ThreadState* ts, TypeObject* t, const char* what, Object* value) {
  if (!(t->flags & kHeapType)) {
    raise(ts, &exc::TypeError, "cannot set '%s' attribute of immutable type '%s'", what,
          type_short_name(t));
    return false;
  }
  if (!value) {
    raise(ts, &exc::TypeError, "cannot delete '%s' attribute of immutable type '%s'", what,
          type_short_name(t));
    return false;
  }
  return true;
}
static bool type_set_name(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!check_heap_set(ts, t, "__name__", value)) return false;
  if (!is_str(value)) {
    raise(ts, &exc::TypeError, "can only assign string to %s.__name__, not '%s'",
          type_short_name(t), type_name(value));
    return false;
  }
  setref(t->name_obj, static_cast<StrObject*>(newref(value)));
  t->name = str_cstr(t->name_obj);
  return true;
}
static Object* type_get_qualname(ThreadState* ts, Object* o) {
  return type_qualname(ts, static_cast<TypeObject*>(o));
}
static bool type_set_qualname(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!check_heap_set(ts, t, "__qualname__", value)) return false;
  if (!is_str(value)) {
    raise(ts, &exc::TypeError, "can only assign string to %s.__qualname__, not '%s'",
          type_short_name(t), type_name(value));
    return false;
  }
  setref(t->qualname, static_cast<StrObject*>(newref(value)));
  return true;
}
static Object* type_get_module(ThreadState* ts, Object* o) {
  return type_module(ts, static_cast<TypeObject*>(o));
}
static bool type_set_module(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!check_heap_set(ts, t, "__module__", value)) return false;
  type_cache_invalidate(t);
  return dict_set(ts, t->dict, names.__module__, value);
}
static Object* type_get_doc(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & kHeapType)) {
    if (t->doc) return str_from(ts, t->doc);
    return new_none();
  }
  Object* d = dict_get_str(ts, t->dict, names.__doc__);
  if (!d) return new_none();
  if (descrgetfunc g = d->type->descr_get) return g(ts, d, nullptr, t);
  return newref(d);
}
static bool type_set_doc(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!check_heap_set(ts, t, "__doc__", value)) return false;
  type_cache_invalidate(t);
  return dict_set(ts, t->dict, names.__doc__, value);
}
static Object* type_get_dict(ThreadState* ts, Object* o) {
  return mappingproxy_new(ts, static_cast<TypeObject*>(o)->dict);
}
static Object* type_get_mro(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (!t->mro) return new_none();
  return newref(static_cast<Object*>(t->mro));
}
static Object* type_get_bases(ThreadState* ts, Object* o) {
  return newref(static_cast<Object*>(static_cast<TypeObject*>(o)->bases));
}

// __slots__ names added along t's base chain (heap types), most derived first.
static std::vector<std::string_view> added_slot_names(TypeObject* t) {
  std::vector<std::string_view> out;
  for (; t && (t->flags & kHeapType); t = t->base)
    if (Object* sl = heap(t)->slots)
      for (ssize i = 0; i < tuple_size(sl); ++i) out.push_back(str_view(tuple_item(sl, i)));
  return out;
}

// Whether instances laid out for oldto can be used as instances of newto (`__class__` and
// `__bases__` assignment, CPython's compatible_for_assignment); raises TypeError if not.
static bool compatible_for_assignment(ThreadState* ts, TypeObject* oldto, TypeObject* newto,
                                      const char* attr) {
  if ((oldto->flags & kHaveGC) != (newto->flags & kHaveGC)) {
    raise(ts, &exc::TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
          type_short_name(newto), type_short_name(oldto));
    return false;
  }
  if (newto->basicsize != oldto->basicsize || newto->itemsize != oldto->itemsize ||
      newto->dict_offset != oldto->dict_offset || static_base(newto) != static_base(oldto) ||
      added_slot_names(newto) != added_slot_names(oldto)) {
    raise(ts, &exc::TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
          type_short_name(newto), type_short_name(oldto));
    return false;
  }
  return true;
}

// Recomputes the MRO of t and of its subclasses after a __bases__ change; the previous MROs
// are recorded in `old` so that a failure can put every one of them back.
static bool remro_hierarchy(ThreadState* ts, TypeObject* t,
                            std::vector<std::pair<TypeObject*, TupleObject*>>* old) {
  TupleObject* mro = mro_for(ts, t);
  if (!mro) return false;
  old->emplace_back(t, t->mro);
  t->mro = mro;
  if (auto* subs = heap(t)->subclasses) {
    std::vector<TypeObject*> copy(*subs);
    for (TypeObject* s : copy)
      if (!remro_hierarchy(ts, s, old)) return false;
  }
  return true;
}

static void refresh_hierarchy(TypeObject* t) {
  type_cache_invalidate(t);
  fixup_slots(t);
  if (auto* subs = heap(t)->subclasses)
    for (TypeObject* s : *subs) refresh_hierarchy(s);
}

static void unlink_subclass(TypeObject* base, TypeObject* t) {
  if (!(base->flags & kHeapType) || !heap(base)->subclasses) return;
  auto& v = *heap(base)->subclasses;
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it == t) {
      v.erase(it);
      return;
    }
}

static bool type_set_bases(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!check_heap_set(ts, t, "__bases__", value)) return false;
  const char* name = type_short_name(t);
  if (!is_tuple(value)) {
    raise(ts, &exc::TypeError, "can only assign tuple to %s.__bases__, not %s", name,
          type_name(value));
    return false;
  }
  auto* bases = static_cast<TupleObject*>(value);
  if (bases->size == 0) {
    raise(ts, &exc::TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", name);
    return false;
  }
  for (ssize i = 0; i < bases->size; ++i) {
    Object* b = bases->items[i];
    if (!is_type(b)) {
      raise(ts, &exc::TypeError, "%s.__bases__ must be tuple of classes, not '%s'", name,
            type_name(b));
      return false;
    }
    if (is_subtype(static_cast<TypeObject*>(b), t)) {
      raise(ts, &exc::TypeError, "a __bases__ item causes an inheritance cycle");
      return false;
    }
  }
  TypeObject* new_base = best_base(ts, bases);
  if (!new_base) return false;
  if (!compatible_for_assignment(ts, t->base, new_base, "__bases__")) return false;

  TupleObject* old_bases = t->bases;
  TypeObject* old_base = t->base;
  t->bases = static_cast<TupleObject*>(newref(value));
  t->base = newref(new_base);
  std::vector<std::pair<TypeObject*, TupleObject*>> old_mros;
  if (!remro_hierarchy(ts, t, &old_mros)) {
    for (auto it = old_mros.rbegin(); it != old_mros.rend(); ++it) {
      decref(it->first->mro);
      it->first->mro = it->second;
    }
    decref(t->bases);
    decref(t->base);
    t->bases = old_bases;
    t->base = old_base;
    return false;
  }
  for (auto& [k, m] : old_mros) xdecref(m);
  for (ssize i = 0; i < old_bases->size; ++i)
    unlink_subclass(static_cast<TypeObject*>(old_bases->items[i]), t);
  for (ssize i = 0; i < bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(bases->items[i]);
    if ((b->flags & kHeapType) && heap(b)->subclasses) heap(b)->subclasses->push_back(t);
  }
  decref(old_bases);
  decref(old_base);
  refresh_hierarchy(t);
  return true;
}
static Object* type_get_base(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  return t->base ? newref(static_cast<Object*>(t->base)) : new_none();
}
static Object* type_get_abstract(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  Object* v =
      t != &TypeType && t->dict ? dict_get_str(ts, t->dict, names.__abstractmethods__) : nullptr;
  if (!v) return raise_with(ts, &exc::AttributeError, names.__abstractmethods__);
  return newref(v);
}
static bool type_set_abstract(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!check_heap_set(ts, t, "__abstractmethods__", value)) return false;
  int abstract = truthy(ts, value);
  if (abstract < 0) return false;
  type_cache_invalidate(t);
  if (!dict_set(ts, t->dict, names.__abstractmethods__, value)) return false;
  if (abstract)
    t->flags |= kIsAbstract;
  else
    t->flags &= ~uint64_t(kIsAbstract);
  return true;
}
static Object* type_get_annotations(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & kHeapType))
    return raise(ts, &exc::AttributeError, "type object '%s' has no attribute '__annotations__'",
                 type_short_name(t));
  Object* a = dict_get_str(ts, t->dict, names.__annotations__);
  if (a) {
    if (descrgetfunc g = a->type->descr_get) return g(ts, a, nullptr, t);
    return newref(a);
  }
  DictObject* d = dict_new(ts);
  if (!d) return nullptr;
  type_cache_invalidate(t);
  if (!dict_set(ts, t->dict, names.__annotations__, d)) {
    decref(d);
    return nullptr;
  }
  return d;
}
static bool type_set_annotations(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & kHeapType)) {
    raise(ts, &exc::TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
          type_short_name(t));
    return false;
  }
  if (!value) {
    type_cache_invalidate(t);
    int r = dict_del(ts, t->dict, names.__annotations__);
    if (r == 0) raise_with(ts, &exc::AttributeError, names.__annotations__);
    return r > 0;
  }
  type_cache_invalidate(t);
  return dict_set(ts, t->dict, names.__annotations__, value);
}
static Object* type_get_basicsize(ThreadState* ts, Object* o) {
  return int_from(ts, static_cast<TypeObject*>(o)->basicsize);
}
static Object* type_get_itemsize(ThreadState* ts, Object* o) {
  return int_from(ts, static_cast<TypeObject*>(o)->itemsize);
}
// __flags__ in CPython's bit layout (copyreg and pickle test Py_TPFLAGS_HEAPTYPE and friends).
static Object* type_get_flags(ThreadState* ts, Object* o) {
  uint64_t f = static_cast<TypeObject*>(o)->flags;
  static constexpr std::pair<uint64_t, uint64_t> kCPythonBits[] = {
      {kImmutableType, 1u << 8},    {kHeapType, 1u << 9},      {kBaseType, 1u << 10},
      {kReady, 1u << 12},           {kHaveGC, 1u << 14},       {kIsAbstract, 1u << 20},
      {kIntSubclass, 1u << 24},     {kListSubclass, 1u << 25}, {kTupleSubclass, 1u << 26},
      {kBytesSubclass, 1u << 27},   {kStrSubclass, 1u << 28},  {kDictSubclass, 1u << 29},
      {kBaseExcSubclass, 1u << 30}, {kTypeSubclass, 1u << 31}};
  uint64_t out = 0;
  for (auto [ours, theirs] : kCPythonBits)
    if (f & ours) out |= theirs;
  return int_from(ts, static_cast<int64_t>(out));
}
static Object* type_get_dictoffset(ThreadState* ts, Object* o) {
  return int_from(ts, static_cast<TypeObject*>(o)->dict_offset);
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__doc__", type_get_doc, type_set_doc},
    {"__dict__", type_get_dict, nullptr},
    {"__mro__", type_get_mro, nullptr},
    {"__bases__", type_get_bases, type_set_bases},
    {"__base__", type_get_base, nullptr},
    {"__abstractmethods__", type_get_abstract, type_set_abstract},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {"__basicsize__", type_get_basicsize, nullptr},
    {"__itemsize__", type_get_itemsize, nullptr},
    {"__flags__", type_get_flags, nullptr},
    {"__dictoffset__", type_get_dictoffset, nullptr},
    {nullptr, nullptr, nullptr},
};

static Object* type_mro_method(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                               TupleObject* kwnames) {
  if (!check_nargs(ts, "mro", nargs, 0, 0) || !no_kwargs(ts, "mro", kwnames)) return nullptr;
  auto* t = static_cast<TypeObject*>(self);
  Ref<TupleObject> m = Ref<TupleObject>::steal(compute_mro(ts, t));
  if (!m) return nullptr;
  return list_from_array(ts, m->items, m->size);
}

static Object* type_subclasses(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                               TupleObject*) {
  if (!check_nargs(ts, "__subclasses__", nargs, 0, 0)) return nullptr;
  auto* t = static_cast<TypeObject*>(self);
  ListObject* l = list_new(ts);
  if (!l) return nullptr;
  if ((t->flags & kHeapType) && heap(t)->subclasses)
    for (TypeObject* s : *heap(t)->subclasses)
      if (!list_append(ts, l, s)) {
        decref(l);
        return nullptr;
      }
  return l;
}

static Object* type_instancecheck(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                  TupleObject*) {
  if (!check_nargs(ts, "__instancecheck__", nargs, 1, 1)) return nullptr;
  return bool_from(isinstance_of(args[0], static_cast<TypeObject*>(self)));
}

static Object* type_subclasscheck(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                  TupleObject*) {
  if (!check_nargs(ts, "__subclasscheck__", nargs, 1, 1)) return nullptr;
  if (!is_type(args[0])) return raise(ts, &exc::TypeError, "issubclass() arg 1 must be a class");
  return bool_from(is_subtype(static_cast<TypeObject*>(args[0]), static_cast<TypeObject*>(self)));
}

static Object* type_prepare(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return dict_new(ts);
}

static bool merge_class_dict(ThreadState* ts, DictObject* out, TypeObject* t) {
  if (!t->mro) return dict_update(ts, out, t->dict);
  for (ssize i = t->mro->size - 1; i >= 0; --i) {
    auto* k = static_cast<TypeObject*>(t->mro->items[i]);
    if (k->dict && !dict_update(ts, out, k->dict)) return false;
  }
  return true;
}

static Object* type_dir(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  if (!d || !merge_class_dict(ts, d.get(), static_cast<TypeObject*>(self))) return nullptr;
  ListObject* l = list_new(ts);
  if (!l) return nullptr;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(d.get(), &pos, &k, &v))
    if (!list_append(ts, l, k)) {
      decref(l);
      return nullptr;
    }
  return l;
}

static Object* type_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return int_from(ts, sizeof(HeapTypeObject));
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, 0, "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, 0, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, 0, "Check if a class is a subclass."},
    {"__prepare__", type_prepare, kMethClass,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__dir__", type_dir, 0, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, 0, "Return memory consumption of the type object."},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject TypeType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "type";
  t.basicsize = sizeof(HeapTypeObject);
  t.flags = kBaseType | kHaveGC | kTypeSubclass | kImmutableType;
  t.doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  t.dict_offset = 0;
  t.dealloc = type_dealloc;
  t.traverse = type_traverse;
  t.clear = type_clear;
  t.repr = type_repr;
  t.call = type_call;
  t.getattro = type_getattro;
  t.setattro = type_setattro;
  t.new_ = type_new_slot;
  t.init = type_init_slot;
  t.nb[static_cast<int>(BinOp::Or)] = union_type_or;
  t.methods = type_methods;
  t.getsets = type_getsets;
  return t;
}();

// ---- object
// ----------------------------------------------------------------------------------------

static bool excess_args(size_t nargs, TupleObject* kwnames) {
  return nargs > 0 || (kwnames && kwnames->size > 0);
}

bool object_init_slot(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                      TupleObject* kwnames) {
  TypeObject* type = self->type;
  if (excess_args(nargs, kwnames)) {
    if (type->init != &object_init_slot) {
      raise(ts, &exc::TypeError,
            "object.__init__() takes exactly one argument (the instance to initialize)");
      return false;
    }
    if (type->new_ == &object_new_slot) {
      raise(ts, &exc::TypeError,
            "%s.__init__() takes exactly one argument (the instance to initialize)",
            type_short_name(type));
      return false;
    }
  }
  return true;
}

Object* object_new_slot(ThreadState* ts, TypeObject* type, Object* const*, size_t nargs,
                        TupleObject* kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->new_ != &object_new_slot) {
      return raise(ts, &exc::TypeError,
                   "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->init == &object_init_slot)
      return raise(ts, &exc::TypeError, "%s() takes no arguments", type_short_name(type));
  }
  if (type->flags & kIsAbstract) {
    Object* am = type->dict ? dict_get_str(ts, type->dict, names.__abstractmethods__) : nullptr;
    std::vector<std::string> ms;
    if (am) {
      Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, am));
      if (!l) return nullptr;
      if (!list_sort(ts, l.get(), nullptr, false)) return nullptr;
      for (ssize i = 0; i < l->size; ++i) {
        std::string s;
        if (!str_text(ts, l->items[i], &s)) return nullptr;
        ms.push_back(s);
      }
    }
    std::string joined;
    for (size_t i = 0; i < ms.size(); ++i) {
      if (i) joined += ", ";
      joined += ms[i];
    }
    return raise(ts, &exc::TypeError,
                 "Can't instantiate abstract class %s with abstract method%s %s",
                 type_short_name(type), ms.size() == 1 ? "" : "s", joined.c_str());
  }
  return alloc_object(ts, type);
}

static Object* object_get_class(ThreadState*, Object* o) {
  return newref(static_cast<Object*>(o->type));
}

static bool object_set_class(ThreadState* ts, Object* o, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "can't delete __class__ attribute");
    return false;
  }
  if (!is_type(value)) {
    raise(ts, &exc::TypeError, "__class__ must be set to a class, not '%s' object",
          type_name(value));
    return false;
  }
  auto* nt = static_cast<TypeObject*>(value);
  TypeObject* ot = o->type;
  if (!(nt->flags & kHeapType) || !(ot->flags & kHeapType)) {
    raise(ts, &exc::TypeError,
          "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return false;
  }
  if (!compatible_for_assignment(ts, ot, nt, "__class__")) return false;
  incref(nt);
  o->type = nt;
  decref(ot);
  return true;
}

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class},
    {nullptr, nullptr, nullptr},
};

static Object* object_format_method(ThreadState* ts, Object* self, Object* const* args,
                                    size_t nargs, TupleObject* kwnames) {
  if (!check_nargs(ts, "__format__", nargs, 1, 1) || !no_kwargs(ts, "__format__", kwnames))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "__format__() argument must be str, not %s",
                 type_name(args[0]));
  if (str_view(args[0]).size() > 0)
    return raise(ts, &exc::TypeError, "unsupported format string passed to %s.__format__",
                 type_name(self));
  return str(ts, self);
}

static Object* object_dir_method(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                                 TupleObject*) {
  if (!check_nargs(ts, "__dir__", nargs, 0, 0)) return nullptr;
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  if (!d) return nullptr;
  Ref<> idict = Ref<>::steal(getattr_opt(ts, self, names.__dict__));
  if (!idict && exc_occurred(ts)) return nullptr;
  if (idict && is_dict(idict.get()) && !dict_update(ts, d.get(), idict.get())) return nullptr;
  Ref<> cls = Ref<>::steal(getattr_opt(ts, self, names.__class__));
  if (!cls && exc_occurred(ts)) return nullptr;
  if (cls && is_type(cls.get()) &&
      !merge_class_dict(ts, d.get(), static_cast<TypeObject*>(cls.get())))
    return nullptr;
  ListObject* l = list_new(ts);
  if (!l) return nullptr;
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(d.get(), &pos, &k, &v))
    if (!list_append(ts, l, k)) {
      decref(l);
      return nullptr;
    }
  return l;
}

static Object* object_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return int_from(ts, self->type->basicsize);
}

static Object* object_init_subclass(ThreadState* ts, Object*, Object* const*, size_t nargs,
                                    TupleObject* kwnames) {
  if (nargs || (kwnames && kwnames->size)) {
    if (kwnames && kwnames->size)
      return raise(ts, &exc::TypeError, "__init_subclass__() takes no keyword arguments");
    return raise(ts, &exc::TypeError, "__init_subclass__() takes no arguments (%zu given)", nargs);
  }
  return new_none();
}

static Object* object_subclasshook(ThreadState*, Object*, Object* const*, size_t, TupleObject*) {
  return not_implemented();
}

static Object* object_getstate(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                               TupleObject*) {
  if (!check_nargs(ts, "__getstate__", nargs, 0, 0)) return nullptr;
  Object** d = instance_dict_slot(self);
  std::vector<Object*> slotvals;
  Ref<DictObject> slots;
  for (TypeObject* k = self->type; k->flags & kHeapType; k = k->base) {
    if (auto* sl = heap(k)->slots) {
      ssize off = k->base->basicsize;
      for (ssize i = 0; i < tuple_size(sl); ++i) {
        Object* v = *reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + off + i * 8);
        if (!v) continue;
        if (!slots) {
          slots = Ref<DictObject>::steal(dict_new(ts));
          if (!slots) return nullptr;
        }
        if (!dict_set(ts, slots.get(), tuple_item(sl, i), v)) return nullptr;
      }
    }
  }
  Object* state = (d && *d && dict_size(static_cast<DictObject*>(*d))) ? *d : none();
  if (slots) return tuple_pack(ts, {state, slots.get()});
  return newref(state);
}

static Object* object_reduce_ex(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                TupleObject*) {
  if (!check_nargs(ts, "__reduce_ex__", nargs, 1, 1)) return nullptr;
  int64_t proto = 0;
  if (!is_int(args[0]) || !int_to_i64(args[0], &proto))
    return raise(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                 type_name(args[0]));
  // A class that overrides __reduce__ uses it.
  Object* red = type_lookup(self->type, names.__reduce__);
  Object* base_red = type_lookup(&ObjectType, names.__reduce__);
  if (red && red != base_red) return call_method(ts, self, "__reduce__");
  Ref<> copyreg = Ref<>::steal(import_module(ts, "copyreg"));
  if (!copyreg) return nullptr;
  if (proto < 2) {
    Ref<> f = Ref<>::steal(getattr_cstr(ts, copyreg.get(), "_reduce_ex"));
    if (!f) return nullptr;
    return call2(ts, f.get(), self, args[0]);
  }
  Ref<> newobj = Ref<>::steal(getattr_cstr(ts, copyreg.get(), "__newobj__"));
  if (!newobj) return nullptr;
  Ref<> newargs;
  if (type_lookup(self->type, names.__getnewargs__)) {
    newargs = Ref<>::steal(call_method(ts, self, "__getnewargs__"));
    if (!newargs) return nullptr;
    if (!is_tuple(newargs.get()))
      return raise(ts, &exc::TypeError, "__getnewargs__ should return a tuple, not '%s'",
                   type_name(newargs.get()));
  } else {
    newargs = Ref<>::steal(tuple_new(ts, 0));
  }
  ssize n = tuple_size(newargs.get());
  Ref<TupleObject> full = Ref<TupleObject>::steal(tuple_new(ts, n + 1));
  if (!full) return nullptr;
  full->items[0] = newref(static_cast<Object*>(self->type));
  for (ssize i = 0; i < n; ++i) full->items[i + 1] = newref(tuple_item(newargs.get(), i));
  Ref<> state = Ref<>::steal(call_method(ts, self, "__getstate__"));
  if (!state) return nullptr;
  Object* listitems = none();
  Object* dictitems = none();
  Ref<> li, di;
  if (is_list(self)) {
    li = Ref<>::steal(get_iter(ts, self));
    if (!li) return nullptr;
    listitems = li.get();
  }
  if (is_dict(self)) {
    Ref<> items = Ref<>::steal(call_method(ts, self, "items"));
    if (!items) return nullptr;
    di = Ref<>::steal(get_iter(ts, items.get()));
    if (!di) return nullptr;
    dictitems = di.get();
  }
  return tuple_pack(ts, {newobj.get(), full.get(), state.get(), listitems, dictitems});
}

static Object* object_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  Ref<> copyreg = Ref<>::steal(import_module(ts, "copyreg"));
  if (!copyreg) return nullptr;
  Ref<> f = Ref<>::steal(getattr_cstr(ts, copyreg.get(), "_reduce_ex"));
  if (!f) return nullptr;
  Ref<> zero = Ref<>::steal(int_from(ts, 0));
  return call2(ts, f.get(), self, zero.get());
}

static const MethodDef object_methods[] = {
    {"__format__", object_format_method, 0, "Default object formatter."},
    {"__dir__", object_dir_method, 0, "Default dir() implementation."},
    {"__sizeof__", object_sizeof, 0, "Size of object in memory, in bytes."},
    {"__init_subclass__", object_init_subclass, kMethClass,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, kMethClass, "Abstract classes can override this."},
    {"__getstate__", object_getstate, 0, "Helper for pickle."},
    {"__reduce_ex__", object_reduce_ex, 0, "Helper for pickle."},
    {"__reduce__", object_reduce, 0, "Helper for pickle."},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject ObjectType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "object";
  t.basicsize = sizeof(Object);
  t.flags = kBaseType | kImmutableType;
  t.doc =
      "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and "
      "returns a new featureless\ninstance that has no instance attributes and cannot be "
      "given any.\n";
  t.dealloc = object_dealloc;
  t.repr = object_default_repr;
  t.str = object_str;
  t.hash = object_hash;
  t.richcompare = object_richcompare;
  t.getattro = generic_getattr;
  t.setattro = generic_setattr;
  t.init = object_init_slot;
  t.new_ = object_new_slot;
  t.methods = object_methods;
  t.getsets = object_getsets;
  return t;
}();

// ---- super
// -------------------------------------------------------------------------------------------

struct SuperObject : Object {
  TypeObject* type;
  Object* obj;
  TypeObject* obj_type;
};

static TypeObject* supercheck(ThreadState* ts, TypeObject* type, Object* obj) {
  if (is_type(obj) && is_subtype(static_cast<TypeObject*>(obj), type))
    return static_cast<TypeObject*>(obj);
  if (is_subtype(obj->type, type)) return obj->type;
  Ref<> cls = Ref<>::steal(getattr_opt(ts, obj, names.__class__));
  if (cls && is_type(cls.get()) && cls.get() != obj->type &&
      is_subtype(static_cast<TypeObject*>(cls.get()), type))
    return static_cast<TypeObject*>(cls.get());
  if (!exc_occurred(ts))
    raise(ts, &exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

static bool super_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  if (!no_kwargs(ts, "super", kwnames)) return false;
  if (nargs > 2) {
    raise(ts, &exc::TypeError, "super() takes at most 2 arguments (%zu given)", nargs);
    return false;
  }
  TypeObject* type = nullptr;
  Object* obj = nullptr;
  if (nargs == 0) {
    if (!vm_super_args(ts, &type, &obj)) return false;
  } else {
    if (!is_type(args[0])) {
      raise(ts, &exc::TypeError, "super() argument 1 must be a type, not %s", type_name(args[0]));
      return false;
    }
    type = static_cast<TypeObject*>(args[0]);
    if (nargs == 2 && !is_none(args[1])) obj = args[1];
  }
  TypeObject* obj_type = nullptr;
  if (obj) {
    obj_type = supercheck(ts, type, obj);
    if (!obj_type) return false;
  }
  auto* su = static_cast<SuperObject*>(self);
  setref(su->type, static_cast<TypeObject*>(newref(static_cast<Object*>(type))));
  setref(su->obj, obj ? newref(obj) : nullptr);
  setref(su->obj_type,
         obj_type ? static_cast<TypeObject*>(newref(static_cast<Object*>(obj_type))) : nullptr);
  return true;
}

static Object* super_getattro(ThreadState* ts, Object* self, StrObject* name) {
  auto* su = static_cast<SuperObject*>(self);
  TypeObject* start = su->obj_type;
  if (start && !str_equal(name, names.__class__)) {
    TupleObject* mro = start->mro;
    if (mro) {
      ssize i = 0;
      for (; i + 1 < mro->size; ++i)
        if (mro->items[i] == su->type) break;
      ++i;
      for (; i < mro->size; ++i) {
        auto* k = static_cast<TypeObject*>(mro->items[i]);
        if (!k->dict) continue;
        Object* res = dict_get_str(ts, k->dict, name);
        if (!res) continue;
        Ref<> hold = Ref<>::borrow(res);
        if (descrgetfunc g = res->type->descr_get)
          return g(ts, res, su->obj == start ? nullptr : su->obj, start);
        return hold.release();
      }
    }
  }
  return generic_getattr(ts, self, name);
}

static Object* super_repr(ThreadState* ts, Object* self) {
  auto* su = static_cast<SuperObject*>(self);
  std::string s = "<super: <class '";
  s += su->type ? type_short_name(su->type) : "NULL";
  s += "'>, ";
  if (su->obj_type)
    s += std::string("<") + type_short_name(su->obj_type) + " object>";
  else
    s += "NULL";
  s += ">";
  return str_from(ts, s);
}

static Object* super_descr_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  auto* su = static_cast<SuperObject*>(self);
  if (!obj || su->obj) return newref(self);
  Object* args[2] = {su->type, obj};
  return call(ts, self->type, args, 2);
}

static void super_dealloc(Object* o) {
  auto* su = static_cast<SuperObject*>(o);
  xdecref(su->type);
  xdecref(su->obj);
  xdecref(su->obj_type);
  free_object(o);
}

static int super_traverse(Object* o, visitproc visit, void* arg) {
  auto* su = static_cast<SuperObject*>(o);
  if (su->obj && visit(su->obj, arg)) return 1;
  if (su->type && visit(su->type, arg)) return 1;
  if (su->obj_type && visit(su->obj_type, arg)) return 1;
  return 0;
}

static Object* super_get_thisclass(ThreadState*, Object* o) {
  auto* su = static_cast<SuperObject*>(o);
  return su->type ? newref(static_cast<Object*>(su->type)) : new_none();
}
static Object* super_get_self(ThreadState*, Object* o) {
  auto* su = static_cast<SuperObject*>(o);
  return su->obj ? newref(su->obj) : new_none();
}
static Object* super_get_self_class(ThreadState*, Object* o) {
  auto* su = static_cast<SuperObject*>(o);
  return su->obj_type ? newref(static_cast<Object*>(su->obj_type)) : new_none();
}

static const GetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, nullptr},
    {"__self__", super_get_self, nullptr},
    {"__self_class__", super_get_self_class, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject SuperType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "super";
  t.basicsize = sizeof(SuperObject);
  t.flags = kBaseType | kHaveGC | kImmutableType;
  t.doc = "super() -> same as super(__class__, <first argument>)";
  t.dealloc = super_dealloc;
  t.traverse = super_traverse;
  t.repr = super_repr;
  t.getattro = super_getattro;
  t.descr_get = super_descr_get;
  t.init = super_init;
  t.new_ = [](ThreadState* ts, TypeObject* type, Object* const*, size_t, TupleObject*) {
    return alloc_object(ts, type);
  };
  t.getsets = super_getsets;
  return t;
}();

// ---- mappingproxy
// -----------------------------------------------------------------------------------

struct MappingProxyObject : Object {
  Object* mapping;
};

Object* mappingproxy_new(ThreadState* ts, Object* mapping) {
  auto* p = alloc<MappingProxyObject>(ts, &MappingProxyType);
  if (!p) return nullptr;
  p->mapping = newref(mapping);
  return p;
}

static void mp_dealloc(Object* o) {
  xdecref(static_cast<MappingProxyObject*>(o)->mapping);
  free_object(o);
}
static int mp_traverse(Object* o, visitproc visit, void* arg) {
  Object* m = static_cast<MappingProxyObject*>(o)->mapping;
  return m ? visit(m, arg) : 0;
}
static Object* mp_getitem(ThreadState* ts, Object* o, Object* key) {
  return getitem(ts, static_cast<MappingProxyObject*>(o)->mapping, key);
}
static ssize mp_len(ThreadState* ts, Object* o) {
  return length(ts, static_cast<MappingProxyObject*>(o)->mapping);
}
static int mp_contains(ThreadState* ts, Object* o, Object* key) {
  return contains(ts, static_cast<MappingProxyObject*>(o)->mapping, key);
}
static Object* mp_iter(ThreadState* ts, Object* o) {
  return get_iter(ts, static_cast<MappingProxyObject*>(o)->mapping);
}
static Object* mp_repr(ThreadState* ts, Object* o) {
  std::string inner;
  if (!repr_text(ts, static_cast<MappingProxyObject*>(o)->mapping, &inner)) return nullptr;
  return str_from(ts, "mappingproxy(" + inner + ")");
}
static Object* mp_str(ThreadState* ts, Object* o) {
  return str(ts, static_cast<MappingProxyObject*>(o)->mapping);
}
static Object* mp_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  return richcompare(ts, static_cast<MappingProxyObject*>(a)->mapping, b, op);
}
static Object* mp_forward(ThreadState* ts, Object* self, const char* name, Object* const* args,
                          size_t nargs, TupleObject* kwnames) {
  Ref<> f = Ref<>::steal(getattr_cstr(ts, static_cast<MappingProxyObject*>(self)->mapping, name));
  if (!f) return nullptr;
  return call(ts, f.get(), args, nargs, kwnames);
}
#define MP_FWD(n)                                                                         \
  static Object* mp_##n(ThreadState* ts, Object* self, Object* const* args, size_t nargs, \
                        TupleObject* kw) {                                                \
    return mp_forward(ts, self, #n, args, nargs, kw);                                     \
  }
MP_FWD(keys)
MP_FWD(values)
MP_FWD(items)
MP_FWD(get)
MP_FWD(copy)
#undef MP_FWD

static const MethodDef mp_methods[] = {
    {"keys", mp_keys, 0, nullptr},   {"values", mp_values, 0, nullptr},
    {"items", mp_items, 0, nullptr}, {"get", mp_get, 0, nullptr},
    {"copy", mp_copy, 0, nullptr},   {nullptr, nullptr, 0, nullptr},
};

static Object* mp_new(ThreadState* ts, TypeObject*, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  if (!no_kwargs(ts, "mappingproxy", kwnames) || !check_nargs(ts, "mappingproxy", nargs, 1, 1))
    return nullptr;
  if (!args[0]->type->getitem || is_list(args[0]) || is_tuple(args[0]))
    return raise(ts, &exc::TypeError, "mappingproxy() argument must be a mapping, not %s",
                 type_name(args[0]));
  return mappingproxy_new(ts, args[0]);
}

TypeObject MappingProxyType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "mappingproxy";
  t.basicsize = sizeof(MappingProxyObject);
  t.flags = kHaveGC | kImmutableType;
  t.dealloc = mp_dealloc;
  t.traverse = mp_traverse;
  t.getitem = mp_getitem;
  t.len = mp_len;
  t.contains = mp_contains;
  t.iter = mp_iter;
  t.repr = mp_repr;
  t.str = mp_str;
  t.richcompare = mp_richcompare;
  t.methods = mp_methods;
  t.new_ = mp_new;
  return t;
}();

// ---- types.GenericAlias (list[int]) ------------------------------------------------------------

struct GenericAliasObject : Object {
  Object* origin;
  Object* args;  // tuple
};

Object* generic_alias_new(ThreadState* ts, Object* origin, Object* args) {
  auto* g = alloc<GenericAliasObject>(ts, &GenericAliasType);
  if (!g) return nullptr;
  g->origin = newref(origin);
  g->args = is_tuple(args) ? newref(args) : tuple_pack(ts, {args});
  if (!g->args) {
    decref(g);
    return nullptr;
  }
  return g;
}

static void ga_dealloc(Object* o) {
  auto* g = static_cast<GenericAliasObject*>(o);
  xdecref(g->origin);
  xdecref(g->args);
  free_object(o);
}
static int ga_traverse(Object* o, visitproc visit, void* arg) {
  auto* g = static_cast<GenericAliasObject*>(o);
  if (g->origin && visit(g->origin, arg)) return 1;
  if (g->args && visit(g->args, arg)) return 1;
  return 0;
}

static bool ga_repr_item(ThreadState* ts, Object* p, std::string* out) {
  if (p == &EllipsisObject) {
    *out += "...";
    return true;
  }
  if (is_type(p) && p->type != &GenericAliasType) {
    auto* t = static_cast<TypeObject*>(p);
    *out += type_qualified_name(t);
    return true;
  }
  std::string s;
  if (!repr_text(ts, p, &s)) return false;
  *out += s;
  return true;
}

static Object* ga_repr(ThreadState* ts, Object* o) {
  auto* g = static_cast<GenericAliasObject*>(o);
  std::string s;
  if (!ga_repr_item(ts, g->origin, &s)) return nullptr;
  s += "[";
  ssize n = tuple_size(g->args);
  if (n == 0) s += "()";
  for (ssize i = 0; i < n; ++i) {
    if (i) s += ", ";
    if (!ga_repr_item(ts, tuple_item(g->args, i), &s)) return nullptr;
  }
  s += "]";
  return str_from(ts, s);
}

static Object* ga_call(ThreadState* ts, Object* o, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  return call(ts, static_cast<GenericAliasObject*>(o)->origin, args, nargs, kwnames);
}

static Object* ga_getattro(ThreadState* ts, Object* o, StrObject* name) {
  auto* g = static_cast<GenericAliasObject*>(o);
  std::string_view n = str_view(name);
  if (n == "__origin__") return newref(g->origin);
  if (n == "__args__") return newref(g->args);
  if (n == "__parameters__") return tuple_new(ts, 0);
  if (n == "__class__") return newref(static_cast<Object*>(o->type));
  if (n.size() > 2 && n.substr(0, 2) == "__") return generic_getattr(ts, o, name);
  return getattr(ts, g->origin, name);
}

static Object* ga_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if ((op != CmpOp::EQ && op != CmpOp::NE) || b->type != &GenericAliasType)
    return not_implemented();
  auto* x = static_cast<GenericAliasObject*>(a);
  auto* y = static_cast<GenericAliasObject*>(b);
  int eq = x->origin == y->origin ? richcompare_bool(ts, x->args, y->args, CmpOp::EQ) : 0;
  if (eq < 0) return nullptr;
  return bool_from(op == CmpOp::EQ ? eq : !eq);
}

static int64_t ga_hash(ThreadState* ts, Object* o) {
  auto* g = static_cast<GenericAliasObject*>(o);
  int64_t a = hash(ts, g->origin);
  if (a == -1) return -1;
  int64_t b = hash(ts, g->args);
  if (b == -1) return -1;
  int64_t h = a ^ b;
  return h == -1 ? -2 : h;
}

static Object* ga_new(ThreadState* ts, TypeObject*, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  if (!no_kwargs(ts, "GenericAlias", kwnames) || !check_nargs(ts, "GenericAlias", nargs, 2, 2))
    return nullptr;
  return generic_alias_new(ts, args[0], args[1]);
}

TypeObject GenericAliasType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "types.GenericAlias";
  t.basicsize = sizeof(GenericAliasObject);
  t.flags = kHaveGC | kImmutableType;
  t.dealloc = ga_dealloc;
  t.traverse = ga_traverse;
  t.repr = ga_repr;
  t.call = ga_call;
  t.getattro = ga_getattro;
  t.richcompare = ga_richcompare;
  t.hash = ga_hash;
  t.new_ = ga_new;
  t.nb[static_cast<int>(BinOp::Or)] = union_type_or;
  return t;
}();

static Object* class_getitem_fn(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                TupleObject* kwnames) {
  if (!check_nargs(ts, "__class_getitem__", nargs, 1, 1)) return nullptr;
  return generic_alias_new(ts, self, args[0]);
}

static const MethodDef kClassGetItemDef = {"__class_getitem__", class_getitem_fn, kMethClass,
                                           "See PEP 585"};

Object* make_class_getitem(ThreadState* ts, TypeObject* type) {
  auto* md = alloc<MethodDescrObject>(ts, &ClassMethodDescrType);
  if (!md) return nullptr;
  md->def = &kClassGetItemDef;
  md->owner = type;
  return md;
}

}  // namespace gp
