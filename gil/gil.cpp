// The GIL: one lock per interpreter, held by the thread that runs bytecode.
//
// Why it looks like this
// ----------------------
// gilpy exists to make the GIL's behaviour visible and measurable, so the switching rule is a
// policy with two independent parts instead of an accident of the VM:
//
//  *when* the holder lets go
//   - interval (CPython >= 3.2, "new GIL"): a thread that wants the GIL waits on a condition
//     variable for one interval; if no switch happened meanwhile it sets kBreakGilDropRequest in
//     the HOLDER's eval_breaker. The holder sees it at its next check point, drops the GIL and then
//     waits until some other thread has taken it (forced switching), so it cannot grab it right
//     back. The switch counter (switch_number_) tells a waiter whether anybody switched while it
//     slept, so it only asks when the holder really kept the GIL for a whole interval.
//   - ticks (CPython 2, "every 100 bytecodes"): the VM counts instructions; every N the holder
//     releases and immediately re-takes the lock with no hand-off. A waiter woken by the release
//     races the holder, which on a multicore machine usually wins: the old GIL's thrashing
//     (futile_wakeups in the stats).
//  *where* a switch may happen: at any instruction (interp->switch_anywhere, CPython <= 3.9) or
//   only where the VM tests eval_breaker anyway (back-edges, calls, function entry: >= 3.10). That
//   alone decides whether `x += 1` on a global loses updates.
//
// The Interpreter fields slow_dispatch / switch_anywhere / ticks_interval are the VM's view of the
// policy; set_policy() keeps them in step.
//
// Blocking calls run inside gil::Released, which drops the GIL without a forced-switch wait and
// re-takes it afterwards. Finalisation: once begin_finalization() ran, any other thread that
// tries to take the GIL parks forever on park_cv_ without touching an object; the Gil object is
// leaked when such threads may exist, so their waits stay valid until the process exits.
//
// Everything that picks the next thread is behind gil::Gil (gil.h), so a deterministic fiber
// scheduler can replace OsGil later.
#include "gil/gil.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "gil/signals.h"
#include "interp/vm.h"
#include "runtime/runtime.h"

namespace gp {
namespace gil {

namespace {

using Clock = std::chrono::steady_clock;

uint64_t to_ns(Clock::duration d) {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count());
}

class OsGil final : public Gil {
 public:
  OsGil(Interpreter* interp, const Policy& p) : interp_(interp), policy_(p) {}

  void take(ThreadState* ts) override {
    std::unique_lock lk(mu_);
    if (locked_ || parked(ts)) {
      Clock::time_point t0 = Clock::now();
      ++waiters_;
      waiters_hint_.store(waiters_, std::memory_order_relaxed);
      while (locked_ || parked(ts)) {
        if (parked(ts)) {
          --waiters_;
          waiters_hint_.store(waiters_, std::memory_order_relaxed);
          switch_cv_.notify_all();
          for (;;) park_cv_.wait(lk);  // finalisation: never returns
        }
        if (policy_.trigger == Trigger::Interval) {
          uint64_t saved = switch_number_;
          auto wait = std::chrono::duration<double>(policy_.interval);
          bool timed_out = cv_.wait_for(lk, wait) == std::cv_status::timeout;
          if (timed_out && locked_ && switch_number_ == saved && holder_ &&
              policy_.trigger == Trigger::Interval) {
            uint32_t old = holder_->eval_breaker.fetch_or(kBreakGilDropRequest);
            if (!(old & kBreakGilDropRequest)) ++stats_.drop_requests;
          }
        } else {
          cv_.wait(lk);
        }
        if (locked_) ++stats_.futile_wakeups;
      }
      --waiters_;
      waiters_hint_.store(waiters_, std::memory_order_relaxed);
      stats_.wait_ns += to_ns(Clock::now() - t0);
    }
    locked_ = true;
    holder_ = ts;
    ++stats_.acquisitions;
    if (last_holder_ != ts) {
      last_holder_ = ts;
      ++switch_number_;
      ++stats_.handoffs;
      switch_cv_.notify_all();
    }
    // A request set for an earlier period of holding is stale now.
    ts->eval_breaker.fetch_and(~uint32_t(kBreakGilDropRequest));
    if (ts->gil_state) ts->gil_state->holding = true;
    interp_->current = ts;
  }

