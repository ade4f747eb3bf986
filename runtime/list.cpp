// list: a growable array of owned references (CPython's over-allocation pattern). Sorting is an
// adaptive, stable natural merge sort in the spirit of timsort: ascending/descending runs are
// found and extended to a minimum length by binary insertion, then merged with a run stack that
// keeps merges balanced. Keys of one homogeneous type (small ints, floats, str, tuples led by
// those) are compared without going through rich comparison.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/containers_internal.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace gp {

namespace {

bool list_resize(ThreadState* ts, ListObject* l, ssize newsize) {
  if (l->capacity >= newsize && newsize >= (l->capacity >> 1)) {
    l->size = newsize;
    return true;
  }
  size_t alloc_n = static_cast<size_t>(newsize) + (static_cast<size_t>(newsize) >> 3) + 6;
  alloc_n &= ~size_t(3);
  if (newsize == 0) alloc_n = 0;
  if (alloc_n > static_cast<size_t>(PTRDIFF_MAX) / sizeof(Object*)) {
    raise_with(ts, &exc::MemoryError, nullptr);
    return false;
  }
  Object** items;
  if (alloc_n == 0) {
    free(l->items);
    items = nullptr;
  } else {
    items = static_cast<Object**>(realloc(l->items, alloc_n * sizeof(Object*)));
    if (!items) {
      raise_with(ts, &exc::MemoryError, nullptr);
      return false;
    }
  }
  l->items = items;
  l->size = newsize;
  l->capacity = static_cast<ssize>(alloc_n);
  return true;
}

bool list_reserve(ThreadState* ts, ListObject* l, ssize n) {
  if (l->capacity >= n) return true;
  auto* items = static_cast<Object**>(realloc(l->items, n * sizeof(Object*)));
  if (!items) {
    raise_with(ts, &exc::MemoryError, nullptr);
    return false;
  }
  l->items = items;
  l->capacity = n;
  return true;
}

// Drops all items (decref'ing after the list is consistent).
void list_clear_items(ListObject* l) {
  Object** items = l->items;
  if (!items) return;  // as CPython: an empty list, or one being sorted, is left as it is
  ssize n = l->size;
  l->items = nullptr;
  l->size = 0;
  l->capacity = 0;
  if (items) {
    while (--n >= 0) xdecref(items[n]);
    free(items);
  }
}

void list_dealloc(Object* o) {
  list_clear_items(static_cast<ListObject*>(o));
  free_object(o);
}

int list_traverse(Object* o, visitproc visit, void* arg) {
  auto* l = static_cast<ListObject*>(o);
  for (ssize i = 0; i < l->size; ++i)
    if (l->items[i]) {
      int r = visit(l->items[i], arg);
      if (r) return r;
    }
  return 0;
}

void list_clear_slot(Object* o) { list_clear_items(static_cast<ListObject*>(o)); }

Object* list_repr(ThreadState* ts, Object* o) {
  auto* l = static_cast<ListObject*>(o);
  if (l->size == 0) return str_from(ts, "[]");
  int r = repr_enter(ts, o);
  if (r < 0) return nullptr;
  if (r > 0) return str_from(ts, "[...]");
  std::string out = "[";
  for (ssize i = 0; i < l->size; ++i) {
    if (i) out += ", ";
    Ref<> item = Ref<>::borrow(l->items[i]);
    std::string piece;
    if (!repr_text(ts, item.get(), &piece)) {
      repr_leave(ts, o);
      return nullptr;
    }
    out += piece;
  }
  out += ']';
  repr_leave(ts, o);
  return str_from(ts, out);
}

ssize list_len(ThreadState*, Object* o) { return static_cast<ListObject*>(o)->size; }

int list_contains(ThreadState* ts, Object* o, Object* item) {
  auto* l = static_cast<ListObject*>(o);
  for (ssize i = 0; i < l->size; ++i) {
    Ref<> x = Ref<>::borrow(l->items[i]);
    int r = richcompare_bool(ts, x.get(), item, CmpOp::EQ);
    if (r != 0) return r;
  }
  return 0;
}

Object* list_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_list(a) || !is_list(b)) return not_implemented();
  auto* x = static_cast<ListObject*>(a);
  auto* y = static_cast<ListObject*>(b);
  if (x->size != y->size && (op == CmpOp::EQ || op == CmpOp::NE)) return bool_from(op == CmpOp::NE);
  ssize i = 0;
  for (; i < x->size && i < y->size; ++i) {
    Ref<> v = Ref<>::borrow(x->items[i]);
    Ref<> w = Ref<>::borrow(y->items[i]);
    int eq = richcompare_bool(ts, v.get(), w.get(), CmpOp::EQ);
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= x->size || i >= y->size) {
    return bool_from(compare_sizes(x->size, y->size, op));
  }
  if (op == CmpOp::EQ) return bool_from(false);
  if (op == CmpOp::NE) return bool_from(true);
  Ref<> v = Ref<>::borrow(x->items[i]);
  Ref<> w = Ref<>::borrow(y->items[i]);
  return richcompare(ts, v.get(), w.get(), op);
}

