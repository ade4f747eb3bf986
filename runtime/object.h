// The object model: every Python value is an Object with an intrusive reference count and a
// pointer to its type. The GIL of the owning interpreter guards every count, so counts are plain
// integers. Objects created once per process (builtin types, small ints, None, static names) are
// immortal: their count is never changed, so interpreters living side by side in one process can
// share them without a data race.
//
// Conventions used by every runtime function (read this before writing one):
//  - ThreadState* ts comes first; it is the running thread of one interpreter, holding its GIL.
//  - A function returning Object* returns a NEW reference, or nullptr with an exception set in ts
//    (ts->exc). Functions that return a borrowed reference say so in their comment.
//  - A function returning bool returns false on error (exception set); int-returning predicates
//    return -1 on error. Never throw C++ exceptions across runtime or VM code.
//  - Arguments are borrowed unless the comment says "steals".
//  - iternext returns nullptr WITHOUT an exception set when the iterator is exhausted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gp {

using ssize = std::ptrdiff_t;

struct Object;
struct TypeObject;
struct ThreadState;
struct Interpreter;
struct StrObject;
struct TupleObject;
struct DictObject;
struct ListObject;
struct ModuleObject;

struct Object {
  ssize refcnt;
  TypeObject* type;
};

inline constexpr ssize kImmortalRefcnt = ssize(1) << 60;

inline bool is_immortal(const Object* o) { return o->refcnt >= kImmortalRefcnt; }
inline void make_immortal(Object* o) { o->refcnt = kImmortalRefcnt; }
inline void incref(Object* o) {
  if (o->refcnt < kImmortalRefcnt) ++o->refcnt;
}
inline void xincref(Object* o) {
  if (o) incref(o);
}
// Runs the type's dealloc (and, for instances of classes with __del__, the finalizer first).
void dealloc(Object* o);
inline void decref(Object* o) {
  if (o->refcnt < kImmortalRefcnt && --o->refcnt == 0) dealloc(o);
}
inline void xdecref(Object* o) {
  if (o) decref(o);
}
template <class T>
inline T* newref(T* o) {
  incref(o);
  return o;
}
// Replaces an owned slot with v (stolen), dropping the old value afterwards (safe against
// re-entrant __del__ seeing a half-updated slot).
template <class T, class U>
inline void setref(T*& slot, U* v) {
  T* old = slot;
  slot = v;
  xdecref(old);
}
template <class T>
inline void clearref(T*& slot) {
  T* old = slot;
  slot = nullptr;
  xdecref(old);
}

// Owning handle for C++ code: decrefs on scope exit. Ref<T>::steal(p) adopts a new reference,
// Ref<T>::borrow(p) takes an extra one. release() hands the reference back to the caller.
template <class T = Object>
class Ref {
 public:
  Ref() = default;
  static Ref steal(T* p) { return Ref(p); }
  static Ref borrow(T* p) {
    xincref(p);
    return Ref(p);
  }
  Ref(const Ref& o) : p_(o.p_) { xincref(p_); }
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  Ref& operator=(Ref o) noexcept {
    T* t = p_;
    p_ = o.p_;
    o.p_ = t;
    return *this;
  }
  ~Ref() { xdecref(p_); }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }
  T* release() {
    T* p = p_;
    p_ = nullptr;
    return p;
  }
  void reset(T* stolen = nullptr) { setref(p_, stolen); }

 private:
  explicit Ref(T* p) : p_(p) {}
  T* p_ = nullptr;
};

// ---- cycle collector header -------------------------------------------------------------------
// Container objects (types with kHaveGC) are allocated with this header in front of the Object and
// linked into their interpreter's list, so gc.collect() can find unreachable cycles.
struct GCHead {
  GCHead* next;
  GCHead* prev;
  ssize gc_refs;
};
inline GCHead* gc_head(Object* o) { return reinterpret_cast<GCHead*>(o) - 1; }
inline Object* gc_object(GCHead* g) { return reinterpret_cast<Object*>(g + 1); }

