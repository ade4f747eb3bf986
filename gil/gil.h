// The Global Interpreter Lock (gil/gil.cpp). One per interpreter; a thread runs bytecode or touches
// objects only while it holds it. See gil/README-style notes at the top of gil.cpp for the policy.
#pragma once

#include <string>

#include "runtime/interpreter.h"

namespace gp {

// Called by the VM at its check points when ts->eval_breaker is non-zero: drops the GIL when asked
// to, runs pending signal handlers (KeyboardInterrupt), raises async exceptions. Returns false with
// an exception set when the running code must unwind.
bool handle_eval_breaker(ThreadState* ts);

namespace gil {

// Releases the GIL of ts's interpreter for the lifetime of the scope, around a blocking call, and
// takes it back on exit. No Python object may be touched inside the scope.
class Released {
 public:
  explicit Released(ThreadState* ts);
  ~Released();
  Released(const Released&) = delete;
  Released& operator=(const Released&) = delete;

 private:
  ThreadState* ts_;
};

// Creates interp's GIL with the configured policy (config.gil_policy, else $GILPY_GIL, else
// "cpython3.11"); false with a message in *error for a bad policy string.
bool init_gil(Interpreter* interp, std::string* error);
void destroy_gil(Interpreter* interp);
// A thread state for the calling OS thread, linked into interp (the GIL is not taken).
ThreadState* new_thread_state(Interpreter* interp);
// Unlinks and frees ts (the caller holds the GIL or is the last thread).
void delete_thread_state(ThreadState* ts);

// In the child after fork(): a fresh GIL held by ts, every other thread state dropped.
void after_fork_child(ThreadState* ts);
// sys.setswitchinterval / getswitchinterval / setcheckinterval / getcheckinterval; sys.cpp adds
// them to the sys module.
extern const MethodDef kGilSysMethods[];

void acquire(ThreadState* ts);
void release(ThreadState* ts);
bool held_by(const ThreadState* ts);

}  // namespace gil
}  // namespace gp
