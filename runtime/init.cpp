// runtime_init: the process-wide part of gilpy, made once before the first interpreter: the static
// names and every static type of the runtime headers. There is no interpreter yet, so allocation
// goes through a private bootstrap interpreter whose objects become immortal and untracked (they
// are shared by every interpreter of the process and never freed). Lazy type_ready calls of other
// areas use the same bootstrap thread state under the same lock.
#include <mutex>

#include "gil/gil.h"
#include "runtime/bytes.h"
#include "runtime/objmodel_internal.h"
#include "runtime/slice.h"
#include "runtime/str.h"

namespace gp {

void init_static_names();  // names.cpp

namespace {

struct Bootstrap {
  Interpreter interp;
  ThreadState ts;
  Bootstrap() {
    interp.gc.enabled = false;
    interp.obj_pool.enabled = false;  // any thread may free what it allocates
    interp.main_thread = &ts;
    interp.threads = &ts;
    interp.current = &ts;
    interp.recursion_limit = 1000000;
    ts.interp = &interp;
  }
};

Bootstrap& boot() {
  static Bootstrap* b = new Bootstrap();  // never destroyed: its objects live for the process
  return *b;
}

}  // namespace

std::recursive_mutex& static_types_mutex() {
  static std::recursive_mutex* m = new std::recursive_mutex();
  return *m;
}

ThreadState* bootstrap_ts() { return &boot().ts; }

void finish_static_objects() {
  GCState& gc = boot().interp.gc;
  GCHead* heads[2] = {&gc.head, &gc.old};
  for (GCHead* h : heads) {
    while (h->next != h) {
      GCHead* g = h->next;
      Object* o = gc_object(g);
      g->prev->next = g->next;
      g->next->prev = g->prev;
      g->next = g->prev = nullptr;
      make_immortal(o);
    }
  }
  gc.allocations = 0;
}

void runtime_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    std::lock_guard<std::recursive_mutex> lock(static_types_mutex());
    ThreadState* ts = bootstrap_ts();
    init_static_names();
    TypeObject* types[] = {&ObjectType,
                           &TypeType,
                           &SuperType,
                           &NoneType,
                           &NotImplementedType,
                           &EllipsisType,
                           &IntType,
                           &BoolType,
                           &FloatType,
                           &ComplexType,
                           &StrType,
                           &BytesType,
                           &ByteArrayType,
                           &TupleType,
                           &ListType,
                           &DictType,
                           &SetType,
                           &FrozenSetType,
                           &SliceType,
                           &ModuleType,
                           &NativeFunctionType,
                           &MethodDescrType,
                           &ClassMethodDescrType,
                           &GetSetDescrType,
                           &BoundMethodType,
                           &StaticMethodType,
                           &ClassMethodType,
                           &PropertyType,
                           &WrapperDescrType,
                           &MethodWrapperType,
                           &MappingProxyType,
                           &GenericAliasType,
                           &UnionType,
                           &SeqIterType,
                           &CallIterType,
                           &MemberDescrType,
                           &StrIterType,
                           &StrAsciiIterType,
                           &BytesIterType,
                           &ByteArrayIterType,
                           &MemoryViewType,
#define GP_EXC_ADDR(name) &exc::name,
                           GP_EXCEPTION_TYPES(GP_EXC_ADDR)
#undef GP_EXC_ADDR
    };
    for (TypeObject* t : types) {
      if (t == &exc::ExceptionGroup && !prepare_exception_group(ts)) std::abort();
      if (!type_ready(ts, t)) {
        Object* e = fetch_exc(ts);
        std::string msg;
        if (e) str_text(ts, e, &msg);
        std::fprintf(stderr, "gilpy: cannot initialise type %s: %s\n", t->name, msg.c_str());
        std::abort();
      }
    }
    // list[int], dict[str, int]...: __class_getitem__ of the generic builtins.
    TypeObject* generic[] = {&ListType, &DictType, &TupleType, &SetType, &FrozenSetType};
    for (TypeObject* t : generic) {
      Object* d = make_class_getitem(ts, t);
      if (d) {
        dict_set(ts, t->dict, names.__class_getitem__, d);
        make_immortal(d);
      }
    }
    finish_static_objects();
  });
}

}  // namespace gp
