// _collections: the native deque. Items live in a ring buffer whose capacity is a power of two,
// so appends and pops at both ends are O(1) (amortised) and indexing is O(1). A `state` counter
// changes on every structural mutation; iterators compare it to report
// "deque mutated during iteration", as CPython's do.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/containers_internal.h"
#include "stdlib/modules.h"
#include "stdlib/native_util.h"

namespace gp {

namespace {

constexpr ssize kMinCapacity = 8;

struct DequeObject : Object {
  Object** items;  // capacity slots; [head, head + size) mod capacity hold owned references
  ssize capacity;  // 0 or a power of two
  ssize head;
  ssize size;
  ssize maxlen;    // -1: unbounded
  uint64_t state;  // bumped by every structural mutation
};

struct DequeIterObject : Object {
  DequeObject* deque;  // owned
  ssize index;         // logical index of the next item
  ssize counter;       // items left
  uint64_t state;
};

extern TypeObject DequeType;
extern TypeObject DequeIterType;
extern TypeObject DequeRevIterType;

DequeObject* as_deque(Object* o) { return static_cast<DequeObject*>(o); }
bool is_deque(Object* o) { return isinstance_of(o, &DequeType); }

inline Object*& slot_at(DequeObject* d, ssize i) {
  return d->items[(d->head + i) & (d->capacity - 1)];
}

// Makes room for at least `need` items, keeping their order.
bool deque_reserve(ThreadState* ts, DequeObject* d, ssize need) {
  if (need <= d->capacity) return true;
  ssize cap = d->capacity ? d->capacity : kMinCapacity;
  while (cap < need) cap *= 2;
  auto** items = static_cast<Object**>(std::malloc(sizeof(Object*) * static_cast<size_t>(cap)));
  if (!items) {
    raise_object(ts, &exc::MemoryError);
    return false;
  }
  for (ssize i = 0; i < d->size; ++i) items[i] = slot_at(d, i);
  std::free(d->items);
  d->items = items;
  d->capacity = cap;
  d->head = 0;
  return true;
}

// Gives memory back when a deque that grew large is mostly empty (never fails: on allocation
// failure the old buffer stays).
void deque_maybe_shrink(DequeObject* d) {
  if (d->capacity <= 64 || d->size * 8 > d->capacity) return;
  ssize cap = d->capacity;
  while (cap > kMinCapacity && d->size * 4 < cap) cap /= 2;
  auto** items = static_cast<Object**>(std::malloc(sizeof(Object*) * static_cast<size_t>(cap)));
  if (!items) return;
  for (ssize i = 0; i < d->size; ++i) items[i] = slot_at(d, i);
  std::free(d->items);
  d->items = items;
  d->capacity = cap;
  d->head = 0;
}

// Raw pushes and pops: no maxlen handling, no reference changes.
bool push_right(ThreadState* ts, DequeObject* d, Object* item) {
  if (!deque_reserve(ts, d, d->size + 1)) return false;
  slot_at(d, d->size) = item;
  ++d->size;
  ++d->state;
  return true;
}
bool push_left(ThreadState* ts, DequeObject* d, Object* item) {
  if (!deque_reserve(ts, d, d->size + 1)) return false;
  d->head = (d->head - 1) & (d->capacity - 1);
  d->items[d->head] = item;
  ++d->size;
  ++d->state;
  return true;
}
Object* pop_right(DequeObject* d) {
  Object* item = slot_at(d, d->size - 1);
  --d->size;
  ++d->state;
  return item;
}
Object* pop_left(DequeObject* d) {
  Object* item = d->items[d->head];
  d->head = (d->head + 1) & (d->capacity - 1);
  --d->size;
  ++d->state;
  return item;
}

// append / appendleft with maxlen eviction (takes a new reference to item).
bool deque_append_item(ThreadState* ts, DequeObject* d, Object* item) {
  if (d->maxlen == 0) return true;
  if (!push_right(ts, d, newref(item))) {
    decref(item);
    return false;
  }
  if (d->maxlen > 0 && d->size > d->maxlen) decref(pop_left(d));
  return true;
}
bool deque_appendleft_item(ThreadState* ts, DequeObject* d, Object* item) {
  if (d->maxlen == 0) return true;
  if (!push_left(ts, d, newref(item))) {
    decref(item);
    return false;
  }
  if (d->maxlen > 0 && d->size > d->maxlen) decref(pop_right(d));
  return true;
}

void deque_clear_items(DequeObject* d) {
  Object** items = d->items;
  ssize cap = d->capacity, head = d->head, n = d->size;
  d->items = nullptr;
  d->capacity = 0;
  d->head = 0;
  d->size = 0;
  ++d->state;
  for (ssize i = 0; i < n; ++i) decref(items[(head + i) & (cap - 1)]);
  std::free(items);
}

// Rotates right by n (left when negative).
void deque_rotate_by(DequeObject* d, ssize n) {
  ssize len = d->size;
  if (len <= 1) return;
  n %= len;
  if (n < 0) n += len;
  if (n == 0) return;
  ++d->state;
  if (len == d->capacity) {
    d->head = (d->head - n) & (d->capacity - 1);
    return;
  }
  if (n <= len / 2) {
    for (ssize i = 0; i < n; ++i) {
      Object* item = slot_at(d, d->size - 1);
      d->head = (d->head - 1) & (d->capacity - 1);
      d->items[d->head] = item;
    }
  } else {
    for (ssize i = 0; i < len - n; ++i) {
      Object* item = d->items[d->head];
      d->head = (d->head + 1) & (d->capacity - 1);
      slot_at(d, d->size - 1) = item;
    }
  }
}

// Removes the item at logical index i (0 <= i < size) and returns it (owned).
Object* deque_take_at(DequeObject* d, ssize i) {
  Object* item = slot_at(d, i);
  if (i < d->size / 2) {
    for (ssize k = i; k > 0; --k) slot_at(d, k) = slot_at(d, k - 1);
    d->head = (d->head + 1) & (d->capacity - 1);
  } else {
    for (ssize k = i; k + 1 < d->size; ++k) slot_at(d, k) = slot_at(d, k + 1);
  }
  --d->size;
  ++d->state;
  return item;
}

bool extend_impl(ThreadState* ts, DequeObject* d, Object* iterable, bool left) {
  // d.extend(d) reads a snapshot.
  Ref<> src = Ref<>::borrow(iterable);
  if (iterable == d) {
    src = Ref<>::steal(list_from_iterable(ts, iterable));
    if (!src) return false;
  }
  Ref<> it = Ref<>::steal(get_iter(ts, src.get()));
  if (!it) return false;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(ts, it.get()));
    if (!item) return !exc_occurred(ts);
    if (!(left ? deque_appendleft_item(ts, d, item.get()) : deque_append_item(ts, d, item.get())))
      return false;
  }
}

