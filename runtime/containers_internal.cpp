// Helpers shared by the containers and builtins (see containers_internal.h).
#include "runtime/containers_internal.h"

namespace gp {

int64_t hash_unhashable(ThreadState* ts, Object* o) {
  raise(ts, &exc::TypeError, "unhashable type: '%s'", type_name(o));
  return -1;
}

// The objects being repr'ed live in a list in the thread's dict under "Py_Repr", as CPython.
static ListObject* repr_list(ThreadState* ts, bool create) {
  if (!ts->dict) {
    if (!create) return nullptr;
    ts->dict = dict_new(ts);
    if (!ts->dict) return nullptr;
  }
  if (!is_dict(ts->dict)) return nullptr;
  auto* d = static_cast<DictObject*>(ts->dict);
  Object* l = dict_get_cstr(ts, d, "Py_Repr");
  if (l && is_list(l)) return static_cast<ListObject*>(l);
  if (!create) return nullptr;
  Ref<ListObject> nl = Ref<ListObject>::steal(list_new(ts));
  if (!nl || !dict_set_cstr(ts, d, "Py_Repr", nl.get())) return nullptr;
  return nl.get();
}

int repr_enter(ThreadState* ts, Object* o) {
  ListObject* l = repr_list(ts, true);
  if (!l) return exc_occurred(ts) ? -1 : 0;
  for (ssize i = 0; i < l->size; ++i)
    if (l->items[i] == o) return 1;
  return list_append(ts, l, o) ? 0 : -1;
}

void repr_leave(ThreadState* ts, Object* o) {
  Object* saved = fetch_exc(ts);
  ListObject* l = repr_list(ts, false);
  if (l) {
    for (ssize i = l->size - 1; i >= 0; --i)
      if (l->items[i] == o) {
        Object* item = l->items[i];
        for (ssize j = i; j + 1 < l->size; ++j) l->items[j] = l->items[j + 1];
        --l->size;
        decref(item);
        break;
      }
  }
  if (saved) restore_exc(ts, saved);
}

Object* object_at_repr(ThreadState* ts, Object* o, const char* what) {
  return str_format(ts, "<%s object at %p>", what, static_cast<void*>(o));
}

bool take_no_kwargs(ThreadState* ts, const char* fname, TupleObject* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise(ts, &exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

Object* kwarg_lookup(Object* const* args, size_t nargs, TupleObject* kwnames, const char* name) {
  if (!kwnames) return nullptr;
  for (ssize i = 0; i < tuple_size(kwnames); ++i)
    if (str_eq(tuple_item(kwnames, i), name)) return args[nargs + i];
  return nullptr;
}

}  // namespace gp
