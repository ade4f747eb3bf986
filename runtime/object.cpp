// Object allocation and deallocation. Every object is one block: [tag][dict slot][GCHead]Object.
// The GCHead is present for kHaveGC types (tracked by the cycle collector of the allocating
// interpreter); the leading __dict__ slot only for heap subclasses of variable-size builtins
// (tuple, str, bytes, int...), whose instance size is not known from the type alone (CPython
// puts it at a negative offset from the end; in front is simpler and keeps gc_head() valid).
//
// Small blocks are recycled through per-interpreter free lists (see alloc_object).
//
// Deallocation runs the finalizer first for instances of classes with __del__ (PEP 442: once per
// object, resurrection allowed), with the GIL holder of the class's interpreter as the thread.
#include <cstdlib>
#include <cstring>

#include "runtime/objmodel_internal.h"
#include "runtime/pool.h"

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

// ---- small-object free lists
// --------------------------------------------------------------------- The block layout and the
// pool are described in runtime/pool.h. Exact str instances have no tag: str_concat_inplace
// reallocs them as one block from the object.
namespace {
inline bool has_tag(const TypeObject* t) { return t != &StrType; }

inline void gc_link_new(GCState& gc, Object* o) {
  GCHead* g = gc_head(o);
  GCHead* head = &gc.head;
  g->prev = head->prev;
  g->next = head;
  head->prev->next = g;
  head->prev = g;
  g->gc_refs = 0;
  ++gc.allocations;
}

inline size_t object_size(const TypeObject* type, ssize items) {
  size_t size = static_cast<size_t>(type->basicsize + items * type->itemsize);
  size = (size + 7) & ~size_t(7);
  if (size < sizeof(Object)) size = sizeof(Object);
  return size;
}

// Everything but a free-list hit: collections, new blocks, large and untagged objects.
[[gnu::noinline]] Object* alloc_object_slow(ThreadState* ts, TypeObject* type, ssize items) {
  bool is_gc = type->flags & kHaveGC;
  Interpreter* interp = ts->interp;
  GCState& gc = interp->gc;
  if (is_gc && gc.enabled && !gc.collecting && gc.threshold > 0 && gc.allocations >= gc.threshold)
    gc_collect_auto(ts);
  size_t size = object_size(type, items);
  size_t pre = prefix_size(type);
  char* mem;
  if (has_tag(type)) {
    size_t total = sizeof(uintptr_t) + pre + size;
    ObjectPool& pool = interp->obj_pool;
    if (total <= kPoolMaxBlock && pool.enabled) {
      unsigned cls = static_cast<unsigned>((total + 15) >> 4);
      mem = static_cast<char*>(pool.free[cls]);
      if (mem) {
        pool.free[cls] = *reinterpret_cast<void**>(mem);
        --pool.count[cls];
        std::memset(mem + sizeof(uintptr_t), 0, pre + size);
      } else {
        size_t bytes = size_t(cls) << 4;
        if (static_cast<size_t>(pool.arena_end - pool.arena_top) < bytes) {
          // A fresh zeroed arena (the tail of the old one, < 512 bytes, is left unused).
          char* arena = static_cast<char*>(std::calloc(1, kPoolArenaBytes));
          if (!arena) return raise_with(ts, &exc::MemoryError, nullptr);
          pool.arena_top = arena;
          pool.arena_end = arena + kPoolArenaBytes;
        }
        mem = pool.arena_top;  // zeroed: never used before
        pool.arena_top += bytes;
      }
      *reinterpret_cast<uintptr_t*>(mem) = reinterpret_cast<uintptr_t>(&pool) | cls;
    } else {
      mem = static_cast<char*>(std::calloc(1, total));
      if (!mem) return raise_with(ts, &exc::MemoryError, nullptr);
    }
    mem += sizeof(uintptr_t);
  } else {
    mem = static_cast<char*>(std::calloc(1, pre + size));
    if (!mem) return raise_with(ts, &exc::MemoryError, nullptr);
  }
  auto* o = reinterpret_cast<Object*>(mem + pre);
  o->refcnt = 1;
  o->type = type;
  if (type->flags & kHeapType) incref(type);
  if (is_gc) gc_link_new(gc, o);
  return o;
}
}  // namespace

