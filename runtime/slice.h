// slice objects: slice(start, stop, step) and the index arithmetic used by every sequence.
#pragma once

#include "runtime/object.h"

namespace gp {

struct SliceObject : Object {
  Object* start;  // owned; None when omitted
  Object* stop;
  Object* step;
};

extern TypeObject SliceType;

inline bool is_slice(const Object* o) { return o->type == &SliceType; }
// slice(start, stop, step); nullptr arguments mean None. Increfs the arguments.
Object* slice_new(ThreadState* ts, Object* start, Object* stop, Object* step);
// Resolves slice against a sequence of `length` items, as CPython's PySlice_GetIndicesEx:
// clamps start/stop, computes the number of items. False on error ("slice step cannot be zero",
// "slice indices must be integers or None or have an __index__ method").
bool slice_indices(ThreadState* ts, Object* slice, ssize length, ssize* start, ssize* stop,
                   ssize* step, ssize* slicelen);

}  // namespace gp