// ---- methods
// -------------------------------------------------------------------------------------

Object* deque_append(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!no_kwargs(ts, "append", kw) || !check_nargs(ts, "append", nargs, 1, 1)) return nullptr;
  if (!deque_append_item(ts, as_deque(self), args[0])) return nullptr;
  return new_none();
}

Object* deque_appendleft(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  if (!no_kwargs(ts, "appendleft", kw) || !check_nargs(ts, "appendleft", nargs, 1, 1))
    return nullptr;
  if (!deque_appendleft_item(ts, as_deque(self), args[0])) return nullptr;
  return new_none();
}

Object* deque_pop(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "pop", kw) || !check_nargs(ts, "pop", nargs, 0, 0)) return nullptr;
  DequeObject* d = as_deque(self);
  if (d->size == 0) return raise(ts, &exc::IndexError, "pop from an empty deque");
  Object* item = pop_right(d);
  deque_maybe_shrink(d);
  return item;
}

Object* deque_popleft(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "popleft", kw) || !check_nargs(ts, "popleft", nargs, 0, 0)) return nullptr;
  DequeObject* d = as_deque(self);
  if (d->size == 0) return raise(ts, &exc::IndexError, "pop from an empty deque");
  Object* item = pop_left(d);
  deque_maybe_shrink(d);
  return item;
}

