// The Global Interpreter Lock (gil/gil.cpp). One per interpreter; a thread runs bytecode or touches
// objects only while it holds it. The notes at the top of gil/gil.cpp explain the policies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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
// "cpython3.11"); false with a message in *error for a bad policy string. Also installs the C-level
// SIGINT handler (and ignores SIGPIPE / SIGXFSZ) when config.install_signal_handlers.
bool init_gil(Interpreter* interp, std::string* error);
// Frees the GIL. If threads that the interpreter started are still alive (daemon threads), the
// lock is left allocated (they stay parked in it until the process exits).
void destroy_gil(Interpreter* interp);
// From here on only ts may take the GIL: any other thread that tries (daemon threads returning
// from a blocking call, or waiting for the GIL) parks forever without touching an object.
// destroy_interpreter calls it right after threading._shutdown(), before tearing modules down.
// (destroy_gil calls it too if nobody did.)
void begin_finalization(ThreadState* ts);
// A thread state for the calling OS thread, linked into interp (the GIL is not taken).
ThreadState* new_thread_state(Interpreter* interp);
// Unlinks and frees ts (the caller holds the GIL or is the last thread). When ts holds the GIL,
// the GIL is released as part of it (without a forced-switch wait).
void delete_thread_state(ThreadState* ts);

// In the child after fork(): a fresh GIL held by ts, every other thread state dropped.
void after_fork_child(ThreadState* ts);
// sys.setswitchinterval / getswitchinterval / setcheckinterval / getcheckinterval; sys.cpp adds
// them to the sys module.
extern const MethodDef kGilSysMethods[];

void acquire(ThreadState* ts);
void release(ThreadState* ts);
bool held_by(const ThreadState* ts);

// ---- additions ----------------------------------------------------------------------------------

// Debug builds check that the calling thread holds the GIL wherever the runtime is entered.
#ifdef GILPY_DEBUG
void assert_gil_failed(const ThreadState* ts, const char* file, int line);
#define GP_ASSERT_GIL(ts) \
  ((::gp::gil::held_by(ts)) ? (void)0 : ::gp::gil::assert_gil_failed((ts), __FILE__, __LINE__))
#else
#define GP_ASSERT_GIL(ts) ((void)0)
#endif

// The switching policy: *when* the holder lets go, and *where* a switch may happen.
enum class Trigger : uint8_t {
  Interval,  // CPython >= 3.2: a waiter asks the holder to drop after one interval; forced switch
  Ticks,     // CPython 2: the holder releases and re-takes every `ticks` instructions, no hand-off
};
struct Policy {
  Trigger trigger = Trigger::Interval;
  double interval = 0.005;  // seconds, for Trigger::Interval
  int ticks = 100;          // instructions, for Trigger::Ticks
  bool anywhere = false;    // any instruction boundary (<= 3.9) vs back-edges/calls (>= 3.10)
};
// Accepts the presets "cpython3.11", "cpython3.9", "cpython2" and "interval:SECONDS" /
// "ticks:N" optionally followed by ",anywhere" or ",boundaries" (back-edges, calls and function
// entry: the default). False with a message in *error otherwise.
bool parse_policy(std::string_view text, Policy* out, std::string* error);
// The preset name when p is one, else e.g. "interval:0.001,anywhere" / "ticks:50,boundaries".
std::string policy_name(const Policy& p);
Policy current_policy(Interpreter* interp);
// Changes the policy at run time (updates the Interpreter fields the VM reads).
void set_policy(Interpreter* interp, const Policy& p);

struct Stats {
  uint64_t acquisitions = 0;    // every take of the GIL
  uint64_t handoffs = 0;        // takes by a different thread than the previous holder
  uint64_t drop_requests = 0;   // kBreakGilDropRequest set by a waiter that timed out
  uint64_t forced_drops = 0;    // drops in answer to a request
  uint64_t ticks_releases = 0;  // ticks policy: release + re-take of the holder
  uint64_t futile_wakeups = 0;  // a waiter woke up and found the GIL taken again
  uint64_t wait_ns = 0;         // total time threads spent waiting for the GIL
};
Stats stats(Interpreter* interp);
void reset_stats(Interpreter* interp);