  void drop(ThreadState* ts, bool forced_switch) override {
    std::unique_lock lk(mu_);
    release_locked(ts);
    if (!forced_switch) return;
    ts->eval_breaker.fetch_and(~uint32_t(kBreakGilDropRequest));
    ++stats_.forced_drops;
    if (last_holder_ == ts && waiters_ > 0 && !finalizing_) {
      switch_cv_.wait(lk, [&] { return last_holder_ != ts || waiters_ == 0 || finalizing_; });
    }
  }

  void yield(ThreadState* ts) override {
    uint64_t saved;
    {
      std::unique_lock lk(mu_);
      release_locked(ts);
      saved = switch_number_;
    }
    // A real zero-length sleep with the GIL released, as CPython's sleep(0) (clock_nanosleep to
    // a deadline already past): the kernel's timer slack makes it last some 50-100 us, which lets
    // threads that are waking up (a just-started thread, a joiner) reach the GIL. Without it a
    // sleep(0) loop runs to its end before they do, and nothing interleaves.
    struct timespec now;
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    ::clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &now, nullptr);
    {
      std::unique_lock lk(mu_);
      if (waiters_ > 0 && !finalizing_) {
        switch_cv_.wait_for(lk, std::chrono::milliseconds(50), [&] {
          return switch_number_ != saved || waiters_ == 0 || finalizing_;
        });
      }
    }
    take(ts);
  }

  void ticks_release(ThreadState* ts) override {
    {
      std::unique_lock lk(mu_);
      ++stats_.ticks_releases;
      if (waiters_ == 0) return;  // nobody to race with: keep it
      release_locked(ts);
    }
    take(ts);
  }

  void set_policy(const Policy& p) override {
    std::unique_lock lk(mu_);
    policy_ = p;
    cv_.notify_all();  // waiters re-read the policy
  }
  Policy policy() const override {
    std::unique_lock lk(mu_);
    return policy_;
  }
  Stats stats() const override {
    std::unique_lock lk(mu_);
    return stats_;
  }
  void reset_stats() override {
    std::unique_lock lk(mu_);
    stats_ = Stats{};
  }
  void begin_finalization(ThreadState* ts) override {
    std::unique_lock lk(mu_);
    finalizing_ = true;
    finalizer_ = ts;
    cv_.notify_all();
    switch_cv_.notify_all();
  }
  void reset_after_fork(ThreadState* ts) override {
    // The child has one thread; mu_ may have been held by a thread that no longer exists, so
    // nothing here locks it. The caller replaces this object.
    (void)ts;
  }

  Policy policy_unlocked() const { return policy_; }
  void set_held_by(ThreadState* ts) {
    locked_ = true;
    holder_ = last_holder_ = ts;
  }
  std::atomic<int> running{0};
  std::atomic<uint64_t> next_serial{1};
  std::atomic<uint64_t> next_local{1};
  std::atomic<size_t> stack_size{0};

 private:
  bool parked(ThreadState* ts) const { return finalizing_ && ts != finalizer_; }
  void release_locked(ThreadState* ts) {
    locked_ = false;
    holder_ = nullptr;
    if (ts->gil_state) ts->gil_state->holding = false;
    if (interp_->current == ts) interp_->current = nullptr;
    cv_.notify_one();
  }

