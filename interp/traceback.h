// Traceback objects and the printer of uncaught exceptions (print_exception, declared in
// runtime/interpreter.h). A traceback entry keeps the code, line and globals of its frame; tb_frame
// is a FrameObject snapshot made on first access.
#pragma once

#include <string>
#include <string_view>

#include "interp/frame.h"

namespace gp {

struct TracebackObject : Object {
  Object* next;  // TracebackObject or nullptr
  CodeObject* code;
  DictObject* globals;
  Object* frame;  // lazily made FrameObject
  int lineno;
  int lasti;
};
extern TypeObject TracebackType;

// Prepends an entry for f (at its current instruction) to the __traceback__ of the exception
// being raised in ts.
void traceback_add(ThreadState* ts, Frame* f);

// In-memory source of code compiled from strings (-c, REPL, exec), for traceback lines: keyed by
// filename ("<string>", "<stdin>"). The latest source registered under a name wins.
void register_source(ThreadState* ts, std::string_view filename, std::string_view source);
// Line `lineno` (1-based) of filename, from the registry or the file; empty when unavailable.
std::string source_line(ThreadState* ts, std::string_view filename, int lineno);

}  // namespace gp
