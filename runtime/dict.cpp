// dict: a compact, insertion-ordered hash table as CPython >= 3.6. `indices` is an open-addressing
// table (perturbed probing, as CPython) of positions in the dense `entries` array; deleting leaves
// a dummy index and a null entry, and a resize compacts both. Lookups compare key pointers first
// (keys are mostly interned names), then exact-str keys by content without calling __eq__, and
// only then call __eq__; when __eq__ mutates the dict the lookup restarts, as CPython does.
#include <cstdlib>
#include <string>

#include "runtime/containers_internal.h"
#include "runtime/runtime.h"

namespace gp {

namespace {

constexpr int64_t kEmpty = -1;
constexpr int64_t kDummy = -2;
constexpr ssize kMinIndexSize = 8;

inline ssize usable_for(ssize index_size) { return (index_size << 1) / 3; }

// Hash of a key with the str fast path; -1 on error.
inline int64_t key_hash(ThreadState* ts, Object* key) {
  if (is_str_exact(key)) return str_hash(static_cast<StrObject*>(key));
  return hash(ts, key);
}

// Position in entries of key, -1 when missing, -2 on error. *slot gets the indices position that
// holds it (when found).
ssize lookup(ThreadState* ts, DictObject* d, Object* key, int64_t h, ssize* slot = nullptr) {
  const bool key_str = is_str_exact(key);
restart:
  if (d->index_size == 0) return -1;
  {
    size_t mask = static_cast<size_t>(d->index_size - 1);
    uint64_t perturb = static_cast<uint64_t>(h);
    size_t i = static_cast<size_t>(h) & mask;
    for (;;) {
      int64_t ix = d->indices[i];
      if (ix == kEmpty) return -1;
      if (ix >= 0) {
        DictEntry* e = &d->entries[ix];
        if (e->key == key) {
          if (slot) *slot = static_cast<ssize>(i);
          return ix;
        }
        if (e->hash == h) {
          Object* startkey = e->key;
          if (key_str && is_str_exact(startkey)) {
            if (str_equal(static_cast<StrObject*>(startkey), static_cast<StrObject*>(key))) {
              if (slot) *slot = static_cast<ssize>(i);
              return ix;
            }
          } else {
            DictEntry* old_entries = d->entries;
            incref(startkey);
            int cmp = richcompare_bool(ts, startkey, key, CmpOp::EQ);
            decref(startkey);
            if (cmp < 0) return -2;
            if (d->entries != old_entries || ix >= d->nentries || d->entries[ix].key != startkey)
              goto restart;
            if (cmp) {
              if (slot) *slot = static_cast<ssize>(i);
              return ix;
            }
          }
        }
      }
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
  }
}

// First empty or dummy index slot for hash h.
inline size_t find_empty_slot(DictObject* d, int64_t h) {
  size_t mask = static_cast<size_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  while (d->indices[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Rebuilds the table with room for at least `minused` live entries (compacting deleted ones).
bool resize(ThreadState* ts, DictObject* d, ssize minused) {
  ssize isz = kMinIndexSize;
  while (usable_for(isz) < minused) isz <<= 1;
  ssize cap = usable_for(isz);
  auto* indices = static_cast<int64_t*>(malloc(sizeof(int64_t) * isz));
  auto* entries = static_cast<DictEntry*>(malloc(sizeof(DictEntry) * cap));
  if (!indices || !entries) {
    free(indices);
    free(entries);
    raise_with(ts, &exc::MemoryError, nullptr);
    return false;
  }
  for (ssize i = 0; i < isz; ++i) indices[i] = kEmpty;
  ssize n = 0;
  for (ssize k = 0; k < d->nentries; ++k) {
    DictEntry& e = d->entries[k];
    if (!e.key) continue;
    entries[n] = e;
    size_t mask = static_cast<size_t>(isz - 1);
    uint64_t perturb = static_cast<uint64_t>(e.hash);
    size_t i = static_cast<size_t>(e.hash) & mask;
    while (indices[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    indices[i] = n;
    ++n;
  }
  free(d->indices);
  free(d->entries);
  d->indices = indices;
  d->entries = entries;
  d->index_size = isz;
  d->capacity = cap;
  d->nentries = n;
  return true;
}

// Inserts (key, value) known to be missing; steals neither.
bool insert_new(ThreadState* ts, DictObject* d, Object* key, int64_t h, Object* value) {
  if (d->nentries >= d->capacity) {
    if (!resize(ts, d, d->used * 2 + 1)) return false;
  }
  size_t i = find_empty_slot(d, h);
  d->indices[i] = d->nentries;
  DictEntry& e = d->entries[d->nentries++];
  e.hash = h;
  e.key = newref(key);
  e.value = newref(value);
  ++d->used;
  ++d->version;
  return true;
}

bool set_with_hash(ThreadState* ts, DictObject* d, Object* key, int64_t h, Object* value) {
  ssize ix = lookup(ts, d, key, h);
  if (ix == -2) return false;
  if (ix >= 0) {
    Object* old = d->entries[ix].value;
    d->entries[ix].value = newref(value);
    ++d->version;
    decref(old);
    return true;
  }
  return insert_new(ts, d, key, h, value);
}

// Removes the entry at position ix whose index lives at slot; the caller owns the returned
// key/value references.
void remove_entry(DictObject* d, ssize ix, ssize slot, Object** key, Object** value) {
  DictEntry& e = d->entries[ix];
  d->indices[slot] = kDummy;
  *key = e.key;
  *value = e.value;
  e.key = nullptr;
  e.value = nullptr;
  --d->used;
  ++d->version;
}

Object* raise_key_error(ThreadState* ts, Object* key) {
  Object* e = exception_new(ts, &exc::KeyError, &key, 1);
  if (!e) return nullptr;
  restore_exc(ts, e);
  return nullptr;
}

// ---- slots ----

void dict_dealloc(Object* o) {
  auto* d = static_cast<DictObject*>(o);
  DictEntry* entries = d->entries;
  ssize n = d->nentries;
  int64_t* indices = d->indices;
  d->entries = nullptr;
  d->indices = nullptr;
  d->nentries = d->used = d->capacity = d->index_size = 0;
  for (ssize i = 0; i < n; ++i) {
    if (entries[i].key) {
      decref(entries[i].key);
      decref(entries[i].value);
    }
  }
  free(entries);
  free(indices);
  free_object(o);
}

int dict_traverse(Object* o, visitproc visit, void* arg) {
  auto* d = static_cast<DictObject*>(o);
  for (ssize i = 0; i < d->nentries; ++i) {
    DictEntry& e = d->entries[i];
    if (!e.key) continue;
    int r = visit(e.key, arg);
    if (r) return r;
    r = visit(e.value, arg);
    if (r) return r;
  }
  return 0;
}

void dict_clear_slot(Object* o) { dict_clear(static_cast<DictObject*>(o)); }

Object* dict_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<DictObject*>(o);
  if (d->used == 0) return str_from(ts, "{}");
  int r = repr_enter(ts, o);
  if (r < 0) return nullptr;
  if (r > 0) return str_from(ts, "{...}");
  std::string out = "{";
  bool first = true;
  bool ok = true;
  for (ssize i = 0; i < d->nentries; ++i) {
    if (!d->entries[i].key) continue;
    Ref<> k = Ref<>::borrow(d->entries[i].key);
    Ref<> v = Ref<>::borrow(d->entries[i].value);
    if (!first) out += ", ";
    first = false;
    std::string piece;
    if (!repr_text(ts, k.get(), &piece)) {
      ok = false;
      break;
    }
    out += piece;
    out += ": ";
    if (!repr_text(ts, v.get(), &piece)) {
      ok = false;
      break;
    }
    out += piece;
  }
  repr_leave(ts, o);
  if (!ok) return nullptr;
  out += '}';
  return str_from(ts, out);
}

ssize dict_len(ThreadState*, Object* o) { return static_cast<DictObject*>(o)->used; }

int dict_contains(ThreadState* ts, Object* o, Object* key) {
  auto* d = static_cast<DictObject*>(o);
  int64_t h = key_hash(ts, key);
  if (h == -1) return -1;
  ssize ix = lookup(ts, d, key, h);
  if (ix == -2) return -1;
  return ix >= 0;
}

Object* dict_subscript(ThreadState* ts, Object* o, Object* key) {
  auto* d = static_cast<DictObject*>(o);
  int64_t h = key_hash(ts, key);
  if (h == -1) return nullptr;
  ssize ix = lookup(ts, d, key, h);
  if (ix == -2) return nullptr;
  if (ix >= 0) return newref(d->entries[ix].value);
  if (!is_dict_exact(o)) {
    Object* missing = type_lookup(o->type, names.__missing__);
    if (missing) {
      if (missing->type->descr_get) {
        Ref<> bound = Ref<>::steal(missing->type->descr_get(ts, missing, o, o->type));
        if (!bound) return nullptr;
        return call1(ts, bound.get(), key);
      }
      return call2(ts, missing, o, key);
    }
  }
  return raise_key_error(ts, key);
}

bool dict_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  auto* d = static_cast<DictObject*>(o);
  if (value) return dict_set(ts, d, key, value);
  int r = dict_del(ts, d, key);
  if (r < 0) return false;
  if (r == 0) {
    raise_key_error(ts, key);
    return false;
  }
  return true;
}

Object* dict_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_dict(a) || !is_dict(b) || (op != CmpOp::EQ && op != CmpOp::NE)) return not_implemented();
  auto* x = static_cast<DictObject*>(a);
  auto* y = static_cast<DictObject*>(b);
  bool eq = true;
  if (x->used != y->used) {
    eq = false;
  } else {
    for (ssize i = 0; i < x->nentries; ++i) {
      if (!x->entries[i].key) continue;
      Ref<> k = Ref<>::borrow(x->entries[i].key);
      Ref<> v = Ref<>::borrow(x->entries[i].value);
      int64_t h = x->entries[i].hash;
      ssize ix = lookup(ts, y, k.get(), h);
      if (ix == -2) return nullptr;
      if (ix < 0) {
        eq = false;
        break;
      }
      Ref<> w = Ref<>::borrow(y->entries[ix].value);
      int r = richcompare_bool(ts, v.get(), w.get(), CmpOp::EQ);
      if (r < 0) return nullptr;
      if (!r) {
        eq = false;
        break;
      }
    }
  }
  return bool_from(op == CmpOp::EQ ? eq : !eq);
}

// ---- iterators ----

enum IterKind : int { kKeys = 0, kValues = 1, kItems = 2 };

struct DictIterObject : Object {
  DictObject* dict;  // owned; nullptr when exhausted
  ssize pos;
  ssize used;           // dict size when created (-1 after a size change: sticky)
  ssize remaining;      // items left to yield
  TupleObject* result;  // reusable items tuple
};

extern TypeObject DictKeyIterType, DictValueIterType, DictItemIterType;
extern TypeObject DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType;

Object* dictiter_new(ThreadState* ts, DictObject* d, TypeObject* type, bool reversed) {
  auto* it = alloc<DictIterObject>(ts, type);
  if (!it) return nullptr;
  it->dict = newref(d);
  it->used = d->used;
  it->remaining = d->used;
  it->pos = reversed ? d->nentries - 1 : 0;
  it->result = nullptr;
  return it;
}

void dictiter_dealloc(Object* o) {
  auto* it = static_cast<DictIterObject*>(o);
  xdecref(it->dict);
  xdecref(it->result);
  free_object(o);
}
int dictiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<DictIterObject*>(o);
  if (it->dict) {
    int r = visit(it->dict, arg);
    if (r) return r;
  }
  return it->result ? visit(it->result, arg) : 0;
}

// Finds the next live entry; nullptr at the end or on error.
DictEntry* dictiter_advance(ThreadState* ts, DictIterObject* it, bool reversed) {
  DictObject* d = it->dict;
  if (!d) return nullptr;
  if (it->used != d->used) {
    raise(ts, &exc::RuntimeError, "dictionary changed size during iteration");
    it->used = -1;
    return nullptr;
  }
  ssize i = it->pos;
  DictEntry* e = nullptr;
  if (reversed) {
    if (i >= d->nentries) i = d->nentries - 1;
    while (i >= 0 && !d->entries[i].key) --i;
    if (i >= 0) e = &d->entries[i];
    it->pos = i - 1;
  } else {
    while (i < d->nentries && !d->entries[i].key) ++i;
    if (i < d->nentries) e = &d->entries[i];
    it->pos = i + 1;
  }
  if (!e) {
    clearref(it->dict);
    return nullptr;
  }
  if (it->remaining == 0) {
    raise(ts, &exc::RuntimeError, "dictionary keys changed during iteration");
    clearref(it->dict);
    return nullptr;
  }
  --it->remaining;
  return e;
}

Object* make_item(ThreadState* ts, DictIterObject* it, DictEntry* e) {
  Object* k = e->key;
  Object* v = e->value;
  if (it->result && it->result->refcnt == 1) {
    TupleObject* r = it->result;
    Object* ok = r->items[0];
    Object* ov = r->items[1];
    r->items[0] = newref(k);
    r->items[1] = newref(v);
    decref(ok);
    decref(ov);
    return newref(r);
  }
  TupleObject* r = tuple_pack(ts, {k, v});
  if (!r) return nullptr;
  if (!it->result) it->result = newref(r);
  return r;
}

Object* dictiter_next_key(ThreadState* ts, Object* o) {
  DictEntry* e = dictiter_advance(ts, static_cast<DictIterObject*>(o), false);
  return e ? newref(e->key) : nullptr;
}
Object* dictiter_next_value(ThreadState* ts, Object* o) {
  DictEntry* e = dictiter_advance(ts, static_cast<DictIterObject*>(o), false);
  return e ? newref(e->value) : nullptr;
}
Object* dictiter_next_item(ThreadState* ts, Object* o) {
  auto* it = static_cast<DictIterObject*>(o);
  DictEntry* e = dictiter_advance(ts, it, false);
  return e ? make_item(ts, it, e) : nullptr;
}
Object* dictiter_prev_key(ThreadState* ts, Object* o) {
  DictEntry* e = dictiter_advance(ts, static_cast<DictIterObject*>(o), true);
  return e ? newref(e->key) : nullptr;
}
Object* dictiter_prev_value(ThreadState* ts, Object* o) {
  DictEntry* e = dictiter_advance(ts, static_cast<DictIterObject*>(o), true);
  return e ? newref(e->value) : nullptr;
}
Object* dictiter_prev_item(ThreadState* ts, Object* o) {
  auto* it = static_cast<DictIterObject*>(o);
  DictEntry* e = dictiter_advance(ts, it, true);
  return e ? make_item(ts, it, e) : nullptr;
}

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* dictiter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* it = static_cast<DictIterObject*>(self);
  ssize n = (it->dict && it->used == it->dict->used) ? it->remaining : 0;
  return int_from(ts, n);
}
const MethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject make_iter_type(const char* name, unaryfunc next) {
  TypeObject t = make_static_type(name, sizeof(DictIterObject), kHaveGC);
  t.dealloc = dictiter_dealloc;
  t.traverse = dictiter_traverse;
  t.iter = self_iter;
  t.iternext = next;
  t.methods = dictiter_methods;
  return t;
}

Object* dict_iter(ThreadState* ts, Object* o) {
  return dictiter_new(ts, static_cast<DictObject*>(o), &DictKeyIterType, false);
}

// ---- views ----

struct DictViewObject : Object {
  DictObject* dict;  // owned
};

extern TypeObject DictKeysType, DictValuesType, DictItemsType;

Object* view_new(ThreadState* ts, Object* d, TypeObject* type) {
  auto* v = alloc<DictViewObject>(ts, type);
  if (!v) return nullptr;
  v->dict = newref(static_cast<DictObject*>(d));
  return v;
}
void view_dealloc(Object* o) {
  xdecref(static_cast<DictViewObject*>(o)->dict);
  free_object(o);
}
int view_traverse(Object* o, visitproc visit, void* arg) {
  auto* v = static_cast<DictViewObject*>(o);
  return v->dict ? visit(v->dict, arg) : 0;
}
ssize view_len(ThreadState*, Object* o) { return static_cast<DictViewObject*>(o)->dict->used; }

Object* view_repr(ThreadState* ts, Object* o) {
  int r = repr_enter(ts, o);
  if (r < 0) return nullptr;
  if (r > 0) return str_from(ts, "...");
  Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, o));
  std::string text;
  bool ok = l && repr_text(ts, l.get(), &text);
  repr_leave(ts, o);
  if (!ok) return nullptr;
  return str_format(ts, "%s(%s)", o->type->name, text.c_str());
}

