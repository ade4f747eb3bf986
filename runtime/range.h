// range objects (int64 bounds) and their iterator, which the VM may special-case in FOR_ITER.
#pragma once

#include "runtime/object.h"

namespace gp {

struct RangeObject : Object {
  int64_t start;
  int64_t stop;
  int64_t step;    // never 0
  int64_t length;  // number of items
};

struct RangeIterObject : Object {
  int64_t next;  // value returned next
  int64_t step;
  int64_t remaining;  // items left
};

extern TypeObject RangeType;
extern TypeObject RangeIterType;  // "range_iterator"

inline bool is_range(const Object* o) { return o->type == &RangeType; }
inline bool is_range_iter(const Object* o) { return o->type == &RangeIterType; }
Object* range_new(ThreadState* ts, int64_t start, int64_t stop, int64_t step);
// Fast FOR_ITER step: next value as a new int, or nullptr when exhausted (no exception).
Object* range_iter_next(ThreadState* ts, RangeIterObject* it);

}  // namespace gp
