// The interactive loop of the gilpy command (interp/cli/repl.cpp): GNU readline when stdin is a
// terminal (history in ~/.gilpy_history, tab completion), plain line reading otherwise.
#pragma once

#include "runtime/runtime.h"

namespace gp::cli {

// Runs the REPL in __main__ until EOF or SystemExit; returns the exit code.
int run_repl(ThreadState* ts, bool quiet);

}  // namespace gp::cli
