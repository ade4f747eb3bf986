// set and frozenset: an open-addressing hash table of (hash, key) entries with dummy markers for
// deleted slots, perturbed probing as dict, resized when 3/5 full. frozenset's hash is CPython's
// order-independent algorithm (xor of shuffled entry hashes), so hash(frozenset({1})) matches.
#include <cstdlib>
#include <string>

#include "runtime/containers_internal.h"
#include "runtime/runtime.h"

namespace gp {

namespace {

Object dummy_storage = {kImmortalRefcnt, &ObjectType};
Object* const kDummyKey = &dummy_storage;
constexpr ssize kMinSize = 8;

inline int64_t key_hash(ThreadState* ts, Object* key) {
  if (is_str_exact(key)) return str_hash(static_cast<StrObject*>(key));
  return hash(ts, key);
}

bool is_frozen(const Object* o) { return isinstance_of(o, &FrozenSetType); }

// Slot of key, or -1 missing, -2 error.
ssize set_lookup(ThreadState* ts, SetObject* s, Object* key, int64_t h) {
  const bool key_str = is_str_exact(key);
restart:
  if (!s->table) return -1;
  {
    size_t mask = static_cast<size_t>(s->mask);
    uint64_t perturb = static_cast<uint64_t>(h);
    size_t i = static_cast<size_t>(h) & mask;
    for (;;) {
      SetEntry* e = &s->table[i];
      if (!e->key) return -1;
      if (e->key == key) return static_cast<ssize>(i);
      if (e->key != kDummyKey && e->hash == h) {
        Object* startkey = e->key;
        if (key_str && is_str_exact(startkey)) {
          if (str_equal(static_cast<StrObject*>(startkey), static_cast<StrObject*>(key)))
            return static_cast<ssize>(i);
        } else {
          SetEntry* table = s->table;
          incref(startkey);
          int cmp = richcompare_bool(ts, startkey, key, CmpOp::EQ);
          decref(startkey);
          if (cmp < 0) return -2;
          if (table != s->table || s->table[i].key != startkey) goto restart;
          if (cmp) return static_cast<ssize>(i);
        }
      }
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
  }
}

void insert_clean(SetEntry* table, ssize mask, Object* key, int64_t h) {
  size_t m = static_cast<size_t>(mask);
  uint64_t perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & m;
  while (table[i].key) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & m;
  }
  table[i].key = key;
  table[i].hash = h;
}

bool set_table_resize(ThreadState* ts, SetObject* s, ssize minused) {
  ssize newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  auto* table = static_cast<SetEntry*>(calloc(newsize, sizeof(SetEntry)));
  if (!table) {
    raise_with(ts, &exc::MemoryError, nullptr);
    return false;
  }
  SetEntry* old = s->table;
  ssize oldsize = old ? s->mask + 1 : 0;
  for (ssize i = 0; i < oldsize; ++i)
    if (old[i].key && old[i].key != kDummyKey)
      insert_clean(table, newsize - 1, old[i].key, old[i].hash);
  free(old);
  s->table = table;
  s->mask = newsize - 1;
  s->fill = s->used;
  return true;
}

// Adds key (incref'd) with a known hash. 1 added, 0 present, -1 error.
int set_add_entry(ThreadState* ts, SetObject* s, Object* key, int64_t h) {
  if (!s->table && !set_table_resize(ts, s, 0)) return -1;
  Ref<> hold = Ref<>::borrow(key);
  ssize slot = set_lookup(ts, s, key, h);
  if (slot == -2) return -1;
  if (slot >= 0) return 0;
  if (!s->table && !set_table_resize(ts, s, 0)) return -1;  // cleared by a __eq__
  // Find the first free or dummy slot.
  size_t mask = static_cast<size_t>(s->mask);
  uint64_t perturb = static_cast<uint64_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  while (s->table[i].key && s->table[i].key != kDummyKey) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  SetEntry* e = &s->table[i];
  if (!e->key) ++s->fill;
  e->key = newref(key);
  e->hash = h;
  ++s->used;
  if (s->fill * 5 >= s->mask * 3)
    return set_table_resize(ts, s, s->used > 50000 ? s->used * 2 : s->used * 4) ? 1 : -1;
  return 1;
}

// 1 removed, 0 absent, -1 error.
int set_discard_entry(ThreadState* ts, SetObject* s, Object* key, int64_t h) {
  ssize slot = set_lookup(ts, s, key, h);
  if (slot == -2) return -1;
  if (slot < 0) return 0;
  Object* old = s->table[slot].key;
  s->table[slot].key = kDummyKey;
  s->table[slot].hash = -1;
  --s->used;
  decref(old);
  return 1;
}

// Hash for lookups: unhashable sets are looked up as frozensets (CPython's rule). *tmp receives
// the frozenset made for that.
int64_t lookup_hash(ThreadState* ts, Object*& key, Ref<>* tmp) {
  int64_t h = key_hash(ts, key);
  if (h != -1) return h;
  if (!isinstance_of(key, &SetType) || !exc_matches(ts, &exc::TypeError)) return -1;
  clear_exc(ts);
  *tmp = Ref<>::steal(frozenset_new(ts, key));
  if (!*tmp) return -1;
  key = tmp->get();
  return key_hash(ts, key);
}

void set_clear_internal(SetObject* s) {
  SetEntry* table = s->table;
  ssize size = table ? s->mask + 1 : 0;
  s->table = nullptr;
  s->mask = 0;
  s->used = 0;
  s->fill = 0;
  for (ssize i = 0; i < size; ++i)
    if (table[i].key && table[i].key != kDummyKey) decref(table[i].key);
  free(table);
}

bool set_update_internal(ThreadState* ts, SetObject* s, Object* other) {
  if (is_anyset(other)) {
    auto* o = static_cast<SetObject*>(other);
    if (o == s || o->used == 0) return true;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && !set_table_resize(ts, s, (s->used + o->used) * 2))
      return false;
    for (ssize i = 0; o->table && i <= o->mask; ++i) {
      SetEntry e = o->table[i];
      if (e.key && e.key != kDummyKey && set_add_entry(ts, s, e.key, e.hash) < 0) return false;
    }
    return true;
  }
  if (is_dict_exact(other)) {
    auto* d = static_cast<DictObject*>(other);
    for (ssize i = 0; i < d->nentries; ++i) {
      DictEntry e = d->entries[i];
      if (e.key && set_add_entry(ts, s, e.key, e.hash) < 0) return false;
    }
    return true;
  }
  return iterate(ts, other, [&](Object* item) {
    int64_t h = key_hash(ts, item);
    return h != -1 && set_add_entry(ts, s, item, h) >= 0;
  });
}

SetObject* make_set(ThreadState* ts, TypeObject* type, Object* iterable) {
  auto* s = alloc<SetObject>(ts, type);
  if (!s) return nullptr;
  s->hash = -1;
  if (iterable && !set_update_internal(ts, s, iterable)) {
    decref(s);
    return nullptr;
  }
  return s;
}

// A new set of the base type of o (set or frozenset) holding o's items.
SetObject* copy_as_base(ThreadState* ts, Object* o) {
  return make_set(ts, is_frozen(o) ? &FrozenSetType : &SetType, o);
}

// ---- slots ----

void set_dealloc(Object* o) {
  set_clear_internal(static_cast<SetObject*>(o));
  free_object(o);
}
int set_traverse(Object* o, visitproc visit, void* arg) {
  auto* s = static_cast<SetObject*>(o);
  for (ssize i = 0; s->table && i <= s->mask; ++i) {
    Object* k = s->table[i].key;
    if (k && k != kDummyKey) {
      int r = visit(k, arg);
      if (r) return r;
    }
  }
  return 0;
}
void set_clear_slot(Object* o) { set_clear_internal(static_cast<SetObject*>(o)); }

Object* set_repr(ThreadState* ts, Object* o) {
  auto* s = static_cast<SetObject*>(o);
  bool exact_set = o->type == &SetType;
  const char* tname = o->type->name;
  if (s->used == 0) return str_format(ts, "%s()", tname);
  int r = repr_enter(ts, o);
  if (r < 0) return nullptr;
  if (r > 0) return str_format(ts, "%s(...)", tname);
  Ref<ListObject> items = Ref<ListObject>::steal(list_from_iterable(ts, o));
  std::string text;
  bool ok = items && repr_text(ts, items.get(), &text);
  repr_leave(ts, o);
  if (!ok) return nullptr;
  text = "{" + text.substr(1, text.size() - 2) + "}";
  if (exact_set) return str_from(ts, text);
  return str_format(ts, "%s(%s)", tname, text.c_str());
}

ssize set_len(ThreadState*, Object* o) { return static_cast<SetObject*>(o)->used; }

int set_contains_slot(ThreadState* ts, Object* o, Object* key) {
  return set_contains(ts, static_cast<SetObject*>(o), key);
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

int64_t frozenset_hash(ThreadState*, Object* o) {
  auto* s = static_cast<SetObject*>(o);
  if (s->hash != -1) return s->hash;
  uint64_t h = 0;
  for (ssize i = 0; s->table && i <= s->mask; ++i) {
    SetEntry& e = s->table[i];
    if (e.key && e.key != kDummyKey) h ^= shuffle_bits(static_cast<uint64_t>(e.hash));
  }
  h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237UL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923UL;
  if (h == static_cast<uint64_t>(-1)) h = 590923713UL;
  s->hash = static_cast<int64_t>(h);
  return s->hash;
}

// 1 if every element of a is in b (both sets).
bool subset_of(ThreadState* ts, SetObject* a, SetObject* b, int* out) {
  *out = 1;
  if (a->used > b->used) {
    *out = 0;
    return true;
  }
  for (ssize i = 0; a->table && i <= a->mask; ++i) {
    SetEntry e = a->table[i];
    if (!e.key || e.key == kDummyKey) continue;
    Ref<> k = Ref<>::borrow(e.key);
    ssize slot = set_lookup(ts, b, k.get(), e.hash);
    if (slot == -2) return false;
    if (slot < 0) {
      *out = 0;
      return true;
    }
  }
  return true;
}

Object* set_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  auto* x = static_cast<SetObject*>(a);
  auto* y = static_cast<SetObject*>(b);
  int r = 0;
  switch (op) {
    case CmpOp::EQ:
    case CmpOp::NE:
      if (x->used != y->used) {
        r = 0;
      } else if (is_frozen(a) && is_frozen(b) && x->hash != -1 && y->hash != -1 &&
                 x->hash != y->hash) {
        r = 0;
      } else if (!subset_of(ts, x, y, &r)) {
        return nullptr;
      }
      if (op == CmpOp::NE) r = !r;
      break;
    case CmpOp::LE:
      if (!subset_of(ts, x, y, &r)) return nullptr;
      break;
    case CmpOp::GE:
      if (!subset_of(ts, y, x, &r)) return nullptr;
      break;
    case CmpOp::LT:
      if (x->used >= y->used)
        r = 0;
      else if (!subset_of(ts, x, y, &r))
        return nullptr;
      break;
    case CmpOp::GT:
      if (x->used <= y->used)
        r = 0;
      else if (!subset_of(ts, y, x, &r))
        return nullptr;
      break;
  }
  return bool_from(r != 0);
}

// ---- set algebra ----

SetObject* set_intersection2(ThreadState* ts, Object* self, Object* other) {
  auto* s = static_cast<SetObject*>(self);
  Ref<SetObject> r =
      Ref<SetObject>::steal(make_set(ts, is_frozen(self) ? &FrozenSetType : &SetType, nullptr));
  if (!r) return nullptr;
  if (is_anyset(other)) {
    auto* a = s;
    auto* b = static_cast<SetObject*>(other);
    if (a->used > b->used) std::swap(a, b);
    for (ssize i = 0; a->table && i <= a->mask; ++i) {
      SetEntry e = a->table[i];
      if (!e.key || e.key == kDummyKey) continue;
      Ref<> k = Ref<>::borrow(e.key);
      ssize slot = set_lookup(ts, b, k.get(), e.hash);
      if (slot == -2) return nullptr;
      if (slot >= 0 && set_add_entry(ts, r.get(), k.get(), e.hash) < 0) return nullptr;
    }
    return r.release();
  }
  bool ok = iterate(ts, other, [&](Object* item) {
    int64_t h = key_hash(ts, item);
    if (h == -1) return false;
    ssize slot = set_lookup(ts, s, item, h);
    if (slot == -2) return false;
    return slot < 0 || set_add_entry(ts, r.get(), item, h) >= 0;
  });
  if (!ok) return nullptr;
  return r.release();
}

bool set_difference_update_internal(ThreadState* ts, SetObject* s, Object* other) {
  if (static_cast<Object*>(s) == other) {
    set_clear_internal(s);
    return true;
  }
  if (is_anyset(other)) {
    auto* o = static_cast<SetObject*>(other);
    for (ssize i = 0; o->table && i <= o->mask; ++i) {
      SetEntry e = o->table[i];
      if (!e.key || e.key == kDummyKey) continue;
      Ref<> k = Ref<>::borrow(e.key);
      if (set_discard_entry(ts, s, k.get(), e.hash) < 0) return false;
    }
    return true;
  }
  return iterate(ts, other, [&](Object* item) {
    int64_t h = key_hash(ts, item);
    return h != -1 && set_discard_entry(ts, s, item, h) >= 0;
  });
}

bool set_symmetric_update_internal(ThreadState* ts, SetObject* s, Object* other) {
  if (static_cast<Object*>(s) == other) {
    set_clear_internal(s);
    return true;
  }
  Ref<SetObject> o;
  if (is_anyset(other)) {
    o = Ref<SetObject>::borrow(static_cast<SetObject*>(other));
  } else {
    o = Ref<SetObject>::steal(make_set(ts, &SetType, other));
    if (!o) return false;
  }
  for (ssize i = 0; o->table && i <= o->mask; ++i) {
    SetEntry e = o->table[i];
    if (!e.key || e.key == kDummyKey) continue;
    Ref<> k = Ref<>::borrow(e.key);
    int r = set_discard_entry(ts, s, k.get(), e.hash);
    if (r < 0) return false;
    if (r == 0 && set_add_entry(ts, s, k.get(), e.hash) < 0) return false;
  }
  return true;
}

bool set_intersection_update_internal(ThreadState* ts, SetObject* s, Object* other) {
  Ref<SetObject> r = Ref<SetObject>::steal(set_intersection2(ts, s, other));
  if (!r) return false;
  // Swap tables.
  std::swap(s->table, r->table);
  std::swap(s->mask, r->mask);
  std::swap(s->used, r->used);
  std::swap(s->fill, r->fill);
  return true;
}

Object* set_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  Ref<SetObject> r = Ref<SetObject>::steal(copy_as_base(ts, a));
  if (!r || !set_update_internal(ts, r.get(), b)) return nullptr;
  return r.release();
}
Object* set_and(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_intersection2(ts, a, b);
}
Object* set_sub(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  Ref<SetObject> r = Ref<SetObject>::steal(copy_as_base(ts, a));
  if (!r || !set_difference_update_internal(ts, r.get(), b)) return nullptr;
  return r.release();
}
Object* set_xor(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  Ref<SetObject> r = Ref<SetObject>::steal(copy_as_base(ts, a));
  if (!r || !set_symmetric_update_internal(ts, r.get(), b)) return nullptr;
  return r.release();
}
Object* set_ior(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return not_implemented();
  if (!set_update_internal(ts, static_cast<SetObject*>(a), b)) return nullptr;
  return newref(a);
}
Object* set_iand(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return not_implemented();
  if (!set_intersection_update_internal(ts, static_cast<SetObject*>(a), b)) return nullptr;
  return newref(a);
}
Object* set_isub(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return not_implemented();
  if (!set_difference_update_internal(ts, static_cast<SetObject*>(a), b)) return nullptr;
  return newref(a);
}
Object* set_ixor(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return not_implemented();
  if (!set_symmetric_update_internal(ts, static_cast<SetObject*>(a), b)) return nullptr;
  return newref(a);
}