// Index argument → ssize; IndexError for huge ints (as CPython's "cannot fit").
bool get_index(ThreadState* ts, Object* key, ssize* out) {
  if (is_int(key) && int_is_small(key)) {
    *out = static_cast<IntObject*>(key)->value;
    return true;
  }
  if (!index_as_ssize(ts, key, out)) {
    if (exc_matches(ts, &exc::OverflowError)) {
      clear_exc(ts);
      raise(ts, &exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key));
    }
    return false;
  }
  return true;
}

// Replaces l[lo:hi] with the n items of v (borrowed; nullptr/0 deletes).
bool list_ass_slice(ThreadState* ts, ListObject* l, ssize lo, ssize hi, Object* const* v, ssize n) {
  if (lo < 0) lo = 0;
  if (lo > l->size) lo = l->size;
  if (hi < lo) hi = lo;
  if (hi > l->size) hi = l->size;
  ssize d = n - (hi - lo);
  std::vector<Object*> recycle(l->items + lo, l->items + hi);
  ssize oldsize = l->size;
  if (d < 0) {
    memmove(l->items + hi + d, l->items + hi, (oldsize - hi) * sizeof(Object*));
    if (!list_resize(ts, l, oldsize + d)) return false;  // shrinking never fails in practice
  } else if (d > 0) {
    if (!list_resize(ts, l, oldsize + d)) return false;
    memmove(l->items + hi + d, l->items + hi, (oldsize - hi) * sizeof(Object*));
  }
  for (ssize k = 0; k < n; ++k) l->items[lo + k] = newref(v[k]);
  for (Object* o : recycle) xdecref(o);
  return true;
}

Object* list_subscript(ThreadState* ts, Object* o, Object* key) {
  auto* l = static_cast<ListObject*>(o);
  if (is_int(key) || (!is_slice(key) && key->type->nb_index)) {
    ssize i;
    if (!get_index(ts, key, &i)) return nullptr;
    if (!seq_index(&i, l->size)) return raise(ts, &exc::IndexError, "list index out of range");
    return newref(l->items[i]);
  }
  if (is_slice(key)) {
    ssize start, stop, step, n;
    if (!slice_indices(ts, key, l->size, &start, &stop, &step, &n)) return nullptr;
    if (step == 1) return list_slice(ts, l, start, start + n);
    ListObject* r = list_new(ts, n);
    if (!r) return nullptr;
    for (ssize k = 0, j = start; k < n; ++k, j += step) r->items[k] = newref(l->items[j]);
    r->size = n;
    return r;
  }
  return raise(ts, &exc::TypeError, "list indices must be integers or slices, not %s",
               type_name(key));
}

bool list_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  auto* l = static_cast<ListObject*>(o);
  if (is_int(key) || (!is_slice(key) && key->type->nb_index)) {
    ssize i;
    if (!get_index(ts, key, &i)) return false;
    if (!seq_index(&i, l->size)) {
      raise(ts, &exc::IndexError, "list assignment index out of range");
      return false;
    }
    if (value) {
      setref(l->items[i], newref(value));
      return true;
    }
    return list_ass_slice(ts, l, i, i + 1, nullptr, 0);
  }
  if (!is_slice(key)) {
    raise(ts, &exc::TypeError, "list indices must be integers or slices, not %s", type_name(key));
    return false;
  }
  ssize start, stop, step, n;
  if (!slice_indices(ts, key, l->size, &start, &stop, &step, &n)) return false;
  if (step == 1) {
    if (!value) return list_ass_slice(ts, l, start, start + n, nullptr, 0);
    Ref<ListObject> seq;
    if (value == o || !(is_list(value) || is_tuple(value))) {
      seq = Ref<ListObject>::steal(list_from_iterable(ts, value));
      if (!seq) {
        if (exc_matches(ts, &exc::TypeError) && !value->type->iter && !value->type->getitem) {
          clear_exc(ts);
          raise(ts, &exc::TypeError, "can only assign an iterable");
        }
        return false;
      }
      return list_ass_slice(ts, l, start, start + n, seq->items, seq->size);
    }
    if (is_tuple(value))
      return list_ass_slice(ts, l, start, start + n, static_cast<TupleObject*>(value)->items,
                            tuple_size(value));
    Ref<ListObject> copy = Ref<ListObject>::steal(
        list_from_array(ts, static_cast<ListObject*>(value)->items, list_size(value)));
    if (!copy) return false;
    return list_ass_slice(ts, l, start, start + n, copy->items, copy->size);
  }
  if (!value) {
    // Extended delete: compact the survivors.
    if (n <= 0) return true;
    if (step < 0) {
      start = start + step * (n - 1);
      step = -step;
    }
    std::vector<Object*> garbage;
    garbage.reserve(n);
    ssize w = start;
    for (ssize r = start, k = 0; r < l->size; ++r) {
      if (k < n && r == start + k * step) {
        garbage.push_back(l->items[r]);
        ++k;
      } else {
        l->items[w++] = l->items[r];
      }
    }
    list_resize(ts, l, l->size - n);
    for (Object* g : garbage) decref(g);
    return true;
  }
  Ref<ListObject> seq = Ref<ListObject>::steal(list_from_iterable(ts, value));
  if (!seq) {
    if (exc_matches(ts, &exc::TypeError) && !value->type->iter && !value->type->getitem) {
      clear_exc(ts);
      raise(ts, &exc::TypeError, "must assign iterable to extended slice");
    }
    return false;
  }
  if (seq->size != n) {
    raise(ts, &exc::ValueError,
          "attempt to assign sequence of size %zd to extended slice of size %zd", seq->size, n);
    return false;
  }
  std::vector<Object*> garbage;
  garbage.reserve(n);
  for (ssize k = 0, j = start; k < n; ++k, j += step) {
    garbage.push_back(l->items[j]);
    l->items[j] = newref(seq->items[k]);
  }
  for (Object* g : garbage) decref(g);
  return true;
}

