// enumerate, zip, map, filter and reversed: lazy iterators over other iterators, with CPython's
// argument rules and messages.
#include "runtime/iterators.h"

#include <mutex>
#include <string>
#include <vector>

#include "interp/vm.h"
#include "runtime/containers_internal.h"
#include "runtime/range.h"
#include "runtime/runtime.h"

namespace gp {

namespace {

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

// Next item of an iterator through its slot; nullptr at the end (no exception) or on error.
inline Object* next_of(ThreadState* ts, Object* it) {
  unaryfunc f = it->type->iternext;
  if (f) {
    Object* r = f(ts, it);
    if (!r && exc_occurred(ts) && exc_matches(ts, &exc::StopIteration)) clear_exc(ts);
    return r;
  }
  return iter_next(ts, it);
}

// ---- enumerate ----

struct EnumerateObject : Object {
  Object* it;
  int64_t index;
  Object* big_index;  // owned; used once the count leaves int64 (or starts outside it)
  TupleObject* result;
};

Object* enumerate_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  Object* vals[2] = {nullptr, nullptr};
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs > 2)
    return raise(ts, &exc::TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                 nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) vals[i] = args[i];
  for (size_t i = 0; i < nkw; ++i) {
    Object* name = tuple_item(kwnames, i);
    int slot = str_eq(name, "iterable") ? 0 : str_eq(name, "start") ? 1 : -1;
    if (slot < 0)
      return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for enumerate()",
                   str_cstr(name));
    if (vals[slot])
      return raise(ts, &exc::TypeError,
                   "argument for enumerate() given by name ('%s') and position (%d)",
                   str_cstr(name), slot + 1);
    vals[slot] = args[nargs + i];
  }
  if (!vals[0])
    return raise(ts, &exc::TypeError, "enumerate() missing required argument 'iterable'");
  Ref<> start;
  if (vals[1]) {
    start = Ref<>::steal(number_index(ts, vals[1]));
    if (!start) return nullptr;
  }
  Ref<> it = Ref<>::steal(get_iter(ts, vals[0]));
  if (!it) return nullptr;
  auto* e = alloc<EnumerateObject>(ts, type);
  if (!e) return nullptr;
  e->it = it.release();
  e->index = 0;
  if (start) {
    int64_t v;
    if (int_to_i64(start.get(), &v))
      e->index = v;
    else
      e->big_index = start.release();
  }
  return e;
}

void enumerate_dealloc(Object* o) {
  auto* e = static_cast<EnumerateObject*>(o);
  xdecref(e->it);
  xdecref(e->big_index);
  xdecref(e->result);
  free_object(o);
}

int enumerate_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = static_cast<EnumerateObject*>(o);
  for (Object* x : {e->it, e->big_index, static_cast<Object*>(e->result)})
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  return 0;
}

Object* enumerate_next(ThreadState* ts, Object* o) {
  auto* e = static_cast<EnumerateObject*>(o);
  Ref<> item = Ref<>::steal(next_of(ts, e->it));
  if (!item) return nullptr;
  Ref<> idx;
  if (!e->big_index) {
    idx = Ref<>::steal(int_from(ts, e->index));
    if (!idx) return nullptr;
    if (e->index == INT64_MAX) {
      Ref<> one = Ref<>::steal(int_from(ts, 1));
      e->big_index = binary_op(ts, idx.get(), one.get(), BinOp::Add);
      if (!e->big_index) return nullptr;
    } else {
      ++e->index;
    }
  } else {
    idx = Ref<>::borrow(e->big_index);
    Ref<> one = Ref<>::steal(int_from(ts, 1));
    Object* n = binary_op(ts, e->big_index, one.get(), BinOp::Add);
    if (!n) return nullptr;
    setref(e->big_index, n);
  }
  if (e->result && e->result->refcnt == 1) {
    TupleObject* r = e->result;
    Object* a = r->items[0];
    Object* b = r->items[1];
    r->items[0] = idx.release();
    r->items[1] = item.release();
    decref(a);
    decref(b);
    return newref(r);
  }
  TupleObject* r = tuple_new(ts, 2);
  if (!r) return nullptr;
  r->items[0] = idx.release();
  r->items[1] = item.release();
  if (!e->result) e->result = newref(r);
  return r;
}

Object* enumerate_repr(ThreadState* ts, Object* o) { return object_at_repr(ts, o, "enumerate"); }

// ---- zip ----

struct ZipObject : Object {
  TupleObject* iters;
  bool strict;
  TupleObject* result;
};