// ---- iterator ----

struct SetIterObject : Object {
  SetObject* set;  // owned; nullptr when exhausted
  ssize pos;
  ssize used;
  ssize remaining;
};
extern TypeObject SetIterType;

Object* set_iter(ThreadState* ts, Object* o) {
  auto* it = alloc<SetIterObject>(ts, &SetIterType);
  if (!it) return nullptr;
  auto* s = static_cast<SetObject*>(o);
  it->set = newref(s);
  it->pos = 0;
  it->used = s->used;
  it->remaining = s->used;
  return it;
}
void setiter_dealloc(Object* o) {
  xdecref(static_cast<SetIterObject*>(o)->set);
  free_object(o);
}
int setiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<SetIterObject*>(o);
  return it->set ? visit(it->set, arg) : 0;
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* setiter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<SetIterObject*>(o);
  SetObject* s = it->set;
  if (!s) return nullptr;
  if (it->used != s->used) {
    raise(ts, &exc::RuntimeError, "Set changed size during iteration");
    it->used = -1;
    return nullptr;
  }
  ssize i = it->pos;
  ssize size = s->table ? s->mask + 1 : 0;
  while (i < size && (!s->table[i].key || s->table[i].key == kDummyKey)) ++i;
  it->pos = i + 1;
  if (i >= size) {
    clearref(it->set);
    return nullptr;
  }
  --it->remaining;
  return newref(s->table[i].key);
}
Object* setiter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* it = static_cast<SetIterObject*>(self);
  return int_from(ts, it->set && it->used == it->set->used ? it->remaining : 0);
}
const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- methods ----

