// Helpers shared by the container and builtin files (list, tuple, dict, set, range, slice,
// iterators, builtins). Private to that area: other areas use the public headers.
#pragma once

#include <cstring>
#include <string>

#include "runtime/runtime.h"

namespace gp {

// A zeroed static type, immortal, with the usual defaults; callers fill the slots.
inline TypeObject make_static_type(const char* name, ssize basicsize, uint64_t flags,
                                   TypeObject* base = &ObjectType, ssize itemsize = 0) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.basicsize = basicsize;
  t.itemsize = itemsize;
  t.flags = flags | kImmutableType;
  t.base = base;
  return t;
}

// Raises TypeError "unhashable type: 'list'" (the hash slot of mutable containers).
int64_t hash_unhashable(ThreadState* ts, Object* o);

// Repr recursion guard as CPython's Py_ReprEnter/Py_ReprLeave: returns 1 when o is already
// being repr'ed on this thread (caller prints "[...]"), 0 when entered, -1 on error.
int repr_enter(ThreadState* ts, Object* o);
void repr_leave(ThreadState* ts, Object* o);

// Sequence comparison once one operand is a prefix of the other: the lengths decide.
inline bool compare_sizes(ssize n1, ssize n2, CmpOp op) {
  switch (op) {
    case CmpOp::LT:
      return n1 < n2;
    case CmpOp::LE:
      return n1 <= n2;
    case CmpOp::EQ:
      return n1 == n2;
    case CmpOp::NE:
      return n1 != n2;
    case CmpOp::GT:
      return n1 > n2;
    case CmpOp::GE:
      return n1 >= n2;
  }
  return false;
}

// Normalises a sequence index (negative counts from the end). False (no exception) if out of
// range.
inline bool seq_index(ssize* i, ssize n) {
  if (*i < 0) *i += n;
  return *i >= 0 && *i < n;
}

// Iterates any iterable: calls f(item) (borrowed) for each; f returns false to stop with error.
// Fast paths for exact list and tuple (read through the list live, as CPython does).
template <class F>
bool iterate(ThreadState* ts, Object* iterable, F&& f);

// "0x7f..." for reprs.
inline std::string addr_text(const void* p) {
  char buf[32];
  snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

// repr text of an iterator object: "<zip object at 0x...>"
Object* object_at_repr(ThreadState* ts, Object* o, const char* what);

// True for the builtin sequences with their own repetition (str, bytes, bytearray, tuple, list):
// `seq * x` with a non-int x reports x's type from the left operand's side, as CPython's
// sq_repeat fallback does.
inline bool has_sequence_repeat(const Object* o) {
  return (o->type->flags & (kStrSubclass | kBytesSubclass | kTupleSubclass | kListSubclass)) ||
         isinstance_of(o, &ByteArrayType);
}

// Argument helpers with CPython's messages.
bool take_no_kwargs(ThreadState* ts, const char* fname, TupleObject* kwnames);

// Value of a keyword argument named `name` in a vectorcall; nullptr if absent.
Object* kwarg_lookup(Object* const* args, size_t nargs, TupleObject* kwnames, const char* name);

}  // namespace gp

#include "runtime/list.h"
#include "runtime/tuple.h"

namespace gp {
template <class F>
bool iterate(ThreadState* ts, Object* iterable, F&& f) {
  if (is_list_exact(iterable)) {
    for (ssize i = 0; i < list_size(iterable); ++i) {
      Object* item = list_item(iterable, i);
      incref(item);
      bool ok = f(item);
      decref(item);
      if (!ok) return false;
    }
    return true;
  }
  if (is_tuple_exact(iterable)) {
    for (ssize i = 0; i < tuple_size(iterable); ++i)
      if (!f(tuple_item(iterable, i))) return false;
    return true;
  }
  Ref<> it = Ref<>::steal(get_iter(ts, iterable));
  if (!it) return false;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(ts, it.get()));
    if (!item) return !exc_occurred(ts);
    if (!f(item.get())) return false;
  }
}
}  // namespace gp