Object* keys_iter(ThreadState* ts, Object* o) {
  return dictiter_new(ts, static_cast<DictViewObject*>(o)->dict, &DictKeyIterType, false);
}
Object* values_iter(ThreadState* ts, Object* o) {
  return dictiter_new(ts, static_cast<DictViewObject*>(o)->dict, &DictValueIterType, false);
}
Object* items_iter(ThreadState* ts, Object* o) {
  return dictiter_new(ts, static_cast<DictViewObject*>(o)->dict, &DictItemIterType, false);
}

int keys_contains(ThreadState* ts, Object* o, Object* key) {
  return dict_contains(ts, static_cast<DictViewObject*>(o)->dict, key);
}
int items_contains(ThreadState* ts, Object* o, Object* item) {
  if (!is_tuple(item) || tuple_size(item) != 2) return 0;
  DictObject* d = static_cast<DictViewObject*>(o)->dict;
  Object* v = dict_get(ts, d, tuple_item(item, 0));
  if (!v) return exc_occurred(ts) ? -1 : 0;
  Ref<> hold = Ref<>::borrow(v);
  return richcompare_bool(ts, v, tuple_item(item, 1), CmpOp::EQ);
}

bool is_setlike_view(const Object* o) {
  return o->type == &DictKeysType || o->type == &DictItemsType;
}