Object* zip_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  bool strict = false;
  if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      Object* name = tuple_item(kwnames, i);
      if (!str_eq(name, "strict"))
        return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for zip()",
                     str_cstr(name));
      int t = truthy(ts, args[nargs + i]);
      if (t < 0) return nullptr;
      strict = t;
    }
  }
  Ref<TupleObject> iters = Ref<TupleObject>::steal(tuple_new(ts, nargs));
  if (!iters) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Object* it = get_iter(ts, args[i]);
    if (!it) return nullptr;
    iters->items[i] = it;
  }
  auto* z = alloc<ZipObject>(ts, type);
  if (!z) return nullptr;
  z->iters = iters.release();
  z->strict = strict;
  return z;
}

void zip_dealloc(Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  xdecref(z->iters);
  xdecref(z->result);
  free_object(o);
}

int zip_traverse(Object* o, visitproc visit, void* arg) {
  auto* z = static_cast<ZipObject*>(o);
  if (z->iters) {
    int r = visit(z->iters, arg);
    if (r) return r;
  }
  return z->result ? visit(z->result, arg) : 0;
}

Object* zip_strict_error(ThreadState* ts, ssize i, bool shorter) {
  const char* what = shorter ? "shorter" : "longer";
  if (i == 1) return raise(ts, &exc::ValueError, "zip() argument 2 is %s than argument 1", what);
  return raise(ts, &exc::ValueError, "zip() argument %zd is %s than arguments 1-%zd", i + 1, what,
               i);
}

Object* zip_next(ThreadState* ts, Object* o) {
  if (!vm_check_c_stack(ts, nullptr)) return nullptr;  // chains of them recurse
  auto* z = static_cast<ZipObject*>(o);
  ssize n = z->iters->size;
  if (n == 0) return nullptr;
  bool reuse = z->result && z->result->refcnt == 1;
  Ref<TupleObject> r;
  if (reuse) {
    r = Ref<TupleObject>::borrow(z->result);
  } else {
    r = Ref<TupleObject>::steal(tuple_new(ts, n));
    if (!r) return nullptr;
  }
  for (ssize i = 0; i < n; ++i) {
    Object* item = next_of(ts, z->iters->items[i]);
    if (!item) {
      if (exc_occurred(ts)) return nullptr;
      if (z->strict) {
        if (i > 0) return zip_strict_error(ts, i, true);
        for (ssize j = 1; j < n; ++j) {
          Object* extra = next_of(ts, z->iters->items[j]);
          if (extra) {
            decref(extra);
            return zip_strict_error(ts, j, false);
          }
          if (exc_occurred(ts)) return nullptr;
        }
      }
      return nullptr;
    }
    if (reuse)
      setref(r->items[i], item);
    else
      r->items[i] = item;
  }
  if (!z->result) z->result = newref(r.get());
  return r.release();
}

Object* zip_repr(ThreadState* ts, Object* o) { return object_at_repr(ts, o, "zip"); }

// ---- map ----

struct MapObject : Object {
  Object* func;
  TupleObject* iters;
};

Object* map_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  if (type == &MapType && !take_no_kwargs(ts, "map", kwnames)) return nullptr;
  if (nargs < 2) return raise(ts, &exc::TypeError, "map() must have at least two arguments.");
  Ref<TupleObject> iters = Ref<TupleObject>::steal(tuple_new(ts, nargs - 1));
  if (!iters) return nullptr;
  for (size_t i = 1; i < nargs; ++i) {
    Object* it = get_iter(ts, args[i]);
    if (!it) return nullptr;
    iters->items[i - 1] = it;
  }
  auto* m = alloc<MapObject>(ts, type);
  if (!m) return nullptr;
  m->func = newref(args[0]);
  m->iters = iters.release();
  return m;
}

void map_dealloc(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  xdecref(m->func);
  xdecref(m->iters);
  free_object(o);
}

int map_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<MapObject*>(o);
  if (m->func) {
    int r = visit(m->func, arg);
    if (r) return r;
  }
  return m->iters ? visit(m->iters, arg) : 0;
}

Object* map_next(ThreadState* ts, Object* o) {
  if (!vm_check_c_stack(ts, nullptr)) return nullptr;  // chains of them recurse
  auto* m = static_cast<MapObject*>(o);
  ssize n = m->iters->size;
  if (n == 1) {
    Ref<> item = Ref<>::steal(next_of(ts, m->iters->items[0]));
    if (!item) return nullptr;
    return call1(ts, m->func, item.get());
  }
  Object* small[8];
  std::vector<Object*> big;
  Object** argv = small;
  if (n > 8) {
    big.resize(n);
    argv = big.data();
  }
  ssize got = 0;
  Object* result = nullptr;
  for (; got < n; ++got) {
    argv[got] = next_of(ts, m->iters->items[got]);
    if (!argv[got]) break;
  }
  if (got == n) result = call(ts, m->func, argv, n);
  for (ssize i = 0; i < got; ++i) decref(argv[i]);
  return result;
}

