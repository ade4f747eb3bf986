// range: an immutable arithmetic sequence with int64 bounds (big ints raise OverflowError), and
// its iterator.
#include "runtime/range.h"

#include <string>

#include "runtime/containers_internal.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace gp {

namespace {

int64_t compute_length(int64_t start, int64_t stop, int64_t step) {
  if (step > 0) {
    if (start >= stop) return 0;
    return static_cast<int64_t>((static_cast<uint64_t>(stop) - static_cast<uint64_t>(start) - 1) /
                                static_cast<uint64_t>(step)) +
           1;
  }
  if (start <= stop) return 0;
  return static_cast<int64_t>((static_cast<uint64_t>(start) - static_cast<uint64_t>(stop) - 1) /
                              (0 - static_cast<uint64_t>(step))) +
         1;
}

bool arg_i64(ThreadState* ts, Object* o, int64_t* out) {
  if (is_int(o) && int_is_small(o)) {
    *out = static_cast<IntObject*>(o)->value;
    return true;
  }
  Ref<> i = Ref<>::steal(number_index(ts, o));
  if (!i) return false;
  if (!int_to_i64(i.get(), out)) {
    raise(ts, &exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

Object* range_new_slot(ThreadState* ts, TypeObject*, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  if (!take_no_kwargs(ts, "range", kwnames)) return nullptr;
  if (nargs == 0) return raise(ts, &exc::TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3)
    return raise(ts, &exc::TypeError, "range expected at most 3 arguments, got %zu", nargs);
  int64_t start = 0, stop, step = 1;
  if (nargs == 1) {
    if (!arg_i64(ts, args[0], &stop)) return nullptr;
  } else {
    if (!arg_i64(ts, args[0], &start) || !arg_i64(ts, args[1], &stop)) return nullptr;
    if (nargs == 3) {
      if (!arg_i64(ts, args[2], &step)) return nullptr;
      if (step == 0) return raise(ts, &exc::ValueError, "range() arg 3 must not be zero");
    }
  }
  return range_new(ts, start, stop, step);
}

Object* range_repr(ThreadState* ts, Object* o) {
  auto* r = static_cast<RangeObject*>(o);
  if (r->step == 1)
    return str_format(ts, "range(%lld, %lld)", static_cast<long long>(r->start),
                      static_cast<long long>(r->stop));
  return str_format(ts, "range(%lld, %lld, %lld)", static_cast<long long>(r->start),
                    static_cast<long long>(r->stop), static_cast<long long>(r->step));
}

ssize range_len(ThreadState*, Object* o) { return static_cast<RangeObject*>(o)->length; }

int range_bool(ThreadState*, Object* o) { return static_cast<RangeObject*>(o)->length != 0; }

// 1 when v (an int64) is an item.
bool has_value(RangeObject* r, int64_t v) {
  if (r->length == 0) return false;
  if (r->step > 0) {
    if (v < r->start || v >= r->stop) return false;
  } else {
    if (v > r->start || v <= r->stop) return false;
  }
  uint64_t diff = r->step > 0 ? static_cast<uint64_t>(v) - static_cast<uint64_t>(r->start)
                              : static_cast<uint64_t>(r->start) - static_cast<uint64_t>(v);
  uint64_t st = r->step > 0 ? static_cast<uint64_t>(r->step) : 0 - static_cast<uint64_t>(r->step);
  return diff % st == 0;
}

int range_contains(ThreadState* ts, Object* o, Object* item) {
  auto* r = static_cast<RangeObject*>(o);
  if (item->type == &IntType || item->type == &BoolType) {
    int64_t v;
    if (!int_to_i64(item, &v)) return 0;
    return has_value(r, v);
  }
  for (int64_t k = 0; k < r->length; ++k) {
    Ref<> x = Ref<>::steal(int_from(ts, r->start + k * r->step));
    if (!x) return -1;
    int c = richcompare_bool(ts, x.get(), item, CmpOp::EQ);
    if (c != 0) return c;
  }
  return 0;
}

Object* range_getitem(ThreadState* ts, Object* o, Object* key) {
  auto* r = static_cast<RangeObject*>(o);
  if (is_slice(key)) {
    ssize a, b, c, n;
    if (!slice_indices(ts, key, r->length, &a, &b, &c, &n)) return nullptr;
    int64_t start = r->start + a * r->step;
    int64_t step = r->step * c;
    int64_t stop = r->start + b * r->step;  // as CPython: the slice's own stop, not start + n*step
    auto* nr = alloc<RangeObject>(ts, &RangeType);
    if (!nr) return nullptr;
    nr->start = start;
    nr->stop = stop;
    nr->step = step;
    nr->length = n;
    return nr;
  }
  if (!is_int(key) && !key->type->nb_index)
    return raise(ts, &exc::TypeError, "range indices must be integers or slices, not %s",
                 type_name(key));
  ssize i;
  if (!index_as_ssize(ts, key, &i)) {
    if (!exc_matches(ts, &exc::OverflowError)) return nullptr;
    clear_exc(ts);
    return raise(ts, &exc::IndexError, "range object index out of range");
  }
  if (!seq_index(&i, r->length))
    return raise(ts, &exc::IndexError, "range object index out of range");
  return int_from(ts, r->start + i * r->step);
}

Object* range_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_range(a) || !is_range(b) || (op != CmpOp::EQ && op != CmpOp::NE))
    return not_implemented();
  auto* x = static_cast<RangeObject*>(a);
  auto* y = static_cast<RangeObject*>(b);
  bool eq;
  if (x == y)
    eq = true;
  else if (x->length != y->length)
    eq = false;
  else if (x->length == 0)
    eq = true;
  else if (x->start != y->start)
    eq = false;
  else if (x->length == 1)
    eq = true;
  else
    eq = x->step == y->step;
  return bool_from(op == CmpOp::EQ ? eq : !eq);
}

int64_t range_hash(ThreadState* ts, Object* o) {
  auto* r = static_cast<RangeObject*>(o);
  Ref<> len = Ref<>::steal(int_from(ts, r->length));
  if (!len) return -1;
  Ref<> t;
  if (r->length == 0) {
    t = Ref<>::steal(tuple_pack(ts, {len.get(), none(), none()}));
  } else {
    Ref<> start = Ref<>::steal(int_from(ts, r->start));
    if (!start) return -1;
    if (r->length == 1) {
      t = Ref<>::steal(tuple_pack(ts, {len.get(), start.get(), none()}));
    } else {
      Ref<> step = Ref<>::steal(int_from(ts, r->step));
      if (!step) return -1;
      t = Ref<>::steal(tuple_pack(ts, {len.get(), start.get(), step.get()}));
    }
  }
  if (!t) return -1;
  return hash(ts, t.get());
}

Object* rangeiter_make(ThreadState* ts, int64_t next, int64_t step, int64_t n) {
  auto* it = alloc<RangeIterObject>(ts, &RangeIterType);
  if (!it) return nullptr;
  it->next = next;
  it->step = step;
  it->remaining = n;
  return it;
}

Object* range_iter(ThreadState* ts, Object* o) {
  auto* r = static_cast<RangeObject*>(o);
  return rangeiter_make(ts, r->start, r->step, r->length);
}

Object* m_reversed(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<RangeObject*>(self);
  int64_t last = r->length ? r->start + (r->length - 1) * r->step : r->start;
  return rangeiter_make(ts, last, -r->step, r->length);
}

Object* m_count(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "range.count", kw) || !check_nargs(ts, "range.count", nargs, 1, 1))
    return nullptr;
  auto* r = static_cast<RangeObject*>(self);
  Object* v = args[0];
  if (v->type == &IntType || v->type == &BoolType) {
    int64_t x;
    return int_from(ts, int_to_i64(v, &x) && has_value(r, x) ? 1 : 0);
  }
  int64_t n = 0;
  for (int64_t k = 0; k < r->length; ++k) {
    Ref<> x = Ref<>::steal(int_from(ts, r->start + k * r->step));
    if (!x) return nullptr;
    int c = richcompare_bool(ts, x.get(), v, CmpOp::EQ);
    if (c < 0) return nullptr;
    n += c;
  }
  return int_from(ts, n);
}