// True when every element of a is in b.
int all_contained_in(ThreadState* ts, Object* a, Object* b) {
  int result = 1;
  bool ok = iterate(ts, a, [&](Object* item) {
    int r = contains(ts, b, item);
    if (r < 0) return false;
    if (!r) {
      result = 0;
      return false;
    }
    return true;
  });
  if (!ok && exc_occurred(ts)) return -1;
  return result;
}

Object* view_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_anyset(b) && !is_setlike_view(b)) return not_implemented();
  ssize la = length(ts, a);
  if (la < 0) return nullptr;
  ssize lb = length(ts, b);
  if (lb < 0) return nullptr;
  int r = 0;
  switch (op) {
    case CmpOp::EQ:
    case CmpOp::NE:
      r = la == lb ? all_contained_in(ts, a, b) : 0;
      break;
    case CmpOp::LT:
      r = la < lb ? all_contained_in(ts, a, b) : 0;
      break;
    case CmpOp::LE:
      r = la <= lb ? all_contained_in(ts, a, b) : 0;
      break;
    case CmpOp::GT:
      r = la > lb ? all_contained_in(ts, b, a) : 0;
      break;
    case CmpOp::GE:
      r = la >= lb ? all_contained_in(ts, b, a) : 0;
      break;
  }
  if (r < 0) return nullptr;
  if (op == CmpOp::NE) r = !r;
  return bool_from(r != 0);
}

