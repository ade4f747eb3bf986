// The interpreter object and its thread states. Everything mutable in gilpy hangs off an
// Interpreter (modules, builtins, the GIL, threads, the cycle collector, limits), so a host can run
// several interpreters side by side in one process. A ThreadState is one OS thread running Python
// code in one interpreter; it holds the exception being raised and the eval-breaker word.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/object.h"

namespace gp {

namespace gil {
class Gil;              // gil/gil.h
struct ThreadGilState;  // gil/gil.h: per-thread scheduling data
}  // namespace gil

struct Frame;  // interp/frame.h

// One entry per `except`/`finally` block being run: the exception being handled (sys.exc_info(),
// bare `raise`, and the __context__ of a new exception). The VM pushes and pops them.
struct ExcInfo {
  Object* exc;  // borrowed from the frame that handles it; may be nullptr
  ExcInfo* previous;
};

// Bits of ThreadState::eval_breaker. The VM tests the whole word for zero at its check points and
// calls handle_eval_breaker() (gil/) when any bit is set.
enum EvalBreakerBits : uint32_t {
  kBreakGilDropRequest = 1u << 0,  // another thread asks for the GIL
  kBreakSignalsPending = 1u << 1,  // a signal handler ran (SIGINT -> KeyboardInterrupt)
  kBreakAsyncExc = 1u << 2,        // an exception was injected into this thread
  kBreakPendingCalls = 1u << 3,    // calls queued for the main thread
  kBreakTicks = 1u << 4,           // ticks policy: the instruction budget ran out
};

struct Config {
  std::vector<std::string> argv;  // sys.argv
  std::vector<std::string> path;  // extra sys.path entries (the script's folder goes first)
  std::string gil_policy;         // preset or policy string; empty: GILPY_GIL or "cpython3.11"
  bool interactive = false;
  bool install_signal_handlers = true;  // only the CLI host's main interpreter sets this
  std::string executable;               // sys.executable
};

struct ThreadState {
  Interpreter* interp = nullptr;
  Object* exc = nullptr;        // exception being raised (owned), nullptr when none
  Frame* frame = nullptr;       // innermost executing frame
  ExcInfo* exc_info = nullptr;  // exceptions being handled, innermost first
  int recursion_depth = 0;      // Python + native nesting, checked against the recursion limit
  std::atomic<uint32_t> eval_breaker{0};
  Object* async_exc = nullptr;  // pending exception for kBreakAsyncExc (owned)
  uint64_t thread_id = 0;       // threading.get_ident()
  uint64_t native_id = 0;       // threading.get_native_id()
  Object* dict = nullptr;       // per-thread dict (threading.local, thread objects)
  gil::ThreadGilState* gil_state = nullptr;
  int ticks_left = 0;           // ticks policy countdown
  ThreadState* next = nullptr;  // in the interpreter's list of threads
  ThreadState* prev = nullptr;
  void* vm = nullptr;  // VM per-thread data (frame stack, C stack limit); freed by vm_thread_clear
};

struct GCState {
  GCHead head{&head, &head, 0};  // circular list of tracked objects
  ssize count = 0;               // tracked objects
  ssize allocations = 0;         // since the last collection
  ssize threshold = 700;
  bool enabled = true;
  bool collecting = false;
  // objmodel additions: a second (old) generation, collected in full only when enough objects
  // survived young collections since the last full one (CPython's long-lived heuristic).
  GCHead old{&old, &old, 0};
  ssize threshold1 = 10;  // young collections between full-collection checks
  ssize threshold2 = 10;
  ssize young_collections = 0;
  ssize long_lived_total = 0;
  ssize long_lived_pending = 0;
  ssize collections = 0;  // total collections
  ssize collected = 0;    // total unreachable objects found
};

// Free lists of small object blocks, one per 16-byte size class (runtime/object.cpp: alloc_object
// and free_object). Every pooled block starts with a tag word naming its pool and class, so
// free_object, which has no thread state, finds the interpreter's lists; the GIL guards them.
struct alignas(64) ObjectPool {
  static constexpr int kClasses = 33;  // block sizes 16..512 bytes
  void* free[kClasses] = {};
  uint32_t count[kClasses] = {};  // blocks on each list
  char* arena_top = nullptr;      // new blocks are carved from [arena_top, arena_end)
  char* arena_end = nullptr;
#if defined(__SANITIZE_ADDRESS__)
  // Under AddressSanitizer every object is its own malloc block, so a use after free is caught.
  bool enabled = false;
#else
  bool enabled = true;  // false for the bootstrap interpreter (shared by every thread)
#endif
};

struct Interpreter {
  Config config;
  ThreadState* main_thread = nullptr;
  ThreadState* threads = nullptr;  // list of all thread states (guarded by threads_mutex)
  std::mutex threads_mutex;
  std::unique_ptr<gil::Gil> gil;
  ThreadState* current = nullptr;  // the thread holding the GIL (finalizers look it up)

