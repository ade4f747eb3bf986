#pragma once
#include <initializer_list>

#include "runtime/object.h"

namespace gp {

struct TupleObject : Object {
  ssize size;
  Object* items[1];  // size items, each an owned reference
};

extern TypeObject TupleType;

inline bool is_tuple(const Object* o) { return o->type->flags & kTupleSubclass; }
inline bool is_tuple_exact(const Object* o) { return o->type == &TupleType; }
// A tuple of n null items for the caller to fill with owned references (n == 0: the shared ()).
TupleObject* tuple_new(ThreadState* ts, ssize n);
// A tuple of the given items (each incref'd).
TupleObject* tuple_pack(ThreadState* ts, std::initializer_list<Object*> items);
TupleObject* tuple_from_array(ThreadState* ts, Object* const* items, ssize n);
inline ssize tuple_size(const Object* t) { return static_cast<const TupleObject*>(t)->size; }
inline Object* tuple_item(const Object* t, ssize i) {  // borrowed
  return static_cast<const TupleObject*>(t)->items[i];
}

}  // namespace gp

namespace gp {

struct TupleIterObject : Object {
  TupleObject* seq;  // owned; nullptr once exhausted
  ssize index;
};
extern TypeObject TupleIterType;

// tuple(iterable); returns the argument itself for an exact tuple.
TupleObject* tuple_from_iterable(ThreadState* ts, Object* iterable);
// t[lo:hi] for 0 <= lo <= hi <= size.
TupleObject* tuple_slice(ThreadState* ts, TupleObject* t, ssize lo, ssize hi);

}  // namespace gp