Object* deque_extend(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!no_kwargs(ts, "extend", kw) || !check_nargs(ts, "extend", nargs, 1, 1)) return nullptr;
  if (!extend_impl(ts, as_deque(self), args[0], false)) return nullptr;
  return new_none();
}

Object* deque_extendleft(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  if (!no_kwargs(ts, "extendleft", kw) || !check_nargs(ts, "extendleft", nargs, 1, 1))
    return nullptr;
  if (!extend_impl(ts, as_deque(self), args[0], true)) return nullptr;
  return new_none();
}

Object* deque_rotate(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!no_kwargs(ts, "rotate", kw) || !check_nargs(ts, "rotate", nargs, 0, 1)) return nullptr;
  ssize n = 1;
  if (nargs == 1 && !index_as_ssize(ts, args[0], &n)) return nullptr;
  deque_rotate_by(as_deque(self), n);
  return new_none();
}

Object* deque_clear(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "clear", kw) || !check_nargs(ts, "clear", nargs, 0, 0)) return nullptr;
  deque_clear_items(as_deque(self));
  return new_none();
}

// Compares each item with v in order; calls on_match(i) for matches until it returns false.
// Returns -1 on error (including mutation during the comparisons), else 0.
template <class F>
int scan(ThreadState* ts, DequeObject* d, Object* v, ssize start, ssize stop, F&& on_match) {
  uint64_t state = d->state;
  for (ssize i = start; i < stop && i < d->size; ++i) {
    Ref<> item = Ref<>::borrow(slot_at(d, i));
    int r = richcompare_bool(ts, item.get(), v, CmpOp::EQ);
    if (r < 0) return -1;
    if (d->state != state) {
      raise(ts, &exc::RuntimeError, "deque mutated during iteration");
      return -1;
    }
    if (r > 0 && !on_match(i)) return 0;
  }
  return 0;
}

Object* deque_count(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kw) {
  if (!no_kwargs(ts, "count", kw) || !check_nargs(ts, "count", nargs, 1, 1)) return nullptr;
  DequeObject* d = as_deque(self);
  ssize n = 0;
  if (scan(ts, d, args[0], 0, d->size, [&](ssize) {
        ++n;
        return true;
      }) < 0)
    return nullptr;
  return int_from(ts, n);
}

int deque_contains(ThreadState* ts, Object* self, Object* v) {
  DequeObject* d = as_deque(self);
  bool found = false;
  if (scan(ts, d, v, 0, d->size, [&](ssize) {
        found = true;
        return false;
      }) < 0)
    return -1;
  return found ? 1 : 0;
}

Object* deque_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kw) {
  if (!no_kwargs(ts, "index", kw) || !check_nargs(ts, "index", nargs, 1, 3)) return nullptr;
  DequeObject* d = as_deque(self);
  ssize start = 0, stop = d->size;
  if (nargs >= 2 && !index_as_ssize(ts, args[1], &start)) return nullptr;
  if (nargs >= 3 && !index_as_ssize(ts, args[2], &stop)) return nullptr;
  if (start < 0) {
    start += d->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += d->size;
    if (stop < 0) stop = 0;
  }
  if (stop > d->size) stop = d->size;
  ssize found = -1;
  if (scan(ts, d, args[0], start, stop, [&](ssize i) {
        found = i;
        return false;
      }) < 0)
    return nullptr;
  if (found >= 0) return int_from(ts, found);
  std::string r;
  if (!repr_text(ts, args[0], &r)) return nullptr;
  return raise(ts, &exc::ValueError, "%s is not in deque", r.c_str());
}