Object* list_iter(ThreadState* ts, Object* o) {
  auto* it = alloc<ListIterObject>(ts, &ListIterType);
  if (!it) return nullptr;
  it->seq = newref(static_cast<ListObject*>(o));
  it->index = 0;
  return it;
}

Object* list_repeat(ThreadState* ts, ListObject* l, ssize n) {
  if (n < 0) n = 0;
  if (l->size && n > PTRDIFF_MAX / 16 / l->size) return raise_with(ts, &exc::MemoryError, nullptr);
  ssize total = l->size * n;
  ListObject* r = list_new(ts, total);
  if (!r) return nullptr;
  if (l->size == 1) {
    Object* x = l->items[0];
    for (ssize k = 0; k < total; ++k) r->items[k] = newref(x);
  } else {
    ssize k = 0;
    for (ssize j = 0; j < n; ++j)
      for (ssize i = 0; i < l->size; ++i) r->items[k++] = newref(l->items[i]);
  }
  r->size = total;
  return r;
}

Object* list_add(ThreadState* ts, Object* a, Object* b) {
  if (!is_list(a)) return not_implemented();
  if (!is_list(b)) {
    binaryfunc other = b->type->nb[int(BinOp::Add)];
    if (other && other != a->type->nb[int(BinOp::Add)]) {
      Object* r = other(ts, a, b);
      if (r != not_implemented()) return r;
    }
    return raise(ts, &exc::TypeError, "can only concatenate list (not \"%s\") to list",
                 type_name(b));
  }
  auto* x = static_cast<ListObject*>(a);
  auto* y = static_cast<ListObject*>(b);
  ListObject* r = list_new(ts, x->size + y->size);
  if (!r) return nullptr;
  for (ssize i = 0; i < x->size; ++i) r->items[i] = newref(x->items[i]);
  for (ssize i = 0; i < y->size; ++i) r->items[x->size + i] = newref(y->items[i]);
  r->size = x->size + y->size;
  return r;
}

bool repeat_count(ThreadState* ts, Object* count, ssize* n) {
  if (!index_as_ssize(ts, count, n)) {
    if (exc_matches(ts, &exc::OverflowError)) {
      clear_exc(ts);
      raise(ts, &exc::OverflowError, "cannot fit '%s' into an index-sized integer",
            type_name(count));
    }
    return false;
  }
  return true;
}

Object* list_mul(ThreadState* ts, Object* a, Object* b) {
  Object* seq = is_list(a) ? a : b;
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
  if (!repeat_count(ts, count, &n)) return nullptr;
  return list_repeat(ts, static_cast<ListObject*>(seq), n);
}

Object* list_iadd(ThreadState* ts, Object* a, Object* b) {
  if (!list_extend(ts, static_cast<ListObject*>(a), b)) return nullptr;
  return newref(a);
}

Object* list_imul(ThreadState* ts, Object* a, Object* b) {
  if (!b->type->nb_index)
    return raise(ts, &exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                 type_name(b));
  ssize n;
  if (!repeat_count(ts, b, &n)) return nullptr;
  auto* l = static_cast<ListObject*>(a);
  if (n <= 0 || l->size == 0) {
    list_clear_items(l);
    return newref(a);
  }
  if (n == 1) return newref(a);
  ssize size = l->size;
  if (size > PTRDIFF_MAX / 16 / n) return raise_with(ts, &exc::MemoryError, nullptr);
  if (!list_reserve(ts, l, size * n)) return nullptr;
  for (ssize j = 1; j < n; ++j)
    for (ssize i = 0; i < size; ++i) l->items[j * size + i] = newref(l->items[i]);
  l->size = size * n;
  return newref(a);
}

Object* list_new_slot(ThreadState* ts, TypeObject* type, Object* const*, size_t, TupleObject*) {
  return alloc<ListObject>(ts, type);
}

bool list_init_slot(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  if (kwnames && tuple_size(kwnames) && self->type == &ListType) {
    raise(ts, &exc::TypeError, "list() takes no keyword arguments");
    return false;
  }
  if (nargs > 1) {
    raise(ts, &exc::TypeError, "list expected at most 1 argument, got %zu", nargs);
    return false;
  }
  auto* l = static_cast<ListObject*>(self);
  if (l->size) list_clear_items(l);
  if (nargs == 1) return list_extend(ts, l, args[0]);
  return true;
}