// set(a) <op>= b, with a swapped in for the commutative ops when a is not a view.
Object* view_setop(ThreadState* ts, Object* a, Object* b, const char* method, bool commutative) {
  if (commutative && !is_setlike_view(a)) std::swap(a, b);
  Ref<SetObject> s = Ref<SetObject>::steal(set_new(ts, a));
  if (!s) return nullptr;
  Ref<> r = Ref<>::steal(call_method(ts, s.get(), method, {b}));
  if (!r) return nullptr;
  return s.release();
}
Object* view_and(ThreadState* ts, Object* a, Object* b) {
  return view_setop(ts, a, b, "intersection_update", true);
}
Object* view_or(ThreadState* ts, Object* a, Object* b) {
  return view_setop(ts, a, b, "update", true);
}
Object* view_xor(ThreadState* ts, Object* a, Object* b) {
  return view_setop(ts, a, b, "symmetric_difference_update", true);
}
Object* view_sub(ThreadState* ts, Object* a, Object* b) {
  return view_setop(ts, a, b, "difference_update", false);
}

Object* view_isdisjoint(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                        TupleObject* kwnames) {
  if (!no_kwargs(ts, "isdisjoint", kwnames) || !check_nargs(ts, "isdisjoint", nargs, 1, 1))
    return nullptr;
  bool disjoint = true;
  bool ok = iterate(ts, args[0], [&](Object* item) {
    int r = contains(ts, self, item);
    if (r < 0) return false;
    if (r) {
      disjoint = false;
      return false;
    }
    return true;
  });
  if (!ok && exc_occurred(ts)) return nullptr;
  return bool_from(disjoint);
}

