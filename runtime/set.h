#pragma once

#include "runtime/object.h"

namespace gp {

struct SetEntry {
  int64_t hash;
  Object* key;  // nullptr empty; dummy marks a deleted slot (set.cpp)
};

struct SetObject : Object {
  ssize used;
  ssize fill;
  ssize mask;  // table size - 1
  SetEntry* table;
  int64_t hash;  // frozenset hash cache, -1 until computed
};

extern TypeObject SetType;
extern TypeObject FrozenSetType;

inline bool is_anyset(const Object* o) {
  return isinstance_of(o, &SetType) || isinstance_of(o, &FrozenSetType);
}
SetObject* set_new(ThreadState* ts, Object* iterable = nullptr);  // set() or set(iterable)
SetObject* frozenset_new(ThreadState* ts, Object* iterable = nullptr);
bool set_add(ThreadState* ts, SetObject* s, Object* key);
int set_contains(ThreadState* ts, SetObject* s, Object* key);  // -1 on error
int set_discard(ThreadState* ts, SetObject* s, Object* key);   // 1 removed, 0 absent, -1 error
bool set_next(SetObject* s, ssize* pos, Object** key);         // borrowed

}  // namespace gp
