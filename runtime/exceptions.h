// The builtin exception hierarchy, with CPython's names, fields and messages.
#pragma once

#include "runtime/object.h"

namespace gp {

struct BaseExceptionObject : Object {
  Object* dict;
  TupleObject* args;
  Object* traceback;  // TracebackObject or nullptr
  Object* context;    // __context__
  Object* cause;      // __cause__
  bool suppress_context;
  Object* notes;
};

struct StopIterationObject : BaseExceptionObject {
  Object* value;
};
struct SystemExitObject : BaseExceptionObject {
  Object* code;
};
struct OSErrorObject : BaseExceptionObject {
  Object* myerrno;
  Object* strerror;
  Object* filename;
  Object* filename2;
};
struct SyntaxErrorObject : BaseExceptionObject {
  Object* msg;
  Object* filename;
  Object* lineno;
  Object* offset;
  Object* text;
  Object* end_lineno;
  Object* end_offset;
  Object* print_file_and_line;
};
struct ImportErrorObject : BaseExceptionObject {
  Object* msg;
  Object* name;
  Object* path;
};
struct AttributeErrorObject : BaseExceptionObject {
  Object* name;
  Object* obj;
};
struct NameErrorObject : BaseExceptionObject {
  Object* name;
};
struct ExceptionGroupObject : BaseExceptionObject {  // BaseExceptionGroup and subclasses
  Object* msg;
  Object* excs;  // tuple
};
struct UnicodeErrorObject : BaseExceptionObject {  // UnicodeDecode/Encode/TranslateError
  Object* encoding;
  Object* object;
  Object* start;
  Object* end;
  Object* reason;
};

#define GP_EXCEPTION_TYPES(X)  \
  X(BaseException)             \
  X(BaseExceptionGroup)        \
  X(Exception)                 \
  X(ExceptionGroup)            \
  X(GeneratorExit)             \
  X(KeyboardInterrupt)         \
  X(SystemExit)                \
  X(ArithmeticError)           \
  X(FloatingPointError)        \
  X(OverflowError)             \
  X(ZeroDivisionError)         \
  X(AssertionError)            \
  X(AttributeError)            \
  X(BufferError)               \
  X(EOFError)                  \
  X(ImportError)               \
  X(ModuleNotFoundError)       \
  X(LookupError)               \
  X(IndexError)                \
  X(KeyError)                  \
  X(MemoryError)               \
  X(NameError)                 \
  X(UnboundLocalError)         \
  X(OSError)                   \
  X(BlockingIOError)           \
  X(ChildProcessError)         \
  X(ConnectionError)           \
  X(BrokenPipeError)           \
  X(ConnectionAbortedError)    \
  X(ConnectionRefusedError)    \
  X(ConnectionResetError)      \
  X(FileExistsError)           \
  X(FileNotFoundError)         \
  X(InterruptedError)          \
  X(IsADirectoryError)         \
  X(NotADirectoryError)        \
  X(PermissionError)           \
  X(ProcessLookupError)        \
  X(TimeoutError)              \
  X(ReferenceError)            \
  X(RuntimeError)              \
  X(NotImplementedError)       \
  X(RecursionError)            \
  X(StopAsyncIteration)        \
  X(StopIteration)             \
  X(SyntaxError)               \
  X(IndentationError)          \
  X(TabError)                  \
  X(SystemError)               \
  X(TypeError)                 \
  X(ValueError)                \
  X(UnicodeError)              \
  X(UnicodeDecodeError)        \
  X(UnicodeEncodeError)        \
  X(UnicodeTranslateError)     \
  X(Warning)                   \
  X(DeprecationWarning)        \
  X(PendingDeprecationWarning) \
  X(RuntimeWarning)            \
  X(SyntaxWarning)             \
  X(UserWarning)               \
  X(FutureWarning)             \
  X(ImportWarning)             \
  X(UnicodeWarning)            \
  X(BytesWarning)              \
  X(EncodingWarning)           \
  X(ResourceWarning)

namespace exc {
#define GP_DECLARE_EXC(name) extern TypeObject name;
GP_EXCEPTION_TYPES(GP_DECLARE_EXC)
#undef GP_DECLARE_EXC
}  // namespace exc

inline bool is_exception(const Object* o) { return o->type->flags & kBaseExcSubclass; }
inline bool is_exception_type(const Object* o) {
  return (o->type->flags & kTypeSubclass) &&
         (static_cast<const TypeObject*>(o)->flags & kBaseExcSubclass);
}
// Instantiates an exception class with args (a new instance).
Object* exception_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs);
// ExceptionGroup has two bases (BaseExceptionGroup, Exception): runtime_init calls this before
// making it ready.
bool prepare_exception_group(ThreadState* ts);

// except* (try/except* statements): the type check, the match of one clause (CPython's
// CHECK_EG_MATCH: *match is the matching part, a naked exception wrapped in an ExceptionGroup, or
// None; *rest what is left, or None) and the exception to re-raise at the end (PREP_RERAISE_STAR:
// orig is the caught exception, excs the list of exceptions the clauses raised plus the rest).
bool check_except_star_type(ThreadState* ts, Object* type);
bool exception_group_match(ThreadState* ts, Object* exc, Object* type, Object** match,
                           Object** rest);
Object* prep_reraise_star(ThreadState* ts, Object* orig, Object* excs);

// str(exc) as the last traceback line prints it ("TypeError: msg" is built by the printer).
Object* exception_str(ThreadState* ts, Object* exc);

}  // namespace gp