Object* deque_insert(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!no_kwargs(ts, "insert", kw) || !check_nargs(ts, "insert", nargs, 2, 2)) return nullptr;
  DequeObject* d = as_deque(self);
  ssize i;
  if (!index_as_ssize(ts, args[0], &i)) return nullptr;
  if (d->maxlen >= 0 && d->size >= d->maxlen)
    return raise(ts, &exc::IndexError, "deque already at its maximum size");
  if (i < 0) {
    i += d->size;
    if (i < 0) i = 0;
  }
  if (i > d->size) i = d->size;
  Object* v = args[0 + 1];
  if (i == d->size) {
    if (!deque_append_item(ts, d, v)) return nullptr;
    return new_none();
  }
  if (i == 0) {
    if (!deque_appendleft_item(ts, d, v)) return nullptr;
    return new_none();
  }
  if (!deque_reserve(ts, d, d->size + 1)) return nullptr;
  if (i < d->size / 2) {
    d->head = (d->head - 1) & (d->capacity - 1);
    ++d->size;
    for (ssize k = 0; k < i; ++k) slot_at(d, k) = slot_at(d, k + 1);
  } else {
    ++d->size;
    for (ssize k = d->size - 1; k > i; --k) slot_at(d, k) = slot_at(d, k - 1);
  }
  slot_at(d, i) = newref(v);
  ++d->state;
  return new_none();
}

Object* deque_remove(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!no_kwargs(ts, "remove", kw) || !check_nargs(ts, "remove", nargs, 1, 1)) return nullptr;
  DequeObject* d = as_deque(self);
  ssize found = -1;
  if (scan(ts, d, args[0], 0, d->size, [&](ssize i) {
        found = i;
        return false;
      }) < 0)
    return nullptr;
  if (found < 0) {
    std::string r;
    if (!repr_text(ts, args[0], &r)) return nullptr;
    return raise(ts, &exc::ValueError, "%s is not in deque", r.c_str());
  }
  decref(deque_take_at(d, found));
  return new_none();
}

Object* deque_reverse(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "reverse", kw) || !check_nargs(ts, "reverse", nargs, 0, 0)) return nullptr;
  DequeObject* d = as_deque(self);
  for (ssize i = 0, j = d->size - 1; i < j; ++i, --j) std::swap(slot_at(d, i), slot_at(d, j));
  return new_none();
}

Object* maxlen_obj(ThreadState* ts, DequeObject* d) {
  return d->maxlen < 0 ? new_none() : int_from(ts, d->maxlen);
}

Object* deque_copy(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "copy", kw) || !check_nargs(ts, "copy", nargs, 0, 0)) return nullptr;
  DequeObject* d = as_deque(self);
  if (self->type == &DequeType) {
    Ref<DequeObject> c = Ref<DequeObject>::steal(alloc<DequeObject>(ts, &DequeType));
    if (!c) return nullptr;
    c->maxlen = d->maxlen;
    if (!deque_reserve(ts, c.get(), d->size)) return nullptr;
    for (ssize i = 0; i < d->size; ++i) c->items[i] = newref(slot_at(d, i));
    c->size = d->size;
    return c.release();
  }
  if (d->maxlen < 0) return call1(ts, self->type, self);
  Ref<> ml = Ref<>::steal(maxlen_obj(ts, d));
  if (!ml) return nullptr;
  return call2(ts, self->type, self, ml.get());
}

Object* deque_iter_new(ThreadState* ts, DequeObject* d, bool reverse) {
  auto* it = alloc<DequeIterObject>(ts, reverse ? &DequeRevIterType : &DequeIterType);
  if (!it) return nullptr;
  it->deque = newref(d);
  it->index = reverse ? d->size - 1 : 0;
  it->counter = d->size;
  it->state = d->state;
  return it;
}

Object* deque_reversed(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                       TupleObject* kw) {
  if (!no_kwargs(ts, "__reversed__", kw) || !check_nargs(ts, "__reversed__", nargs, 0, 0))
    return nullptr;
  return deque_iter_new(ts, as_deque(self), true);
}

