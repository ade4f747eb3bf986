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
// The line of a traceback entry as the printer reads it (registry, file, or embedded stdlib
// source), unstripped and without its line break; empty when unavailable.
std::string traceback_source_line(ThreadState* ts, std::string_view filename, int lineno);

// The node that carets are anchored on in a one-line source segment (CPython 3.11 parses the
// failing range alone): kind 1 = a binary operation, a = left operand's end column, b = right
// operand's start column; kind 2 = a subscript, a = value's end column, b = slice's end column
// (UTF-8 byte offsets in seg). 0: neither (or seg does not parse as one expression statement).
int traceback_anchor_node(std::string_view seg, int64_t* a, int64_t* b);

// Terminal columns of the first `nchars` characters of UTF-8 text (East Asian wide/full-width
// characters count two), what CPython 3.11.7 aligns carets with.
int64_t traceback_display_width(std::string_view text, int64_t nchars);

}  // namespace gp