Object* keys_reversed(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return dictiter_new(ts, static_cast<DictViewObject*>(self)->dict, &DictRevKeyIterType, true);
}
Object* values_reversed(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return dictiter_new(ts, static_cast<DictViewObject*>(self)->dict, &DictRevValueIterType, true);
}
Object* items_reversed(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return dictiter_new(ts, static_cast<DictViewObject*>(self)->dict, &DictRevItemIterType, true);
}

Object* view_mapping(ThreadState* ts, Object* self) {
  // mappingproxy is not available: the dict itself (read-only intent).
  return newref(static_cast<DictViewObject*>(self)->dict);
}
const GetSetDef view_getsets[] = {
    {"mapping", view_mapping, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef keys_methods[] = {
    {"isdisjoint", view_isdisjoint, 0, nullptr},
    {"__reversed__", keys_reversed, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
const MethodDef items_methods[] = {
    {"isdisjoint", view_isdisjoint, 0, nullptr},
    {"__reversed__", items_reversed, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
const MethodDef values_methods[] = {
    {"__reversed__", values_reversed, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject make_view_type(const char* name, unaryfunc iter, objobjproc cont,
                          const MethodDef* methods, bool setlike) {
  TypeObject t = make_static_type(name, sizeof(DictViewObject), kHaveGC);
  t.dealloc = view_dealloc;
  t.traverse = view_traverse;
  t.repr = view_repr;
  t.len = view_len;
  t.iter = iter;
  t.contains = cont;
  t.methods = methods;
  t.getsets = view_getsets;
  if (setlike) {
    t.richcompare = view_richcompare;
    t.nb[int(BinOp::And)] = view_and;
    t.nb[int(BinOp::Or)] = view_or;
    t.nb[int(BinOp::Xor)] = view_xor;
    t.nb[int(BinOp::Sub)] = view_sub;
  }
  return t;
}

// ---- update helpers ----

// Merges a dict (override: replace existing keys).
bool merge_dict(ThreadState* ts, DictObject* d, DictObject* other) {
  if (d == other || other->used == 0) return true;
  if (d->used == 0 && other->used == other->nentries && other->index_size > 0 &&
      d->capacity < other->used) {
    if (!resize(ts, d, other->used)) return false;
  }
  for (ssize i = 0; i < other->nentries; ++i) {
    DictEntry e = other->entries[i];
    if (!e.key) continue;
    Ref<> k = Ref<>::borrow(e.key);
    Ref<> v = Ref<>::borrow(e.value);
    if (!set_with_hash(ts, d, k.get(), e.hash, v.get())) return false;
  }
  return true;
}

bool merge_keys(ThreadState* ts, DictObject* d, Object* mapping) {
  Ref<> keys = Ref<>::steal(call_method(ts, mapping, "keys"));
  if (!keys) return false;
  return iterate(ts, keys.get(), [&](Object* k) {
    Ref<> v = Ref<>::steal(getitem(ts, mapping, k));
    if (!v) return false;
    return dict_set(ts, d, k, v.get());
  });
}

bool merge_pairs(ThreadState* ts, DictObject* d, Object* seq) {
  ssize n = 0;
  return iterate(ts, seq, [&](Object* item) {
    Ref<ListObject> pair;
    Object* k;
    Object* v;
    ssize len;
    if (is_tuple(item) || is_list(item)) {
      len = is_tuple(item) ? tuple_size(item) : list_size(item);
      if (len == 2) {
        k = is_tuple(item) ? tuple_item(item, 0) : list_item(item, 0);
        v = is_tuple(item) ? tuple_item(item, 1) : list_item(item, 1);
      }
    } else {
      pair = Ref<ListObject>::steal(list_from_iterable(ts, item));
      if (!pair) {
        if (exc_matches(ts, &exc::TypeError)) {
          clear_exc(ts);
          raise(ts, &exc::TypeError,
                "cannot convert dictionary update sequence element #%zd to a sequence", n);
        }
        return false;
      }
      len = pair->size;
      if (len == 2) {
        k = pair->items[0];
        v = pair->items[1];
      }
    }
    if (len != 2) {
      raise(ts, &exc::ValueError,
            "dictionary update sequence element #%zd has length %zd; 2 is required", n, len);
      return false;
    }
    Ref<> hk = Ref<>::borrow(k);
    Ref<> hv = Ref<>::borrow(v);
    ++n;
    return dict_set(ts, d, hk.get(), hv.get());
  });
}

bool has_keys_attr(ThreadState* ts, Object* o, bool* out) {
  Ref<> k = Ref<>::steal(getattr_opt(ts, o, names.keys));
  if (!k && exc_occurred(ts)) return false;
  *out = bool(k);
  return true;
}

// dict.update(arg) / dict(arg): a dict, anything with keys(), or an iterable of pairs.
bool update_arg(ThreadState* ts, DictObject* d, Object* arg) {
  if (is_dict_exact(arg)) return merge_dict(ts, d, static_cast<DictObject*>(arg));
  bool haskeys;
  if (!has_keys_attr(ts, arg, &haskeys)) return false;
  if (haskeys) {
    if (is_dict(arg) && arg->type->iter == DictType.iter)
      return merge_dict(ts, d, static_cast<DictObject*>(arg));
    return merge_keys(ts, d, arg);
  }
  return merge_pairs(ts, d, arg);
}

bool update_kwargs(ThreadState* ts, DictObject* d, Object* const* args, size_t nargs,
                   TupleObject* kwnames) {
  if (!kwnames) return true;
  for (ssize i = 0; i < kwnames->size; ++i)
    if (!dict_set(ts, d, kwnames->items[i], args[nargs + i])) return false;
  return true;
}

// ---- methods ----

// Every dict starts its version count in a range of its own (a per-interpreter serial number in
// the high 32 bits), so a (dict address, version) pair held by a cache cannot match a later dict
// allocated at the same address.
static void dict_init_version(ThreadState* ts, DictObject* d) {
  d->version = ++ts->interp->dict_version_counter << 32;
}

Object* dict_new_slot(ThreadState* ts, TypeObject* type, Object* const*, size_t, TupleObject*) {
  auto* d = alloc<DictObject>(ts, type);
  if (d) dict_init_version(ts, d);
  return d;
}

bool dict_init_slot(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  if (nargs > 1) {
    raise(ts, &exc::TypeError, "dict expected at most 1 argument, got %zu", nargs);
    return false;
  }
  auto* d = static_cast<DictObject*>(self);
  if (nargs == 1 && !update_arg(ts, d, args[0])) return false;
  return update_kwargs(ts, d, args, nargs, kwnames);
}

Object* m_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (nargs > 1)
    return raise(ts, &exc::TypeError, "update expected at most 1 argument, got %zu", nargs);
  auto* d = static_cast<DictObject*>(self);
  if (nargs == 1 && !update_arg(ts, d, args[0])) return nullptr;
  if (!update_kwargs(ts, d, args, nargs, kwnames)) return nullptr;
  return new_none();
}

Object* m_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
              TupleObject* kwnames) {
  if (!no_kwargs(ts, "get", kwnames) || !check_nargs(ts, "get", nargs, 1, 2)) return nullptr;
  Object* v = dict_get(ts, static_cast<DictObject*>(self), args[0]);
  if (v) return newref(v);
  if (exc_occurred(ts)) return nullptr;
  return newref(nargs > 1 ? args[1] : none());
}

Object* m_setdefault(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  if (!no_kwargs(ts, "setdefault", kwnames) || !check_nargs(ts, "setdefault", nargs, 1, 2))
    return nullptr;
  auto* d = static_cast<DictObject*>(self);
  Object* key = args[0];
  int64_t h = key_hash(ts, key);
  if (h == -1) return nullptr;
  ssize ix = lookup(ts, d, key, h);
  if (ix == -2) return nullptr;
  if (ix >= 0) return newref(d->entries[ix].value);
  Object* dflt = nargs > 1 ? args[1] : none();
  if (!insert_new(ts, d, key, h, dflt)) return nullptr;
  return newref(dflt);
}

Object* m_pop(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
              TupleObject* kwnames) {
  if (!no_kwargs(ts, "pop", kwnames) || !check_nargs(ts, "pop", nargs, 1, 2)) return nullptr;
  auto* d = static_cast<DictObject*>(self);
  Object* key = args[0];
  int64_t h = key_hash(ts, key);
  if (h == -1) return nullptr;
  ssize slot;
  ssize ix = lookup(ts, d, key, h, &slot);
  if (ix == -2) return nullptr;
  if (ix < 0) {
    if (nargs > 1) return newref(args[1]);
    return raise_key_error(ts, key);
  }
  Object *k, *v;
  remove_entry(d, ix, slot, &k, &v);
  decref(k);
  return v;
}

Object* m_popitem(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                  TupleObject* kwnames) {
  if (!no_kwargs(ts, "popitem", kwnames) || !check_nargs(ts, "popitem", nargs, 0, 0))
    return nullptr;
  auto* d = static_cast<DictObject*>(self);
  if (d->used == 0) return raise(ts, &exc::KeyError, "popitem(): dictionary is empty");
  ssize i = d->nentries - 1;
  while (i >= 0 && !d->entries[i].key) --i;
  DictEntry& e = d->entries[i];
  // Find its index slot.
  size_t mask = static_cast<size_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(e.hash);
  size_t j = static_cast<size_t>(e.hash) & mask;
  while (d->indices[j] != i) {
    perturb >>= 5;
    j = (j * 5 + perturb + 1) & mask;
  }
  TupleObject* r = tuple_new(ts, 2);
  if (!r) return nullptr;
  Object *k, *v;
  remove_entry(d, i, static_cast<ssize>(j), &k, &v);
  d->nentries = i;
  r->items[0] = k;
  r->items[1] = v;
  return r;
}

Object* m_keys(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!check_nargs(ts, "dict.keys", nargs, 0, 0)) return nullptr;
  return view_new(ts, self, &DictKeysType);
}
Object* m_values(ThreadState* ts, Object* self, Object* const*, size_t nargs,
                 TupleObject* kwnames) {
  if (!check_nargs(ts, "dict.values", nargs, 0, 0)) return nullptr;
  return view_new(ts, self, &DictValuesType);
}
Object* m_items(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!check_nargs(ts, "dict.items", nargs, 0, 0)) return nullptr;
  return view_new(ts, self, &DictItemsType);
}

Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "dict.copy", nargs, 0, 0)) return nullptr;
  return dict_copy(ts, static_cast<DictObject*>(self));
}
Object* m_clear(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "dict.clear", nargs, 0, 0)) return nullptr;
  dict_clear(static_cast<DictObject*>(self));
  return new_none();
}