// ---- slot signatures ----------------------------------------------------------------------------
enum class CmpOp : uint8_t { LT, LE, EQ, NE, GT, GE };

// Binary operators that have a number slot each. Order is shared by the compiler (BINARY_OP arg),
// the VM, the dunder tables (__add__/__radd__/__iadd__...) and dis.
enum class BinOp : uint8_t {
  Add,
  Sub,
  Mul,
  MatMul,
  TrueDiv,
  FloorDiv,
  Mod,
  Pow,
  LShift,
  RShift,
  And,
  Or,
  Xor,
  Count
};
inline constexpr int kNumBinOps = static_cast<int>(BinOp::Count);

using destructor = void (*)(Object*);
using visitproc = int (*)(Object*, void* arg);
using traverseproc = int (*)(Object*, visitproc, void* arg);
using clearproc = void (*)(Object*);
using unaryfunc = Object* (*)(ThreadState*, Object*);
using binaryfunc = Object* (*)(ThreadState*, Object*, Object*);
using ternaryfunc = Object* (*)(ThreadState*, Object*, Object*, Object*);
using reprfunc = Object* (*)(ThreadState*, Object*);
using hashfunc = int64_t (*)(ThreadState*, Object*);  // -1 on error (a real -1 hash becomes -2)
using richcmpfunc = Object* (*)(ThreadState*, Object*, Object*, CmpOp);  // may be NotImplemented
using getattrofunc = Object* (*)(ThreadState*, Object*, StrObject* name);
// value == nullptr means delete. Returns false on error.
using setattrofunc = bool (*)(ThreadState*, Object*, StrObject* name, Object* value);
using descrgetfunc = Object* (*)(ThreadState*, Object* descr, Object* obj, Object* type);
using descrsetfunc = bool (*)(ThreadState*, Object* descr, Object* obj, Object* value);
// Vectorcall convention: args[0..nargs) positional, then one value per name in kwnames (a tuple
// of str, or nullptr when there are no keyword arguments).
using callfunc = Object* (*)(ThreadState*, Object* callable, Object* const* args, size_t nargs,
                             TupleObject* kwnames);
using newfunc = Object* (*)(ThreadState*, TypeObject* type, Object* const* args, size_t nargs,
                            TupleObject* kwnames);
using initfunc = bool (*)(ThreadState*, Object* self, Object* const* args, size_t nargs,
                          TupleObject* kwnames);
using inquiry = int (*)(ThreadState*, Object*);                             // 1 / 0, -1 on error
using lenfunc = ssize (*)(ThreadState*, Object*);                           // -1 on error
using objobjproc = int (*)(ThreadState*, Object* container, Object* item);  // contains
// value == nullptr means delete.
using setitemfunc = bool (*)(ThreadState*, Object* container, Object* key, Object* value);

// Native methods and functions: self is the bound object (or the module for module functions,
// or the type for kMethClass).
using NativeFn = Object* (*)(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                             TupleObject* kwnames);

enum MethodFlags : uint32_t { kMethStatic = 1, kMethClass = 2 };

struct MethodDef {
  const char* name;
  NativeFn fn;
  uint32_t flags;
  const char* doc;
};

struct GetSetDef {
  const char* name;
  Object* (*get)(ThreadState*, Object* self);
  bool (*set)(ThreadState*, Object* self, Object* value);  // nullptr: read-only
};

// ---- type flags
// ----------------------------------------------------------------------------------
enum TypeFlags : uint64_t {
  kHeapType = 1u << 0,       // created by a class statement; refcounted, owns its name strings
  kBaseType = 1u << 1,       // may be subclassed
  kHaveGC = 1u << 2,         // instances carry a GCHead and are tracked by the cycle collector
  kIsAbstract = 1u << 3,     // has abstract methods (abc)
  kReady = 1u << 4,          // type_ready ran
  kImmutableType = 1u << 5,  // attributes cannot be set (builtin types)
  // Instances are unbound-method-like descriptors (Python functions, method descriptors): callers
  // may skip the bound-method object and call descr(self, *args) directly, as CPython's
  // Py_TPFLAGS_METHOD_DESCRIPTOR. The VM's FunctionType sets it.
  kMethodDescriptor = 1u << 6,
  // Fast subclass checks, inherited by every subclass.
  kIntSubclass = 1u << 8,
  kStrSubclass = 1u << 9,
  kTupleSubclass = 1u << 10,
  kListSubclass = 1u << 11,
  kDictSubclass = 1u << 12,
  kTypeSubclass = 1u << 13,
  kBaseExcSubclass = 1u << 14,
  kBytesSubclass = 1u << 15,
  kFloatSubclass = 1u << 16,
};

