#include "interp/frame.h"

#include <pthread.h>

#include <cstdlib>
#include <cstring>

#include "interp/function.h"
#include "interp/vm.h"

namespace gp {

namespace {

constexpr size_t kChunkSize = 256 * 1024;
constexpr size_t kCStackMargin = 192 * 1024;

uintptr_t compute_stack_limit() {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  if (!addr || size == 0) return 0;
  size_t margin = kCStackMargin;
  if (margin > size / 4) margin = size / 4;
  return reinterpret_cast<uintptr_t>(addr) + margin;
}

}  // namespace

VmThread* vm_thread(ThreadState* ts) {
  auto* vt = static_cast<VmThread*>(ts->vm);
  if (!vt) {
    vt = new VmThread;
    vt->c_stack_limit = compute_stack_limit();
    ts->vm = vt;
  }
  return vt;
}

void vm_thread_clear(ThreadState* ts) {
  auto* vt = static_cast<VmThread*>(ts->vm);
  if (!vt) return;
  FrameChunk* c = vt->chunk;
  while (c) {
    FrameChunk* p = c->prev;
    std::free(c);
    c = p;
  }
  std::free(vt->spare);
  delete vt;
  ts->vm = nullptr;
}

bool vm_enter_recursive_call(ThreadState* ts, const char* where) {
  VmThread* vt = vm_thread(ts);
  char probe;
  if (++ts->recursion_depth > ts->interp->recursion_limit ||
      reinterpret_cast<uintptr_t>(&probe) < vt->c_stack_limit) {
    --ts->recursion_depth;
    raise(ts, &exc::RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
    return false;
  }
  return true;
}

bool vm_check_c_stack(ThreadState* ts, const char* where) {
  char probe;
  if (reinterpret_cast<uintptr_t>(&probe) >= vm_thread(ts)->c_stack_limit) return true;
  raise(ts, &exc::RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
  return false;
}

Frame* frame_stack_alloc(ThreadState* ts, CodeObject* co) {
  VmThread* vt = vm_thread(ts);
  size_t need = (frame_size(co) + 15) & ~size_t(15);
  FrameChunk* c = vt->chunk;
  if (!c || static_cast<size_t>(c->end - c->top) < need) {
    size_t sz = need + offsetof(FrameChunk, data) > kChunkSize ? need + offsetof(FrameChunk, data)
                                                               : kChunkSize;
    FrameChunk* n;
    if (vt->spare && sz == kChunkSize) {
      n = vt->spare;
      vt->spare = nullptr;
    } else {
      n = static_cast<FrameChunk*>(std::malloc(sz));
      if (!n) {
        raise(ts, &exc::MemoryError, "%s", "");
        return nullptr;
      }
    }
    n->prev = c;
    n->top = n->data;
    n->end = reinterpret_cast<char*>(n) + sz;
    vt->chunk = n;
    c = n;
  }
  auto* f = reinterpret_cast<Frame*>(c->top);
  c->top += need;
  return f;
}

void frame_stack_free(ThreadState* ts, Frame* f) {
  auto* vt = static_cast<VmThread*>(ts->vm);
  FrameChunk* c = vt->chunk;
  c->top = reinterpret_cast<char*>(f);
  if (c->top == c->data && c->prev) {
    vt->chunk = c->prev;
    if (!vt->spare && c->end - reinterpret_cast<char*>(c) == static_cast<ssize>(kChunkSize))
      vt->spare = c;
    else
      std::free(c);
  }
}

// ---- frame objects ----
namespace {

void frameobj_dealloc(Object* o) {
  auto* f = static_cast<FrameObject*>(o);
  gc_untrack(o);
  xdecref(f->code);
  xdecref(f->globals);
  xdecref(f->locals);
  xdecref(f->back);
  free_object(o);
}
int frameobj_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<FrameObject*>(o);
  Object* fields[] = {f->globals, f->locals, f->back};
  for (Object* x : fields)
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}
void frameobj_clear(Object* o) {
  auto* f = static_cast<FrameObject*>(o);
  clearref(f->globals);
  clearref(f->locals);
  clearref(f->back);
}
Object* frameobj_repr(ThreadState* ts, Object* o) {
  auto* f = static_cast<FrameObject*>(o);
  return str_format(ts, "<frame at %p, file '%s', line %d, code %s>", static_cast<void*>(o),
                    str_cstr(f->code->filename), f->lineno, str_cstr(f->code->name));
}
Object* fo_or_none(Object* o) { return newref(o ? o : none()); }
const GetSetDef kFrameGetSets[] = {
    {"f_code",
     [](ThreadState*, Object* o) -> Object* {
       return newref(static_cast<Object*>(static_cast<FrameObject*>(o)->code));
     },
     nullptr},
    {"f_globals",
     [](ThreadState*, Object* o) -> Object* {
       return fo_or_none(static_cast<FrameObject*>(o)->globals);
     },
     nullptr},
    {"f_locals",
     [](ThreadState* ts, Object* o) -> Object* {
       auto* f = static_cast<FrameObject*>(o);
       if (!f->locals) {
         f->locals = dict_new(ts);
         if (!f->locals) return nullptr;
       }
       return newref(f->locals);
     },
     nullptr},
    {"f_back",
     [](ThreadState*, Object* o) -> Object* {
       return fo_or_none(static_cast<FrameObject*>(o)->back);
     },
     nullptr},
    {"f_lineno",
     [](ThreadState* ts, Object* o) -> Object* {
       return int_from(ts, static_cast<FrameObject*>(o)->lineno);
     },
     nullptr},
    {"f_lasti",
     [](ThreadState* ts, Object* o) -> Object* {
       return int_from(ts, static_cast<FrameObject*>(o)->lasti * 2);
     },
     nullptr},
    {"f_builtins",
     [](ThreadState* ts, Object* o) -> Object* {
       return newref(static_cast<Object*>(ts->interp->builtins));
     },
     nullptr},
    {"f_trace", [](ThreadState*, Object*) -> Object* { return new_none(); },
     [](ThreadState*, Object*, Object*) -> bool { return true; }},
    {nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject FrameType = vm_static_type("frame", sizeof(FrameObject), kHaveGC, [](TypeObject& t) {
  t.dealloc = frameobj_dealloc;
  t.traverse = frameobj_traverse;
  t.clear = frameobj_clear;
  t.repr = frameobj_repr;
  t.getsets = kFrameGetSets;
});

Object* frame_locals(ThreadState* ts, Frame* f) {
  if (f->locals) return newref(f->locals);
  CodeObject* co = f->code;
  DictObject* d = dict_new(ts);
  if (!d) return nullptr;
  for (int i = 0; i < co->nlocals; ++i) {
    Object* v = f->localsplus[i];
    bool is_cell = false;
    if (co->cell2arg)
      for (int c = 0; c < co->ncells; ++c)
        if (co->cell2arg[c] == i) is_cell = true;
    if (v && !is_cell && !dict_set(ts, d, tuple_item(co->varnames, i), v)) {
      decref(d);
      return nullptr;
    }
  }
  for (int i = 0; i < co->ncells + co->nfrees; ++i) {
    Object* c = f->localsplus[co->nlocals + i];
    if (!c || c->type != &CellType) continue;
    Object* v = static_cast<CellObject*>(c)->ref;
    Object* name =
        i < co->ncells ? tuple_item(co->cellvars, i) : tuple_item(co->freevars, i - co->ncells);
    if (v && !dict_set(ts, d, name, v)) {
      decref(d);
      return nullptr;
    }
  }
  return d;
}

static FrameObject* make_frame_object(ThreadState* ts, Frame* f, bool with_locals) {
  auto* fo = alloc<FrameObject>(ts, &FrameType);
  if (!fo) return nullptr;
  fo->code = newref(f->code);
  fo->globals = newref(f->globals);
  fo->lineno = f->lineno();
  fo->lasti = static_cast<int>(f->lasti());
  if (with_locals) {
    fo->locals = frame_locals(ts, f);
    if (!fo->locals) {
      decref(fo);
      return nullptr;
    }
  }
  return fo;
}

Object* frame_object(ThreadState* ts, Frame* f) {
  FrameObject* first = make_frame_object(ts, f, true);
  if (!first) return nullptr;
  FrameObject* cur = first;
  for (Frame* b = f->back; b; b = b->back) {
    FrameObject* n = make_frame_object(ts, b, false);
    if (!n) {
      decref(first);
      return nullptr;
    }
    cur->back = n;
    cur = n;
  }
  return first;
}

}  // namespace gp