Object* map_repr(ThreadState* ts, Object* o) { return object_at_repr(ts, o, "map"); }

// ---- filter ----

struct FilterObject : Object {
  Object* func;  // None: truth of the item
  Object* it;
};

Object* filter_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                   TupleObject* kwnames) {
  if (type == &FilterType && !take_no_kwargs(ts, "filter", kwnames)) return nullptr;
  if (nargs != 2) return raise(ts, &exc::TypeError, "filter expected 2 arguments, got %zu", nargs);
  Ref<> it = Ref<>::steal(get_iter(ts, args[1]));
  if (!it) return nullptr;
  auto* f = alloc<FilterObject>(ts, type);
  if (!f) return nullptr;
  f->func = newref(args[0]);
  f->it = it.release();
  return f;
}

void filter_dealloc(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  xdecref(f->func);
  xdecref(f->it);
  free_object(o);
}

int filter_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<FilterObject*>(o);
  if (f->func) {
    int r = visit(f->func, arg);
    if (r) return r;
  }
  return f->it ? visit(f->it, arg) : 0;
}

Object* filter_next(ThreadState* ts, Object* o) {
  if (!vm_check_c_stack(ts, nullptr)) return nullptr;  // chains of them recurse
  auto* f = static_cast<FilterObject*>(o);
  bool use_bool = is_none(f->func) || f->func == &BoolType;
  for (;;) {
    Ref<> item = Ref<>::steal(next_of(ts, f->it));
    if (!item) return nullptr;
    int ok;
    if (use_bool) {
      ok = truthy(ts, item.get());
    } else {
      Ref<> r = Ref<>::steal(call1(ts, f->func, item.get()));
      if (!r) return nullptr;
      ok = truthy(ts, r.get());
    }
    if (ok < 0) return nullptr;
    if (ok) return item.release();
  }
}

Object* filter_repr(ThreadState* ts, Object* o) { return object_at_repr(ts, o, "filter"); }

// ---- reversed ----

struct ReversedObject : Object {
  Object* seq;  // nullptr once exhausted
  ssize index;
};

Object* reversed_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                          TupleObject* kwnames) {
  if (type == &ReversedType && !take_no_kwargs(ts, "reversed", kwnames)) return nullptr;
  if (nargs != 1) return raise(ts, &exc::TypeError, "reversed expected 1 argument, got %zu", nargs);
  if (type == &ReversedType) return reversed_new(ts, args[0]);
  Object* seq = args[0];
  ssize n = length(ts, seq);
  if (n < 0) return nullptr;
  auto* r = alloc<ReversedObject>(ts, type);
  if (!r) return nullptr;
  r->seq = newref(seq);
  r->index = n - 1;
  return r;
}

void reversed_dealloc(Object* o) {
  xdecref(static_cast<ReversedObject*>(o)->seq);
  free_object(o);
}

int reversed_traverse(Object* o, visitproc visit, void* arg) {
  auto* r = static_cast<ReversedObject*>(o);
  return r->seq ? visit(r->seq, arg) : 0;
}

Object* reversed_next(ThreadState* ts, Object* o) {
  auto* r = static_cast<ReversedObject*>(o);
  if (!r->seq || r->index < 0) {
    clearref(r->seq);
    return nullptr;
  }
  Ref<> idx = Ref<>::steal(int_from(ts, r->index));
  if (!idx) return nullptr;
  Object* item = getitem(ts, r->seq, idx.get());
  if (item) {
    --r->index;
    return item;
  }
  if (exc_matches(ts, &exc::IndexError) || exc_matches(ts, &exc::StopIteration)) {
    clear_exc(ts);
    clearref(r->seq);
  }
  return nullptr;
}

Object* reversed_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<ReversedObject*>(self);
  if (!r->seq) return int_from(ts, 0);
  ssize n = length(ts, r->seq);
  if (n < 0) return nullptr;
  return int_from(ts, n < r->index + 1 ? 0 : r->index + 1);
}

Object* reversed_repr(ThreadState* ts, Object* o) { return object_at_repr(ts, o, "reversed"); }

const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- iter(callable, sentinel) ----

struct CallableIterObject : Object {
  Object* func;  // nullptr once exhausted
  Object* sentinel;
};

void calliter_dealloc(Object* o) {
  auto* c = static_cast<CallableIterObject*>(o);
  xdecref(c->func);
  xdecref(c->sentinel);
  free_object(o);
}

int calliter_traverse(Object* o, visitproc visit, void* arg) {
  auto* c = static_cast<CallableIterObject*>(o);
  for (Object* x : {c->func, c->sentinel})
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  return 0;
}