// ---- methods ----

Object* m_append(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (!no_kwargs(ts, "list.append", kwnames) || !check_nargs(ts, "list.append", nargs, 1, 1))
    return nullptr;
  if (!list_append(ts, static_cast<ListObject*>(self), args[0])) return nullptr;
  return new_none();
}

Object* m_extend(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (!no_kwargs(ts, "list.extend", kwnames) || !check_nargs(ts, "list.extend", nargs, 1, 1))
    return nullptr;
  if (!list_extend(ts, static_cast<ListObject*>(self), args[0])) return nullptr;
  return new_none();
}

Object* m_insert(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (!no_kwargs(ts, "insert", kwnames) || !check_nargs(ts, "insert", nargs, 2, 2)) return nullptr;
  ssize i;
  if (!index_as_ssize(ts, args[0], &i)) {
    if (!exc_matches(ts, &exc::OverflowError)) return nullptr;
    clear_exc(ts);
    i = int_sign(args[0]) < 0 ? -PTRDIFF_MAX : PTRDIFF_MAX;
  }
  if (!list_insert(ts, static_cast<ListObject*>(self), i, args[1])) return nullptr;
  return new_none();
}

Object* m_remove(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (!no_kwargs(ts, "list.remove", kwnames) || !check_nargs(ts, "list.remove", nargs, 1, 1))
    return nullptr;
  auto* l = static_cast<ListObject*>(self);
  for (ssize i = 0; i < l->size; ++i) {
    Ref<> x = Ref<>::borrow(l->items[i]);
    int r = richcompare_bool(ts, x.get(), args[0], CmpOp::EQ);
    if (r < 0) return nullptr;
    if (r) {
      if (i >= l->size) break;
      if (!list_ass_slice(ts, l, i, i + 1, nullptr, 0)) return nullptr;
      return new_none();
    }
  }
  return raise(ts, &exc::ValueError, "list.remove(x): x not in list");
}

Object* m_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
              TupleObject* kwnames) {
  if (!no_kwargs(ts, "pop", kwnames) || !check_nargs(ts, "pop", nargs, 0, 1)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  ssize i = -1;
  if (nargs == 1 && !get_index(ts, args[0], &i)) return nullptr;
  if (l->size == 0) return raise(ts, &exc::IndexError, "pop from empty list");
  if (!seq_index(&i, l->size)) return raise(ts, &exc::IndexError, "pop index out of range");
  Object* v = l->items[i];
  if (i == l->size - 1) {
    list_resize(ts, l, l->size - 1);
    return v;
  }
  memmove(l->items + i, l->items + i + 1, (l->size - i - 1) * sizeof(Object*));
  list_resize(ts, l, l->size - 1);
  return v;
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

Object* m_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  if (!no_kwargs(ts, "index", kwnames) || !check_nargs(ts, "index", nargs, 1, 3)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !clamp_index_arg(ts, args[1], l->size, &start)) return nullptr;
  if (nargs > 2 && !clamp_index_arg(ts, args[2], l->size, &stop)) return nullptr;
  for (ssize i = start; i < stop && i < l->size; ++i) {
    Ref<> x = Ref<>::borrow(l->items[i]);
    int r = richcompare_bool(ts, x.get(), args[0], CmpOp::EQ);
    if (r < 0) return nullptr;
    if (r) return int_from(ts, i);
  }
  std::string text;
  if (!repr_text(ts, args[0], &text)) return nullptr;
  return raise(ts, &exc::ValueError, "%s is not in list", text.c_str());
}

Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  if (!no_kwargs(ts, "list.count", kwnames) || !check_nargs(ts, "list.count", nargs, 1, 1))
    return nullptr;
  auto* l = static_cast<ListObject*>(self);
  ssize n = 0;
  for (ssize i = 0; i < l->size; ++i) {
    Ref<> x = Ref<>::borrow(l->items[i]);
    int r = richcompare_bool(ts, x.get(), args[0], CmpOp::EQ);
    if (r < 0) return nullptr;
    n += r;
  }
  return int_from(ts, n);
}

Object* m_sort(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
               TupleObject* kwnames) {
  if (nargs) return raise(ts, &exc::TypeError, "sort() takes no positional arguments");
  Object* key = nullptr;
  Object* rev = nullptr;
  if (kwnames) {
    for (ssize i = 0; i < kwnames->size; ++i) {
      Object* name = kwnames->items[i];
      if (str_eq(name, "key"))
        key = args[i];
      else if (str_eq(name, "reverse"))
        rev = args[i];
      else
        return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for sort()",
                     str_cstr(name));
    }
  }
  if (key && is_none(key)) key = nullptr;
  bool reverse = false;
  if (rev) {
    if (is_float(rev))
      return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
    int t = truthy(ts, rev);
    if (t < 0) return nullptr;
    reverse = t;
  }
  if (!list_sort(ts, static_cast<ListObject*>(self), key, reverse)) return nullptr;
  return new_none();
}