  Interpreter* interp_;
  mutable std::mutex mu_;
  std::condition_variable cv_;         // the GIL was released
  std::condition_variable switch_cv_;  // another thread took the GIL
  std::condition_variable park_cv_;    // never signalled
  bool locked_ = false;
  ThreadState* holder_ = nullptr;
  ThreadState* last_holder_ = nullptr;
  uint64_t switch_number_ = 0;
  int waiters_ = 0;
  std::atomic<int> waiters_hint_{0};
  bool finalizing_ = false;
  ThreadState* finalizer_ = nullptr;
  Policy policy_;
  Stats stats_;
};

OsGil* os_gil(Interpreter* interp) { return static_cast<OsGil*>(interp->gil.get()); }
Gil* gil_of(const ThreadState* ts) {
  if (ts->gil_state && ts->gil_state->gil) return ts->gil_state->gil;
  return ts->interp->gil.get();
}

void apply_vm_fields(Interpreter* interp, const Policy& p) {
  interp->switch_anywhere.store(p.anywhere);
  interp->ticks_interval.store(p.trigger == Trigger::Ticks ? p.ticks : 0);
  interp->slow_dispatch.store(p.anywhere || p.trigger == Trigger::Ticks);
}

bool parse_double(std::string_view s, double* out) {
  std::string t(s);
  if (t.empty()) return false;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(t.c_str(), &end);
  if (*end || errno) return false;
  *out = v;
  return true;
}

bool parse_int(std::string_view s, int* out) {
  std::string t(s);
  if (t.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(t.c_str(), &end, 10);
  if (*end || errno || v > 1000000000 || v < -1000000000) return false;
  *out = static_cast<int>(v);
  return true;
}

uint64_t current_native_id() { return static_cast<uint64_t>(::syscall(SYS_gettid)); }

void free_thread_state(ThreadState* ts) {
  // Objects still owned by the thread state; the caller holds the GIL (or is alone).
  vm_thread_clear(ts);
  clearref(ts->exc);
  clearref(ts->async_exc);
  clearref(ts->dict);
  if (ts->gil_state) {
    clearref(ts->gil_state->sentinel);
    delete ts->gil_state;
  }
  delete ts;
}

}  // namespace

// ---- policies ---------------------------------------------------------------------------------

bool parse_policy(std::string_view text, Policy* out, std::string* error) {
  Policy p;
  if (text == "cpython3.11" || text == "cpython3.10" || text == "cpython3.12" ||
      text == "default") {
    *out = p;
    return true;
  }
  if (text == "cpython3.9") {
    p.anywhere = true;
    *out = p;
    return true;
  }
  if (text == "cpython2") {
    p.trigger = Trigger::Ticks;
    p.ticks = 100;
    p.anywhere = true;
    *out = p;
    return true;
  }
  std::string_view rest = text;
  bool first = true;
  while (!rest.empty() || first) {
    size_t comma = rest.find(',');
    std::string_view part = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (first) {
      first = false;
      if (part.starts_with("interval:")) {
        double v;
        if (!parse_double(part.substr(9), &v) || !(v > 0) || !std::isfinite(v)) {
          *error = "bad GIL interval in '" + std::string(text) + "' (seconds > 0 expected)";
          return false;
        }
        p.trigger = Trigger::Interval;
        p.interval = v;
        continue;
      }
      if (part.starts_with("ticks:")) {
        int v;
        if (!parse_int(part.substr(6), &v) || v <= 0) {
          *error = "bad GIL ticks in '" + std::string(text) + "' (integer > 0 expected)";
          return false;
        }
        p.trigger = Trigger::Ticks;
        p.ticks = v;
        continue;
      }
      *error = "unknown GIL policy '" + std::string(text) +
               "' (cpython3.11, cpython3.9, cpython2, interval:SECONDS[,anywhere|,boundaries], "
               "ticks:N[,anywhere|,boundaries])";
      return false;
    }
    if (part == "anywhere") {
      p.anywhere = true;
    } else if (part == "boundaries" || part == "backedges") {
      p.anywhere = false;
    } else {
      *error = "unknown GIL switch points '" + std::string(part) + "' in '" + std::string(text) +
               "' (anywhere or boundaries)";
      return false;
    }
  }
  *out = p;
  return true;
}

std::string policy_name(const Policy& p) {
  if (p.trigger == Trigger::Interval && p.interval == 0.005)
    return p.anywhere ? "cpython3.9" : "cpython3.11";
  if (p.trigger == Trigger::Ticks && p.ticks == 100 && p.anywhere) return "cpython2";
  char buf[96];
  if (p.trigger == Trigger::Interval)
    std::snprintf(buf, sizeof buf, "interval:%g,%s", p.interval,
                  p.anywhere ? "anywhere" : "boundaries");
  else
    std::snprintf(buf, sizeof buf, "ticks:%d,%s", p.ticks, p.anywhere ? "anywhere" : "boundaries");
  return buf;
}

Policy current_policy(Interpreter* interp) { return interp->gil->policy(); }

void set_policy(Interpreter* interp, const Policy& p) {
  interp->gil->set_policy(p);
  apply_vm_fields(interp, p);
}

Stats stats(Interpreter* interp) { return interp->gil->stats(); }
void reset_stats(Interpreter* interp) { interp->gil->reset_stats(); }

int running_threads(Interpreter* interp) { return os_gil(interp)->running.load(); }
void add_running_thread(Interpreter* interp, int delta) { os_gil(interp)->running += delta; }
size_t thread_stack_size(Interpreter* interp) { return os_gil(interp)->stack_size.load(); }
void set_thread_stack_size(Interpreter* interp, size_t size) { os_gil(interp)->stack_size = size; }
uint64_t next_local_serial(Interpreter* interp) { return os_gil(interp)->next_local++; }
uint64_t thread_serial(const ThreadState* ts) { return ts->gil_state ? ts->gil_state->serial : 0; }

double monotonic() {
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

// ---- lifecycle ----------------------------------------------------------------------------------

bool init_gil(Interpreter* interp, std::string* error) {
  std::string text = interp->config.gil_policy;
  if (text.empty()) {
    const char* env = std::getenv("GILPY_GIL");
    if (env && *env) text = env;
  }
  Policy p;
  if (!text.empty() && !parse_policy(text, &p, error)) return false;
  interp->gil = std::make_unique<OsGil>(interp, p);
  apply_vm_fields(interp, p);
  if (interp->config.install_signal_handlers) signals::install_default_handlers(interp);
  return true;
}

void begin_finalization(ThreadState* ts) {
  if (ts->interp->gil) ts->interp->gil->begin_finalization(ts);
}

void destroy_gil(Interpreter* interp) {
  if (!interp->gil) return;
  signals::release(interp);
  if (os_gil(interp)->running.load() > 0) {
    // Daemon threads may still wait for (or park in) this lock: leave it allocated.
    interp->gil->begin_finalization(interp->current);
    (void)interp->gil.release();
    return;
  }
  interp->gil.reset();
}

ThreadState* new_thread_state(Interpreter* interp) {
  auto* ts = new ThreadState;
  ts->interp = interp;
  ts->thread_id = static_cast<uint64_t>(pthread_self());
  ts->native_id = current_native_id();
  ts->gil_state = new ThreadGilState;
  ts->gil_state->gil = interp->gil.get();
  if (interp->gil) ts->gil_state->serial = os_gil(interp)->next_serial++;
  int ticks = interp->ticks_interval.load();
  ts->ticks_left = ticks > 0 ? ticks : 100;
  std::lock_guard lk(interp->threads_mutex);
  ts->next = interp->threads;
  if (interp->threads) interp->threads->prev = ts;
  interp->threads = ts;
  if (!interp->main_thread) interp->main_thread = ts;
  return ts;
}

void delete_thread_state(ThreadState* ts) {
  Interpreter* interp = ts->interp;
  {
    std::lock_guard lk(interp->threads_mutex);
    if (ts->prev) ts->prev->next = ts->next;
    if (ts->next) ts->next->prev = ts->prev;
    if (interp->threads == ts) interp->threads = ts->next;
    if (interp->main_thread == ts) interp->main_thread = nullptr;
  }
  bool holding = held_by(ts);
  if (holding) {
    // Objects are released while the GIL is still held; the GIL goes last.
    Gil* g = gil_of(ts);
    ThreadGilState* gs = ts->gil_state;
    vm_thread_clear(ts);
    clearref(ts->exc);
    clearref(ts->async_exc);
    clearref(ts->dict);
    clearref(gs->sentinel);
    g->drop(ts, false);
    delete gs;
    delete ts;
    return;
  }
  free_thread_state(ts);
}

void after_fork_child(ThreadState* ts) {
  Interpreter* interp = ts->interp;
  OsGil* old = os_gil(interp);
  auto* fresh = new OsGil(interp, old->policy_unlocked());
  fresh->set_held_by(ts);
  fresh->next_serial.store(old->next_serial.load());
  fresh->next_local.store(old->next_local.load());
  fresh->stack_size.store(old->stack_size.load());
  (void)interp->gil.release();  // its mutex may be held by a thread that does not exist here
  interp->gil.reset(fresh);
  new (&interp->threads_mutex) std::mutex;
  ThreadState* others = nullptr;
  for (ThreadState* t = interp->threads; t;) {
    ThreadState* next = t->next;
    if (t != ts) {
      t->next = others;
      others = t;
    }
    t = next;
  }
  interp->threads = ts;
  ts->next = ts->prev = nullptr;
  interp->main_thread = ts;
  interp->current = ts;
  ts->thread_id = static_cast<uint64_t>(pthread_self());
  ts->native_id = current_native_id();
  ts->gil_state->gil = fresh;
  ts->gil_state->holding = true;
  ts->eval_breaker.fetch_and(~uint32_t(kBreakGilDropRequest | kBreakTicks));
  while (others) {
    ThreadState* next = others->next;
    free_thread_state(others);
    others = next;
  }
}

// ---- taking and releasing
// -------------------------------------------------------------------------

void acquire(ThreadState* ts) { gil_of(ts)->take(ts); }
void release(ThreadState* ts) { gil_of(ts)->drop(ts, false); }
bool held_by(const ThreadState* ts) { return ts && ts->gil_state && ts->gil_state->holding; }

#ifdef GILPY_DEBUG
void assert_gil_failed(const ThreadState* ts, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: GP_ASSERT_GIL failed: thread state %p does not hold the GIL\n", file,
               line, static_cast<const void*>(ts));
  std::abort();
}
#endif

Released::Released(ThreadState* ts) : ts_(ts) { release(ts); }
Released::~Released() { acquire(ts_); }

void yield(ThreadState* ts) { gil_of(ts)->yield(ts); }

bool check_signals(ThreadState* ts) {
  if (!is_main_thread(ts)) return true;
  if (ts->interp->signals_pending.load(std::memory_order_relaxed) == 0) return true;
  return signals::run_pending(ts);
}

bool sleep(ThreadState* ts, double seconds) {
  if (!(seconds > 0)) {
    yield(ts);
    return check_signals(ts);
  }
  double deadline = monotonic() + seconds;
  bool main = is_main_thread(ts);
  Interpreter* interp = ts->interp;
  for (;;) {
    {
      Released r(ts);
      // The GIL is taken back only when the time is up or a signal is pending. The main thread
      // sleeps in slices so that a signal delivered to another OS thread (whose nanosleep is the
      // one interrupted) still ends its sleep promptly; EINTR just resumes the loop.
      for (;;) {
        if (main && interp->signals_pending.load(std::memory_order_relaxed)) break;
        double left = deadline - monotonic();
        if (left <= 0) break;
        double slice = main ? std::min(left, 0.05) : std::min(left, 3600.0);
        struct timespec req;
        req.tv_sec = static_cast<time_t>(slice);
        req.tv_nsec = static_cast<long>((slice - static_cast<double>(req.tv_sec)) * 1e9);
        ::nanosleep(&req, nullptr);
      }
    }
    if (!check_signals(ts)) return false;
    if (deadline - monotonic() <= 0) return true;
  }
}

}  // namespace gil