#define SELF static_cast<SetObject*>(self)

Object* m_add(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "set.add", kw) || !check_nargs(ts, "set.add", nargs, 1, 1)) return nullptr;
  if (!set_add(ts, SELF, args[0])) return nullptr;
  return new_none();
}

Object* m_remove(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!no_kwargs(ts, "set.remove", kw) || !check_nargs(ts, "set.remove", nargs, 1, 1))
    return nullptr;
  Object* key = args[0];
  Ref<> tmp;
  int64_t h = lookup_hash(ts, key, &tmp);
  if (h == -1) return nullptr;
  int r = set_discard_entry(ts, SELF, key, h);
  if (r < 0) return nullptr;
  if (r == 0) {
    Object* k = args[0];
    Object* e = exception_new(ts, &exc::KeyError, &k, 1);
    if (e) restore_exc(ts, e);
    return nullptr;
  }
  return new_none();
}

Object* m_discard(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  if (!no_kwargs(ts, "set.discard", kw) || !check_nargs(ts, "set.discard", nargs, 1, 1))
    return nullptr;
  if (set_discard(ts, SELF, args[0]) < 0) return nullptr;
  return new_none();
}

Object* m_pop(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!check_nargs(ts, "set.pop", nargs, 0, 0)) return nullptr;
  SetObject* s = SELF;
  if (s->used == 0) return raise(ts, &exc::KeyError, "pop from an empty set");
  ssize i = 0;
  while (!s->table[i].key || s->table[i].key == kDummyKey) ++i;
  Object* k = s->table[i].key;
  s->table[i].key = kDummyKey;
  s->table[i].hash = -1;
  --s->used;
  return k;
}