Object* m_reverse(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "list.reverse", nargs, 0, 0)) return nullptr;
  list_reverse(static_cast<ListObject*>(self));
  return new_none();
}
Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "list.copy", nargs, 0, 0)) return nullptr;
  auto* l = static_cast<ListObject*>(self);
  return list_from_array(ts, l->items, l->size);
}
Object* m_clear(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "list.clear", nargs, 0, 0)) return nullptr;
  list_clear_items(static_cast<ListObject*>(self));
  return new_none();
}
Object* m_reversed(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  auto* it = alloc<ListIterObject>(ts, &ListRevIterType);
  if (!it) return nullptr;
  it->seq = newref(static_cast<ListObject*>(self));
  it->index = it->seq->size - 1;
  return it;
}
Object* m_getitem(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "list.__getitem__", nargs, 1, 1)) return nullptr;
  return list_subscript(ts, self, args[0]);
}
Object* m_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* l = static_cast<ListObject*>(self);
  return int_from(ts, static_cast<int64_t>(40 + l->capacity * sizeof(Object*)));
}

const MethodDef list_methods[] = {
    {"__getitem__", m_getitem, 0, nullptr},
    {"__reversed__", m_reversed, 0, "Return a reverse iterator over the list."},
    {"__sizeof__", m_sizeof, 0, nullptr},
    {"append", m_append, 0, "Append object to the end of the list."},
    {"extend", m_extend, 0, "Extend list by appending elements from the iterable."},
    {"insert", m_insert, 0, "Insert object before index."},
    {"remove", m_remove, 0, "Remove first occurrence of value."},
    {"pop", m_pop, 0, "Remove and return item at index (default last)."},
    {"index", m_index, 0, "Return first index of value."},
    {"count", m_count, 0, "Return number of occurrences of value."},
    {"sort", m_sort, 0, "Sort the list in ascending order and return None."},
    {"reverse", m_reverse, 0, "Reverse *IN PLACE*."},
    {"copy", m_copy, 0, "Return a shallow copy of the list."},
    {"clear", m_clear, 0, "Remove all items from list."},
    {nullptr, nullptr, 0, nullptr},
};

// ---- iterators ----
void listiter_dealloc(Object* o) {
  xdecref(static_cast<ListIterObject*>(o)->seq);
  free_object(o);
}
int listiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<ListIterObject*>(o);
  return it->seq ? visit(it->seq, arg) : 0;
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* listiter_next(ThreadState*, Object* o) {
  auto* it = static_cast<ListIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < it->seq->size) return newref(it->seq->items[it->index++]);
  clearref(it->seq);
  return nullptr;
}
Object* listreviter_next(ThreadState*, Object* o) {
  auto* it = static_cast<ListIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index >= 0 && it->index < it->seq->size) return newref(it->seq->items[it->index--]);
  it->index = -1;
  clearref(it->seq);
  return nullptr;
}
Object* listiter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* it = static_cast<ListIterObject*>(self);
  ssize n = it->seq ? it->seq->size - it->index : 0;
  return int_from(ts, n < 0 ? 0 : n);
}
Object* listreviter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t,
                                TupleObject*) {
  auto* it = static_cast<ListIterObject*>(self);
  ssize n = it->seq && it->index < it->seq->size ? it->index + 1 : 0;
  return int_from(ts, n);
}
const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
const MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- sorting ----

enum class KeyKind { Generic, SmallInt, Float, Str, Tuple };

KeyKind kind_of(Object* o) {
  if (o->type == &IntType && int_is_small(o)) return KeyKind::SmallInt;
  if (o->type == &FloatType) return KeyKind::Float;
  if (o->type == &StrType) return KeyKind::Str;
  if (o->type == &TupleType && tuple_size(o) > 0) return KeyKind::Tuple;
  return KeyKind::Generic;
}

struct Less {
  ThreadState* ts;
  KeyKind kind;
  KeyKind first_kind;  // for Tuple: kind of the first elements
  bool failed = false;

  static bool fast_lt(KeyKind k, Object* a, Object* b) {
    switch (k) {
      case KeyKind::SmallInt:
        return static_cast<IntObject*>(a)->value < static_cast<IntObject*>(b)->value;
      case KeyKind::Float:
        return float_value(a) < float_value(b);
      case KeyKind::Str: {
        std::string_view x = str_view(a), y = str_view(b);
        return x < y;
      }
      default:
        return false;
    }
  }
  static bool fast_eq(KeyKind k, Object* a, Object* b) {
    switch (k) {
      case KeyKind::SmallInt:
        return static_cast<IntObject*>(a)->value == static_cast<IntObject*>(b)->value;
      case KeyKind::Float:
        return float_value(a) == float_value(b);
      case KeyKind::Str:
        return a == b || str_view(a) == str_view(b);
      default:
        return false;
    }
  }