Object* deque_reduce(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "__reduce__", kw) || !check_nargs(ts, "__reduce__", nargs, 0, 0))
    return nullptr;
  DequeObject* d = as_deque(self);
  Ref<> state;
  if (Object** slot = instance_dict_slot(self); slot && *slot && length(ts, *slot) > 0)
    state = Ref<>::borrow(*slot);
  else
    state = Ref<>::borrow(none());
  Ref<> it = Ref<>::steal(get_iter(ts, self));
  if (!it) return nullptr;
  Ref<TupleObject> cargs;
  if (d->maxlen < 0) {
    cargs = Ref<TupleObject>::steal(tuple_new(ts, 0));
  } else {
    Ref<TupleObject> empty = Ref<TupleObject>::steal(tuple_new(ts, 0));
    Ref<> ml = Ref<>::steal(int_from(ts, d->maxlen));
    if (!empty || !ml) return nullptr;
    cargs = Ref<TupleObject>::steal(tuple_pack(ts, {empty.get(), ml.get()}));
  }
  if (!cargs) return nullptr;
  return tuple_pack(ts, {self->type, cargs.get(), state.get(), it.get()});
}

Object* deque_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  DequeObject* d = as_deque(self);
  return int_from(ts, static_cast<int64_t>(self->type->basicsize) +
                          d->capacity * static_cast<int64_t>(sizeof(Object*)));
}

Object* deque_class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs,
                            TupleObject*) {
  // deque[int]: a types.GenericAlias when the types module provides one; otherwise the class.
  if (!check_nargs(ts, "__class_getitem__", nargs, 1, 1)) return nullptr;
  return newref(cls);
}

// ---- slots
// ---------------------------------------------------------------------------------------

Object* deque_new(ThreadState* ts, TypeObject* type, Object* const*, size_t, TupleObject*) {
  DequeObject* d = alloc<DequeObject>(ts, type);
  if (!d) return nullptr;
  d->maxlen = -1;
  return d;
}

bool deque_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(ts, "deque", args, nargs, kw, {"iterable", "maxlen"}, 0, a)) return false;
  DequeObject* d = as_deque(self);
  ssize maxlen = -1;
  if (a[1] && !is_none(a[1])) {
    if (!is_int(a[1])) {
      raise(ts, &exc::TypeError, "an integer is required");
      return false;
    }
    if (!int_as_ssize(ts, a[1], &maxlen)) return false;
    if (maxlen < 0) {
      raise(ts, &exc::ValueError, "maxlen must be non-negative");
      return false;
    }
  }
  d->maxlen = maxlen;
  if (d->size > 0) deque_clear_items(d);
  if (a[0]) return extend_impl(ts, d, a[0], false);
  return true;
}

void deque_dealloc(Object* o) {
  deque_clear_items(as_deque(o));
  free_object(o);
}

int deque_traverse(Object* o, visitproc visit, void* arg) {
  DequeObject* d = as_deque(o);
  for (ssize i = 0; i < d->size; ++i)
    if (int r = visit(slot_at(d, i), arg)) return r;
  return 0;
}

void deque_clear_slot(Object* o) { deque_clear_items(as_deque(o)); }

ssize deque_len(ThreadState*, Object* o) { return as_deque(o)->size; }

int deque_bool(ThreadState*, Object* o) { return as_deque(o)->size != 0; }

Object* deque_repr(ThreadState* ts, Object* o) {
  DequeObject* d = as_deque(o);
  int r = repr_enter(ts, o);
  if (r < 0) return nullptr;
  if (r > 0) return str_from(ts, "[...]");
  std::string out;
  {
    Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, o));
    if (!l || !repr_text(ts, l.get(), &out)) {
      repr_leave(ts, o);
      return nullptr;
    }
  }
  repr_leave(ts, o);
  Ref<> name = Ref<>::steal(type_name_obj(ts, o->type));
  if (!name) return nullptr;
  if (d->maxlen < 0) return str_format(ts, "%s(%s)", str_cstr(name.get()), out.c_str());
  return str_format(ts, "%s(%s, maxlen=%zd)", str_cstr(name.get()), out.c_str(), d->maxlen);
}