Object* m_clear(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "set.clear", nargs, 0, 0)) return nullptr;
  set_clear_internal(SELF);
  return new_none();
}

Object* m_copy(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, is_frozen(self) ? "frozenset.copy" : "set.copy", nargs, 0, 0))
    return nullptr;
  if (self->type == &FrozenSetType) return newref(self);
  return copy_as_base(ts, self);
}

Object* m_union(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, is_frozen(self) ? "frozenset.union" : "set.union", kw)) return nullptr;
  Ref<SetObject> r = Ref<SetObject>::steal(copy_as_base(ts, self));
  if (!r) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (!set_update_internal(ts, r.get(), args[i])) return nullptr;
  return r.release();
}

Object* m_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!take_no_kwargs(ts, "set.update", kw)) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (!set_update_internal(ts, SELF, args[i])) return nullptr;
  return new_none();
}

Object* m_intersection(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                       TupleObject* kw) {
  if (!take_no_kwargs(ts, is_frozen(self) ? "frozenset.intersection" : "set.intersection", kw))
    return nullptr;
  if (nargs == 0) return copy_as_base(ts, self);
  Ref<SetObject> r = Ref<SetObject>::borrow(SELF);
  for (size_t i = 0; i < nargs; ++i) {
    SetObject* n = set_intersection2(ts, r.get(), args[i]);
    if (!n) return nullptr;
    r = Ref<SetObject>::steal(n);
  }
  return r.release();
}