Object* m_index(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "range.index", kw) || !check_nargs(ts, "range.index", nargs, 1, 1))
    return nullptr;
  auto* r = static_cast<RangeObject*>(self);
  Object* v = args[0];
  if (v->type == &IntType || v->type == &BoolType) {
    int64_t x;
    if (int_to_i64(v, &x) && has_value(r, x)) return int_from(ts, (x - r->start) / r->step);
  } else {
    for (int64_t k = 0; k < r->length; ++k) {
      Ref<> x = Ref<>::steal(int_from(ts, r->start + k * r->step));
      if (!x) return nullptr;
      int c = richcompare_bool(ts, x.get(), v, CmpOp::EQ);
      if (c < 0) return nullptr;
      if (c) return int_from(ts, k);
    }
  }
  std::string text;
  if (!repr_text(ts, v, &text)) return nullptr;
  return raise(ts, &exc::ValueError, "%s is not in range", text.c_str());
}

Object* m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<RangeObject*>(self);
  Ref<> a = Ref<>::steal(int_from(ts, r->start));
  Ref<> b = Ref<>::steal(int_from(ts, r->stop));
  Ref<> c = Ref<>::steal(int_from(ts, r->step));
  if (!a || !b || !c) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(ts, {a.get(), b.get(), c.get()}));
  if (!args) return nullptr;
  return tuple_pack(ts, {&RangeType, args.get()});
}