  // a < b for tuples whose first items are equal: the first differing item decides.
  bool tuple_rest_lt(Object* a, Object* b) {
    ssize na = tuple_size(a), nb = tuple_size(b);
    ssize n = na < nb ? na : nb;
    for (ssize i = 1; i < n; ++i) {
      Object* x = tuple_item(a, i);
      Object* y = tuple_item(b, i);
      if (x == y) continue;
      KeyKind k = kind_of(x);
      if (k != KeyKind::Generic && k != KeyKind::Tuple && k == kind_of(y)) {
        if (fast_eq(k, x, y)) continue;
        return fast_lt(k, x, y);
      }
      int eq = richcompare_bool(ts, x, y, CmpOp::EQ);
      if (eq < 0) {
        failed = true;
        return false;
      }
      if (eq) continue;
      int r = richcompare_bool(ts, x, y, CmpOp::LT);
      if (r < 0) {
        failed = true;
        return false;
      }
      return r;
    }
    return na < nb;
  }

  bool operator()(Object* a, Object* b) {
    if (failed) return false;
    switch (kind) {
      case KeyKind::SmallInt:
      case KeyKind::Float:
      case KeyKind::Str:
        return fast_lt(kind, a, b);
      case KeyKind::Tuple: {
        Object* x = tuple_item(a, 0);
        Object* y = tuple_item(b, 0);
        if (!fast_eq(first_kind, x, y)) return fast_lt(first_kind, x, y);
        return tuple_rest_lt(a, b);
      }
      default:
        break;
    }
    int r = richcompare_bool(ts, a, b, CmpOp::LT);
    if (r < 0) {
      failed = true;
      return false;
    }
    return r;
  }
};

void choose_kind(Object* const* keys, ssize n, Less* less) {
  less->kind = KeyKind::Generic;
  if (n < 2) return;
  KeyKind k = kind_of(keys[0]);
  if (k == KeyKind::Generic) return;
  for (ssize i = 1; i < n; ++i)
    if (kind_of(keys[i]) != k) return;
  if (k == KeyKind::Tuple) {
    KeyKind f = kind_of(tuple_item(keys[0], 0));
    if (f == KeyKind::Generic || f == KeyKind::Tuple) return;
    for (ssize i = 1; i < n; ++i)
      if (kind_of(tuple_item(keys[i], 0)) != f) return;
    less->first_kind = f;
  }
  less->kind = k;
}

// Sorts keys[0..n) and mirrors every move in values (when non-null).
class MergeSorter {
 public:
  MergeSorter(Object** keys, Object** values, ssize n, Less* less)
      : keys_(keys), values_(values), n_(n), less_(less) {}

  void sort() {
    if (n_ < 2) return;
    ssize minrun = compute_minrun(n_);
    ssize lo = 0;
    while (lo < n_) {
      ssize run = count_run(lo);
      if (run < minrun) {
        ssize force = std::min(minrun, n_ - lo);
        binary_insertion(lo, lo + force, lo + run);
        run = force;
      }
      runs_.push_back({lo, run});
      merge_collapse();
      lo += run;
    }
    while (runs_.size() > 1) {
      size_t i = runs_.size() - 2;
      if (i > 0 && runs_[i - 1].len < runs_[i + 1].len) --i;
      merge_at(i);
    }
  }

 private:
  struct Run {
    ssize base, len;
  };

