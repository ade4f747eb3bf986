#pragma once

#include "runtime/object.h"

namespace gp {

struct ListObject : Object {
  ssize size;
  ssize capacity;
  Object** items;  // owned references
};

extern TypeObject ListType;

inline bool is_list(const Object* o) { return o->type->flags & kListSubclass; }
inline bool is_list_exact(const Object* o) { return o->type == &ListType; }
ListObject* list_new(ThreadState* ts, ssize reserve = 0);                     // empty list
ListObject* list_from_array(ThreadState* ts, Object* const* items, ssize n);  // increfs items
bool list_append(ThreadState* ts, ListObject* l, Object* item);               // increfs item
bool list_extend(ThreadState* ts, ListObject* l, Object* iterable);
// list(iterable); fast paths for list/tuple.
ListObject* list_from_iterable(ThreadState* ts, Object* iterable);
// Stable sort in place; key may be nullptr.
bool list_sort(ThreadState* ts, ListObject* l, Object* key, bool reverse);
inline ssize list_size(const Object* l) { return static_cast<const ListObject*>(l)->size; }
inline Object* list_item(const Object* l, ssize i) {  // borrowed
  return static_cast<const ListObject*>(l)->items[i];
}

}  // namespace gp

namespace gp {

struct ListIterObject : Object {
  ListObject* seq;  // owned; nullptr once exhausted
  ssize index;
};
extern TypeObject ListIterType;
extern TypeObject ListRevIterType;  // reversed(list): same layout, index counts down

bool list_insert(ThreadState* ts, ListObject* l, ssize where, Object* item);  // increfs item
// l[lo:hi] for 0 <= lo <= hi <= size.
ListObject* list_slice(ThreadState* ts, ListObject* l, ssize lo, ssize hi);
TupleObject* list_as_tuple(ThreadState* ts, ListObject* l);
bool list_reverse(ListObject* l);

}  // namespace gp