Object* get_start(ThreadState* ts, Object* o) {
  return int_from(ts, static_cast<RangeObject*>(o)->start);
}
Object* get_stop(ThreadState* ts, Object* o) {
  return int_from(ts, static_cast<RangeObject*>(o)->stop);
}
Object* get_step(ThreadState* ts, Object* o) {
  return int_from(ts, static_cast<RangeObject*>(o)->step);
}

const GetSetDef range_getsets[] = {
    {"start", get_start, nullptr},
    {"stop", get_stop, nullptr},
    {"step", get_step, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef range_methods[] = {
    {"__reversed__", m_reversed, 0, nullptr}, {"__reduce__", m_reduce, 0, nullptr},
    {"count", m_count, 0, nullptr},           {"index", m_index, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void plain_dealloc(Object* o) { free_object(o); }

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* rangeiter_next(ThreadState* ts, Object* o) {
  return range_iter_next(ts, static_cast<RangeIterObject*>(o));
}

Object* rangeiter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return int_from(ts, static_cast<RangeIterObject*>(self)->remaining);
}

const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject RangeType = [] {
  TypeObject t = make_static_type("range", sizeof(RangeObject), 0);
  t.doc =
      "range(stop) -> range object\n"
      "range(start, stop[, step]) -> range object";
  t.dealloc = plain_dealloc;
  t.repr = range_repr;
  t.hash = range_hash;
  t.richcompare = range_richcompare;
  t.iter = range_iter;
  t.len = range_len;
  t.boolean = range_bool;
  t.getitem = range_getitem;
  t.contains = range_contains;
  t.new_ = range_new_slot;
  t.methods = range_methods;
  t.getsets = range_getsets;
  return t;
}();

TypeObject RangeIterType = [] {
  TypeObject t = make_static_type("range_iterator", sizeof(RangeIterObject), 0);
  t.dealloc = plain_dealloc;
  t.iter = self_iter;
  t.iternext = rangeiter_next;
  t.methods = rangeiter_methods;
  return t;
}();

Object* range_new(ThreadState* ts, int64_t start, int64_t stop, int64_t step) {
  auto* r = alloc<RangeObject>(ts, &RangeType);
  if (!r) return nullptr;
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->length = compute_length(start, stop, step);
  return r;
}

Object* range_iter_next(ThreadState* ts, RangeIterObject* it) {
  if (it->remaining <= 0) return nullptr;
  int64_t v = it->next;
  --it->remaining;
  it->next = static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(it->step));
  return int_from(ts, v);
}

}  // namespace gp
