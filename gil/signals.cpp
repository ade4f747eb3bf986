// C-level signal handling; see gil/signals.h for the one process-global pointer and why.
#include "gil/signals.h"

#include <signal.h>

#include <atomic>
#include <cerrno>

#include "gil/gil.h"
#include "runtime/runtime.h"

namespace gp::signals {

namespace {

// The only mutable process-global of gilpy: which interpreter the C handler reports to.
std::atomic<Interpreter*> g_signal_interp{nullptr};

extern "C" void gilpy_signal_handler(int signum) {
  int saved = errno;
  Interpreter* interp = g_signal_interp.load(std::memory_order_acquire);
  if (interp) trip(interp, signum);
  errno = saved;
}

}  // namespace

void trip(Interpreter* interp, int signum) {
  if (signum <= 0 || signum >= 32) return;
  interp->signals_pending.fetch_or(1u << signum);
  // main_thread is written only while no other thread runs (start-up, fork child, shutdown).
  ThreadState* main = interp->main_thread;
  if (main) main->eval_breaker.fetch_or(kBreakSignalsPending);
}

Interpreter* signal_interp() { return g_signal_interp.load(std::memory_order_acquire); }

bool claim(Interpreter* interp) {
  Interpreter* expected = nullptr;
  if (g_signal_interp.compare_exchange_strong(expected, interp)) return true;
  return expected == interp;
}

void release(Interpreter* interp) {
  Interpreter* expected = interp;
  if (g_signal_interp.compare_exchange_strong(expected, nullptr)) {
    for (int sig = 1; sig <= kMaxSignal && sig < NSIG; ++sig)
      if (get_disposition(sig) == 2) set_disposition(sig, 0);
  }
}

bool set_disposition(int signum, int kind) {
  struct sigaction sa {};
  sigemptyset(&sa.sa_mask);
  if (kind == 0) {
    sa.sa_handler = SIG_DFL;
  } else if (kind == 1) {
    sa.sa_handler = SIG_IGN;
  } else {
    sa.sa_handler = gilpy_signal_handler;
    sa.sa_flags = SA_ONSTACK;  // no SA_RESTART: blocking calls see EINTR, as in CPython
  }
  return sigaction(signum, &sa, nullptr) == 0;
}

int get_disposition(int signum) {
  struct sigaction sa {};
  if (sigaction(signum, nullptr, &sa) != 0) return -1;
  if (sa.sa_flags & SA_SIGINFO) return -1;
  if (sa.sa_handler == SIG_DFL) return 0;
  if (sa.sa_handler == SIG_IGN) return 1;
  if (sa.sa_handler == gilpy_signal_handler) return 2;
  return -1;
}

void install_default_handlers(Interpreter* interp) {
  if (!claim(interp)) return;
  // Keep an inherited SIG_IGN for SIGINT (nohup, background jobs), as CPython does.
  if (get_disposition(SIGINT) == 0) set_disposition(SIGINT, 2);
  set_disposition(SIGPIPE, 1);
#ifdef SIGXFSZ
  set_disposition(SIGXFSZ, 1);
#endif
}

bool run_pending(ThreadState* ts) {
  Interpreter* interp = ts->interp;
  if (interp->main_thread != ts) return true;
  uint32_t bits = interp->signals_pending.exchange(0);
  for (int sig = 1; sig < 32; ++sig) {
    if (!(bits & (1u << sig))) continue;
    bits &= ~(1u << sig);
    Object* handler = interp->signal_handlers[sig];
    Object* result = nullptr;
    if (!handler) {
      if (sig != SIGINT) continue;
      raise_with(ts, &exc::KeyboardInterrupt, nullptr);
    } else if (is_int(handler)) {
      continue;  // SIG_DFL / SIG_IGN: the C handler is not installed for it any more
    } else {
      Ref<> h = Ref<>::borrow(handler);
      Ref<> num = Ref<>::steal(int_from(ts, sig));
      if (!num) return false;
      result = call2(ts, h.get(), num.get(), none());
      if (result) {
        decref(result);
        continue;
      }
    }
    // The handler raised: the remaining signals stay pending for the next check.
    if (bits) {
      interp->signals_pending.fetch_or(bits);
      ts->eval_breaker.fetch_or(kBreakSignalsPending);
    }
    return false;
  }
  return true;
}

}  // namespace gp::signals
