// Object allocation and deallocation. Every object is one malloc block: [dict slot][GCHead]Object.
// The GCHead is present for kHaveGC types (tracked by the cycle collector of the allocating
// interpreter); the leading __dict__ slot only for heap subclasses of variable-size builtins
// (tuple, str, bytes, int...), whose instance size is not known from the type alone (CPython
// puts it at a negative offset from the end; in front is simpler and keeps gc_head() valid).
//
// Deallocation runs the finalizer first for instances of classes with __del__ (PEP 442: once per
// object, resurrection allowed), with the GIL holder of the class's interpreter as the thread.
#include <cstdlib>
#include <cstring>

#include "runtime/objmodel_internal.h"

namespace gp {

bool is_subtype(const TypeObject* a, const TypeObject* b) {
  if (a == b) return true;
  if (a->mro) {
    const TupleObject* m = a->mro;
    for (ssize i = 0; i < m->size; ++i)
      if (m->items[i] == b) return true;
    return false;
  }
  for (const TypeObject* t = a->base; t; t = t->base)
    if (t == b) return true;
  return b == &ObjectType;
}

Object* alloc_object(ThreadState* ts, TypeObject* type, ssize items) {
  bool is_gc = type->flags & kHaveGC;
  GCState& gc = ts->interp->gc;
  if (is_gc && gc.enabled && !gc.collecting && gc.threshold > 0 && gc.allocations >= gc.threshold)
    gc_collect_auto(ts);
  size_t size = static_cast<size_t>(type->basicsize + items * type->itemsize);
  size = (size + 7) & ~size_t(7);
  if (size < sizeof(Object)) size = sizeof(Object);
  size_t pre = prefix_size(type);
  char* mem = static_cast<char*>(std::calloc(1, pre + size));
  if (!mem) return raise_with(ts, &exc::MemoryError, nullptr);
  auto* o = reinterpret_cast<Object*>(mem + pre);
  o->refcnt = 1;
  o->type = type;
  if (type->flags & kHeapType) incref(type);
  if (is_gc) {
    GCHead* g = gc_head(o);
    GCHead* head = &gc.head;
    g->prev = head->prev;
    g->next = head;
    head->prev->next = g;
    head->prev = g;
    g->gc_refs = 0;
    ++gc.allocations;
  }
  return o;
}

void free_object(Object* o) {
  TypeObject* t = o->type;
  if (t->flags & kHaveGC) gc_untrack(o);
  char* mem = reinterpret_cast<char*>(o) - prefix_size(t);
  std::free(mem);
  if (t->flags & kHeapType) decref(t);
}

void gc_track(Object* o) {
  if (is_immortal(o) || !(o->type->flags & kHaveGC)) return;
  GCHead* g = gc_head(o);
  if (g->next) return;
  // Only heap-type instances know their interpreter without a thread state.
  TypeObject* t = o->type;
  if (!(t->flags & kHeapType) || !t->interp) return;
  GCHead* head = &t->interp->gc.head;
  g->prev = head->prev;
  g->next = head;
  head->prev->next = g;
  head->prev = g;
}

void gc_untrack(Object* o) {
  if (is_immortal(o)) return;
  GCHead* g = gc_head(o);
  if (!g->next) return;
  g->prev->next = g->next;
  g->next->prev = g->prev;
  g->next = nullptr;
  g->prev = nullptr;
}

bool run_finalizer(ThreadState* ts, Object* o, bool from_dealloc) {
  TypeObject* t = o->type;
  GCHead* g = (t->flags & kHaveGC) ? gc_head(o) : nullptr;
  if (g) {
    if (g->gc_refs & kGcFinalized) return true;
    g->gc_refs |= kGcFinalized;
  }
  Object* del = type_lookup(t, names.__del__);
  if (!del) return true;
  if (from_dealloc) o->refcnt = 1;
  incref(del);
  Object* saved = fetch_exc(ts);
  Object* r = call_unbound(ts, del, o, nullptr, 0);
  if (r) {
    decref(r);
  } else {
    write_unraisable(ts, del);
  }
  if (saved) restore_exc(ts, saved);
  decref(del);
  if (from_dealloc) {
    if (--o->refcnt != 0) return false;  // resurrected
  }
  return true;
}

void dealloc(Object* o) {
  TypeObject* t = o->type;
  if ((t->flags & kHeapType) && heap(t)->has_del && t->interp) {
    ThreadState* ts = t->interp->current;
    if (ts && !run_finalizer(ts, o, true)) return;
  }
  if (t->flags & kHaveGC) gc_untrack(o);
  t->dealloc(o);
}

void object_dealloc(Object* o) { free_object(o); }

}  // namespace gp
