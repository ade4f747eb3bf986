// What the rest of gilpy needs from the compiler, the VM and the import system.
#pragma once

#include <new>
#include <stdexcept>
#include <string>
#include <string_view>

#include "runtime/runtime.h"

namespace gp {

enum class CompileMode { Exec, Eval, Single };

// Compiles source to a code object; raises SyntaxError/IndentationError with file, line, offset
// and text on bad input.
Object* compile_source(ThreadState* ts, std::string_view source, std::string_view filename,
                       CompileMode mode);
// Runs a module-level code object; locals may be nullptr (then globals). Sets __builtins__ in
// globals when missing.
Object* eval_code(ThreadState* ts, Object* code, DictObject* globals, Object* locals);

// import name (dotted), like the IMPORT_NAME instruction: returns the top-level package unless
// fromlist is non-empty. level > 0 for relative imports, resolved from globals' __package__.
Object* import_name(ThreadState* ts, StrObject* name, DictObject* globals, Object* fromlist,
                    int level);
// Imports and returns the module itself (new ref), e.g. import_module(ts, "threading").
Object* import_module(ThreadState* ts, const char* name);

// Runs a script file as __main__. Returns the process exit code (after printing any uncaught
// exception, handling SystemExit).
int run_main_file(ThreadState* ts, const std::string& path);
int run_main_string(ThreadState* ts, const std::string& source);
int run_main_module(ThreadState* ts, const std::string& module);
// Builtins that need the VM (interp/builtins_vm.cpp): __build_class__, __import__, exec, eval,
// compile, globals, locals, vars, dir. stdlib/builtins.cpp adds them to the builtins module.
extern const MethodDef kVmBuiltins[];

// For zero-argument super(): the __class__ cell and first argument of the calling function's
// frame. Raises RuntimeError("super(): no arguments") and returns false when there are none.
bool vm_super_args(ThreadState* ts, TypeObject** type, Object** obj);
// The exception currently being handled (borrowed), for sys.exc_info(); nullptr when none.
Object* current_handled_exception(ThreadState* ts);

// Readies the VM's static types (code, function, cell, generator, frame, traceback); compile_source
// calls it, others may call it earlier.
bool vm_ready_types(ThreadState* ts);
// Frees the VM's per-thread data (ThreadState::vm); gil::delete_thread_state calls it.
void vm_thread_clear(ThreadState* ts);
// Native recursion guard for C++ code that recurses on Python objects (repr of nested lists...):
// counts in ts->recursion_depth and checks the C++ stack; raises RecursionError
// "maximum recursion depth exceeded<where>" and returns false when too deep. Pair every true
// return with vm_leave_recursive_call.
bool vm_enter_recursive_call(ThreadState* ts, const char* where);
inline void vm_leave_recursive_call(ThreadState* ts) { --ts->recursion_depth; }
// The C++ stack half of the guard, without counting: for native code whose recursion CPython
// leaves unbounded (hash of nested tuples, next() through chained map/filter/zip). Raises
// RecursionError "maximum recursion depth exceeded<where>" and returns false only when the C++
// stack is nearly exhausted.
bool vm_check_c_stack(ThreadState* ts, const char* where);

// Runs fn() (a native returning Object* or bool) and turns a C++ allocation failure in it (a huge
// std::string: "{:99999999999}".format(1), "ab".center(2**62)) into MemoryError, as CPython's
// failed malloc, instead of std::terminate. An exception thrown below a Python frame entered
// meanwhile is not caught here (that frame was not unwound): it must not cross eval_frame.
template <class R, class F>
R vm_catch_bad_alloc(ThreadState* ts, R fail, F&& fn) {
  Frame* entry = ts->frame;
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    if (ts->frame != entry) throw;
  } catch (const std::length_error&) {
    if (ts->frame != entry) throw;
  }
  raise_with(ts, &exc::MemoryError, nullptr);
  return fail;
}

// Exit code for an uncaught exception being raised in ts (prints it; SystemExit -> its code).
int handle_uncaught(ThreadState* ts);

}  // namespace gp
