// The builtin iterator types: enumerate, zip, map, filter, reversed (runtime/iterators.cpp).
// The sequence iterator lives in the object model (SeqIterType, runtime/abstract.cpp).
#pragma once

#include "runtime/object.h"

namespace gp {

extern TypeObject EnumerateType;
extern TypeObject ZipType;
extern TypeObject MapType;
extern TypeObject FilterType;
extern TypeObject ReversedType;
extern TypeObject CallIterType;  // "callable_iterator" (iter(callable, sentinel))

// reversed(seq): seq.__reversed__() or a reverse iterator over the sequence protocol.
Object* reversed_new(ThreadState* ts, Object* seq);

// iter(callable, sentinel): a "callable_iterator".
Object* calliter_new(ThreadState* ts, Object* callable, Object* sentinel);

// Makes every container/iterator type of this area that runtime_init does not list ready
// (dict views and iterators, list/tuple/set/range iterators, enumerate, zip, ...). Idempotent;
// init_builtins calls it.
bool ready_container_types(ThreadState* ts);

}  // namespace gp
