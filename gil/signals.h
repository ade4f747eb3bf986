// C-level signal handling (gil/signals.cpp), shared by the eval breaker and the _signal module.
//
// The C handler must find the interpreter without any argument, so this is the one process-global
// pointer gilpy has: the interpreter that receives signals (the CLI host's main interpreter, set
// by init_gil when Config::install_signal_handlers, or by the first signal.signal() call of an
// embedded interpreter). The handler only sets a bit in interp->signals_pending and
// kBreakSignalsPending in the main thread's eval_breaker; the main thread runs the Python-level
// handler at its next check point (handle_eval_breaker, lock waits, sleep).
#pragma once

#include "runtime/interpreter.h"

namespace gp::signals {

inline constexpr int kMaxSignal = 64;  // signal numbers 1..64 (Interpreter::signal_handlers[65])

// Installs the C handler for SIGINT and ignores SIGPIPE and SIGXFSZ, as CPython does at start.
void install_default_handlers(Interpreter* interp);
// The interpreter the C handler reports to (nullptr when none).
Interpreter* signal_interp();
// Makes interp the one the C handler reports to, if none is yet; false when another one is.
bool claim(Interpreter* interp);
// Stops reporting to interp (interpreter destruction); restores SIGINT's default disposition.
void release(Interpreter* interp);
// What the C handler does for signum (also _thread.interrupt_main / signal.raise_signal paths).
void trip(Interpreter* interp, int signum);
// OS-level disposition: 0 SIG_DFL, 1 SIG_IGN, 2 the gilpy C handler. False with errno on failure.
bool set_disposition(int signum, int kind);
// Current OS-level disposition as above (2 also for foreign handlers: -1 then).
int get_disposition(int signum);
// Runs the Python-level handlers of the pending signals (main thread only; elsewhere a no-op).
// A handler slot that is nullptr or the default_int_handler marker raises KeyboardInterrupt for
// SIGINT. False with the handler's exception.
bool run_pending(ThreadState* ts);

}  // namespace gp::signals