Object* deque_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_deque(a) || !is_deque(b)) return not_implemented();
  DequeObject* x = as_deque(a);
  DequeObject* y = as_deque(b);
  if (x->size != y->size && (op == CmpOp::EQ || op == CmpOp::NE)) return bool_from(op == CmpOp::NE);
  ssize i = 0;
  for (; i < x->size && i < y->size; ++i) {
    Ref<> xi = Ref<>::borrow(slot_at(x, i));
    Ref<> yi = Ref<>::borrow(slot_at(y, i));
    int r = richcompare_bool(ts, xi.get(), yi.get(), CmpOp::EQ);
    if (r < 0) return nullptr;
    if (r == 0) {
      if (op == CmpOp::EQ) return bool_from(false);
      if (op == CmpOp::NE) return bool_from(true);
      return richcompare(ts, xi.get(), yi.get(), op);
    }
  }
  ssize xs = x->size, ys = y->size;
  bool res = false;
  switch (op) {
    case CmpOp::LT:
      res = xs < ys;
      break;
    case CmpOp::LE:
      res = xs <= ys;
      break;
    case CmpOp::EQ:
      res = xs == ys;
      break;
    case CmpOp::NE:
      res = xs != ys;
      break;
    case CmpOp::GT:
      res = xs > ys;
      break;
    case CmpOp::GE:
      res = xs >= ys;
      break;
  }
  return bool_from(res);
}