Object* m_intersection_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                              TupleObject* kw) {
  if (!take_no_kwargs(ts, "set.intersection_update", kw)) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (!set_intersection_update_internal(ts, SELF, args[i])) return nullptr;
  return new_none();
}

Object* m_difference(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!take_no_kwargs(ts, is_frozen(self) ? "frozenset.difference" : "set.difference", kw))
    return nullptr;
  Ref<SetObject> r = Ref<SetObject>::steal(copy_as_base(ts, self));
  if (!r) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (!set_difference_update_internal(ts, r.get(), args[i])) return nullptr;
  return r.release();
}

Object* m_difference_update(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                            TupleObject* kw) {
  if (!take_no_kwargs(ts, "set.difference_update", kw)) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (!set_difference_update_internal(ts, SELF, args[i])) return nullptr;
  return new_none();
}

Object* m_symmetric_difference(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                               TupleObject* kw) {
  const char* name =
      is_frozen(self) ? "frozenset.symmetric_difference" : "set.symmetric_difference";
  if (!no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 1, 1)) return nullptr;
  Ref<SetObject> r = Ref<SetObject>::steal(copy_as_base(ts, self));
  if (!r || !set_symmetric_update_internal(ts, r.get(), args[0])) return nullptr;
  return r.release();
}

Object* m_symmetric_difference_update(ThreadState* ts, Object* self, Object* const* args,
                                      size_t nargs, TupleObject* kw) {
  const char* name = "set.symmetric_difference_update";
  if (!no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 1, 1)) return nullptr;
  if (!set_symmetric_update_internal(ts, SELF, args[0])) return nullptr;
  return new_none();
}