// ---- the eval breaker
// -------------------------------------------------------------------------------

bool handle_eval_breaker(ThreadState* ts) {
  uint32_t bits = ts->eval_breaker.load(std::memory_order_relaxed);
  if (bits & kBreakSignalsPending) {
    if (gil::is_main_thread(ts)) {
      ts->eval_breaker.fetch_and(~uint32_t(kBreakSignalsPending));
      if (!signals::run_pending(ts)) return false;
    } else {
      ts->eval_breaker.fetch_and(~uint32_t(kBreakSignalsPending));
    }
  }
  if (bits & kBreakPendingCalls) ts->eval_breaker.fetch_and(~uint32_t(kBreakPendingCalls));
  if (bits & kBreakGilDropRequest) {
    gil::Gil* g = gil::gil_of(ts);
    g->drop(ts, true);
    g->take(ts);
  }
  if (bits & kBreakTicks) {
    ts->eval_breaker.fetch_and(~uint32_t(kBreakTicks));
    gil::gil_of(ts)->ticks_release(ts);
  }
  if (bits & kBreakAsyncExc) {
    ts->eval_breaker.fetch_and(~uint32_t(kBreakAsyncExc));
    Object* e = ts->async_exc;
    ts->async_exc = nullptr;
    if (e) {
      raise_object(ts, e);
      decref(e);
      return false;
    }
  }
  return true;
}

}  // namespace gp
