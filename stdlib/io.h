// Helpers of the io module (stdlib/io.cpp) for the interpreter lifecycle and other modules.
#pragma once

#include "runtime/runtime.h"

namespace gp {

// Creates sys.stdin/stdout/stderr (and sys.__stdin__...) as text files on fds 0/1/2.
// stdout is line-buffered on a terminal, else block-buffered; $PYTHONUNBUFFERED makes it
// write-through. stderr is line-buffered.
bool io_init_std_streams(ThreadState* ts);
// Flushes sys.stdout and sys.stderr (errors are cleared; used before exit and fork).
void io_flush_std_streams(ThreadState* ts);
// Flushes every open buffered file of the interpreter (at exit).
void io_flush_all(ThreadState* ts);

}  // namespace gp
