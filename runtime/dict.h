// dict: a compact, insertion-ordered hash table (an index array into a dense entry array, as
// CPython >= 3.6). Lookups with an interned str key compare pointers before calling __eq__.
#pragma once

#include "runtime/object.h"

namespace gp {

struct DictEntry {
  int64_t hash;
  Object* key;  // nullptr for a deleted entry
  Object* value;
};

struct DictObject : Object {
  ssize used;        // live entries
  ssize nentries;    // entries used in `entries` (live + deleted)
  ssize capacity;    // size of `entries`
  ssize index_size;  // power of two
  int64_t* indices;  // -1 empty, -2 dummy, else index into entries
  DictEntry* entries;
  uint64_t version;  // bumped on every change (caches of globals lookups test it)
};

extern TypeObject DictType;

inline bool is_dict(const Object* o) { return o->type->flags & kDictSubclass; }
inline bool is_dict_exact(const Object* o) { return o->type == &DictType; }
DictObject* dict_new(ThreadState* ts);
// Borrowed value or nullptr. nullptr with ts->exc set means hashing/comparing raised.
Object* dict_get(ThreadState* ts, DictObject* d, Object* key);
// Borrowed value or nullptr; for str keys (never raises).
Object* dict_get_str(ThreadState* ts, DictObject* d, StrObject* key);
Object* dict_get_cstr(ThreadState* ts, DictObject* d, const char* key);     // borrowed or nullptr
bool dict_set(ThreadState* ts, DictObject* d, Object* key, Object* value);  // increfs both
bool dict_set_cstr(ThreadState* ts, DictObject* d, const char* key, Object* value);
// 1 deleted, 0 missing (no exception), -1 error.
int dict_del(ThreadState* ts, DictObject* d, Object* key);
// Iteration in insertion order: pos starts at 0; borrowed key/value.
bool dict_next(DictObject* d, ssize* pos, Object** key, Object** value);
inline ssize dict_size(const DictObject* d) { return d->used; }
bool dict_update(ThreadState* ts, DictObject* d, Object* other);  // dict or mapping or pairs
DictObject* dict_copy(ThreadState* ts, DictObject* d);
void dict_clear(DictObject* d);

}  // namespace gp