bool deque_index_arg(ThreadState* ts, DequeObject* d, Object* key, ssize* out) {
  if (!is_int(key) && !key->type->nb_index) {
    raise(ts, &exc::TypeError, "sequence index must be integer, not '%s'", type_name(key));
    return false;
  }
  ssize i;
  if (!index_as_ssize(ts, key, &i)) return false;
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    raise(ts, &exc::IndexError, "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

Object* deque_getitem(ThreadState* ts, Object* o, Object* key) {
  DequeObject* d = as_deque(o);
  ssize i;
  if (!deque_index_arg(ts, d, key, &i)) return nullptr;
  return newref(slot_at(d, i));
}

bool deque_setitem(ThreadState* ts, Object* o, Object* key, Object* value) {
  DequeObject* d = as_deque(o);
  ssize i;
  if (!deque_index_arg(ts, d, key, &i)) return false;
  if (!value) {
    decref(deque_take_at(d, i));
    return true;
  }
  Object*& slot = slot_at(d, i);
  setref(slot, newref(value));
  return true;
}

int64_t deque_hash(ThreadState* ts, Object* o) {
  const char* name = (o->type->flags & kHeapType) ? type_name(o) : o->type->name;
  raise(ts, &exc::TypeError, "unhashable type: '%s'", name);
  return -1;
}

Object* deque_iter(ThreadState* ts, Object* o) { return deque_iter_new(ts, as_deque(o), false); }

// A copy of d as an exact deque with the same maxlen (for + and *).
DequeObject* deque_dup(ThreadState* ts, DequeObject* d) {
  Ref<> c = Ref<>::steal(deque_copy(ts, d, nullptr, 0, nullptr));
  if (!c) return nullptr;
  if (!is_deque(c.get())) {
    raise(ts, &exc::TypeError, "copy did not return a deque");
    return nullptr;
  }
  return as_deque(c.release());
}

Object* deque_add(ThreadState* ts, Object* a, Object* b) {
  if (!is_deque(a)) return not_implemented();
  if (!is_deque(b)) {
    if ((b->type->flags & kHeapType) && b->type->nb[int(BinOp::Add)]) return not_implemented();
    return raise(ts, &exc::TypeError, "can only concatenate deque (not \"%s\") to deque",
                 type_name(b));
  }
  Ref<DequeObject> c = Ref<DequeObject>::steal(deque_dup(ts, as_deque(a)));
  if (!c || !extend_impl(ts, c.get(), b, false)) return nullptr;
  return c.release();
}

Object* deque_iadd(ThreadState* ts, Object* a, Object* b) {
  if (!extend_impl(ts, as_deque(a), b, false)) return nullptr;
  return newref(a);
}

bool deque_repeat_inplace(ThreadState* ts, DequeObject* d, ssize n) {
  if (n <= 0 || d->size == 0) {
    deque_clear_items(d);
    return true;
  }
  if (n == 1) return true;
  ssize len = d->size;
  // With a maxlen only the last maxlen items of the repetition stay: a shorter repetition of the
  // same phase gives them.
  if (d->maxlen >= 0 && n > d->maxlen / len + 2) n = d->maxlen / len + 2;
  if (n > PTRDIFF_MAX / len) {
    raise_object(ts, &exc::MemoryError);
    return false;
  }
  ssize total = len * n;
  ssize start = len;
  if (d->maxlen >= 0 && total - d->maxlen > len) start = total - d->maxlen;
  std::vector<Object*> snap;
  snap.reserve(static_cast<size_t>(len));
  for (ssize i = 0; i < len; ++i) snap.push_back(newref(slot_at(d, i)));
  bool ok = true;
  for (ssize k = start; ok && k < total; ++k) ok = deque_append_item(ts, d, snap[size_t(k % len)]);
  for (Object* o : snap) decref(o);
  return ok;
}

Object* deque_mul(ThreadState* ts, Object* a, Object* b) {
  Object* dq = a;
  Object* n = b;
  if (!is_deque(a)) {
    dq = b;
    n = a;
  }
  if (!is_deque(dq)) return not_implemented();
  if (!is_int(n) && !n->type->nb_index) return not_implemented();
  ssize count;
  if (!index_as_ssize(ts, n, &count)) return nullptr;
  Ref<DequeObject> c = Ref<DequeObject>::steal(deque_dup(ts, as_deque(dq)));
  if (!c || !deque_repeat_inplace(ts, c.get(), count)) return nullptr;
  return c.release();
}

Object* deque_imul(ThreadState* ts, Object* a, Object* b) {
  if (!is_int(b) && !b->type->nb_index) return not_implemented();
  ssize count;
  if (!index_as_ssize(ts, b, &count)) return nullptr;
  if (!deque_repeat_inplace(ts, as_deque(a), count)) return nullptr;
  return newref(a);
}

Object* deque_get_maxlen(ThreadState* ts, Object* self) { return maxlen_obj(ts, as_deque(self)); }

// ---- iterators
// -----------------------------------------------------------------------------------

void dequeiter_dealloc(Object* o) {
  clearref(static_cast<DequeIterObject*>(o)->deque);
  free_object(o);
}

int dequeiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<DequeIterObject*>(o);
  return it->deque ? visit(it->deque, arg) : 0;
}

Object* dequeiter_self(ThreadState*, Object* o) { return newref(o); }

Object* dequeiter_next_impl(ThreadState* ts, Object* o, bool reverse) {
  auto* it = static_cast<DequeIterObject*>(o);
  DequeObject* d = it->deque;
  if (!d) return nullptr;
  if (d->state != it->state) {
    it->counter = 0;
    return raise(ts, &exc::RuntimeError, "deque mutated during iteration");
  }
  if (it->counter == 0) return nullptr;
  Object* item = slot_at(d, it->index);
  it->index += reverse ? -1 : 1;
  --it->counter;
  return newref(item);
}

Object* dequeiter_next(ThreadState* ts, Object* o) { return dequeiter_next_impl(ts, o, false); }
Object* dequeriter_next(ThreadState* ts, Object* o) { return dequeiter_next_impl(ts, o, true); }

Object* dequeiter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return int_from(ts, static_cast<DequeIterObject*>(self)->counter);
}

