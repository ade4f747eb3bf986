// tuple: an immutable array of owned references allocated inline. The empty tuple is one shared
// immortal object; hash is CPython's xxHash-based combination so hash((1, 2)) matches python3.
#include <cstdint>
#include <string>

#include "interp/vm.h"
#include "runtime/containers_internal.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace gp {

namespace {

// Static storage for (): a GC header in front (never linked) so the collector's header
// arithmetic stays valid for it.
struct EmptyTupleStorage {
  GCHead head;
  TupleObject tuple;
};
EmptyTupleStorage empty_storage = {{nullptr, nullptr, 0}, {}};

TupleObject* empty_tuple() {
  TupleObject* t = &empty_storage.tuple;
  if (t->type == nullptr) {  // first use (static init order independent)
    t->refcnt = kImmortalRefcnt;
    t->type = &TupleType;
    t->size = 0;
  }
  return t;
}

void tuple_dealloc(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  for (ssize i = 0; i < t->size; ++i) xdecref(t->items[i]);
  free_object(o);
}

int tuple_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = static_cast<TupleObject*>(o);
  for (ssize i = 0; i < t->size; ++i)
    if (t->items[i]) {
      int r = visit(t->items[i], arg);
      if (r) return r;
    }
  return 0;
}

Object* tuple_repr(ThreadState* ts, Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  if (t->size == 0) return str_from(ts, "()");
  int r = repr_enter(ts, o);
  if (r < 0) return nullptr;
  if (r > 0) return str_from(ts, "(...)");
  std::string out = "(";
  for (ssize i = 0; i < t->size; ++i) {
    if (i) out += ", ";
    std::string piece;
    if (!repr_text(ts, t->items[i], &piece)) {
      repr_leave(ts, o);
      return nullptr;
    }
    out += piece;
  }
  if (t->size == 1) out += ',';
  out += ')';
  repr_leave(ts, o);
  return str_from(ts, out);
}

constexpr uint64_t kXXPrime1 = 11400714785074694791ULL;
constexpr uint64_t kXXPrime2 = 14029467366897019727ULL;
constexpr uint64_t kXXPrime5 = 2870177450012600261ULL;