  DictObject* modules = nullptr;  // sys.modules
  ModuleObject* builtins_module = nullptr;
  DictObject* builtins = nullptr;  // builtins.__dict__
  ModuleObject* sys = nullptr;
  DictObject* interned = nullptr;  // str -> the same str, for intern()
  Object* main_module = nullptr;
  int recursion_limit = 1000;
  GCState gc;
  std::atomic<uint32_t> signals_pending{0};  // bit per signal number < 32
  Object* signal_handlers[65] = {};          // Python handlers (signal module), owned
  Object* excepthook = nullptr;              // threading.excepthook cache, owned
  int exit_code = 0;
  // Switching policy as the VM sees it (written by gil/, read at check points):
  // switch_anywhere: test eval_breaker at every instruction (CPython <= 3.9) instead of only at
  // back-edges, calls and function entry (CPython >= 3.10). ticks_interval > 0: the ticks policy,
  // every instruction decrements ThreadState::ticks_left and sets kBreakTicks at zero.
  // slow_dispatch is true when either needs the VM's per-instruction check.
  std::atomic<bool> slow_dispatch{false};
  std::atomic<bool> switch_anywhere{false};
  std::atomic<int> ticks_interval{0};
  void* stdlib_state = nullptr;  // for stdlib modules that need per-interp data
  // numbers: sys.set_int_max_str_digits() limit for int<->str conversions (0: no limit).
  int int_max_str_digits = 4300;
  // objmodel: small-object free lists (64-aligned: the low bits of a block's tag hold the class).
  ObjectPool obj_pool;
  // Source of DictObject::version values: unique across every dict of this interpreter, so a
  // cache keyed on (dict, version) cannot be fooled by another dict at the same address.
  uint64_t dict_version_counter = 0;
  // Last TypeObject::version_tag handed out (tags 0 and 1 are never assigned to heap types).
  uint32_t type_version_counter = 1;
};

// The process-wide, immutable-after-initialisation part: static types, small ints, static names.
// Interpreter creation calls it; it runs once.
void runtime_init();

// Interpreter lifecycle (interp/lifecycle.cpp). create_interpreter makes the main thread state for
// the calling OS thread and returns it holding the GIL.
ThreadState* create_interpreter(const Config& config);
void destroy_interpreter(ThreadState* ts);

// ---- exceptions ---------------------------------------------------------------------------------
// Raise `type` with a printf-formatted message; always returns nullptr so natives can
// `return raise(ts, ...)`.
std::nullptr_t raise(ThreadState* ts, TypeObject* type, const char* fmt, ...)
    __attribute__((format(printf, 3, 4)));
// Raise with the message given as an object (or no args when msg is nullptr).
std::nullptr_t raise_with(ThreadState* ts, TypeObject* type, Object* msg);
// Raise an exception instance or class (instantiated with no args); like the `raise` statement
// without `from`. Sets __context__ from the exception being handled.
std::nullptr_t raise_object(ThreadState* ts, Object* exc);
// Raise OSError (or the right subclass: FileNotFoundError...) for errno, optionally with filename.
std::nullptr_t raise_errno(ThreadState* ts, int err, Object* filename = nullptr);
inline bool exc_occurred(const ThreadState* ts) { return ts->exc != nullptr; }
// True when the exception being raised is an instance of type (or of a subclass).
bool exc_matches(ThreadState* ts, TypeObject* type);
// Takes ownership of the exception being raised (nullptr when none) and clears it.
Object* fetch_exc(ThreadState* ts);
void clear_exc(ThreadState* ts);
// Sets the exception being raised (steals exc); replaces any previous one.
void restore_exc(ThreadState* ts, Object* exc);
// Prints a traceback and the exception line to sys.stderr as CPython does (interp/traceback.cpp).
void print_exception(ThreadState* ts, Object* exc);

}  // namespace gp