// other as a set (borrowed when it already is one).
bool as_set(ThreadState* ts, Object* other, Ref<SetObject>* out) {
  if (is_anyset(other)) {
    *out = Ref<SetObject>::borrow(static_cast<SetObject*>(other));
    return true;
  }
  *out = Ref<SetObject>::steal(make_set(ts, &SetType, other));
  return bool(*out);
}

Object* m_issubset(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  const char* name = is_frozen(self) ? "frozenset.issubset" : "set.issubset";
  if (!no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 1, 1)) return nullptr;
  Ref<SetObject> o;
  if (!as_set(ts, args[0], &o)) return nullptr;
  int r;
  if (!subset_of(ts, SELF, o.get(), &r)) return nullptr;
  return bool_from(r);
}

Object* m_issuperset(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  const char* name = is_frozen(self) ? "frozenset.issuperset" : "set.issuperset";
  if (!no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 1, 1)) return nullptr;
  if (is_anyset(args[0])) {
    int r;
    if (!subset_of(ts, static_cast<SetObject*>(args[0]), SELF, &r)) return nullptr;
    return bool_from(r);
  }
  bool all = true;
  bool ok = iterate(ts, args[0], [&](Object* item) {
    int r = set_contains(ts, SELF, item);
    if (r < 0) return false;
    if (!r) {
      all = false;
      return false;
    }
    return true;
  });
  if (!ok && exc_occurred(ts)) return nullptr;
  return bool_from(all);
}

