// The cycle collector. Reference counting frees everything except reference cycles; this finds
// groups of tracked container objects that are only referenced by each other:
//   1. gc_refs = refcnt for every object of the collected generation;
//   2. for every reference from one of them to another (found through the type's traverse),
//      subtract one: what is left counts references from outside (C++ locals, frames, old objects);
//   3. everything reachable from an object with gc_refs > 0 is alive, the rest is garbage.
// Garbage gets its __del__ run once (then the set is re-checked, since a finalizer may resurrect
// objects), then each object's `clear` drops its references, which breaks the cycles and lets
// reference counting free them.
//
// Two generations, as CPython's 0 and 2: new objects are young; a young collection runs every
// `threshold` allocations of container objects and moves survivors to the old list; a full
// collection runs when, after threshold1 young collections, the objects that survived since the
// last full collection exceed a quarter of the old generation.
#include <vector>

#include "runtime/objmodel_internal.h"

namespace gp {

namespace {

bool in_collection(Object* o) {
  if (is_immortal(o) || !(o->type->flags & kHaveGC)) return false;
  GCHead* g = gc_head(o);
  return g->next && (g->gc_refs & kGcCollecting);
}

int visit_decref(Object* o, void*) {
  if (o && in_collection(o)) {
    GCHead* g = gc_head(o);
    if (g->gc_refs >= kGcUnit) g->gc_refs -= kGcUnit;
  }
  return 0;
}

int visit_reachable(Object* o, void* arg) {
  if (o && in_collection(o)) {
    GCHead* g = gc_head(o);
    if (g->gc_refs < kGcUnit) {
      g->gc_refs += kGcUnit;
      static_cast<std::vector<Object*>*>(arg)->push_back(o);
    }
  }
  return 0;
}

void list_init(GCHead* h) {
  h->next = h;
  h->prev = h;
}

// Moves every node of src to the end of dst.
void list_splice(GCHead* dst, GCHead* src) {
  if (src->next == src) return;
  GCHead* first = src->next;
  GCHead* last = src->prev;
  first->prev = dst->prev;
  dst->prev->next = first;
  last->next = dst;
  dst->prev = last;
  list_init(src);
}

void list_move(GCHead* g, GCHead* dst) {
  g->prev->next = g->next;
  g->next->prev = g->prev;
  g->prev = dst->prev;
  g->next = dst;
  dst->prev->next = g;
  dst->prev = g;
}

// Marks the objects of `work` whose count is not explained by references from inside `work`,
// and everything they reach, as alive (gc_refs >= kGcUnit). `hold` is subtracted from every
// count (references the collector itself holds).
void mark_alive(GCHead* work, ssize hold) {
  for (GCHead* g = work->next; g != work; g = g->next) {
    Object* o = gc_object(g);
    ssize refs = o->refcnt - hold;
    if (refs < 0) refs = 0;
    g->gc_refs = (refs * kGcUnit) | kGcCollecting | (g->gc_refs & kGcFinalized);
  }
  for (GCHead* g = work->next; g != work; g = g->next) {
    Object* o = gc_object(g);
    if (o->type->traverse) o->type->traverse(o, visit_decref, nullptr);
  }
  std::vector<Object*> stack;
  for (GCHead* g = work->next; g != work; g = g->next)
    if (g->gc_refs >= kGcUnit) stack.push_back(gc_object(g));
  while (!stack.empty()) {
    Object* o = stack.back();
    stack.pop_back();
    if (o->type->traverse) o->type->traverse(o, visit_reachable, &stack);
  }
}

// An exact tuple whose items are all present and none a tracked container cannot be part of a
// cycle: it is untracked, as CPython's _PyTuple_MaybeUntrack, so tuples of numbers and strings
// cost later collections nothing (tuples are immutable; a missing item means one being built).
bool tuple_untrackable(Object* o) {
  if (o->type != &TupleType) return false;
  auto* t = static_cast<TupleObject*>(o);
  for (ssize i = 0; i < t->size; ++i) {
    Object* e = t->items[i];
    if (!e) return false;
    if ((e->type->flags & kHaveGC) && !is_immortal(e) && gc_head(e)->next) return false;
  }
  return true;
}

ssize finish_survivors(GCHead* from, GCHead* to) {
  ssize n = 0;
  for (GCHead* g = from->next; g != from;) {
    GCHead* next = g->next;
    g->gc_refs &= kGcFinalized;
    if (tuple_untrackable(gc_object(g))) {
      g->prev->next = g->next;
      g->next->prev = g->prev;
      g->next = g->prev = nullptr;
    } else {
      ++n;
    }
    g = next;
  }
  list_splice(to, from);
  return n;
}

}  // namespace

ssize gc_collect(ThreadState* ts, int generation) {
  GCState& gc = ts->interp->gc;
  if (gc.collecting) return 0;
  gc.collecting = true;
  gc.allocations = 0;
  bool full = generation >= 1;

  GCHead work;
  list_init(&work);
  list_splice(&work, &gc.head);
  if (full) list_splice(&work, &gc.old);

  mark_alive(&work, 0);

  GCHead unreachable;
  list_init(&unreachable);
  for (GCHead* g = work.next; g != &work;) {
    GCHead* next = g->next;
    if (g->gc_refs < kGcUnit) list_move(g, &unreachable);
    g = next;
  }
  ssize survivors = finish_survivors(&work, &gc.old);
  if (full) {
    gc.long_lived_total = survivors;
    gc.long_lived_pending = 0;
  } else {
    gc.long_lived_pending += survivors;
  }

  std::vector<Object*> garbage;
  for (GCHead* g = unreachable.next; g != &unreachable; g = g->next) {
    Object* o = gc_object(g);
    incref(o);
    garbage.push_back(o);
  }
  ssize found = static_cast<ssize>(garbage.size());

  if (found) {
    Object* saved = fetch_exc(ts);
    // Finalizers (the objects stay alive: `garbage` holds a reference to each).
    bool ran = false;
    for (Object* o : garbage) {
      TypeObject* t = o->type;
      if ((t->flags & kHeapType) && heap(t)->has_del && !(gc_head(o)->gc_refs & kGcFinalized)) {
        ran = true;
        run_finalizer(ts, o, false);
      }
    }
    if (ran) {
      // A finalizer may have made some of the garbage reachable again: those survive.
      for (GCHead* g = unreachable.next; g != &unreachable; g = g->next)
        g->gc_refs |= kGcCollecting;
      mark_alive(&unreachable, 1);
      GCHead resurrected;
      list_init(&resurrected);
      for (GCHead* g = unreachable.next; g != &unreachable;) {
        GCHead* next = g->next;
        if (g->gc_refs >= kGcUnit) list_move(g, &resurrected);
        g = next;
      }
      finish_survivors(&resurrected, &gc.old);
    }
    // Break the cycles of what is still garbage.
    for (Object* o : garbage) {
      if (!o->type->clear) continue;
      GCHead* g = gc_head(o);
      if (!g->next || !(g->gc_refs & kGcCollecting)) continue;  // resurrected
      o->type->clear(o);
    }
    for (Object* o : garbage) decref(o);
    // Objects that survived their clear (no clear slot, or other references).
    finish_survivors(&unreachable, &gc.old);
    if (saved) restore_exc(ts, saved);
  }
  ++gc.collections;
  gc.collected += found;
  gc.collecting = false;
  return found;
}

void gc_collect_auto(ThreadState* ts) {
  GCState& gc = ts->interp->gc;
  if (gc.collecting || !gc.enabled) return;
  gc_collect(ts, 0);
  if (++gc.young_collections >= gc.threshold1) {
    gc.young_collections = 0;
    if (gc.long_lived_pending > gc.long_lived_total / 4) gc_collect(ts, 2);
  }
}

}  // namespace gp