Object* calliter_next(ThreadState* ts, Object* o) {
  auto* c = static_cast<CallableIterObject*>(o);
  if (!c->func) return nullptr;
  Object* r = call0(ts, c->func);
  if (!r) {
    if (exc_matches(ts, &exc::StopIteration)) {
      clear_exc(ts);
      clearref(c->func);
    }
    return nullptr;
  }
  int eq = richcompare_bool(ts, r, c->sentinel, CmpOp::EQ);
  if (eq == 0) return r;
  decref(r);
  if (eq > 0) clearref(c->func);
  return nullptr;
}

}  // namespace

TypeObject CallIterType = [] {
  TypeObject t = make_static_type("callable_iterator", sizeof(CallableIterObject), kHaveGC);
  t.dealloc = calliter_dealloc;
  t.traverse = calliter_traverse;
  t.iter = self_iter;
  t.iternext = calliter_next;
  return t;
}();

TypeObject EnumerateType = [] {
  TypeObject t = make_static_type("enumerate", sizeof(EnumerateObject), kBaseType | kHaveGC);
  t.doc = "Return an enumerate object.";
  t.dealloc = enumerate_dealloc;
  t.traverse = enumerate_traverse;
  t.repr = enumerate_repr;
  t.iter = self_iter;
  t.iternext = enumerate_next;
  t.new_ = enumerate_new;
  return t;
}();

TypeObject ZipType = [] {
  TypeObject t = make_static_type("zip", sizeof(ZipObject), kBaseType | kHaveGC);
  t.doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.";
  t.dealloc = zip_dealloc;
  t.traverse = zip_traverse;
  t.repr = zip_repr;
  t.iter = self_iter;
  t.iternext = zip_next;
  t.new_ = zip_new;
  return t;
}();

TypeObject MapType = [] {
  TypeObject t = make_static_type("map", sizeof(MapObject), kBaseType | kHaveGC);
  t.doc = "map(func, *iterables) --> map object";
  t.dealloc = map_dealloc;
  t.traverse = map_traverse;
  t.repr = map_repr;
  t.iter = self_iter;
  t.iternext = map_next;
  t.new_ = map_new;
  return t;
}();

TypeObject FilterType = [] {
  TypeObject t = make_static_type("filter", sizeof(FilterObject), kBaseType | kHaveGC);
  t.doc = "filter(function or None, iterable) --> filter object";
  t.dealloc = filter_dealloc;
  t.traverse = filter_traverse;
  t.repr = filter_repr;
  t.iter = self_iter;
  t.iternext = filter_next;
  t.new_ = filter_new;
  return t;
}();

TypeObject ReversedType = [] {
  TypeObject t = make_static_type("reversed", sizeof(ReversedObject), kBaseType | kHaveGC);
  t.doc = "Return a reverse iterator over the values of the given sequence.";
  t.dealloc = reversed_dealloc;
  t.traverse = reversed_traverse;
  t.repr = reversed_repr;
  t.iter = self_iter;
  t.iternext = reversed_next;
  t.new_ = reversed_new_slot;
  t.methods = reversed_methods;
  return t;
}();

Object* reversed_new(ThreadState* ts, Object* seq) {
  Object* rev = type_lookup(seq->type, names.__reversed__);
  if (rev) {
    if (is_none(rev))
      return raise(ts, &exc::TypeError, "'%s' object is not reversible", type_name(seq));
    return call_method(ts, seq, "__reversed__");
  }
  if (!seq->type->getitem || is_dict(seq) || !seq->type->len)
    return raise(ts, &exc::TypeError, "'%s' object is not reversible", type_name(seq));
  ssize n = length(ts, seq);
  if (n < 0) return nullptr;
  auto* r = alloc<ReversedObject>(ts, &ReversedType);
  if (!r) return nullptr;
  r->seq = newref(seq);
  r->index = n - 1;
  return r;
}

Object* calliter_new(ThreadState* ts, Object* callable, Object* sentinel) {
  auto* c = alloc<CallableIterObject>(ts, &CallIterType);
  if (!c) return nullptr;
  c->func = newref(callable);
  c->sentinel = newref(sentinel);
  return c;
}

extern TypeObject* const kDictInternalTypes[];  // dict.cpp
extern TypeObject* const kSetInternalTypes[];   // set.cpp

bool ready_container_types(ThreadState* ts) {
  std::vector<TypeObject*> types = {&TupleIterType, &ListIterType,  &ListRevIterType, &RangeType,
                                    &RangeIterType, &EnumerateType, &ZipType,         &MapType,
                                    &FilterType,    &ReversedType,  &CallIterType};
  for (TypeObject* const* p = kDictInternalTypes; *p; ++p) types.push_back(*p);
  for (TypeObject* const* p = kSetInternalTypes; *p; ++p) types.push_back(*p);
  for (TypeObject* t : types)
    if (!(t->flags & kReady) && !type_ready(ts, t)) return false;
  return true;
}

}  // namespace gp
