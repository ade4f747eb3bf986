// slice objects and the index arithmetic shared by every sequence (CPython's PySlice_Unpack and
// PySlice_AdjustIndices).
#include "runtime/slice.h"

#include <string>

#include "runtime/containers_internal.h"
#include "runtime/runtime.h"

namespace gp {

namespace {

// A slice bound: None → dflt; ints (or __index__) clamped to the ssize range.
bool slice_bound(ThreadState* ts, Object* o, ssize dflt, ssize* out) {
  if (!o || is_none(o)) {
    *out = dflt;
    return true;
  }
  if (is_int(o) && int_is_small(o)) {
    *out = static_cast<IntObject*>(o)->value;
    return true;
  }
  if (!is_int(o) && !o->type->nb_index) {
    raise(ts, &exc::TypeError,
          "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Ref<> i = Ref<>::steal(number_index(ts, o));
  if (!i) return false;
  int64_t v;
  if (int_to_i64(i.get(), &v)) {
    *out = static_cast<ssize>(v);
    return true;
  }
  *out = int_sign(i.get()) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
  return true;
}

bool slice_unpack(ThreadState* ts, SliceObject* s, ssize* start, ssize* stop, ssize* step) {
  if (is_none(s->step)) {
    *step = 1;
  } else {
    if (!slice_bound(ts, s->step, 1, step)) return false;
    if (*step == 0) {
      raise(ts, &exc::ValueError, "slice step cannot be zero");
      return false;
    }
    if (*step < -PTRDIFF_MAX) *step = -PTRDIFF_MAX;
  }
  if (!slice_bound(ts, s->start, *step < 0 ? PTRDIFF_MAX : 0, start)) return false;
  if (!slice_bound(ts, s->stop, *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX, stop)) return false;
  return true;
}

ssize adjust_indices(ssize length, ssize* start, ssize* stop, ssize step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

void slice_dealloc(Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  xdecref(s->start);
  xdecref(s->stop);
  xdecref(s->step);
  free_object(o);
}

int slice_traverse(Object* o, visitproc visit, void* arg) {
  auto* s = static_cast<SliceObject*>(o);
  for (Object* x : {s->start, s->stop, s->step})
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  return 0;
}

Object* slice_repr(ThreadState* ts, Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  std::string a, b, c;
  if (!repr_text(ts, s->start, &a) || !repr_text(ts, s->stop, &b) || !repr_text(ts, s->step, &c))
    return nullptr;
  return str_format(ts, "slice(%s, %s, %s)", a.c_str(), b.c_str(), c.c_str());
}

Object* slice_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_slice(a) || !is_slice(b)) return not_implemented();
  if (a == b && (op == CmpOp::EQ || op == CmpOp::NE)) return bool_from(op == CmpOp::EQ);
  auto* x = static_cast<SliceObject*>(a);
  auto* y = static_cast<SliceObject*>(b);
  Ref<> t1 = Ref<>::steal(tuple_pack(ts, {x->start, x->stop, x->step}));
  if (!t1) return nullptr;
  Ref<> t2 = Ref<>::steal(tuple_pack(ts, {y->start, y->stop, y->step}));
  if (!t2) return nullptr;
  return richcompare(ts, t1.get(), t2.get(), op);
}

Object* slice_new_slot(ThreadState* ts, TypeObject*, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  if (!take_no_kwargs(ts, "slice", kwnames)) return nullptr;
  if (nargs == 0) return raise(ts, &exc::TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3)
    return raise(ts, &exc::TypeError, "slice expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) return slice_new(ts, nullptr, args[0], nullptr);
  return slice_new(ts, args[0], args[1], nargs > 2 ? args[2] : nullptr);
}

Object* get_start(ThreadState*, Object* o) { return newref(static_cast<SliceObject*>(o)->start); }
Object* get_stop(ThreadState*, Object* o) { return newref(static_cast<SliceObject*>(o)->stop); }
Object* get_step(ThreadState*, Object* o) { return newref(static_cast<SliceObject*>(o)->step); }

const GetSetDef slice_getsets[] = {
    {"start", get_start, nullptr},
    {"stop", get_stop, nullptr},
    {"step", get_step, nullptr},
    {nullptr, nullptr, nullptr},
};

Object* m_indices(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kwnames) {
  if (!no_kwargs(ts, "slice.indices", kwnames) || !check_nargs(ts, "slice.indices", nargs, 1, 1))
    return nullptr;
  ssize len;
  if (!index_as_ssize(ts, args[0], &len)) return nullptr;
  if (len < 0) return raise(ts, &exc::ValueError, "length should not be negative");
  ssize start, stop, step;
  if (!slice_unpack(ts, static_cast<SliceObject*>(self), &start, &stop, &step)) return nullptr;
  adjust_indices(len, &start, &stop, step);
  Ref<> a = Ref<>::steal(int_from(ts, start));
  Ref<> b = Ref<>::steal(int_from(ts, stop));
  Ref<> c = Ref<>::steal(int_from(ts, step));
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

Object* m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* s = static_cast<SliceObject*>(self);
  Ref<> args = Ref<>::steal(tuple_pack(ts, {s->start, s->stop, s->step}));
  if (!args) return nullptr;
  return tuple_pack(ts, {&SliceType, args.get()});
}

const MethodDef slice_methods[] = {
    {"indices", m_indices, 0, nullptr},
    {"__reduce__", m_reduce, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject SliceType = [] {
  TypeObject t = make_static_type("slice", sizeof(SliceObject), kHaveGC);
  t.doc = "slice(stop)\nslice(start, stop[, step])";
  t.dealloc = slice_dealloc;
  t.traverse = slice_traverse;
  t.repr = slice_repr;
  t.richcompare = slice_richcompare;
  t.new_ = slice_new_slot;
  t.getsets = slice_getsets;
  t.methods = slice_methods;
  return t;
}();

Object* slice_new(ThreadState* ts, Object* start, Object* stop, Object* step) {
  auto* s = alloc<SliceObject>(ts, &SliceType);
  if (!s) return nullptr;
  s->start = newref(start ? start : none());
  s->stop = newref(stop ? stop : none());
  s->step = newref(step ? step : none());
  return s;
}

bool slice_indices(ThreadState* ts, Object* slice, ssize length, ssize* start, ssize* stop,
                   ssize* step, ssize* slicelen) {
  ssize a, b, c;
  if (!slice_unpack(ts, static_cast<SliceObject*>(slice), &a, &b, &c)) return false;
  ssize n = adjust_indices(length, &a, &b, c);
  if (start) *start = a;
  if (stop) *stop = b;
  if (step) *step = c;
  if (slicelen) *slicelen = n;
  return true;
}

}  // namespace gp
