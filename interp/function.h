// Python functions (FunctionObject, made by MAKE_FUNCTION) and closure cells (CellObject).
#pragma once

#include "interp/code.h"
#include "runtime/runtime.h"

namespace gp {

struct FunctionObject : Object {
  CodeObject* code;
  DictObject* globals;
  DictObject* builtins;  // resolved from globals' __builtins__ when the function is made
  StrObject* name;
  StrObject* qualname;
  Object* module;
  Object* doc;
  TupleObject* defaults;   // nullptr when none
  DictObject* kwdefaults;  // nullptr when none
  TupleObject* closure;    // tuple of cells, nullptr when none
  Object* dict;            // __dict__, lazily created
  Object* annotations;     // dict or nullptr
};

struct CellObject : Object {
  Object* ref;  // nullptr when empty
};

extern TypeObject FunctionType;
extern TypeObject CellType;

inline bool is_function(const Object* o) { return o->type == &FunctionType; }

FunctionObject* function_new(ThreadState* ts, CodeObject* code, DictObject* globals,
                             Object* qualname = nullptr);
CellObject* cell_new(ThreadState* ts, Object* value);  // value borrowed, may be nullptr
// The builtins dict for a globals dict (its __builtins__ module/dict, else the interpreter's).
DictObject* builtins_for(ThreadState* ts, DictObject* globals);  // borrowed

struct Frame;
// Binds args (borrowed) to the parameters of func into f->localsplus (new references), creating
// the *args tuple, **kwargs dict, defaults, and cells. CPython's messages on mismatch.
bool bind_arguments(ThreadState* ts, FunctionObject* func, Frame* f, Object* const* args,
                    size_t nargs, TupleObject* kwnames);
// Makes cells for cellvars and copies the closure into the free variable slots.
bool init_cells_and_frees(ThreadState* ts, FunctionObject* func, Frame* f);

// The call slot of FunctionType (enters a nested eval loop).
Object* function_call(ThreadState* ts, Object* func, Object* const* args, size_t nargs,
                      TupleObject* kwnames);

}  // namespace gp