int64_t tuple_hash(ThreadState* ts, Object* o) {
  if (!vm_check_c_stack(ts, nullptr)) return -1;  // nested tuples recurse
  auto* t = static_cast<TupleObject*>(o);
  uint64_t acc = kXXPrime5;
  for (ssize i = 0; i < t->size; ++i) {
    int64_t h = hash(ts, t->items[i]);
    if (h == -1) return -1;
    uint64_t lane = static_cast<uint64_t>(h);
    acc += lane * kXXPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kXXPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kXXPrime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

Object* tuple_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return not_implemented();
  auto* x = static_cast<TupleObject*>(a);
  auto* y = static_cast<TupleObject*>(b);
  ssize i = 0;
  for (; i < x->size && i < y->size; ++i) {
    int eq = richcompare_bool(ts, x->items[i], y->items[i], CmpOp::EQ);
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= x->size || i >= y->size) {
    return bool_from(compare_sizes(x->size, y->size, op));
  }
  if (op == CmpOp::EQ) return bool_from(false);
  if (op == CmpOp::NE) return bool_from(true);
  return richcompare(ts, x->items[i], y->items[i], op);
}

ssize tuple_len(ThreadState*, Object* o) { return static_cast<TupleObject*>(o)->size; }

int tuple_contains(ThreadState* ts, Object* o, Object* item) {
  auto* t = static_cast<TupleObject*>(o);
  for (ssize i = 0; i < t->size; ++i) {
    int r = richcompare_bool(ts, t->items[i], item, CmpOp::EQ);
    if (r != 0) return r;
  }
  return 0;
}

Object* tuple_getitem(ThreadState* ts, Object* o, Object* key) {
  auto* t = static_cast<TupleObject*>(o);
  if (is_int(key)) {
    ssize i;
    if (int_is_small(key)) {
      i = static_cast<IntObject*>(key)->value;
    } else if (!index_as_ssize(ts, key, &i)) {
      if (!exc_matches(ts, &exc::OverflowError)) return nullptr;
      clear_exc(ts);
      return raise(ts, &exc::IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (!seq_index(&i, t->size)) return raise(ts, &exc::IndexError, "tuple index out of range");
    return newref(t->items[i]);
  }
  if (is_slice(key)) {
    ssize start, stop, step, n;
    if (!slice_indices(ts, key, t->size, &start, &stop, &step, &n)) return nullptr;
    if (step == 1) {
      if (start == 0 && n == t->size && is_tuple_exact(o)) return newref(o);
      return tuple_slice(ts, t, start, start + n);
    }
    TupleObject* r = tuple_new(ts, n);
    if (!r) return nullptr;
    for (ssize k = 0, j = start; k < n; ++k, j += step) r->items[k] = newref(t->items[j]);
    return r;
  }
  if (key->type->nb_index) {
    ssize i;
    if (!index_as_ssize(ts, key, &i)) return nullptr;
    if (!seq_index(&i, t->size)) return raise(ts, &exc::IndexError, "tuple index out of range");
    return newref(t->items[i]);
  }
  return raise(ts, &exc::TypeError, "tuple indices must be integers or slices, not %s",
               type_name(key));
}

Object* tuple_iter(ThreadState* ts, Object* o) {
  auto* it = alloc<TupleIterObject>(ts, &TupleIterType);
  if (!it) return nullptr;
  it->seq = newref(static_cast<TupleObject*>(o));
  it->index = 0;
  return it;
}

// Binary slot shared logic: returns NotImplemented unless the right operand's own slot handles
// it (CPython tries nb_add of both and then sq_concat of the left operand).
Object* tuple_add(ThreadState* ts, Object* a, Object* b) {
  if (!is_tuple(a)) return not_implemented();
  if (!is_tuple(b)) {
    binaryfunc other = b->type->nb[int(BinOp::Add)];
    if (other && other != a->type->nb[int(BinOp::Add)]) {
      Object* r = other(ts, a, b);
      if (r != not_implemented()) return r;
    }
    return raise(ts, &exc::TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                 type_name(b));
  }
  auto* x = static_cast<TupleObject*>(a);
  auto* y = static_cast<TupleObject*>(b);
  if (y->size == 0 && is_tuple_exact(a)) return newref(a);
  if (x->size == 0 && is_tuple_exact(b)) return newref(b);
  TupleObject* r = tuple_new(ts, x->size + y->size);
  if (!r) return nullptr;
  for (ssize i = 0; i < x->size; ++i) r->items[i] = newref(x->items[i]);
  for (ssize i = 0; i < y->size; ++i) r->items[x->size + i] = newref(y->items[i]);
  return r;
}

Object* tuple_repeat(ThreadState* ts, TupleObject* t, ssize n) {
  if (n < 0) n = 0;
  if (n == 1 && is_tuple_exact(t)) return newref(t);
  if (t->size == 0 || n == 0) return tuple_new(ts, 0);
  if (t->size > PTRDIFF_MAX / 16 / n) return raise_with(ts, &exc::MemoryError, nullptr);
  TupleObject* r = tuple_new(ts, t->size * n);
  if (!r) return nullptr;
  ssize k = 0;
  for (ssize j = 0; j < n; ++j)
    for (ssize i = 0; i < t->size; ++i) r->items[k++] = newref(t->items[i]);
  return r;
}

Object* tuple_mul(ThreadState* ts, Object* a, Object* b) {
  Object* seq = is_tuple(a) ? a : b;
  Object* count = seq == a ? b : a;
  if (!count->type->nb_index) {
    if (seq == a) {
      binaryfunc other = b->type->nb[int(BinOp::Mul)];
      if (other && other != a->type->nb[int(BinOp::Mul)]) {
        Object* r = other(ts, a, b);
        if (r != not_implemented()) return r;
      }
    } else if (has_sequence_repeat(a)) {
      return not_implemented();
    }
    return raise(ts, &exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                 type_name(count));
  }
  ssize n;
  if (!index_as_ssize(ts, count, &n)) {
    if (exc_matches(ts, &exc::OverflowError)) {
      clear_exc(ts);
      return raise(ts, &exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    return nullptr;
  }
  return tuple_repeat(ts, static_cast<TupleObject*>(seq), n);
}

Object* tuple_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  if (kwnames && tuple_size(kwnames) && type == &TupleType)
    return raise(ts, &exc::TypeError, "tuple() takes no keyword arguments");
  if (nargs > 1)
    return raise(ts, &exc::TypeError, "tuple expected at most 1 argument, got %zu", nargs);
  TupleObject* base;
  if (nargs == 0)
    base = tuple_new(ts, 0);
  else
    base = tuple_from_iterable(ts, args[0]);
  if (!base || type == &TupleType) return base;
  auto* r = alloc<TupleObject>(ts, type, base->size);
  if (!r) {
    decref(base);
    return nullptr;
  }
  r->size = base->size;
  for (ssize i = 0; i < base->size; ++i) r->items[i] = newref(base->items[i]);
  decref(base);
  return r;
}

Object* tuple_count_m(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  if (!no_kwargs(ts, "tuple.count", kwnames) || !check_nargs(ts, "tuple.count", nargs, 1, 1))
    return nullptr;
  auto* t = static_cast<TupleObject*>(self);
  ssize n = 0;
  for (ssize i = 0; i < t->size; ++i) {
    int r = richcompare_bool(ts, t->items[i], args[0], CmpOp::EQ);
    if (r < 0) return nullptr;
    n += r;
  }
  return int_from(ts, n);
}

bool clamp_index_arg(ThreadState* ts, Object* o, ssize len, ssize* out) {
  if (!index_as_ssize(ts, o, out)) {
    if (!exc_matches(ts, &exc::OverflowError)) return false;
    clear_exc(ts);
    *out = int_sign(o) < 0 ? -PTRDIFF_MAX : PTRDIFF_MAX;
  }
  if (*out < 0) {
    *out += len;
    if (*out < 0) *out = 0;
  }
  return true;
}

Object* tuple_index_m(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  if (!no_kwargs(ts, "index", kwnames) || !check_nargs(ts, "index", nargs, 1, 3)) return nullptr;
  auto* t = static_cast<TupleObject*>(self);
  ssize start = 0, stop = t->size;
  if (nargs > 1 && !clamp_index_arg(ts, args[1], t->size, &start)) return nullptr;
  if (nargs > 2 && !clamp_index_arg(ts, args[2], t->size, &stop)) return nullptr;
  for (ssize i = start; i < stop && i < t->size; ++i) {
    int r = richcompare_bool(ts, t->items[i], args[0], CmpOp::EQ);
    if (r < 0) return nullptr;
    if (r) return int_from(ts, i);
  }
  return raise(ts, &exc::ValueError, "tuple.index(x): x not in tuple");
}

Object* tuple_getnewargs(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                         TupleObject*) {
  auto* t = static_cast<TupleObject*>(self);
  TupleObject* copy = tuple_from_array(ts, t->items, t->size);
  if (!copy) return nullptr;
  TupleObject* r = tuple_pack(ts, {copy});
  decref(copy);
  return r;
}

const MethodDef tuple_methods[] = {
    {"count", tuple_count_m, 0, "Return number of occurrences of value."},
    {"index", tuple_index_m, 0, "Return first index of value."},
    {"__getnewargs__", tuple_getnewargs, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- iterator ----
void tupleiter_dealloc(Object* o) {
  auto* it = static_cast<TupleIterObject*>(o);
  xdecref(it->seq);
  free_object(o);
}
int tupleiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<TupleIterObject*>(o);
  return it->seq ? visit(it->seq, arg) : 0;
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* tupleiter_next(ThreadState*, Object* o) {
  auto* it = static_cast<TupleIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < it->seq->size) return newref(it->seq->items[it->index++]);
  clearref(it->seq);
  return nullptr;
}
Object* tupleiter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* it = static_cast<TupleIterObject*>(self);
  return int_from(ts, it->seq ? it->seq->size - it->index : 0);
}
const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject TupleType = [] {
  TypeObject t =
      make_static_type("tuple", offsetof(TupleObject, items), kBaseType | kHaveGC | kTupleSubclass,
                       &ObjectType, sizeof(Object*));
  t.doc = "Built-in immutable sequence.";
  t.dealloc = tuple_dealloc;
  t.traverse = tuple_traverse;
  t.repr = tuple_repr;
  t.hash = tuple_hash;
  t.richcompare = tuple_richcompare;
  t.iter = tuple_iter;
  t.len = tuple_len;
  t.getitem = tuple_getitem;
  t.contains = tuple_contains;
  t.nb[int(BinOp::Add)] = tuple_add;
  t.nb[int(BinOp::Mul)] = tuple_mul;
  t.new_ = tuple_new_slot;
  t.methods = tuple_methods;
  return t;
}();

TypeObject TupleIterType = [] {
  TypeObject t = make_static_type("tuple_iterator", sizeof(TupleIterObject), kHaveGC);
  t.dealloc = tupleiter_dealloc;
  t.traverse = tupleiter_traverse;
  t.iter = self_iter;
  t.iternext = tupleiter_next;
  t.methods = tupleiter_methods;
  return t;
}();

TupleObject* tuple_new(ThreadState* ts, ssize n) {
  if (n == 0) return empty_tuple();
  auto* t = alloc<TupleObject>(ts, &TupleType, n);
  if (!t) return nullptr;
  t->size = n;
  return t;
}

TupleObject* tuple_pack(ThreadState* ts, std::initializer_list<Object*> items) {
  TupleObject* t = tuple_new(ts, static_cast<ssize>(items.size()));
  if (!t) return nullptr;
  ssize i = 0;
  for (Object* o : items) t->items[i++] = newref(o);
  return t;
}

TupleObject* tuple_from_array(ThreadState* ts, Object* const* items, ssize n) {
  TupleObject* t = tuple_new(ts, n);
  if (!t) return nullptr;
  for (ssize i = 0; i < n; ++i) t->items[i] = newref(items[i]);
  return t;
}

TupleObject* tuple_slice(ThreadState* ts, TupleObject* t, ssize lo, ssize hi) {
  return tuple_from_array(ts, t->items + lo, hi - lo);
}

TupleObject* tuple_from_iterable(ThreadState* ts, Object* iterable) {
  if (is_tuple_exact(iterable)) return newref(static_cast<TupleObject*>(iterable));
  if (is_list(iterable)) return list_as_tuple(ts, static_cast<ListObject*>(iterable));
  Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, iterable));
  if (!l) return nullptr;
  return list_as_tuple(ts, l.get());
}

}  // namespace gp
