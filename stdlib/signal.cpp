// _signal: Python-level signal handlers. The C handler (gil/signals.cpp) only records the signal;
// the main thread runs the handler stored here (interp->signal_handlers) at its next check point.
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <cerrno>

#include "gil/gil.h"
#include "gil/signals.h"
#include "runtime/runtime.h"
#include "stdlib/modules.h"

namespace gp {
namespace {

constexpr int kNsig = 65;  // as CPython's signal.NSIG on Linux

bool signum_arg(ThreadState* ts, Object* o, int* out) {
  ssize n;
  if (!index_as_ssize(ts, o, &n)) return false;
  if (n < 1 || n >= kNsig) {
    raise(ts, &exc::ValueError, "signal number out of range");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

Object* handler_or_none(Object* h) { return h ? newref(h) : new_none(); }

Object* sig_default_int_handler(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return raise_with(ts, &exc::KeyboardInterrupt, nullptr);
}

Object* sig_signal(ThreadState* ts, Object* module, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  if (!no_kwargs(ts, "signal", kw) || !check_nargs(ts, "signal", nargs, 2, 2)) return nullptr;
  int sig;
  if (!signum_arg(ts, args[0], &sig)) return nullptr;
  Object* handler = args[1];
  Interpreter* interp = ts->interp;
  if (!gil::is_main_thread(ts) || !signals::claim(interp))
    return raise(ts, &exc::ValueError, "signal only works in main thread of the main interpreter");
  int kind;
  if (is_int(handler) && !is_bool(handler)) {
    int64_t v = -1;
    int_to_i64(handler, &v);
    if (v != 0 && v != 1)
      return raise(ts, &exc::TypeError,
                   "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    kind = static_cast<int>(v);
  } else if (is_callable(handler)) {
    kind = 2;
  } else {
    return raise(ts, &exc::TypeError,
                 "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (sig == SIGKILL || sig == SIGSTOP || sig >= 32) return raise_errno(ts, EINVAL);
  if (!signals::set_disposition(sig, kind)) return raise_errno(ts, errno);
  Object* old = interp->signal_handlers[sig];
  interp->signal_handlers[sig] = newref(handler);
  if (!old) return new_none();
  return old;  // the slot's reference moves to the caller
}

Object* sig_getsignal(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "getsignal", kw) || !check_nargs(ts, "getsignal", nargs, 1, 1)) return nullptr;
  int sig;
  if (!signum_arg(ts, args[0], &sig)) return nullptr;
  return handler_or_none(ts->interp->signal_handlers[sig]);
}

Object* sig_alarm(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "alarm", kw) || !check_nargs(ts, "alarm", nargs, 1, 1)) return nullptr;
  ssize n;
  if (!index_as_ssize(ts, args[0], &n)) return nullptr;
  return int_from(ts, ::alarm(static_cast<unsigned>(n)));
}

Object* sig_raise_signal(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  if (!no_kwargs(ts, "raise_signal", kw) || !check_nargs(ts, "raise_signal", nargs, 1, 1))
    return nullptr;
  int sig;
  if (!signum_arg(ts, args[0], &sig)) return nullptr;
  if (::raise(sig) != 0) return raise_errno(ts, errno);
  if (!gil::check_signals(ts)) return nullptr;
  return new_none();
}

Object* sig_pthread_kill(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  if (!no_kwargs(ts, "pthread_kill", kw) || !check_nargs(ts, "pthread_kill", nargs, 2, 2))
    return nullptr;
  int64_t tid;
  if (!int_to_i64(args[0], &tid)) return raise(ts, &exc::OverflowError, "thread id too large");
  ssize sig;
  if (!index_as_ssize(ts, args[1], &sig)) return nullptr;
  int err = pthread_kill(static_cast<pthread_t>(tid), static_cast<int>(sig));
  if (err) return raise_errno(ts, err);
  if (!gil::check_signals(ts)) return nullptr;
  return new_none();
}

Object* sig_pause(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject* kw) {
  {
    gil::Released r(ts);
    ::pause();
  }
  if (!gil::check_signals(ts)) return nullptr;
  return new_none();
}

Object* sig_strsignal(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "strsignal", kw) || !check_nargs(ts, "strsignal", nargs, 1, 1)) return nullptr;
  int sig;
  if (!signum_arg(ts, args[0], &sig)) return nullptr;
  const char* s = ::strsignal(sig);
  if (!s || strstr(s, "Unknown signal") || strstr(s, "Real-time signal")) return new_none();
  return str_from(ts, s);
}

Object* sig_valid_signals(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  Ref<SetObject> s = Ref<SetObject>::steal(set_new(ts));
  if (!s) return nullptr;
  for (int i = 1; i < kNsig; ++i) {
    if (i == 32 || i == 33) continue;  // reserved by glibc for its own threads
    Ref<> n = Ref<>::steal(int_from(ts, i));
    if (!n || !set_add(ts, s.get(), n.get())) return nullptr;
  }
  return s.release();
}

Object* sig_set_wakeup_fd(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                          TupleObject* kw) {
  // Not supported: the old value is always "none".
  return int_from(ts, -1);
}

Object* sig_siginterrupt(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  if (!check_nargs(ts, "siginterrupt", nargs, 2, 2)) return nullptr;
  int sig;
  if (!signum_arg(ts, args[0], &sig)) return nullptr;
  return new_none();
}

const MethodDef signal_functions[] = {
    {"signal", sig_signal, 0, "Set the action for the given signal."},
    {"getsignal", sig_getsignal, 0, "Return the current action for the given signal."},
    {"default_int_handler", sig_default_int_handler, 0,
     "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."},
    {"alarm", sig_alarm, 0, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"raise_signal", sig_raise_signal, 0, "Send a signal to the executing process."},
    {"pthread_kill", sig_pthread_kill, 0, "Send a signal to a thread."},
    {"pause", sig_pause, 0, "Wait until a signal arrives."},
    {"strsignal", sig_strsignal, 0, "Return the system description of the given signal."},
    {"valid_signals", sig_valid_signals, 0, "Return a set of valid signal numbers."},
    {"set_wakeup_fd", sig_set_wakeup_fd, 0, nullptr},
    {"siginterrupt", sig_siginterrupt, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

struct SigName {
  const char* name;
  int num;
};
const SigName kSignalNames[] = {
    {"SIGHUP", SIGHUP},     {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},     {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},     {"SIGBUS", SIGBUS},       {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL},   {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},   {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},   {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},
    {"SIGCONT", SIGCONT},   {"SIGSTOP", SIGSTOP},     {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},   {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},   {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},   {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL},   {"SIGPWR", SIGPWR},       {"SIGSYS", SIGSYS},
    {"SIGRTMIN", SIGRTMIN}, {"SIGRTMAX", SIGRTMAX},   {nullptr, 0},
};

}  // namespace

bool init_signal(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, signal_functions)) return false;
  for (const SigName* s = kSignalNames; s->name; ++s)
    if (!module_add(ts, m, s->name, int_from(ts, s->num))) return false;
  if (!module_add(ts, m, "SIG_DFL", int_from(ts, 0)) ||
      !module_add(ts, m, "SIG_IGN", int_from(ts, 1)) ||
      !module_add(ts, m, "NSIG", int_from(ts, kNsig)) ||
      !module_add(ts, m, "SIG_BLOCK", int_from(ts, SIG_BLOCK)) ||
      !module_add(ts, m, "SIG_UNBLOCK", int_from(ts, SIG_UNBLOCK)) ||
      !module_add(ts, m, "SIG_SETMASK", int_from(ts, SIG_SETMASK)))
    return false;
  // Handlers as the OS has them now (CPython: SIG_DFL, SIG_IGN or default_int_handler).
  Object* dih = module_get(ts, m, "default_int_handler");
  Interpreter* interp = ts->interp;
  for (int sig = 1; sig < 32; ++sig) {
    if (interp->signal_handlers[sig]) continue;
    int kind = signals::get_disposition(sig);
    if (kind == 0 || kind == 1) {
      interp->signal_handlers[sig] = int_from(ts, kind);
    } else if (kind == 2 && sig == SIGINT && dih) {
      interp->signal_handlers[sig] = newref(dih);
    }
  }
  return !exc_occurred(ts);
}

}  // namespace gp