// Yields the GIL (time.sleep(0)): releases it for a zero-length OS sleep, and if another thread
// waits, it gets the GIL before ts takes it back.
void yield(ThreadState* ts);
// time.sleep: releases the GIL, resumes after EINTR for the rest of the time, runs signal handlers
// (main thread) and returns false with their exception (KeyboardInterrupt). seconds <= 0 yields.
bool sleep(ThreadState* ts, double seconds);
// Runs pending Python-level signal handlers when ts is its interpreter's main thread; false with
// an exception when one raised. Call after an EINTR.
bool check_signals(ThreadState* ts);
// True when ts is the main thread of its interpreter.
inline bool is_main_thread(const ThreadState* ts) { return ts->interp->main_thread == ts; }

// Threads started by _thread (still running), for _thread._count() and the shutdown logic.
int running_threads(Interpreter* interp);
void add_running_thread(Interpreter* interp, int delta);
// _thread.stack_size for threads started afterwards (0: the system default).
size_t thread_stack_size(Interpreter* interp);
void set_thread_stack_size(Interpreter* interp, size_t size);
// A fresh key for a _thread._local object, never reused within the interpreter.
uint64_t next_local_serial(Interpreter* interp);
// Per-thread-state serial number, never reused within a process (thread-local storage keys).
uint64_t thread_serial(const ThreadState* ts);

// ---- the scheduler interface
// ---------------------------------------------------------------------- Everything that decides
// which thread runs goes through this interface, so that a second implementation (Python threads as
// fibers on one OS thread, switched deterministically at the same points) can replace the OS-thread
// GIL. `Lock` below (the primitive behind _thread.lock) is part of it: blocking waits must go
// through the scheduler.
class Gil {
 public:
  virtual ~Gil() = default;
  virtual void take(ThreadState* ts) = 0;
  // forced_switch: ts answers a drop request, so it waits (once) until another thread has taken
  // the GIL before returning (CPython's FORCE_SWITCHING).
  virtual void drop(ThreadState* ts, bool forced_switch) = 0;
  // Drop and re-take with a hand-off when somebody waits (time.sleep(0)).
  virtual void yield(ThreadState* ts) = 0;
  // Ticks policy: release and re-take at once, no hand-off (the waiters race for it).
  virtual void ticks_release(ThreadState* ts) = 0;
  virtual void set_policy(const Policy& p) = 0;
  virtual Policy policy() const = 0;
  virtual Stats stats() const = 0;
  virtual void reset_stats() = 0;
  virtual void begin_finalization(ThreadState* ts) = 0;
  // The holder gives up the GIL for good and the lock is reset (fork child).
  virtual void reset_after_fork(ThreadState* ts) = 0;
};

// Per-thread scheduling data (ThreadState::gil_state).
struct ThreadGilState {
  Gil* gil = nullptr;    // stays valid while the thread lives, even past destroy_gil
  bool holding = false;  // written only by the owning thread
  uint64_t serial = 0;
  bool started_by_thread_module = false;
  Object* sentinel = nullptr;  // _thread._set_sentinel() lock, released when the thread ends
};

// The lock behind _thread.lock (and RLock, Condition, Semaphore... in threading.py). acquire
// first tries without releasing the GIL, then waits with the GIL released. On the main thread the
// wait is interruptible: signal handlers run while waiting and their exception ends the wait.
class Lock {
 public:
  Lock();
  ~Lock();
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;
  // timeout < 0: forever. 1 acquired, 0 timed out / not available, -1 an exception was raised.
  int acquire(ThreadState* ts, bool blocking, double timeout);
  bool try_acquire();
  bool release();  // false (and nothing done) when it was not locked
  bool locked() const;

 private:
  struct Impl;
  Impl* impl_;
};

// Monotonic clock in seconds.
double monotonic();

}  // namespace gil
}  // namespace gp