struct TypeObject : Object {
  const char* name;  // "int", or "module.Name" for static types of modules
  ssize basicsize;   // bytes of an instance (without GCHead)
  ssize itemsize;    // bytes per item for variable-size objects, else 0
  uint64_t flags;
  TypeObject* base;  // the solid base
  TupleObject* bases;
  TupleObject* mro;
  DictObject* dict;     // class attributes; methods of static types are filled by type_ready
  ssize dict_offset;    // offset of an Object* __dict__ field in instances, 0 if none
  Interpreter* interp;  // owning interpreter for heap types; nullptr for static types
  StrObject* name_obj;  // __name__ for heap types
  StrObject* qualname;  // __qualname__ for heap types
  const char* doc;

  destructor dealloc;
  traverseproc traverse;
  clearproc clear;
  reprfunc repr;
  reprfunc str;
  hashfunc hash;
  richcmpfunc richcompare;
  getattrofunc getattro;
  setattrofunc setattro;
  descrgetfunc descr_get;
  descrsetfunc descr_set;
  callfunc call;
  unaryfunc iter;
  unaryfunc iternext;
  inquiry boolean;
  lenfunc len;
  binaryfunc getitem;
  setitemfunc setitem;
  objobjproc contains;
  // Called as nb[op](a, b) when either operand's type has this slot, with CPython's rules:
  // return NotImplemented (a new reference to it) to let the other operand try.
  binaryfunc nb[kNumBinOps];
  binaryfunc nb_inplace[kNumBinOps];
  unaryfunc neg;
  unaryfunc pos;
  unaryfunc invert;
  unaryfunc abs;
  unaryfunc nb_int;
  unaryfunc nb_float;
  unaryfunc nb_index;
  newfunc new_;
  initfunc init;

  const MethodDef* methods;  // nullptr-name-terminated; read by type_ready
  const GetSetDef* getsets;  // nullptr-name-terminated; read by type_ready

  // Heap types: a tag naming the current contents of the dicts along the MRO, for the VM's
  // attribute caches. 0 = none assigned; the VM assigns one from its interpreter's counter and
  // type_cache_invalidate resets it (for the type and its subclasses) on any change. Always 0 for
  // static types.
  uint32_t version_tag;
};

// True when a is b or a subclass of b (walks a->mro; before type_ready, the base chain).
bool is_subtype(const TypeObject* a, const TypeObject* b);
inline bool isinstance_exact(const Object* o, const TypeObject* t) { return o->type == t; }
inline bool isinstance_of(const Object* o, const TypeObject* t) {
  return o->type == t || is_subtype(o->type, t);
}

// ---- allocation -------------------------------------------------------------------------------
// Allocates an instance of `type` with `items` variable items: refcnt 1, type set (and incref'd for
// heap types), the rest zeroed; GC types get a GCHead and are tracked. Returns nullptr and raises
// MemoryError on failure.
Object* alloc_object(ThreadState* ts, TypeObject* type, ssize items = 0);
template <class T>
inline T* alloc(ThreadState* ts, TypeObject* type, ssize items = 0) {
  return static_cast<T*>(alloc_object(ts, type, items));
}
// Frees the memory of an object whose fields are already released (the last step of a dealloc);
// untracks and handles the GCHead, and drops the reference a heap type instance holds on its type.
void free_object(Object* o);
void gc_track(Object* o);
void gc_untrack(Object* o);

}  // namespace gp