  static ssize compute_minrun(ssize n) {
    ssize r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  void swap_at(ssize i, ssize j) {
    std::swap(keys_[i], keys_[j]);
    if (values_) std::swap(values_[i], values_[j]);
  }

  void reverse_range(ssize lo, ssize hi) {  // [lo, hi)
    --hi;
    while (lo < hi) swap_at(lo++, hi--);
  }

  // Length of the run starting at lo; a strictly descending run is reversed in place.
  ssize count_run(ssize lo) {
    ssize hi = lo + 1;
    if (hi == n_) return 1;
    if ((*less_)(keys_[hi], keys_[lo])) {
      ++hi;
      while (hi < n_ && (*less_)(keys_[hi], keys_[hi - 1])) ++hi;
      reverse_range(lo, hi);
    } else {
      ++hi;
      while (hi < n_ && !(*less_)(keys_[hi], keys_[hi - 1])) ++hi;
    }
    return hi - lo;
  }

  // [lo, start) is sorted; inserts [start, hi) one by one.
  void binary_insertion(ssize lo, ssize hi, ssize start) {
    for (; start < hi; ++start) {
      Object* pivot = keys_[start];
      Object* pv = values_ ? values_[start] : nullptr;
      ssize l = lo, r = start;
      while (l < r) {
        ssize m = l + ((r - l) >> 1);
        if ((*less_)(pivot, keys_[m]))
          r = m;
        else
          l = m + 1;
      }
      for (ssize p = start; p > l; --p) {
        keys_[p] = keys_[p - 1];
        if (values_) values_[p] = values_[p - 1];
      }
      keys_[l] = pivot;
      if (values_) values_[l] = pv;
    }
  }

  void merge_collapse() {
    while (runs_.size() > 1) {
      size_t n = runs_.size() - 2;
      if ((n > 0 && runs_[n - 1].len <= runs_[n].len + runs_[n + 1].len) ||
          (n > 1 && runs_[n - 2].len <= runs_[n - 1].len + runs_[n].len)) {
        if (runs_[n - 1].len < runs_[n + 1].len) --n;
        merge_at(n);
      } else if (runs_[n].len <= runs_[n + 1].len) {
        merge_at(n);
      } else {
        break;
      }
    }
  }

  // First position in [lo, hi) whose key is > x (after equal ones): upper bound.
  ssize upper_bound(ssize lo, ssize hi, Object* x) {
    while (lo < hi) {
      ssize m = lo + ((hi - lo) >> 1);
      if ((*less_)(x, keys_[m]))
        hi = m;
      else
        lo = m + 1;
    }
    return lo;
  }
  // First position in [lo, hi) whose key is >= x: lower bound.
  ssize lower_bound(ssize lo, ssize hi, Object* x) {
    while (lo < hi) {
      ssize m = lo + ((hi - lo) >> 1);
      if ((*less_)(keys_[m], x))
        lo = m + 1;
      else
        hi = m;
    }
    return lo;
  }

  void merge_at(size_t i) {
    ssize a = runs_[i].base, na = runs_[i].len;
    ssize b = runs_[i + 1].base, nb = runs_[i + 1].len;
    runs_[i].len = na + nb;
    runs_.erase(runs_.begin() + i + 1);
    // Elements of run A already <= B[0] stay; elements of B >= A[last] stay.
    ssize k = upper_bound(a, a + na, keys_[b]);
    na -= k - a;
    a = k;
    if (na == 0) return;
    nb = lower_bound(b, b + nb, keys_[a + na - 1]) - b;
    if (nb == 0) return;
    if (na <= nb)
      merge_lo(a, na, b, nb);
    else
      merge_hi(a, na, b, nb);
  }

  void merge_lo(ssize a, ssize na, ssize b, ssize nb) {
    tmpk_.assign(keys_ + a, keys_ + a + na);
    if (values_) tmpv_.assign(values_ + a, values_ + a + na);
    ssize i = 0, j = b, dest = a, jend = b + nb;
    while (i < na && j < jend) {
      if ((*less_)(keys_[j], tmpk_[i])) {
        keys_[dest] = keys_[j];
        if (values_) values_[dest] = values_[j];
        ++j;
      } else {
        keys_[dest] = tmpk_[i];
        if (values_) values_[dest] = tmpv_[i];
        ++i;
      }
      ++dest;
    }
    while (i < na) {
      keys_[dest] = tmpk_[i];
      if (values_) values_[dest] = tmpv_[i];
      ++i;
      ++dest;
    }
  }

  void merge_hi(ssize a, ssize na, ssize b, ssize nb) {
    tmpk_.assign(keys_ + b, keys_ + b + nb);
    if (values_) tmpv_.assign(values_ + b, values_ + b + nb);
    ssize i = a + na - 1, j = nb - 1, dest = b + nb - 1;
    while (i >= a && j >= 0) {
      if ((*less_)(tmpk_[j], keys_[i])) {
        keys_[dest] = keys_[i];
        if (values_) values_[dest] = values_[i];
        --i;
      } else {
        keys_[dest] = tmpk_[j];
        if (values_) values_[dest] = tmpv_[j];
        --j;
      }
      --dest;
    }
    while (j >= 0) {
      keys_[dest] = tmpk_[j];
      if (values_) values_[dest] = tmpv_[j];
      --j;
      --dest;
    }
  }

  Object** keys_;
  Object** values_;
  ssize n_;
  Less* less_;
  std::vector<Run> runs_;
  std::vector<Object*> tmpk_, tmpv_;
};

}  // namespace

// ---- types ----

TypeObject ListType = [] {
  TypeObject t = make_static_type("list", sizeof(ListObject), kBaseType | kHaveGC | kListSubclass);
  t.doc =
      "Built-in mutable sequence.\n\n"
      "If no argument is given, the constructor creates a new empty list.\n"
      "The argument must be an iterable if specified.";
  t.dealloc = list_dealloc;
  t.traverse = list_traverse;
  t.clear = list_clear_slot;
  t.repr = list_repr;
  t.richcompare = list_richcompare;
  t.iter = list_iter;
  t.len = list_len;
  t.getitem = list_subscript;
  t.setitem = list_ass_subscript;
  t.contains = list_contains;
  t.nb[int(BinOp::Add)] = list_add;
  t.nb[int(BinOp::Mul)] = list_mul;
  t.nb_inplace[int(BinOp::Add)] = list_iadd;
  t.nb_inplace[int(BinOp::Mul)] = list_imul;
  t.new_ = list_new_slot;
  t.init = list_init_slot;
  t.methods = list_methods;
  return t;
}();

TypeObject ListIterType = [] {
  TypeObject t = make_static_type("list_iterator", sizeof(ListIterObject), kHaveGC);
  t.dealloc = listiter_dealloc;
  t.traverse = listiter_traverse;
  t.iter = self_iter;
  t.iternext = listiter_next;
  t.methods = listiter_methods;
  return t;
}();

TypeObject ListRevIterType = [] {
  TypeObject t = make_static_type("list_reverseiterator", sizeof(ListIterObject), kHaveGC);
  t.dealloc = listiter_dealloc;
  t.traverse = listiter_traverse;
  t.iter = self_iter;
  t.iternext = listreviter_next;
  t.methods = listreviter_methods;
  return t;
}();

