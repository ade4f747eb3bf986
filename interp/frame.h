// Execution frames. A Frame is a plain struct, not a Python object: Python-to-Python calls
// bump-allocate it on the running thread's frame stack (chunks of memory hanging off
// ThreadState::vm) with the locals, cells, free variables, value stack and block stack inline, and
// the eval loop switches to it without recursing on the C++ stack. Generator frames are separate
// heap allocations owned by their generator. Python code sees frames through FrameObject, a
// snapshot (code, line, globals, locals) made on demand for tracebacks and sys._getframe.
#pragma once

#include <cstddef>

#include "interp/code.h"
#include "runtime/runtime.h"

namespace gp {

struct FunctionObject;
struct GeneratorObject;

struct Block {
  int32_t handler;  // instruction index
  int32_t level;    // value stack depth to restore
};

enum class FrameKind : uint8_t { Stack, Heap };

struct Frame {
  Frame* back;
  CodeObject* code;      // owned
  FunctionObject* func;  // owned; nullptr for module/exec code
  DictObject* globals;   // owned when owns_env, else borrowed from func
  DictObject* builtins;  // same
  Object* locals;        // owned; the NAME ops' mapping (module, class body, exec); else nullptr
  const Instr* pc;       // next instruction to run (saved on every dispatch)
  Object** sp;           // value stack top, valid while the frame is not running
  GeneratorObject* gen;  // the owning generator (borrowed), or nullptr
  ExcInfo exc_node;      // this frame's entry in ts->exc_info while it handles an exception
  int16_t nblocks;
  bool is_entry;    // returning from this frame leaves the eval loop
  bool exc_linked;  // exc_node is (or must be, when resumed) linked into ts->exc_info
  bool owns_env;    // globals/builtins are owned (frames without a function)
  FrameKind kind;
  Block* blocks;
  Object* localsplus[1];  // nlocals + ncells + nfrees, then the value stack

  Object** stack_base() { return localsplus + code->nlocals + code->ncells + code->nfrees; }
  ssize lasti() const { return pc - code->code - 1; }
  int lineno() const { return code_line(code, lasti()); }
};

// Bytes needed for a frame of this code.
inline size_t frame_size(const CodeObject* co) {
  return offsetof(Frame, localsplus) + sizeof(Object*) * static_cast<size_t>(co->framesize) +
         sizeof(Block) * static_cast<size_t>(co->maxblocks);
}

// Per-thread VM data (ThreadState::vm).
struct FrameChunk {
  FrameChunk* prev;
  char* top;
  char* end;
  alignas(16) char data[1];
};
struct VmThread {
  FrameChunk* chunk = nullptr;
  FrameChunk* spare = nullptr;
  uintptr_t c_stack_limit = 0;  // lowest safe C++ stack address
};
VmThread* vm_thread(ThreadState* ts);

// Allocates an uninitialised frame of `co` on ts's frame stack (nullptr + MemoryError on failure)
// and releases it again (frames are released in LIFO order).
Frame* frame_stack_alloc(ThreadState* ts, CodeObject* co);
void frame_stack_free(ThreadState* ts, Frame* f);

// Sets up a fresh frame (references taken on func/code/locals, and on globals/builtins when there
// is no function), localsplus null.
// frame_init without clearing the fast locals (the caller fills all of them).
inline void frame_init_header(Frame* f, CodeObject* co, FunctionObject* func, DictObject* globals,
                              DictObject* builtins, Object* locals, FrameKind kind) {
  f->back = nullptr;
  incref(co);
  f->code = co;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->owns_env = func == nullptr;
  if (func) {
    incref(reinterpret_cast<Object*>(func));
  } else {
    incref(globals);
    incref(builtins);
  }
  if (locals) incref(locals);
  f->locals = locals;
  f->pc = co->code;
  f->gen = nullptr;
  f->exc_node.exc = nullptr;
  f->exc_node.previous = nullptr;
  f->nblocks = 0;
  f->is_entry = false;
  f->exc_linked = false;
  f->kind = kind;
  Object** p = f->localsplus;
  f->sp = p + co->nlocals + co->ncells + co->nfrees;
  f->blocks = reinterpret_cast<Block*>(p + co->framesize);
}
inline void frame_init(Frame* f, CodeObject* co, FunctionObject* func, DictObject* globals,
                       DictObject* builtins, Object* locals, FrameKind kind) {
  frame_init_header(f, co, func, globals, builtins, locals, kind);
  int n = co->nlocals + co->ncells + co->nfrees;
  Object** p = f->localsplus;
  for (int i = 0; i < n; ++i) p[i] = nullptr;
}
// Drops every reference a frame holds (locals, stack up to sp, exc_node).
inline void frame_clear(Frame* f) {
  CodeObject* co = f->code;
  if (!co) return;
  Object** base = f->localsplus;
  Object** end = f->sp;
  for (Object** p = base; p < end; ++p) {
    Object* o = *p;
    if (o) {
      *p = nullptr;
      decref(o);
    }
  }
  f->sp = base + co->nlocals + co->ncells + co->nfrees;
  if (f->exc_node.exc) clearref(f->exc_node.exc);
  if (f->locals) clearref(f->locals);
  if (f->owns_env) {
    clearref(f->globals);
    clearref(f->builtins);
  }
  f->owns_env = false;
  if (f->func) {
    Object* fn = reinterpret_cast<Object*>(f->func);
    f->func = nullptr;
    decref(fn);
  }
  f->code = nullptr;
  decref(co);
}

// The frame object seen by Python (f_code, f_lineno, f_globals, f_locals, f_back).
struct FrameObject : Object {
  CodeObject* code;
  DictObject* globals;
  Object* locals;  // dict snapshot or nullptr
  Object* back;    // FrameObject or nullptr
  int lineno;
  int lasti;
};
extern TypeObject FrameType;
// A snapshot of f and (lazily) its callers.
Object* frame_object(ThreadState* ts, Frame* f);
// locals() of a frame: its locals mapping, or a new dict of its fast locals and cells.
Object* frame_locals(ThreadState* ts, Frame* f);

// Static type definition helper for the VM's types.
template <class F>
TypeObject vm_static_type(const char* name, ssize basicsize, uint64_t flags, F&& fill) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.basicsize = basicsize;
  t.flags = flags | kImmutableType;
  t.base = &ObjectType;
  fill(t);
  return t;
}

}  // namespace gp