Object* m_isdisjoint(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  const char* name = is_frozen(self) ? "frozenset.isdisjoint" : "set.isdisjoint";
  if (!no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 1, 1)) return nullptr;
  bool disjoint = true;
  bool ok = iterate(ts, args[0], [&](Object* item) {
    int r = set_contains(ts, SELF, item);
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

Object* m_contains(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "set.__contains__", nargs, 1, 1)) return nullptr;
  int r = set_contains(ts, SELF, args[0]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

Object* m_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  Ref<ListObject> items = Ref<ListObject>::steal(list_from_iterable(ts, self));
  if (!items) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(ts, {items.get()}));
  if (!args) return nullptr;
  Object** dslot = instance_dict_slot(self);
  Object* state = dslot && *dslot ? *dslot : none();
  return tuple_pack(ts, {self->type, args.get(), state});
}

Object* m_sizeof(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return int_from(ts,
                  static_cast<int64_t>(sizeof(SetObject) +
                                       (SELF->table ? (SELF->mask + 1) * sizeof(SetEntry) : 0)));
}

const MethodDef set_methods[] = {
    {"add", m_add, 0, "Add an element to a set."},
    {"clear", m_clear, 0, "Remove all elements from this set."},
    {"copy", m_copy, 0, "Return a shallow copy of a set."},
    {"discard", m_discard, 0, nullptr},
    {"difference", m_difference, 0, nullptr},
    {"difference_update", m_difference_update, 0, nullptr},
    {"intersection", m_intersection, 0, nullptr},
    {"intersection_update", m_intersection_update, 0, nullptr},
    {"isdisjoint", m_isdisjoint, 0, nullptr},
    {"issubset", m_issubset, 0, nullptr},
    {"issuperset", m_issuperset, 0, nullptr},
    {"pop", m_pop, 0, nullptr},
    {"remove", m_remove, 0, nullptr},
    {"symmetric_difference", m_symmetric_difference, 0, nullptr},
    {"symmetric_difference_update", m_symmetric_difference_update, 0, nullptr},
    {"union", m_union, 0, nullptr},
    {"update", m_update, 0, nullptr},
    {"__contains__", m_contains, 0, nullptr},
    {"__reduce__", m_reduce, 0, nullptr},
    {"__sizeof__", m_sizeof, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef frozenset_methods[] = {
    {"copy", m_copy, 0, "Return a shallow copy of a set."},
    {"difference", m_difference, 0, nullptr},
    {"intersection", m_intersection, 0, nullptr},
    {"isdisjoint", m_isdisjoint, 0, nullptr},
    {"issubset", m_issubset, 0, nullptr},
    {"issuperset", m_issuperset, 0, nullptr},
    {"symmetric_difference", m_symmetric_difference, 0, nullptr},
    {"union", m_union, 0, nullptr},
    {"__contains__", m_contains, 0, nullptr},
    {"__reduce__", m_reduce, 0, nullptr},
    {"__sizeof__", m_sizeof, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

#undef SELF

Object* set_new_slot(ThreadState* ts, TypeObject* type, Object* const*, size_t, TupleObject*) {
  return make_set(ts, type, nullptr);
}

bool set_init_slot(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                   TupleObject* kwnames) {
  if (kwnames && tuple_size(kwnames) && self->type == &SetType) {
    raise(ts, &exc::TypeError, "set() takes no keyword arguments");
    return false;
  }
  if (nargs > 1) {
    raise(ts, &exc::TypeError, "set expected at most 1 argument, got %zu", nargs);
    return false;
  }
  auto* s = static_cast<SetObject*>(self);
  if (s->used) set_clear_internal(s);
  return nargs == 0 || set_update_internal(ts, s, args[0]);
}

Object* frozenset_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                           TupleObject* kwnames) {
  if (kwnames && tuple_size(kwnames) && type == &FrozenSetType)
    return raise(ts, &exc::TypeError, "frozenset() takes no keyword arguments");
  if (nargs > 1)
    return raise(ts, &exc::TypeError, "frozenset expected at most 1 argument, got %zu", nargs);
  if (nargs == 1 && type == &FrozenSetType && args[0]->type == &FrozenSetType)
    return newref(args[0]);
  return make_set(ts, type, nargs ? args[0] : nullptr);
}

bool frozenset_init_slot(ThreadState*, Object*, Object* const*, size_t, TupleObject*) {
  return true;
}

}  // namespace

TypeObject SetType = [] {
  TypeObject t = make_static_type("set", sizeof(SetObject), kBaseType | kHaveGC);
  t.doc = "set() -> new empty set object\nset(iterable) -> new set object";
  t.dealloc = set_dealloc;
  t.traverse = set_traverse;
  t.clear = set_clear_slot;
  t.repr = set_repr;
  t.richcompare = set_richcompare;
  t.iter = set_iter;
  t.len = set_len;
  t.contains = set_contains_slot;
  t.nb[int(BinOp::Or)] = set_or;
  t.nb[int(BinOp::And)] = set_and;
  t.nb[int(BinOp::Sub)] = set_sub;
  t.nb[int(BinOp::Xor)] = set_xor;
  t.nb_inplace[int(BinOp::Or)] = set_ior;
  t.nb_inplace[int(BinOp::And)] = set_iand;
  t.nb_inplace[int(BinOp::Sub)] = set_isub;
  t.nb_inplace[int(BinOp::Xor)] = set_ixor;
  t.new_ = set_new_slot;
  t.init = set_init_slot;
  t.methods = set_methods;
  return t;
}();

TypeObject FrozenSetType = [] {
  TypeObject t = make_static_type("frozenset", sizeof(SetObject), kBaseType | kHaveGC);
  t.doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object";
  t.dealloc = set_dealloc;
  t.traverse = set_traverse;
  t.clear = set_clear_slot;
  t.repr = set_repr;
  t.hash = frozenset_hash;
  t.richcompare = set_richcompare;
  t.iter = set_iter;
  t.len = set_len;
  t.contains = set_contains_slot;
  t.nb[int(BinOp::Or)] = set_or;
  t.nb[int(BinOp::And)] = set_and;
  t.nb[int(BinOp::Sub)] = set_sub;
  t.nb[int(BinOp::Xor)] = set_xor;
  t.new_ = frozenset_new_slot;
  t.init = frozenset_init_slot;
  t.methods = frozenset_methods;
  return t;
}();

namespace {
TypeObject SetIterType = [] {
  TypeObject t = make_static_type("set_iterator", sizeof(SetIterObject), kHaveGC);
  t.dealloc = setiter_dealloc;
  t.traverse = setiter_traverse;
  t.iter = self_iter;
  t.iternext = setiter_next;
  t.methods = setiter_methods;
  return t;
}();
}  // namespace

extern TypeObject* const kSetInternalTypes[];
TypeObject* const kSetInternalTypes[] = {&SetIterType, nullptr};

SetObject* set_new(ThreadState* ts, Object* iterable) { return make_set(ts, &SetType, iterable); }

SetObject* frozenset_new(ThreadState* ts, Object* iterable) {
  return make_set(ts, &FrozenSetType, iterable);
}

bool set_add(ThreadState* ts, SetObject* s, Object* key) {
  int64_t h = key_hash(ts, key);
  if (h == -1) return false;
  return set_add_entry(ts, s, key, h) >= 0;
}

int set_contains(ThreadState* ts, SetObject* s, Object* key) {
  Ref<> tmp;
  int64_t h = lookup_hash(ts, key, &tmp);
  if (h == -1) return -1;
  ssize slot = set_lookup(ts, s, key, h);
  if (slot == -2) return -1;
  return slot >= 0;
}

int set_discard(ThreadState* ts, SetObject* s, Object* key) {
  Ref<> tmp;
  int64_t h = lookup_hash(ts, key, &tmp);
  if (h == -1) return -1;
  return set_discard_entry(ts, s, key, h);
}

bool set_next(SetObject* s, ssize* pos, Object** key) {
  ssize size = s->table ? s->mask + 1 : 0;
  ssize i = *pos;
  while (i < size && (!s->table[i].key || s->table[i].key == kDummyKey)) ++i;
  if (i >= size) {
    *pos = i;
    return false;
  }
  *key = s->table[i].key;
  *pos = i + 1;
  return true;
}

}  // namespace gp