Object* m_fromkeys(ThreadState* ts, Object* cls, Object* const* args, size_t nargs,
                   TupleObject* kwnames) {
  if (!no_kwargs(ts, "fromkeys", kwnames) || !check_nargs(ts, "fromkeys", nargs, 1, 2))
    return nullptr;
  Object* value = nargs > 1 ? args[1] : none();
  Ref<> d = Ref<>::steal(call0(ts, cls));
  if (!d) return nullptr;
  bool ok;
  if (is_dict_exact(d.get())) {
    auto* dd = static_cast<DictObject*>(d.get());
    ok = iterate(ts, args[0], [&](Object* k) { return dict_set(ts, dd, k, value); });
  } else {
    ok = iterate(ts, args[0], [&](Object* k) { return setitem(ts, d.get(), k, value); });
  }
  if (!ok) return nullptr;
  return d.release();
}

Object* m_getitem(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kwnames) {
  if (!check_nargs(ts, "dict.__getitem__", nargs, 1, 1)) return nullptr;
  return dict_subscript(ts, self, args[0]);
}
Object* m_contains(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                   TupleObject* kwnames) {
  if (!check_nargs(ts, "dict.__contains__", nargs, 1, 1)) return nullptr;
  int r = dict_contains(ts, self, args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}
Object* m_reversed(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return dictiter_new(ts, static_cast<DictObject*>(self), &DictRevKeyIterType, true);
}
Object* m_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* d = static_cast<DictObject*>(self);
  return int_from(ts, static_cast<int64_t>(sizeof(DictObject) + d->index_size * 8 +
                                           d->capacity * sizeof(DictEntry)));
}