const MethodDef kDequeIterMethods[] = {
    {"__length_hint__", dequeiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kDequeMethods[] = {
    {"append", deque_append, 0, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, 0, "Add an element to the left side of the deque."},
    {"pop", deque_pop, 0, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, 0, "Remove and return the leftmost element."},
    {"extend", deque_extend, 0,
     "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, 0,
     "Extend the left side of the deque with elements from the iterable"},
    {"rotate", deque_rotate, 0, "Rotate the deque n steps to the right (default n=1)."},
    {"clear", deque_clear, 0, "Remove all elements from the deque."},
    {"count", deque_count, 0, "D.count(value) -> integer -- return number of occurrences of value"},
    {"index", deque_index, 0, nullptr},
    {"insert", deque_insert, 0, "D.insert(index, object) -- insert object before index"},
    {"remove", deque_remove, 0, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", deque_reverse, 0, "D.reverse() -- reverse *IN PLACE*"},
    {"copy", deque_copy, 0, "Return a shallow copy of a deque."},
    {"__copy__", deque_copy, 0, "Return a shallow copy of a deque."},
    {"__reversed__", deque_reversed, 0,
     "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__reduce__", deque_reduce, 0, "Return state information for pickling."},
    {"__sizeof__", deque_sizeof, 0, nullptr},
    {"__class_getitem__", deque_class_getitem, kMethClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kDequeGetSets[] = {
    {"maxlen", deque_get_maxlen, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject DequeType = [] {
  TypeObject t = stdlib_static_type("collections.deque", sizeof(DequeObject), kBaseType | kHaveGC);
  t.doc =
      "deque([iterable[, maxlen]]) --> deque object\n\n"
      "A list-like sequence optimized for data accesses near its endpoints.";
  t.dealloc = deque_dealloc;
  t.traverse = deque_traverse;
  t.clear = deque_clear_slot;
  t.repr = deque_repr;
  t.richcompare = deque_richcompare;
  t.hash = deque_hash;
  t.iter = deque_iter;
  t.len = deque_len;
  t.boolean = deque_bool;
  t.getitem = deque_getitem;
  t.setitem = deque_setitem;
  t.contains = deque_contains;
  t.nb[int(BinOp::Add)] = deque_add;
  t.nb[int(BinOp::Mul)] = deque_mul;
  t.nb_inplace[int(BinOp::Add)] = deque_iadd;
  t.nb_inplace[int(BinOp::Mul)] = deque_imul;
  t.new_ = deque_new;
  t.init = deque_init;
  t.methods = kDequeMethods;
  t.getsets = kDequeGetSets;
  return t;
}();

TypeObject DequeIterType = [] {
  TypeObject t =
      stdlib_static_type("_collections._deque_iterator", sizeof(DequeIterObject), kHaveGC);
  t.dealloc = dequeiter_dealloc;
  t.traverse = dequeiter_traverse;
  t.iter = dequeiter_self;
  t.iternext = dequeiter_next;
  t.methods = kDequeIterMethods;
  return t;
}();

TypeObject DequeRevIterType = [] {
  TypeObject t =
      stdlib_static_type("_collections._deque_reverse_iterator", sizeof(DequeIterObject), kHaveGC);
  t.dealloc = dequeiter_dealloc;
  t.traverse = dequeiter_traverse;
  t.iter = dequeiter_self;
  t.iternext = dequeriter_next;
  t.methods = kDequeIterMethods;
  return t;
}();

}  // namespace

bool init_collections(ThreadState* ts, ModuleObject* m) {
  if (!ready_stdlib_type(ts, &DequeType) || !ready_stdlib_type(ts, &DequeIterType) ||
      !ready_stdlib_type(ts, &DequeRevIterType))
    return false;
  return module_add(ts, m, "deque", newref(static_cast<Object*>(&DequeType))) &&
         module_add(ts, m, "_deque_iterator", newref(static_cast<Object*>(&DequeIterType))) &&
         module_add(ts, m, "_deque_reverse_iterator",
                    newref(static_cast<Object*>(&DequeRevIterType)));
}

}  // namespace gp
