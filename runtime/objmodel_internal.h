// Private to the object-model files (object, type, abstract, exceptions, function, module, gc,
// init): heap type layout, slot tables and helpers shared between them.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "runtime/runtime.h"

namespace gp {

// Classes made by `class` statements (and type(name, bases, dict)) are HeapTypeObjects: the
// instances of `type` and of every metaclass are allocated with TypeType.basicsize.
struct TypeCacheEntry {
  StrObject* name;  // interned
  Object* value;    // borrowed from a dict of the MRO; nullptr caches a miss
};
inline constexpr size_t kTypeCacheSize = 32;

struct HeapTypeObject : TypeObject {
  std::vector<TypeObject*>* subclasses;  // direct heap subclasses (weak; removed on dealloc)
  bool has_del;                          // the MRO defines __del__
  bool has_getattr_hook;                 // __getattr__ defined (slot_getattro)
  Object* slots;                         // __slots__ names (tuple) or nullptr
  Object* module_name;                   // unused reserve
  TypeCacheEntry cache[kTypeCacheSize];  // type_lookup cache
};
void type_cache_invalidate(TypeObject* type);

inline HeapTypeObject* heap(TypeObject* t) { return static_cast<HeapTypeObject*>(t); }

// GCHead::gc_refs bits outside and during collections.
inline constexpr ssize kGcFinalized = 1;   // __del__ already ran (PEP 442: only once)
inline constexpr ssize kGcCollecting = 2;  // in the set being collected
inline constexpr ssize kGcUnit = 4;        // refcount copy lives above the two flag bits

// Bytes placed before the Object: the GCHead and, for variable-size bases, the __dict__ slot.
inline size_t prefix_size(const TypeObject* t) {
  return ((t->flags & kHaveGC) ? sizeof(GCHead) : 0) + (t->dict_offset < 0 ? sizeof(Object*) : 0);
}
inline bool gc_is_tracked(Object* o) {
  return !is_immortal(o) && (o->type->flags & kHaveGC) && gc_head(o)->next != nullptr;
}

// Bootstrap thread state used for process-wide allocations (runtime_init, lazy type_ready):
// everything allocated through it is made immortal and untracked by finish_static_objects.
ThreadState* bootstrap_ts();
// Untracks and immortalises every GC object allocated through the bootstrap thread state.
void finish_static_objects();
std::recursive_mutex& static_types_mutex();

// Calls __del__ of o (a heap type instance); false when the object was resurrected.
bool run_finalizer(ThreadState* ts, Object* o, bool from_dealloc);
// Prints "Exception ignored in: <repr obj>" and the traceback of the raised exception (cleared).
void write_unraisable(ThreadState* ts, Object* obj);
// Writes text to sys.stderr (falls back to the C stderr).
void write_stderr(ThreadState* ts, const std::string& text);

// Collector entry points (gc.cpp).
ssize gc_collect(ThreadState* ts, int generation);
void gc_collect_auto(ThreadState* ts);

// Calls f as a method of self: f(self, *args), binding through __get__ unless f is a plain
// method descriptor (kMethodDescriptor). f borrowed.
Object* call_unbound(ThreadState* ts, Object* f, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kwnames = nullptr);
// Looks name up on type(self) and calls it as a method; *found = false (no exception) when the
// type has no such attribute.
Object* call_special(ThreadState* ts, Object* self, StrObject* name, Object* const* args,
                     size_t nargs, bool* found);

// Slot wrapper descriptors (int.__add__, object.__init__...), made by type_ready.
extern TypeObject WrapperDescrType;   // wrapper_descriptor
extern TypeObject MethodWrapperType;  // method-wrapper
extern TypeObject MappingProxyType;   // mappingproxy
extern TypeObject GenericAliasType;   // types.GenericAlias
extern TypeObject UnionType;          // types.UnionType (int | None), runtime/union.cpp
// a | b for types, None, generic aliases and unions (NotImplemented for other operands).
Object* union_type_or(ThreadState* ts, Object* a, Object* b);
TupleObject* union_args(Object* u);  // borrowed __args__ of a UnionType instance
extern TypeObject SeqIterType;       // iterator (the __getitem__ protocol)
extern TypeObject CallIterType;      // callable_iterator
extern TypeObject MemberDescrType;   // member_descriptor (__slots__)
Object* make_class_getitem(ThreadState* ts, TypeObject* type);
Object* mappingproxy_new(ThreadState* ts, Object* mapping);
Object* generic_alias_new(ThreadState* ts, Object* origin, Object* args);

// Adds the slot wrappers of a static type's own slots to its dict (type_ready).
bool add_slot_wrappers(ThreadState* ts, TypeObject* type);
// Sets every slot of a heap type from the dunders found along its MRO.
void fixup_slots(TypeObject* type);
// Inherits slots of static types from their base.
void inherit_slots(TypeObject* type, TypeObject* base);

int64_t hash_not_implemented(ThreadState* ts, Object* o);
int64_t object_hash(ThreadState* ts, Object* o);
Object* object_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op);
Object* object_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                        TupleObject* kwnames);
bool object_init_slot(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kwnames);
void object_dealloc(Object* o);
Object* object_str(ThreadState* ts, Object* o);
Object* type_getattro(ThreadState* ts, Object* o, StrObject* name);

// "<__main__.A object at 0x...>" text.
std::string addr_str(const void* p);
std::string type_qualified_name(TypeObject* t);  // "__main__.A" or "int"
const char* type_short_name(const TypeObject* t);

// Message helper: "'%s' object has no attribute '%s'" with name/obj on the AttributeError.
std::nullptr_t raise_attribute_error(ThreadState* ts, Object* o, StrObject* name, const char* fmt,
                                     ...) __attribute__((format(printf, 4, 5)));

Object* exception_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                           TupleObject* kwnames);

}  // namespace gp