// ---- public API ----

ListObject* list_new(ThreadState* ts, ssize reserve) {
  auto* l = alloc<ListObject>(ts, &ListType);
  if (!l) return nullptr;
  if (reserve > 0 && !list_reserve(ts, l, reserve)) {
    decref(l);
    return nullptr;
  }
  return l;
}

ListObject* list_from_array(ThreadState* ts, Object* const* items, ssize n) {
  ListObject* l = list_new(ts, n);
  if (!l) return nullptr;
  for (ssize i = 0; i < n; ++i) l->items[i] = newref(items[i]);
  l->size = n;
  return l;
}

bool list_append(ThreadState* ts, ListObject* l, Object* item) {
  ssize n = l->size;
  if (n < l->capacity) {
    l->items[n] = newref(item);
    l->size = n + 1;
    return true;
  }
  if (!list_resize(ts, l, n + 1)) return false;
  l->items[n] = newref(item);
  return true;
}

bool list_insert(ThreadState* ts, ListObject* l, ssize where, Object* item) {
  ssize n = l->size;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (!list_resize(ts, l, n + 1)) return false;
  memmove(l->items + where + 1, l->items + where, (n - where) * sizeof(Object*));
  l->items[where] = newref(item);
  return true;
}

bool list_extend(ThreadState* ts, ListObject* l, Object* iterable) {
  if (is_list(iterable) || is_tuple(iterable)) {
    ssize n = is_list(iterable) ? list_size(iterable) : tuple_size(iterable);
    Object* const* src = is_list(iterable) ? static_cast<ListObject*>(iterable)->items
                                           : static_cast<TupleObject*>(iterable)->items;
    if (n == 0) return true;
    ssize m = l->size;
    if (!list_reserve(ts, l, m + n)) return false;
    if (iterable == l) src = l->items;  // l.extend(l)
    for (ssize i = 0; i < n; ++i) l->items[m + i] = newref(src[i]);
    l->size = m + n;
    return true;
  }
  Ref<> it = Ref<>::steal(get_iter(ts, iterable));
  if (!it) return false;
  unaryfunc next = it->type->iternext;
  for (;;) {
    Object* item = next ? next(ts, it.get()) : iter_next(ts, it.get());
    if (!item) {
      if (exc_occurred(ts)) {
        if (!exc_matches(ts, &exc::StopIteration)) return false;
        clear_exc(ts);
      }
      return true;
    }
    if (l->size < l->capacity) {
      l->items[l->size++] = item;
    } else {
      if (!list_resize(ts, l, l->size + 1)) {
        decref(item);
        return false;
      }
      l->items[l->size - 1] = item;
    }
  }
}

ListObject* list_from_iterable(ThreadState* ts, Object* iterable) {
  ListObject* l = list_new(ts);
  if (!l) return nullptr;
  if (!list_extend(ts, l, iterable)) {
    decref(l);
    return nullptr;
  }
  return l;
}

ListObject* list_slice(ThreadState* ts, ListObject* l, ssize lo, ssize hi) {
  return list_from_array(ts, l->items + lo, hi - lo);
}

TupleObject* list_as_tuple(ThreadState* ts, ListObject* l) {
  return tuple_from_array(ts, l->items, l->size);
}

bool list_reverse(ListObject* l) {
  if (l->size > 1) std::reverse(l->items, l->items + l->size);
  return true;
}

bool list_sort(ThreadState* ts, ListObject* l, Object* key, bool reverse) {
  // The list looks empty while sorting so that mutation by comparisons can be detected.
  Object** items = l->items;
  ssize n = l->size;
  ssize cap = l->capacity;
  l->items = nullptr;
  l->size = 0;
  l->capacity = -1;

  std::vector<Object*> keys;
  bool ok = true;
  if (key) {
    keys.reserve(n);
    for (ssize i = 0; i < n; ++i) {
      Object* k = call1(ts, key, items[i]);
      if (!k) {
        ok = false;
        break;
      }
      keys.push_back(k);
    }
  }
  if (ok && n > 1) {
    Object** kp = key ? keys.data() : items;
    Object** vp = key ? items : nullptr;
    if (reverse) {
      std::reverse(kp, kp + n);
      if (vp) std::reverse(vp, vp + n);
    }
    Less less{ts, KeyKind::Generic, KeyKind::Generic};
    choose_kind(kp, n, &less);
    MergeSorter(kp, vp, n, &less).sort();
    if (less.failed) ok = false;
    if (reverse) {
      std::reverse(kp, kp + n);
      if (vp) std::reverse(vp, vp + n);
    }
  }
  for (Object* k : keys) decref(k);

  bool modified = l->capacity != -1 || l->items != nullptr;
  Object** extra = l->items;
  ssize extra_n = l->size;
  l->items = items;
  l->size = n;
  l->capacity = cap;
  if (extra) {
    for (ssize i = 0; i < extra_n; ++i) xdecref(extra[i]);
    free(extra);
  }
  if (modified && ok) {
    raise(ts, &exc::ValueError, "list modified during sort");
    return false;
  }
  return ok;
}

}  // namespace gp
