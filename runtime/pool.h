// The small-object free lists behind alloc_object/free_object (runtime/object.cpp), with inline
// fast paths for the VM's hottest objects. A pooled block is [tag word][prefix]Object: the tag is
// the address of the owning interpreter's ObjectPool (64-aligned) with the 16-byte size class in
// its low 6 bits, or 0 for plain malloc memory (too large, or allocated by the bootstrap
// interpreter, whose objects any thread may free). Pooled blocks are carved from zeroed arenas of
// kPoolArenaBytes, so a block costs exactly its class size (no malloc header: an int takes 48
// bytes, a float 32, as with malloc without the tag). Freed blocks go back on their class's list
// and are never returned to malloc (CPython's obmalloc keeps its pools the same way). The GIL of
// the owning interpreter guards the lists.
#pragma once

#include <cstdlib>

#include "runtime/interpreter.h"

namespace gp {

inline constexpr size_t kPoolMaxBlock = 16 * (ObjectPool::kClasses - 1);
inline constexpr size_t kPoolArenaBytes = size_t(256) << 10;
static_assert(alignof(ObjectPool) >= 64 && ObjectPool::kClasses <= 64);

// Size class of a block holding `bytes` after the tag word.
inline constexpr unsigned pool_class(size_t bytes) {
  return static_cast<unsigned>((bytes + sizeof(uintptr_t) + 15) >> 4);
}

// Returns the block at mem (its tag word) to its pool, or to free().
inline void pool_release(char* mem) {
  uintptr_t tag = *reinterpret_cast<uintptr_t*>(mem);
  if (tag) {
    auto* pool = reinterpret_cast<ObjectPool*>(tag & ~uintptr_t(63));
    unsigned cls = tag & 63;
    *reinterpret_cast<void**>(mem) = pool->free[cls];
    pool->free[cls] = mem;
    ++pool->count[cls];
    return;
  }
  std::free(mem);
}

// Leaf objects: instances of static, non-GC, fixed-size types with no __dict__ prefix whose
// dealloc only frees the memory (exact float; exact int without a BigInt). The VM allocates and
// frees them here directly. pool_alloc_leaf returns nullptr when the class's list is empty (use
// the type's constructor then); refcnt and type are set, the other fields are the caller's to set.
template <class T>
inline T* pool_alloc_leaf(ThreadState* ts, TypeObject* type) {
  constexpr unsigned cls = pool_class((sizeof(T) + 7) & ~size_t(7));
  static_assert(cls < ObjectPool::kClasses);
  ObjectPool& pool = ts->interp->obj_pool;
  char* mem = static_cast<char*>(pool.free[cls]);
  if (!mem) return nullptr;
  pool.free[cls] = *reinterpret_cast<void**>(mem);
  --pool.count[cls];
  *reinterpret_cast<uintptr_t*>(mem) = reinterpret_cast<uintptr_t>(&pool) | cls;
  auto* o = reinterpret_cast<T*>(mem + sizeof(uintptr_t));
  o->refcnt = 1;
  o->type = type;
  return o;
}
inline void pool_free_leaf(Object* o) {
  pool_release(reinterpret_cast<char*>(o) - sizeof(uintptr_t));
}

}  // namespace gp