// The fast path is a free-list pop with no call (the words are zeroed inline: blocks are small).
__attribute__((optimize("no-tree-loop-distribute-patterns"))) Object* alloc_object(ThreadState* ts,
                                                                                   TypeObject* type,
                                                                                   ssize items) {
  uint64_t flags = type->flags;
  Interpreter* interp = ts->interp;
  if (flags & kHaveGC) {
    GCState& gc = interp->gc;
    if (gc.allocations >= gc.threshold && gc.enabled && !gc.collecting && gc.threshold > 0)
      return alloc_object_slow(ts, type, items);
  }
  size_t words = (prefix_size(type) + object_size(type, items)) / 8;  // without the tag
  unsigned cls = static_cast<unsigned>((words * 8 + sizeof(uintptr_t) + 15) >> 4);
  if (cls >= ObjectPool::kClasses || !has_tag(type)) return alloc_object_slow(ts, type, items);
  ObjectPool& pool = interp->obj_pool;
  char* mem = static_cast<char*>(pool.free[cls]);
  if (!mem) return alloc_object_slow(ts, type, items);
  pool.free[cls] = *reinterpret_cast<void**>(mem);
  --pool.count[cls];
  // Zero the tag and the object in pairs of words (the block is a whole number of pairs).
  auto* b = reinterpret_cast<uint64_t*>(mem);
  for (size_t i = 0; i <= words; i += 2) {
    b[i] = 0;
    b[i + 1] = 0;
  }
  b[0] = reinterpret_cast<uintptr_t>(&pool) | cls;
  auto* o = reinterpret_cast<Object*>(mem + sizeof(uintptr_t) + prefix_size(type));
  o->refcnt = 1;
  o->type = type;
  if (flags & kHeapType) incref(type);
  if (flags & kHaveGC) gc_link_new(interp->gc, o);
  return o;
}

void free_object(Object* o) {
  TypeObject* t = o->type;
  if (t->flags & kHaveGC) gc_untrack(o);
  char* mem = reinterpret_cast<char*>(o) - prefix_size(t);
  if (has_tag(t))
    pool_release(mem - sizeof(uintptr_t));
  else
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

namespace {

void dealloc_now(Object* o) {
  TypeObject* t = o->type;
  if ((t->flags & kHeapType) && heap(t)->has_del && t->interp) {
    ThreadState* ts = t->interp->current;
    if (ts && !run_finalizer(ts, o, true)) return;
  }
  if (t->flags & kHaveGC) gc_untrack(o);
  t->dealloc(o);
}

// The trashcan (CPython's Py_TRASHCAN): freeing a long chain ([[[...]]] 10**6 deep, a long
// traceback or linked list of instances) would recurse once per link and overflow the C++ stack.
// Past kTrashDepth nested deallocs an object is queued instead, linked through its refcnt field
// (0 and unused until then), and the outermost dealloc frees the queue. This is C++-stack state
// of the OS thread, not interpreter data, hence a thread_local (dealloc has no ThreadState); the
// queue is empty again before the outermost dealloc returns, so it never outlives the GIL hold.
struct Trashcan {
  int depth = 0;
  Object* queue = nullptr;
};
thread_local Trashcan trashcan;
constexpr int kTrashDepth = 50;

}  // namespace

void dealloc(Object* o) {
  Trashcan& tc = trashcan;
  if (tc.depth >= kTrashDepth) {
    o->refcnt = reinterpret_cast<ssize>(tc.queue);
    tc.queue = o;
    return;
  }
  ++tc.depth;
  dealloc_now(o);
  if (tc.depth == 1) {
    while (Object* q = tc.queue) {
      tc.queue = reinterpret_cast<Object*>(q->refcnt);
      q->refcnt = 0;
      dealloc_now(q);
    }
  }
  --tc.depth;
}

void object_dealloc(Object* o) { free_object(o); }

}  // namespace gp