Object* dict_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_dict(a) || !is_dict(b)) return not_implemented();
  Ref<DictObject> r = Ref<DictObject>::steal(dict_copy(ts, static_cast<DictObject*>(a)));
  if (!r || !update_arg(ts, r.get(), b)) return nullptr;
  return r.release();
}
Object* dict_ior(ThreadState* ts, Object* a, Object* b) {
  if (!update_arg(ts, static_cast<DictObject*>(a), b)) return nullptr;
  return newref(a);
}

const MethodDef dict_methods[] = {
    {"__getitem__", m_getitem, 0, nullptr},
    {"__contains__", m_contains, 0, nullptr},
    {"__reversed__", m_reversed, 0, nullptr},
    {"__sizeof__", m_sizeof, 0, nullptr},
    {"keys", m_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", m_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"values", m_values, 0, "D.values() -> an object providing a view on D's values"},
    {"get", m_get, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, 0, nullptr},
    {"pop", m_pop, 0, nullptr},
    {"popitem", m_popitem, 0, nullptr},
    {"update", m_update, 0, nullptr},
    {"fromkeys", m_fromkeys, kMethClass, nullptr},
    {"copy", m_copy, 0, "D.copy() -> a shallow copy of D"},
    {"clear", m_clear, 0, "D.clear() -> None.  Remove all items from D."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject DictType = [] {
  TypeObject t = make_static_type("dict", sizeof(DictObject), kBaseType | kHaveGC | kDictSubclass);
  t.doc =
      "dict() -> new empty dictionary\n"
      "dict(mapping) -> new dictionary initialized from a mapping object's\n"
      "    (key, value) pairs";
  t.dealloc = dict_dealloc;
  t.traverse = dict_traverse;
  t.clear = dict_clear_slot;
  t.repr = dict_repr;
  t.richcompare = dict_richcompare;
  t.iter = dict_iter;
  t.len = dict_len;
  t.getitem = dict_subscript;
  t.setitem = dict_ass_subscript;
  t.contains = dict_contains;
  t.nb[int(BinOp::Or)] = dict_or;
  t.nb_inplace[int(BinOp::Or)] = dict_ior;
  t.new_ = dict_new_slot;
  t.init = dict_init_slot;
  t.methods = dict_methods;
  return t;
}();

namespace {
TypeObject DictKeyIterType = make_iter_type("dict_keyiterator", dictiter_next_key);
TypeObject DictValueIterType = make_iter_type("dict_valueiterator", dictiter_next_value);
TypeObject DictItemIterType = make_iter_type("dict_itemiterator", dictiter_next_item);
TypeObject DictRevKeyIterType = make_iter_type("dict_reversekeyiterator", dictiter_prev_key);
TypeObject DictRevValueIterType = make_iter_type("dict_reversevalueiterator", dictiter_prev_value);
TypeObject DictRevItemIterType = make_iter_type("dict_reverseitemiterator", dictiter_prev_item);
TypeObject DictKeysType = make_view_type("dict_keys", keys_iter, keys_contains, keys_methods, true);
TypeObject DictValuesType =
    make_view_type("dict_values", values_iter, nullptr, values_methods, false);
TypeObject DictItemsType =
    make_view_type("dict_items", items_iter, items_contains, items_methods, true);
}  // namespace

extern TypeObject* const kDictInternalTypes[];
TypeObject* const kDictInternalTypes[] = {
    &DictKeyIterType,      &DictValueIterType,
    &DictItemIterType,     &DictRevKeyIterType,
    &DictRevValueIterType, &DictRevItemIterType,
    &DictKeysType,         &DictValuesType,
    &DictItemsType,        nullptr,
};

// ---- public API ----

DictObject* dict_new(ThreadState* ts) {
  auto* d = alloc<DictObject>(ts, &DictType);
  if (d) dict_init_version(ts, d);
  return d;
}

Object* dict_get(ThreadState* ts, DictObject* d, Object* key) {
  int64_t h = key_hash(ts, key);
  if (h == -1) return nullptr;
  ssize ix = lookup(ts, d, key, h);
  if (ix < 0) return nullptr;
  return d->entries[ix].value;
}

Object* dict_get_str(ThreadState* ts, DictObject* d, StrObject* key) {
  if (d->index_size == 0) return nullptr;
  int64_t h = str_hash(key);
  size_t mask = static_cast<size_t>(d->index_size - 1);
  uint64_t perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  for (;;) {
    int64_t ix = d->indices[i];
    if (ix == kEmpty) return nullptr;
    if (ix >= 0) {
      DictEntry* e = &d->entries[ix];
      if (e->key == key) return e->value;
      if (e->hash == h) {
        if (is_str_exact(e->key)) {
          if (str_equal(static_cast<StrObject*>(e->key), key)) return e->value;
        } else {
          // A non-str key with the same hash: the general path (its __eq__ may run).
          Object* saved = fetch_exc(ts);
          ssize jx = lookup(ts, d, key, h);
          if (exc_occurred(ts)) clear_exc(ts);
          if (saved) restore_exc(ts, saved);
          return jx >= 0 ? d->entries[jx].value : nullptr;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Object* dict_get_cstr(ThreadState* ts, DictObject* d, const char* key) {
  if (d->used == 0) return nullptr;
  StrObject* s = str_from(ts, key);
  if (!s) {
    clear_exc(ts);
    return nullptr;
  }
  Object* r = dict_get_str(ts, d, s);
  decref(s);
  return r;
}

bool dict_set(ThreadState* ts, DictObject* d, Object* key, Object* value) {
  int64_t h = key_hash(ts, key);
  if (h == -1) return false;
  return set_with_hash(ts, d, key, h, value);
}

bool dict_set_cstr(ThreadState* ts, DictObject* d, const char* key, Object* value) {
  StrObject* s = intern(ts, key);
  if (!s) return false;
  bool ok = dict_set(ts, d, s, value);
  decref(s);
  return ok;
}

int dict_del(ThreadState* ts, DictObject* d, Object* key) {
  int64_t h = key_hash(ts, key);
  if (h == -1) return -1;
  ssize slot;
  ssize ix = lookup(ts, d, key, h, &slot);
  if (ix == -2) return -1;
  if (ix < 0) return 0;
  Object *k, *v;
  remove_entry(d, ix, slot, &k, &v);
  decref(k);
  decref(v);
  return 1;
}

bool dict_next(DictObject* d, ssize* pos, Object** key, Object** value) {
  ssize i = *pos;
  while (i < d->nentries && !d->entries[i].key) ++i;
  if (i >= d->nentries) {
    *pos = i;
    return false;
  }
  if (key) *key = d->entries[i].key;
  if (value) *value = d->entries[i].value;
  *pos = i + 1;
  return true;
}

bool dict_update(ThreadState* ts, DictObject* d, Object* other) { return update_arg(ts, d, other); }

DictObject* dict_copy(ThreadState* ts, DictObject* d) {
  DictObject* r = dict_new(ts);
  if (!r) return nullptr;
  if (d->used == 0) return r;
  if (!resize(ts, r, d->used)) {
    decref(r);
    return nullptr;
  }
  for (ssize i = 0; i < d->nentries; ++i) {
    DictEntry& e = d->entries[i];
    if (!e.key) continue;
    size_t slot = find_empty_slot(r, e.hash);
    r->indices[slot] = r->nentries;
    DictEntry& ne = r->entries[r->nentries++];
    ne.hash = e.hash;
    ne.key = newref(e.key);
    ne.value = newref(e.value);
    ++r->used;
  }
  return r;
}

void dict_clear(DictObject* d) {
  if (d->index_size == 0 && d->nentries == 0) return;
  DictEntry* entries = d->entries;
  ssize n = d->nentries;
  free(d->indices);
  d->indices = nullptr;
  d->entries = nullptr;
  d->index_size = d->capacity = d->nentries = d->used = 0;
  ++d->version;
  for (ssize i = 0; i < n; ++i) {
    if (entries[i].key) {
      decref(entries[i].key);
      decref(entries[i].value);
    }
  }
  free(entries);
}

}  // namespace gp
