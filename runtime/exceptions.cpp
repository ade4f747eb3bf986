// The builtin exception hierarchy and the raising functions of runtime/interpreter.h.
//
// Every exception instance is a BaseExceptionObject (args, __traceback__, __context__, __cause__,
// notes, instance dict); the subclasses with extra fields (OSError, SyntaxError, ImportError,
// StopIteration, SystemExit, AttributeError, NameError, the Unicode errors) extend it. Raising
// from native code instantiates the class with the message and, like CPython's PyErr_SetObject,
// chains the exception currently being handled as __context__.
#include <cerrno>
#include <cstdarg>
#include <cstring>

#include "interp/vm.h"
#include "runtime/objmodel_internal.h"

namespace gp {

// ---- raising -----------------------------------------------------------------------------------

static Object* handled_exception(ThreadState* ts) {
  for (ExcInfo* e = ts->exc_info; e; e = e->previous)
    if (e->exc && !is_none(e->exc)) return e->exc;
  return nullptr;
}

static void set_exception(ThreadState* ts, Object* inst) {  // steals inst
  Object* handled = handled_exception(ts);
  if (handled && handled != inst && is_exception(handled)) {
    // Avoid a cycle in the __context__ chain.
    Object* o = handled;
    for (;;) {
      auto* be = static_cast<BaseExceptionObject*>(o);
      Object* ctx = be->context;
      if (!ctx) break;
      if (ctx == inst) {
        clearref(be->context);
        break;
      }
      o = ctx;
    }
    auto* ie = static_cast<BaseExceptionObject*>(inst);
    setref(ie->context, newref(handled));
  }
  setref(ts->exc, inst);
}

// Instantiates an exception class without the recursion check of call(): raising
// RecursionError must work when the depth is exhausted.
static Object* instantiate(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs) {
  callfunc f = type->type->call;
  if (!f) return raise(ts, &exc::TypeError, "'%s' object is not callable", type_name(type));
  return f(ts, type, args, nargs, nullptr);
}

std::nullptr_t raise_object(ThreadState* ts, Object* exc) {
  Object* inst;
  if (is_exception_type(exc)) {
    inst = instantiate(ts, static_cast<TypeObject*>(exc), nullptr, 0);
    if (!inst) return nullptr;
    if (!is_exception(inst)) {
      raise(ts, &exc::TypeError,
            "calling %s should have returned an instance of BaseException, not %s",
            type_qualified_name(static_cast<TypeObject*>(exc)).c_str(), type_name(inst));
      decref(inst);
      return nullptr;
    }
  } else if (is_exception(exc)) {
    inst = newref(exc);
  } else {
    return raise(ts, &exc::TypeError, "exceptions must derive from BaseException");
  }
  set_exception(ts, inst);
  return nullptr;
}

std::nullptr_t raise_with(ThreadState* ts, TypeObject* type, Object* msg) {
  Object* inst = instantiate(ts, type, &msg, msg ? 1 : 0);
  if (!inst) return nullptr;
  if (!is_exception(inst)) {
    decref(inst);
    return raise(ts, &exc::TypeError, "exceptions must derive from BaseException");
  }
  set_exception(ts, inst);
  return nullptr;
}

std::nullptr_t raise(ThreadState* ts, TypeObject* type, const char* fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  std::string text;
  if (n >= 0 && static_cast<size_t>(n) >= sizeof small) {
    text.resize(static_cast<size_t>(n) + 1);
    va_start(ap, fmt);
    std::vsnprintf(text.data(), text.size(), fmt, ap);
    va_end(ap);
    text.resize(static_cast<size_t>(n));
  } else {
    text = small;
  }
  StrObject* msg = str_decode_utf8(ts, text, "replace");
  if (!msg) return nullptr;
  raise_with(ts, type, msg);
  decref(msg);
  return nullptr;
}

static TypeObject* errno_type(int err) {
  switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
      return &exc::BlockingIOError;
    case ECHILD:
      return &exc::ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
      return &exc::BrokenPipeError;
    case ECONNABORTED:
      return &exc::ConnectionAbortedError;
    case ECONNREFUSED:
      return &exc::ConnectionRefusedError;
    case ECONNRESET:
      return &exc::ConnectionResetError;
    case EEXIST:
      return &exc::FileExistsError;
    case ENOENT:
      return &exc::FileNotFoundError;
    case EISDIR:
      return &exc::IsADirectoryError;
    case ENOTDIR:
      return &exc::NotADirectoryError;
    case EINTR:
      return &exc::InterruptedError;
    case EACCES:
    case EPERM:
      return &exc::PermissionError;
    case ESRCH:
      return &exc::ProcessLookupError;
    case ETIMEDOUT:
      return &exc::TimeoutError;
    default:
      return nullptr;
  }
}

std::nullptr_t raise_errno(ThreadState* ts, int err, Object* filename) {
  Ref<> code = Ref<>::steal(int_from(ts, err));
  if (!code) return nullptr;
  Ref<> msg = Ref<>::steal(str_decode_utf8(ts, std::strerror(err), "replace"));
  if (!msg) return nullptr;
  Object* args[3] = {code.get(), msg.get(), filename};
  Ref<> inst = Ref<>::steal(call(ts, &exc::OSError, args, filename ? 3 : 2));
  if (!inst) return nullptr;
  return raise_object(ts, inst.get());
}

bool exc_matches(ThreadState* ts, TypeObject* type) {
  return ts->exc && isinstance_of(ts->exc, type);
}

Object* fetch_exc(ThreadState* ts) {
  Object* e = ts->exc;
  ts->exc = nullptr;
  return e;
}

void clear_exc(ThreadState* ts) { clearref(ts->exc); }

void restore_exc(ThreadState* ts, Object* exc) { setref(ts->exc, exc); }

Object* exception_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs) {
  return call(ts, type, args, nargs);
}

Object* exception_str(ThreadState* ts, Object* exc) { return str(ts, exc); }

void write_stderr(ThreadState* ts, const std::string& text) {
  Object* err = nullptr;
  if (ts->interp->sys) err = dict_get_str(ts, ts->interp->sys->dict, names.stderr);
  if (err && !is_none(err)) {
    Ref<> hold = Ref<>::borrow(err);
    Ref<> s = Ref<>::steal(str_decode_utf8(ts, text, "replace"));
    if (s) {
      Ref<> r = Ref<>::steal(call_method(ts, err, "write", {s.get()}));
      if (r) return;
    }
    clear_exc(ts);
  }
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

void write_unraisable(ThreadState* ts, Object* obj) {
  Object* e = fetch_exc(ts);
  if (!e) return;
  std::string r;
  if (obj) {
    if (!repr_text(ts, obj, &r)) {
      clear_exc(ts);
      r = "<object repr() failed>";
    }
  }
  write_stderr(ts, "Exception ignored in: " + r + "\n");
  print_exception(ts, e);
  clear_exc(ts);
  decref(e);
}

// ---- BaseException -----------------------------------------------------------------------------

using BE = BaseExceptionObject;

static inline BE* be(Object* o) { return static_cast<BE*>(o); }

Object* exception_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                           TupleObject*) {
  auto* e = static_cast<BE*>(alloc_object(ts, type));
  if (!e) return nullptr;
  e->args = tuple_from_array(ts, args, static_cast<ssize>(nargs));
  if (!e->args) {
    decref(e);
    return nullptr;
  }
  return e;
}

static bool exc_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise(ts, &exc::TypeError, "%s() takes no keyword arguments", type_name(self));
    return false;
  }
  TupleObject* t = tuple_from_array(ts, args, static_cast<ssize>(nargs));
  if (!t) return false;
  setref(be(self)->args, t);
  return true;
}

static void exc_clear_base(Object* o) {
  BE* e = be(o);
  clearref(e->dict);
  clearref(e->args);
  clearref(e->traceback);
  clearref(e->context);
  clearref(e->cause);
  clearref(e->notes);
}

static int exc_traverse_base(Object* o, visitproc visit, void* arg) {
  BE* e = be(o);
  Object* refs[] = {e->dict, e->args, e->traceback, e->context, e->cause, e->notes};
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  return 0;
}

static void exc_dealloc(Object* o) {
  exc_clear_base(o);
  free_object(o);
}

static Object* exc_str(ThreadState* ts, Object* self) {
  TupleObject* a = be(self)->args;
  if (!a || a->size == 0) return str_from(ts, "");
  if (a->size == 1) return str(ts, a->items[0]);
  return str(ts, a);
}

static Object* exc_repr(ThreadState* ts, Object* self) {
  TupleObject* a = be(self)->args;
  std::string s = type_name(self);
  if (!a || a->size == 0) return str_from(ts, s + "()");
  std::string inner;
  if (a->size == 1) {
    if (!repr_text(ts, a->items[0], &inner)) return nullptr;
    return str_from(ts, s + "(" + inner + ")");
  }
  if (!repr_text(ts, a, &inner)) return nullptr;
  return str_from(ts, s + inner);
}

static Object* exc_get_args(ThreadState* ts, Object* self) {
  TupleObject* a = be(self)->args;
  if (!a) return tuple_new(ts, 0);
  return newref(static_cast<Object*>(a));
}
static bool exc_set_args(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "args may not be deleted");
    return false;
  }
  Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, value));
  if (!l) return false;
  TupleObject* t = tuple_from_array(ts, l->items, l->size);
  if (!t) return false;
  setref(be(self)->args, t);
  return true;
}
static Object* exc_get_tb(ThreadState*, Object* self) {
  Object* t = be(self)->traceback;
  return t ? newref(t) : new_none();
}
static bool exc_set_tb(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__traceback__ may not be deleted");
    return false;
  }
  if (is_none(value)) {
    clearref(be(self)->traceback);
    return true;
  }
  if (std::strcmp(type_name(value), "traceback") != 0) {
    raise(ts, &exc::TypeError, "__traceback__ must be a traceback or None");
    return false;
  }
  setref(be(self)->traceback, newref(value));
  return true;
}
static Object* exc_get_context(ThreadState*, Object* self) {
  Object* c = be(self)->context;
  return c ? newref(c) : new_none();
}
static bool exc_set_context(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__context__ may not be deleted");
    return false;
  }
  if (is_none(value)) {
    clearref(be(self)->context);
    return true;
  }
  if (!is_exception(value)) {
    raise(ts, &exc::TypeError, "exception context must be None or derive from BaseException");
    return false;
  }
  setref(be(self)->context, newref(value));
  return true;
}
static Object* exc_get_cause(ThreadState*, Object* self) {
  Object* c = be(self)->cause;
  return c ? newref(c) : new_none();
}
static bool exc_set_cause(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__cause__ may not be deleted");
    return false;
  }
  if (is_none(value)) {
    clearref(be(self)->cause);
  } else if (!is_exception(value)) {
    raise(ts, &exc::TypeError, "exception cause must be None or derive from BaseException");
    return false;
  } else {
    setref(be(self)->cause, newref(value));
  }
  be(self)->suppress_context = true;
  return true;
}
static Object* exc_get_suppress(ThreadState*, Object* self) {
  return bool_from(be(self)->suppress_context);
}
static bool exc_set_suppress(ThreadState* ts, Object* self, Object* value) {
  if (!value) {
    raise(ts, &exc::TypeError, "__suppress_context__ may not be deleted");
    return false;
  }
  int t = truthy(ts, value);
  if (t < 0) return false;
  be(self)->suppress_context = t;
  return true;
}
static Object* exc_get_notes(ThreadState* ts, Object* self) {
  Object* n = be(self)->notes;
  if (!n)
    return raise_attribute_error(ts, self, nullptr, "'%s' object has no attribute '__notes__'",
                                 type_name(self));
  return newref(n);
}
static bool exc_set_notes(ThreadState*, Object* self, Object* value) {
  setref(be(self)->notes, value ? newref(value) : nullptr);
  return true;
}
static Object* exc_get_dict(ThreadState* ts, Object* self) {
  if (!be(self)->dict) {
    be(self)->dict = dict_new(ts);
    if (!be(self)->dict) return nullptr;
  }
  return newref(be(self)->dict);
}
static bool exc_set_dict(ThreadState* ts, Object* self, Object* value) {
  if (!value || !is_dict(value)) {
    raise(ts, &exc::TypeError, "__dict__ must be set to a dictionary");
    return false;
  }
  setref(be(self)->dict, newref(value));
  return true;
}

static const GetSetDef exc_getsets[] = {
    {"args", exc_get_args, exc_set_args},
    {"__traceback__", exc_get_tb, exc_set_tb},
    {"__context__", exc_get_context, exc_set_context},
    {"__cause__", exc_get_cause, exc_set_cause},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {"__notes__", exc_get_notes, exc_set_notes},
    {"__dict__", exc_get_dict, exc_set_dict},
    {nullptr, nullptr, nullptr},
};

static Object* exc_with_traceback(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                  TupleObject*) {
  if (!check_nargs(ts, "with_traceback", nargs, 1, 1)) return nullptr;
  if (!exc_set_tb(ts, self, args[0])) return nullptr;
  return newref(self);
}

static Object* exc_add_note(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                            TupleObject*) {
  if (!check_nargs(ts, "add_note", nargs, 1, 1)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "note must be a str, not '%s'", type_name(args[0]));
  BE* e = be(self);
  if (!e->notes) {
    e->notes = list_new(ts);
    if (!e->notes) return nullptr;
  }
  if (!is_list(e->notes))
    return raise(ts, &exc::TypeError, "Cannot add note: __notes__ is not a list");
  if (!list_append(ts, static_cast<ListObject*>(e->notes), args[0])) return nullptr;
  return new_none();
}

static Object* exc_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  BE* e = be(self);
  Object* args = e->args ? static_cast<Object*>(e->args) : nullptr;
  Ref<> empty;
  if (!args) {
    empty = Ref<>::steal(tuple_new(ts, 0));
    args = empty.get();
  }
  if (e->dict && dict_size(static_cast<DictObject*>(e->dict)))
    return tuple_pack(ts, {self->type, args, e->dict});
  return tuple_pack(ts, {self->type, args});
}

static Object* exc_setstate(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                            TupleObject*) {
  if (!check_nargs(ts, "__setstate__", nargs, 1, 1)) return nullptr;
  if (is_none(args[0])) return new_none();
  if (!is_dict(args[0])) return raise(ts, &exc::TypeError, "state is not a dictionary");
  ssize pos = 0;
  Object *k, *v;
  while (dict_next(static_cast<DictObject*>(args[0]), &pos, &k, &v)) {
    if (!is_str(k)) continue;
    if (!setattr(ts, self, static_cast<StrObject*>(k), v)) return nullptr;
  }
  return new_none();
}

static const MethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, 0,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, 0, "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exc_reduce, 0, nullptr},
    {"__setstate__", exc_setstate, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- per-field accessors
// -------------------------------------------------------------------------

template <class T, Object* T::*F>
static Object* field_get(ThreadState*, Object* self) {
  Object* v = static_cast<T*>(self)->*F;
  return v ? newref(v) : new_none();
}
template <class T, Object* T::*F>
static bool field_set(ThreadState*, Object* self, Object* value) {
  Object*& slot = static_cast<T*>(self)->*F;
  setref(slot, value ? newref(value) : nullptr);
  return true;
}
#define FIELD(T, f, pyname) \
  { pyname, field_get<T, &T::f>, field_set<T, &T::f> }

// ---- the type table
// ------------------------------------------------------------------------------

static TypeObject exc_type(const char* name, TypeObject* base, const char* doc,
                           ssize size = sizeof(BE)) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.base = base;
  t.basicsize = size;
  t.flags = kBaseType | kHaveGC | kBaseExcSubclass | kImmutableType;
  t.dict_offset = offsetof(BE, dict);
  t.doc = doc;
  return t;
}

namespace exc {

TypeObject BaseException = [] {
  TypeObject t = exc_type("BaseException", &ObjectType, "Common base class for all exceptions");
  t.dealloc = exc_dealloc;
  t.traverse = exc_traverse_base;
  t.clear = exc_clear_base;
  t.repr = exc_repr;
  t.str = exc_str;
  t.getattro = generic_getattr;
  t.setattro = generic_setattr;
  t.new_ = exception_new_slot;
  t.init = exc_init;
  t.methods = exc_methods;
  t.getsets = exc_getsets;
  return t;
}();

#define SIMPLE_EXC(name, base, doc) TypeObject name = exc_type(#name, &base, doc);

SIMPLE_EXC(Exception, BaseException, "Common base class for all non-exit exceptions.")
SIMPLE_EXC(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE_EXC(KeyboardInterrupt, BaseException, "Program interrupted by user.")
SIMPLE_EXC(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE_EXC(FloatingPointError, ArithmeticError, "Floating point operation failed.")
SIMPLE_EXC(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE_EXC(ZeroDivisionError, ArithmeticError,
           "Second argument to a division or modulo operation was zero.")
SIMPLE_EXC(AssertionError, Exception, "Assertion failed.")
SIMPLE_EXC(BufferError, Exception, "Buffer error.")
SIMPLE_EXC(EOFError, Exception, "Read beyond end of file.")
SIMPLE_EXC(LookupError, Exception, "Base class for lookup errors.")
SIMPLE_EXC(IndexError, LookupError, "Sequence index out of range.")
SIMPLE_EXC(MemoryError, Exception, "Out of memory.")
SIMPLE_EXC(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE_EXC(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE_EXC(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
SIMPLE_EXC(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE_EXC(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
SIMPLE_EXC(SystemError, Exception,
           "Internal error in the Python interpreter.\n\nPlease report this to the Python "
           "maintainer, along with the traceback,\nthe Python version, and the hardware/OS "
           "platform and version.")
SIMPLE_EXC(TypeError, Exception, "Inappropriate argument type.")
SIMPLE_EXC(ValueError, Exception, "Inappropriate argument value (of correct type).")
SIMPLE_EXC(UnicodeError, ValueError, "Unicode related error.")
SIMPLE_EXC(Warning, Exception, "Base class for warning categories.")
SIMPLE_EXC(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
SIMPLE_EXC(PendingDeprecationWarning, Warning,
           "Base class for warnings about features which will be deprecated\nin the future.")
SIMPLE_EXC(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
SIMPLE_EXC(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE_EXC(UserWarning, Warning, "Base class for warnings generated by user code.")
SIMPLE_EXC(FutureWarning, Warning,
           "Base class for warnings about constructs that will change semantically\nin the "
           "future.")
SIMPLE_EXC(ImportWarning, Warning,
           "Base class for warnings about probable mistakes in module imports")
SIMPLE_EXC(UnicodeWarning, Warning,
           "Base class for warnings about Unicode related problems, mostly\nrelated to "
           "conversion problems.")
SIMPLE_EXC(BytesWarning, Warning,
           "Base class for warnings about bytes and buffer related problems, mostly\nrelated "
           "to conversion from str or comparing to str.")
SIMPLE_EXC(EncodingWarning, Warning, "Base class for warnings about encodings.")
SIMPLE_EXC(ResourceWarning, Warning, "Base class for warnings about resource usage.")

}  // namespace exc

// KeyError: str is the repr of a single argument.
static Object* keyerror_str(ThreadState* ts, Object* self) {
  TupleObject* a = be(self)->args;
  if (a && a->size == 1) return repr(ts, a->items[0]);
  return exc_str(ts, self);
}
TypeObject exc::KeyError = [] {
  TypeObject t = exc_type("KeyError", &exc::LookupError, "Mapping key not found.");
  t.str = keyerror_str;
  return t;
}();

// StopIteration(value)
static bool stopiter_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                          TupleObject* kwnames) {
  if (!exc_init(ts, self, args, nargs, kwnames)) return false;
  setref(static_cast<StopIterationObject*>(self)->value, newref(nargs ? args[0] : none()));
  return true;
}
static void stopiter_clear(Object* o) {
  clearref(static_cast<StopIterationObject*>(o)->value);
  exc_clear_base(o);
}
static void stopiter_dealloc(Object* o) {
  stopiter_clear(o);
  free_object(o);
}
static int stopiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* v = static_cast<StopIterationObject*>(o)->value;
  if (v && visit(v, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static const GetSetDef stopiter_getsets[] = {FIELD(StopIterationObject, value, "value"),
                                             {nullptr, nullptr, nullptr}};
TypeObject exc::StopIteration = [] {
  TypeObject t = exc_type("StopIteration", &exc::Exception,
                          "Signal the end from iterator.__next__().", sizeof(StopIterationObject));
  t.init = stopiter_init;
  t.dealloc = stopiter_dealloc;
  t.traverse = stopiter_traverse;
  t.clear = stopiter_clear;
  t.getsets = stopiter_getsets;
  return t;
}();

// SystemExit(code)
static bool sysexit_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  if (!exc_init(ts, self, args, nargs, kwnames)) return false;
  Object* code = nargs == 0   ? newref(none())
                 : nargs == 1 ? newref(args[0])
                              : newref(static_cast<Object*>(be(self)->args));
  setref(static_cast<SystemExitObject*>(self)->code, code);
  return true;
}
static void sysexit_clear(Object* o) {
  clearref(static_cast<SystemExitObject*>(o)->code);
  exc_clear_base(o);
}
static void sysexit_dealloc(Object* o) {
  sysexit_clear(o);
  free_object(o);
}
static int sysexit_traverse(Object* o, visitproc visit, void* arg) {
  Object* v = static_cast<SystemExitObject*>(o)->code;
  if (v && visit(v, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static const GetSetDef sysexit_getsets[] = {FIELD(SystemExitObject, code, "code"),
                                            {nullptr, nullptr, nullptr}};
TypeObject exc::SystemExit = [] {
  TypeObject t = exc_type("SystemExit", &exc::BaseException,
                          "Request to exit from the interpreter.", sizeof(SystemExitObject));
  t.init = sysexit_init;
  t.dealloc = sysexit_dealloc;
  t.traverse = sysexit_traverse;
  t.clear = sysexit_clear;
  t.getsets = sysexit_getsets;
  return t;
}();

// Keyword arguments accepted by ImportError / AttributeError / NameError.
static bool take_kwargs(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                        TupleObject* kwnames,
                        std::initializer_list<std::pair<const char*, Object**>> fields,
                        const char* tname) {
  if (!kwnames) return true;
  for (ssize i = 0; i < kwnames->size; ++i) {
    Object* k = kwnames->items[i];
    bool ok = false;
    for (auto& f : fields) {
      if (str_eq(k, f.first)) {
        setref(*f.second, newref(args[nargs + i]));
        ok = true;
        break;
      }
    }
    if (!ok) {
      raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_cstr(k),
            tname);
      return false;
    }
  }
  return true;
}

// ImportError(msg, name=..., path=...)
static bool importerror_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                             TupleObject* kwnames) {
  auto* e = static_cast<ImportErrorObject*>(self);
  if (!take_kwargs(ts, self, args, nargs, kwnames, {{"name", &e->name}, {"path", &e->path}},
                   type_name(self)))
    return false;
  if (!exc_init(ts, self, args, nargs, nullptr)) return false;
  setref(e->msg, nargs == 1 ? newref(args[0]) : nullptr);
  return true;
}
static Object* importerror_str(ThreadState* ts, Object* self) {
  auto* e = static_cast<ImportErrorObject*>(self);
  if (e->msg && is_str_exact(e->msg)) return newref(e->msg);
  return exc_str(ts, self);
}
static void importerror_clear(Object* o) {
  auto* e = static_cast<ImportErrorObject*>(o);
  clearref(e->msg);
  clearref(e->name);
  clearref(e->path);
  exc_clear_base(o);
}
static void importerror_dealloc(Object* o) {
  importerror_clear(o);
  free_object(o);
}
static int importerror_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = static_cast<ImportErrorObject*>(o);
  Object* refs[] = {e->msg, e->name, e->path};
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static const GetSetDef importerror_getsets[] = {FIELD(ImportErrorObject, msg, "msg"),
                                                FIELD(ImportErrorObject, name, "name"),
                                                FIELD(ImportErrorObject, path, "path"),
                                                {nullptr, nullptr, nullptr}};
TypeObject exc::ImportError = [] {
  TypeObject t = exc_type("ImportError", &exc::Exception,
                          "Import can't find module, or can't find name in module.",
                          sizeof(ImportErrorObject));
  t.init = importerror_init;
  t.str = importerror_str;
  t.dealloc = importerror_dealloc;
  t.traverse = importerror_traverse;
  t.clear = importerror_clear;
  t.getsets = importerror_getsets;
  return t;
}();
TypeObject exc::ModuleNotFoundError = exc_type("ModuleNotFoundError", &exc::ImportError,
                                               "Module not found.", sizeof(ImportErrorObject));

// AttributeError(name=..., obj=...)
static bool attrerror_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                           TupleObject* kwnames) {
  auto* e = static_cast<AttributeErrorObject*>(self);
  if (!take_kwargs(ts, self, args, nargs, kwnames, {{"name", &e->name}, {"obj", &e->obj}},
                   type_name(self)))
    return false;
  return exc_init(ts, self, args, nargs, nullptr);
}
static void attrerror_clear(Object* o) {
  auto* e = static_cast<AttributeErrorObject*>(o);
  clearref(e->name);
  clearref(e->obj);
  exc_clear_base(o);
}
static void attrerror_dealloc(Object* o) {
  attrerror_clear(o);
  free_object(o);
}
static int attrerror_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = static_cast<AttributeErrorObject*>(o);
  if (e->name && visit(e->name, arg)) return 1;
  if (e->obj && visit(e->obj, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static const GetSetDef attrerror_getsets[] = {FIELD(AttributeErrorObject, name, "name"),
                                              FIELD(AttributeErrorObject, obj, "obj"),
                                              {nullptr, nullptr, nullptr}};
TypeObject exc::AttributeError = [] {
  TypeObject t = exc_type("AttributeError", &exc::Exception, "Attribute not found.",
                          sizeof(AttributeErrorObject));
  t.init = attrerror_init;
  t.dealloc = attrerror_dealloc;
  t.traverse = attrerror_traverse;
  t.clear = attrerror_clear;
  t.getsets = attrerror_getsets;
  return t;
}();

// NameError(name=...)
static bool nameerror_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                           TupleObject* kwnames) {
  auto* e = static_cast<NameErrorObject*>(self);
  if (!take_kwargs(ts, self, args, nargs, kwnames, {{"name", &e->name}}, type_name(self)))
    return false;
  return exc_init(ts, self, args, nargs, nullptr);
}
static void nameerror_clear(Object* o) {
  clearref(static_cast<NameErrorObject*>(o)->name);
  exc_clear_base(o);
}
static void nameerror_dealloc(Object* o) {
  nameerror_clear(o);
  free_object(o);
}
static int nameerror_traverse(Object* o, visitproc visit, void* arg) {
  Object* n = static_cast<NameErrorObject*>(o)->name;
  if (n && visit(n, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static const GetSetDef nameerror_getsets[] = {FIELD(NameErrorObject, name, "name"),
                                              {nullptr, nullptr, nullptr}};
TypeObject exc::NameError = [] {
  TypeObject t =
      exc_type("NameError", &exc::Exception, "Name not found globally.", sizeof(NameErrorObject));
  t.init = nameerror_init;
  t.dealloc = nameerror_dealloc;
  t.traverse = nameerror_traverse;
  t.clear = nameerror_clear;
  t.getsets = nameerror_getsets;
  return t;
}();
TypeObject exc::UnboundLocalError =
    exc_type("UnboundLocalError", &exc::NameError,
             "Local name referenced but not bound to a value.", sizeof(NameErrorObject));

// OSError(errno, strerror[, filename[, winerror[, filename2]]])
static Object* oserror_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                           TupleObject* kwnames) {
  if (type == &exc::OSError && nargs >= 2 && is_int(args[0])) {
    int64_t err;
    if (int_to_i64(args[0], &err))
      if (TypeObject* sub = errno_type(static_cast<int>(err))) type = sub;
  }
  Object* o = exception_new_slot(ts, type, args, nargs, kwnames);
  if (!o) return nullptr;
  auto* e = static_cast<OSErrorObject*>(o);
  if (nargs >= 2 && nargs <= 5) {
    e->myerrno = newref(args[0]);
    e->strerror = newref(args[1]);
    if (nargs >= 3) {
      e->filename = newref(args[2]);
      if (nargs == 5) e->filename2 = newref(args[4]);
      TupleObject* t = tuple_pack(ts, {args[0], args[1]});
      if (!t) {
        decref(o);
        return nullptr;
      }
      setref(e->args, t);
    }
  }
  return o;
}
static bool oserror_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise(ts, &exc::TypeError, "%s() takes no keyword arguments", type_name(self));
    return false;
  }
  return true;  // everything was done by __new__
}
static Object* oserror_str(ThreadState* ts, Object* self) {
  auto* e = static_cast<OSErrorObject*>(self);
  auto text = [&](Object* o, bool use_repr, std::string* out) {
    return use_repr ? repr_text(ts, o, out) : str_text(ts, o, out);
  };
  std::string en, se, f1, f2;
  if (e->filename && !is_none(e->filename)) {
    if (!text(e->myerrno ? e->myerrno : none(), false, &en) ||
        !text(e->strerror ? e->strerror : none(), false, &se) || !text(e->filename, true, &f1))
      return nullptr;
    if (e->filename2 && !is_none(e->filename2)) {
      if (!text(e->filename2, true, &f2)) return nullptr;
      return str_from(ts, "[Errno " + en + "] " + se + ": " + f1 + " -> " + f2);
    }
    return str_from(ts, "[Errno " + en + "] " + se + ": " + f1);
  }
  if (e->myerrno && e->strerror && !is_none(e->myerrno)) {
    if (!text(e->myerrno, false, &en) || !text(e->strerror, false, &se)) return nullptr;
    return str_from(ts, "[Errno " + en + "] " + se);
  }
  return exc_str(ts, self);
}
static void oserror_clear(Object* o) {
  auto* e = static_cast<OSErrorObject*>(o);
  clearref(e->myerrno);
  clearref(e->strerror);
  clearref(e->filename);
  clearref(e->filename2);
  exc_clear_base(o);
}
static void oserror_dealloc(Object* o) {
  oserror_clear(o);
  free_object(o);
}
static int oserror_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = static_cast<OSErrorObject*>(o);
  Object* refs[] = {e->myerrno, e->strerror, e->filename, e->filename2};
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static Object* oserror_reduce(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* e = static_cast<OSErrorObject*>(self);
  Ref<TupleObject> args;
  if (e->filename && is_tuple(e->args) && tuple_size(e->args) == 2) {
    if (e->filename2)
      args = Ref<TupleObject>::steal(tuple_pack(
          ts, {e->args->items[0], e->args->items[1], e->filename, none(), e->filename2}));
    else
      args = Ref<TupleObject>::steal(
          tuple_pack(ts, {e->args->items[0], e->args->items[1], e->filename}));
  } else {
    args = Ref<TupleObject>::borrow(e->args);
  }
  if (!args) return nullptr;
  if (e->dict && dict_size(static_cast<DictObject*>(e->dict)))
    return tuple_pack(ts, {self->type, args.get(), e->dict});
  return tuple_pack(ts, {self->type, args.get()});
}
static const GetSetDef oserror_getsets[] = {FIELD(OSErrorObject, myerrno, "errno"),
                                            FIELD(OSErrorObject, strerror, "strerror"),
                                            FIELD(OSErrorObject, filename, "filename"),
                                            FIELD(OSErrorObject, filename2, "filename2"),
                                            {nullptr, nullptr, nullptr}};
static const MethodDef oserror_methods[] = {{"__reduce__", oserror_reduce, 0, nullptr},
                                            {nullptr, nullptr, 0, nullptr}};
TypeObject exc::OSError = [] {
  TypeObject t = exc_type("OSError", &exc::Exception, "Base class for I/O related errors.",
                          sizeof(OSErrorObject));
  t.new_ = oserror_new;
  t.init = oserror_init;
  t.str = oserror_str;
  t.dealloc = oserror_dealloc;
  t.traverse = oserror_traverse;
  t.clear = oserror_clear;
  t.getsets = oserror_getsets;
  t.methods = oserror_methods;
  return t;
}();

namespace exc {
#define OS_EXC(name, base, doc) \
  TypeObject name = exc_type(#name, &base, doc, sizeof(OSErrorObject));
OS_EXC(BlockingIOError, OSError, "I/O operation would block.")
OS_EXC(ChildProcessError, OSError, "Child process error.")
OS_EXC(ConnectionError, OSError, "Connection error.")
OS_EXC(BrokenPipeError, ConnectionError, "Broken pipe.")
OS_EXC(ConnectionAbortedError, ConnectionError, "Connection aborted.")
OS_EXC(ConnectionRefusedError, ConnectionError, "Connection refused.")
OS_EXC(ConnectionResetError, ConnectionError, "Connection reset.")
OS_EXC(FileExistsError, OSError, "File already exists.")
OS_EXC(FileNotFoundError, OSError, "File not found.")
OS_EXC(InterruptedError, OSError, "Interrupted by signal.")
OS_EXC(IsADirectoryError, OSError, "Operation doesn't work on directories.")
OS_EXC(NotADirectoryError, OSError, "Operation only works on directories.")
OS_EXC(PermissionError, OSError, "Not enough permissions.")
OS_EXC(ProcessLookupError, OSError, "Process not found.")
OS_EXC(TimeoutError, OSError, "Timeout expired.")
#undef OS_EXC
}  // namespace exc

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
static bool syntaxerror_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                             TupleObject* kwnames) {
  if (!exc_init(ts, self, args, nargs, kwnames)) return false;
  auto* e = static_cast<SyntaxErrorObject*>(self);
  if (nargs >= 1) setref(e->msg, newref(args[0]));
  if (nargs == 2) {
    Ref<ListObject> info = Ref<ListObject>::steal(list_from_iterable(ts, args[1]));
    if (!info) return false;
    ssize n = info->size;
    if (n < 4 || n > 6) {
      raise(ts, &exc::IndexError, "tuple index out of range");
      return false;
    }
    Object** fields[] = {&e->filename, &e->lineno,     &e->offset,
                         &e->text,     &e->end_lineno, &e->end_offset};
    for (ssize i = 0; i < n; ++i) setref(*fields[i], newref(info->items[i]));
  }
  return true;
}
static Object* syntaxerror_str(ThreadState* ts, Object* self) {
  auto* e = static_cast<SyntaxErrorObject*>(self);
  std::string msg;
  if (!str_text(ts, e->msg ? e->msg : none(), &msg)) return nullptr;
  bool have_file = e->filename && is_str(e->filename);
  bool have_line = e->lineno && is_int(e->lineno);
  std::string file;
  if (have_file) {
    std::string_view f = str_view(e->filename);
    size_t slash = f.rfind('/');
    file = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
  }
  if (have_file && have_line)
    return str_from(ts, msg + " (" + file + ", line " + int_to_decimal(e->lineno) + ")");
  if (have_file) return str_from(ts, msg + " (" + file + ")");
  if (have_line) return str_from(ts, msg + " (line " + int_to_decimal(e->lineno) + ")");
  return str_from(ts, msg);
}
static void syntaxerror_clear(Object* o) {
  auto* e = static_cast<SyntaxErrorObject*>(o);
  clearref(e->msg);
  clearref(e->filename);
  clearref(e->lineno);
  clearref(e->offset);
  clearref(e->text);
  clearref(e->end_lineno);
  clearref(e->end_offset);
  clearref(e->print_file_and_line);
  exc_clear_base(o);
}
static void syntaxerror_dealloc(Object* o) {
  syntaxerror_clear(o);
  free_object(o);
}
static int syntaxerror_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = static_cast<SyntaxErrorObject*>(o);
  Object* refs[] = {e->msg,  e->filename,   e->lineno,    e->offset,
                    e->text, e->end_lineno, e->end_offset};
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static const GetSetDef syntaxerror_getsets[] = {
    FIELD(SyntaxErrorObject, msg, "msg"),
    FIELD(SyntaxErrorObject, filename, "filename"),
    FIELD(SyntaxErrorObject, lineno, "lineno"),
    FIELD(SyntaxErrorObject, offset, "offset"),
    FIELD(SyntaxErrorObject, text, "text"),
    FIELD(SyntaxErrorObject, end_lineno, "end_lineno"),
    FIELD(SyntaxErrorObject, end_offset, "end_offset"),
    FIELD(SyntaxErrorObject, print_file_and_line, "print_file_and_line"),
    {nullptr, nullptr, nullptr}};
TypeObject exc::SyntaxError = [] {
  TypeObject t =
      exc_type("SyntaxError", &exc::Exception, "Invalid syntax.", sizeof(SyntaxErrorObject));
  t.init = syntaxerror_init;
  t.str = syntaxerror_str;
  t.dealloc = syntaxerror_dealloc;
  t.traverse = syntaxerror_traverse;
  t.clear = syntaxerror_clear;
  t.getsets = syntaxerror_getsets;
  return t;
}();
TypeObject exc::IndentationError = exc_type("IndentationError", &exc::SyntaxError,
                                            "Improper indentation.", sizeof(SyntaxErrorObject));
TypeObject exc::TabError =
    exc_type("TabError", &exc::IndentationError, "Improper mixture of spaces and tabs.",
             sizeof(SyntaxErrorObject));

// Unicode errors: UnicodeDecodeError(encoding, object, start, end, reason) ...
static bool unicode_check_int(ThreadState* ts, Object* o, const char* what) {
  if (!is_int(o)) {
    raise(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(o));
    return false;
  }
  (void)what;
  return true;
}
static bool unicodeerr_init_common(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                   TupleObject* kwnames, bool has_encoding, const char* fname) {
  if (!exc_init(ts, self, args, nargs, kwnames)) return false;
  size_t want = has_encoding ? 5 : 4;
  if (nargs != want) {
    raise(ts, &exc::TypeError, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return false;
  }
  auto* e = static_cast<UnicodeErrorObject*>(self);
  size_t i = 0;
  if (has_encoding) {
    if (!is_str(args[0])) {
      raise(ts, &exc::TypeError, "%s() argument 1 must be str, not %s", fname, type_name(args[0]));
      return false;
    }
    setref(e->encoding, newref(args[i++]));
  }
  setref(e->object, newref(args[i++]));
  if (!unicode_check_int(ts, args[i], "start")) return false;
  setref(e->start, newref(args[i++]));
  if (!unicode_check_int(ts, args[i], "end")) return false;
  setref(e->end, newref(args[i++]));
  if (!is_str(args[i])) {
    raise(ts, &exc::TypeError, "%s() argument %zu must be str, not %s", fname, i + 1,
          type_name(args[i]));
    return false;
  }
  setref(e->reason, newref(args[i]));
  return true;
}
static bool unicodedecode_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                               TupleObject* kwnames) {
  if (!unicodeerr_init_common(ts, self, args, nargs, kwnames, true, "UnicodeDecodeError"))
    return false;
  auto* e = static_cast<UnicodeErrorObject*>(self);
  if (!is_bytes(e->object)) {
    std::string_view v;
    if (!buffer_view(ts, e->object, &v)) return false;
    BytesObject* b = bytes_from(ts, v);
    if (!b) return false;
    setref(e->object, b);
  }
  return true;
}
static bool unicodeencode_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                               TupleObject* kwnames) {
  if (!unicodeerr_init_common(ts, self, args, nargs, kwnames, true, "UnicodeEncodeError"))
    return false;
  if (!is_str(static_cast<UnicodeErrorObject*>(self)->object)) {
    raise(ts, &exc::TypeError, "UnicodeEncodeError() argument 2 must be str, not %s",
          type_name(static_cast<UnicodeErrorObject*>(self)->object));
    return false;
  }
  return true;
}
static bool unicodetranslate_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                  TupleObject* kwnames) {
  return unicodeerr_init_common(ts, self, args, nargs, kwnames, false, "UnicodeTranslateError");
}
static int64_t int_or_zero(Object* o) {
  int64_t v = 0;
  if (o && is_int(o)) int_to_i64(o, &v);
  return v;
}
static std::string char_escape(uint32_t cp) {
  char buf[16];
  if (cp <= 0xff)
    std::snprintf(buf, sizeof buf, "\\x%02x", cp);
  else if (cp <= 0xffff)
    std::snprintf(buf, sizeof buf, "\\u%04x", cp);
  else
    std::snprintf(buf, sizeof buf, "\\U%08x", cp);
  return buf;
}
static Object* unicodedecode_str(ThreadState* ts, Object* self) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  if (!e->object) return str_from(ts, "");
  std::string enc, reason;
  if (!str_text(ts, e->encoding, &enc) || !str_text(ts, e->reason, &reason)) return nullptr;
  int64_t start = int_or_zero(e->start), end = int_or_zero(e->end);
  std::string_view data = is_bytes(e->object) ? bytes_view(e->object) : std::string_view();
  char buf[256];
  if (start >= 0 && start < static_cast<int64_t>(data.size()) && end == start + 1)
    std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %lld: %s",
                  enc.c_str(), static_cast<unsigned char>(data[start]),
                  static_cast<long long>(start), reason.c_str());
  else
    std::snprintf(buf, sizeof buf, "'%s' codec can't decode bytes in position %lld-%lld: %s",
                  enc.c_str(), static_cast<long long>(start), static_cast<long long>(end - 1),
                  reason.c_str());
  return str_from(ts, buf);
}
static Object* unicode_char_msg(ThreadState* ts, Object* self, const char* prefix,
                                const char* verb) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  if (!e->object) return str_from(ts, "");
  std::string reason;
  if (!str_text(ts, e->reason, &reason)) return nullptr;
  int64_t start = int_or_zero(e->start), end = int_or_zero(e->end);
  std::string s = prefix;
  if (is_str(e->object) && start >= 0 && start < str_len(e->object) && end == start + 1) {
    uint32_t cp = str_char_at(static_cast<StrObject*>(e->object), start);
    s += std::string("can't ") + verb + " character '" + char_escape(cp) + "' in position " +
         std::to_string(start) + ": " + reason;
  } else {
    s += std::string("can't ") + verb + " characters in position " + std::to_string(start) + "-" +
         std::to_string(end - 1) + ": " + reason;
  }
  return str_from(ts, s);
}
static Object* unicodeencode_str(ThreadState* ts, Object* self) {
  auto* e = static_cast<UnicodeErrorObject*>(self);
  if (!e->object) return str_from(ts, "");
  std::string enc;
  if (!str_text(ts, e->encoding, &enc)) return nullptr;
  std::string prefix = "'" + enc + "' codec ";
  return unicode_char_msg(ts, self, prefix.c_str(), "encode");
}
static Object* unicodetranslate_str(ThreadState* ts, Object* self) {
  return unicode_char_msg(ts, self, "", "translate");
}
static void unicodeerr_clear(Object* o) {
  auto* e = static_cast<UnicodeErrorObject*>(o);
  clearref(e->encoding);
  clearref(e->object);
  clearref(e->start);
  clearref(e->end);
  clearref(e->reason);
  exc_clear_base(o);
}
static void unicodeerr_dealloc(Object* o) {
  unicodeerr_clear(o);
  free_object(o);
}
static int unicodeerr_traverse(Object* o, visitproc visit, void* arg) {
  auto* e = static_cast<UnicodeErrorObject*>(o);
  Object* refs[] = {e->encoding, e->object, e->start, e->end, e->reason};
  for (Object* r : refs)
    if (r && visit(r, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}
static const GetSetDef unicodeerr_getsets[] = {
    FIELD(UnicodeErrorObject, encoding, "encoding"), FIELD(UnicodeErrorObject, object, "object"),
    FIELD(UnicodeErrorObject, start, "start"),       FIELD(UnicodeErrorObject, end, "end"),
    FIELD(UnicodeErrorObject, reason, "reason"),     {nullptr, nullptr, nullptr}};
static TypeObject unicode_exc(const char* name, const char* doc, initfunc init, reprfunc s) {
  TypeObject t = exc_type(name, &exc::UnicodeError, doc, sizeof(UnicodeErrorObject));
  t.init = init;
  t.str = s;
  t.dealloc = unicodeerr_dealloc;
  t.traverse = unicodeerr_traverse;
  t.clear = unicodeerr_clear;
  t.getsets = unicodeerr_getsets;
  return t;
}
TypeObject exc::UnicodeDecodeError = unicode_exc("UnicodeDecodeError", "Unicode decoding error.",
                                                 unicodedecode_init, unicodedecode_str);
TypeObject exc::UnicodeEncodeError = unicode_exc("UnicodeEncodeError", "Unicode encoding error.",
                                                 unicodeencode_init, unicodeencode_str);
TypeObject exc::UnicodeTranslateError =
    unicode_exc("UnicodeTranslateError", "Unicode translation error.", unicodetranslate_init,
                unicodetranslate_str);

// ---- BaseExceptionGroup / ExceptionGroup
// ---------------------------------------------------------- args keeps what the constructor got
// (message, the exceptions sequence as passed); msg and excs hold the message and the exceptions as
// a tuple, as CPython's PyBaseExceptionGroupObject.

static inline ExceptionGroupObject* egobj(Object* o) {
  return static_cast<ExceptionGroupObject*>(o);
}

static Object* excgroup_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                            TupleObject* kwnames) {
  if (nargs != 2)
    return raise(ts, &exc::TypeError,
                 "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                 type_name(args[0]));
  Object* seq = args[1];
  if (!seq->type->getitem || is_dict(seq))
    return raise(ts, &exc::TypeError, "second argument (exceptions) must be a sequence");
  Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, seq));
  if (!l) return nullptr;
  if (l->size == 0)
    return raise(ts, &exc::ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (ssize i = 0; i < l->size; ++i) {
    Object* e = l->items[i];
    if (!is_exception(e))
      return raise(ts, &exc::ValueError,
                   "Item %zd of second argument (exceptions) is not an exception", i);
    if (!isinstance_of(e, &exc::Exception)) nested_base = true;
  }
  TypeObject* cls = type;
  if (cls == &exc::BaseExceptionGroup) {
    if (!nested_base) cls = &exc::ExceptionGroup;
  } else if (cls == &exc::ExceptionGroup) {
    if (nested_base)
      return raise(ts, &exc::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && is_subtype(cls, &exc::Exception)) {
    return raise(ts, &exc::TypeError, "Cannot nest BaseExceptions in '%s'", type_short_name(cls));
  }
  Ref<> self = Ref<>::steal(exception_new_slot(ts, cls, args, nargs, kwnames));
  if (!self) return nullptr;
  ExceptionGroupObject* eg = egobj(self.get());
  eg->msg = newref(args[0]);
  eg->excs = tuple_from_array(ts, l->items, l->size);
  if (!eg->excs) return nullptr;
  return self.release();
}

static bool excgroup_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                          TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise(ts, &exc::TypeError, "%s() takes no keyword arguments", type_name(self));
    return false;
  }
  return exc_init(ts, self, args, nargs, nullptr);
}

static void excgroup_clear(Object* o) {
  clearref(egobj(o)->msg);
  clearref(egobj(o)->excs);
  exc_clear_base(o);
}
static void excgroup_dealloc(Object* o) {
  excgroup_clear(o);
  free_object(o);
}
static int excgroup_traverse(Object* o, visitproc visit, void* arg) {
  if (egobj(o)->msg && visit(egobj(o)->msg, arg)) return 1;
  if (egobj(o)->excs && visit(egobj(o)->excs, arg)) return 1;
  return exc_traverse_base(o, visit, arg);
}

static Object* excgroup_str(ThreadState* ts, Object* self) {
  ExceptionGroupObject* eg = egobj(self);
  if (!eg->msg || !eg->excs) return exc_str(ts, self);
  std::string msg;
  if (!str_text(ts, eg->msg, &msg)) return nullptr;
  ssize n = tuple_size(eg->excs);
  return str_from(ts,
                  msg + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
}
static Object* excgroup_message(ThreadState* ts, Object* self) {
  Object* m = egobj(self)->msg;
  return m ? newref(m) : new_none();
}
static Object* excgroup_exceptions(ThreadState* ts, Object* self) {
  Object* e = egobj(self)->excs;
  return e ? newref(e) : new_none();
}

static bool is_exception_group(Object* o) { return isinstance_of(o, &exc::BaseExceptionGroup); }

// BaseExceptionGroup(message, excs): an ExceptionGroup when every item is an Exception.
static Object* make_exception_group(ThreadState* ts, Object* msg, Object* excs) {
  Object* a[2] = {msg, excs};
  return call(ts, &exc::BaseExceptionGroup, a, 2, nullptr);
}

static Object* excgroup_derive(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                               TupleObject* kw) {
  if (!no_kwargs(ts, "derive", kw) || !check_nargs(ts, "derive", nargs, 1, 1)) return nullptr;
  Object* msg = egobj(self)->msg;
  Ref<> m = Ref<>::steal(msg ? newref(msg) : str_from(ts, ""));
  if (!m) return nullptr;
  return make_exception_group(ts, m.get(), args[0]);
}

enum class MatcherKind { Type, Predicate, Ids };

static bool matcher_kind(ThreadState* ts, Object* value, MatcherKind* out) {
  if (is_callable(value) && !is_type(value)) {
    *out = MatcherKind::Predicate;
    return true;
  }
  if (is_exception_type(value)) {
    *out = MatcherKind::Type;
    return true;
  }
  if (is_tuple(value)) {
    bool ok = true;
    for (ssize i = 0; i < tuple_size(value); ++i)
      if (!is_exception_type(tuple_item(value, i))) ok = false;
    if (ok) {
      *out = MatcherKind::Type;
      return true;
    }
  }
  raise(ts, &exc::TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

// 1 when exc matches, 0 when not, -1 on error. Ids: value is a set of id()s of leaves.
static int matcher_check(ThreadState* ts, Object* exc, MatcherKind kind, Object* value) {
  switch (kind) {
    case MatcherKind::Type:
      return isinstance_check(ts, exc, value);
    case MatcherKind::Predicate: {
      Ref<> r = Ref<>::steal(call1(ts, value, exc));
      if (!r) return -1;
      return truthy(ts, r.get());
    }
    case MatcherKind::Ids: {
      if (is_exception_group(exc)) return 0;
      Ref<> id = Ref<>::steal(int_from(ts, static_cast<int64_t>(reinterpret_cast<intptr_t>(exc))));
      if (!id) return -1;
      return contains(ts, value, id.get());
    }
  }
  return 0;
}

// A group of `excs` (a list) derived from orig, with orig's traceback, cause, context and a copy
// of its notes; nullptr with no exception when excs is empty.
static bool excgroup_subset(ThreadState* ts, Object* orig, ListObject* excs, Object** out) {
  *out = nullptr;
  if (excs->size == 0) return true;
  Ref<> eg = Ref<>::steal(call_method(ts, orig, "derive", {excs}));
  if (!eg) return false;
  if (!is_exception_group(eg.get())) {
    raise(ts, &exc::TypeError, "derive must return an instance of BaseExceptionGroup");
    return false;
  }
  BE* o = be(orig);
  BE* e = be(eg.get());
  if (o->traceback) setref(e->traceback, newref(o->traceback));
  if (o->context) setref(e->context, newref(o->context));
  if (o->cause) setref(e->cause, newref(o->cause));
  if (o->notes) {
    if (is_list(o->notes) || is_tuple(o->notes)) {
      Object* copy = list_from_iterable(ts, o->notes);
      if (!copy) return false;
      setref(e->notes, copy);
    } else {
      setref(e->notes, newref(o->notes));
    }
  }
  *out = eg.release();
  return true;
}

// CPython's exceptiongroup_split_recursive: *match / *rest are new references or nullptr.
static bool split_recursive(ThreadState* ts, Object* exc, MatcherKind kind, Object* value,
                            bool construct_rest, Object** match, Object** rest) {
  *match = *rest = nullptr;
  int m = matcher_check(ts, exc, kind, value);
  if (m < 0) return false;
  if (m) {
    *match = newref(exc);
    return true;
  }
  if (!is_exception_group(exc)) {
    if (construct_rest) *rest = newref(exc);
    return true;
  }
  Ref<ListObject> ml = Ref<ListObject>::steal(list_new(ts));
  Ref<ListObject> rl = Ref<ListObject>::steal(list_new(ts));
  if (!ml || !rl) return false;
  Object* excs = egobj(exc)->excs;
  for (ssize i = 0; excs && i < tuple_size(excs); ++i) {
    Object *sm, *sr;
    if (!split_recursive(ts, tuple_item(excs, i), kind, value, construct_rest, &sm, &sr))
      return false;
    Ref<> hm = Ref<>::steal(sm), hr = Ref<>::steal(sr);
    if (sm && !list_append(ts, ml.get(), sm)) return false;
    if (sr && !list_append(ts, rl.get(), sr)) return false;
  }
  if (!excgroup_subset(ts, exc, ml.get(), match)) return false;
  if (construct_rest && !excgroup_subset(ts, exc, rl.get(), rest)) {
    clearref(*match);
    return false;
  }
  return true;
}

static Object* excgroup_split(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                              TupleObject* kw) {
  if (!no_kwargs(ts, "split", kw) || !check_nargs(ts, "split", nargs, 1, 1)) return nullptr;
  MatcherKind kind;
  if (!matcher_kind(ts, args[0], &kind)) return nullptr;
  Object *m, *r;
  if (!split_recursive(ts, self, kind, args[0], true, &m, &r)) return nullptr;
  Ref<> hm = Ref<>::steal(m ? m : new_none()), hr = Ref<>::steal(r ? r : new_none());
  return tuple_pack(ts, {hm.get(), hr.get()});
}

static Object* excgroup_subgroup(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                                 TupleObject* kw) {
  if (!no_kwargs(ts, "subgroup", kw) || !check_nargs(ts, "subgroup", nargs, 1, 1)) return nullptr;
  MatcherKind kind;
  if (!matcher_kind(ts, args[0], &kind)) return nullptr;
  Object *m, *r;
  if (!split_recursive(ts, self, kind, args[0], false, &m, &r)) return nullptr;
  xdecref(r);
  return m ? m : new_none();
}

static const MethodDef excgroup_methods[] = {
    {"derive", excgroup_derive, 0, nullptr},
    {"split", excgroup_split, 0, nullptr},
    {"subgroup", excgroup_subgroup, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
static const GetSetDef excgroup_getsets[] = {{"message", excgroup_message, nullptr},
                                             {"exceptions", excgroup_exceptions, nullptr},
                                             {nullptr, nullptr, nullptr}};
TypeObject exc::BaseExceptionGroup = [] {
  TypeObject t =
      exc_type("BaseExceptionGroup", &exc::BaseException,
               "A combination of multiple unrelated exceptions.", sizeof(ExceptionGroupObject));
  t.new_ = excgroup_new;
  t.init = excgroup_init;
  t.str = excgroup_str;
  t.dealloc = excgroup_dealloc;
  t.traverse = excgroup_traverse;
  t.clear = excgroup_clear;
  t.methods = excgroup_methods;
  t.getsets = excgroup_getsets;
  return t;
}();
// Its second base (Exception) and MRO are set by prepare_exception_group before type_ready.
TypeObject exc::ExceptionGroup = [] {
  TypeObject t =
      exc_type("ExceptionGroup", &exc::BaseExceptionGroup, nullptr, sizeof(ExceptionGroupObject));
  return t;
}();

bool prepare_exception_group(ThreadState* ts) {
  TypeObject* t = &exc::ExceptionGroup;
  if (t->mro) return true;
  t->bases = tuple_pack(ts, {&exc::BaseExceptionGroup, &exc::Exception});
  t->mro = tuple_pack(
      ts, {t, &exc::BaseExceptionGroup, &exc::Exception, &exc::BaseException, &ObjectType});
  return t->bases && t->mro;
}

// ---- except*
// -------------------------------------------------------------------------------------

bool check_except_star_type(ThreadState* ts, Object* t) {
  bool valid = is_exception_type(t);
  if (is_tuple(t)) {
    valid = true;
    for (ssize i = 0; i < tuple_size(t); ++i)
      if (!is_exception_type(tuple_item(t, i))) valid = false;
  }
  if (!valid) {
    raise(ts, &exc::TypeError,
          "catching classes that do not inherit from BaseException is not allowed");
    return false;
  }
  bool group = false;
  if (is_tuple(t)) {
    for (ssize i = 0; i < tuple_size(t); ++i)
      if (is_subtype(static_cast<TypeObject*>(tuple_item(t, i)), &exc::BaseExceptionGroup))
        group = true;
  } else {
    group = is_subtype(static_cast<TypeObject*>(t), &exc::BaseExceptionGroup);
  }
  if (group) {
    raise(ts, &exc::TypeError,
          "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  return true;
}

bool exception_group_match(ThreadState* ts, Object* exc, Object* type, Object** match,
                           Object** rest) {
  *match = *rest = nullptr;
  if (is_none(exc)) {
    *match = new_none();
    *rest = new_none();
    return true;
  }
  int r = isinstance_check(ts, exc, type);
  if (r < 0) return false;
  if (r) {
    if (is_exception_group(exc)) {
      *match = newref(exc);
    } else {  // a naked exception is wrapped, keeping its traceback
      Ref<TupleObject> one = Ref<TupleObject>::steal(tuple_pack(ts, {exc}));
      Ref<> empty = Ref<>::steal(str_from(ts, ""));
      if (!one || !empty) return false;
      Object* wrapped = make_exception_group(ts, empty.get(), one.get());
      if (!wrapped) return false;
      if (be(exc)->traceback) setref(be(wrapped)->traceback, newref(be(exc)->traceback));
      *match = wrapped;
    }
    *rest = new_none();
    return true;
  }
  if (is_exception_group(exc)) {
    Ref<> pair = Ref<>::steal(call_method(ts, exc, "split", {type}));
    if (!pair) return false;
    if (!is_tuple(pair.get()) || tuple_size(pair.get()) != 2) {
      raise(ts, &exc::TypeError, "%s.split must return a 2-tuple, got %s", type_name(exc),
            type_name(pair.get()));
      return false;
    }
    *match = newref(tuple_item(pair.get(), 0));
    *rest = newref(tuple_item(pair.get(), 1));
    return true;
  }
  *match = new_none();
  *rest = newref(exc);
  return true;
}

// Collects the id()s of the leaf exceptions of e into ids (a set).
static bool collect_leaf_ids(ThreadState* ts, Object* e, Object* ids) {
  if (is_none(e)) return true;
  if (!is_exception_group(e)) {
    Ref<> id = Ref<>::steal(int_from(ts, static_cast<int64_t>(reinterpret_cast<intptr_t>(e))));
    return id && set_add(ts, static_cast<SetObject*>(ids), id.get());
  }
  Object* excs = egobj(e)->excs;
  for (ssize i = 0; excs && i < tuple_size(excs); ++i)
    if (!collect_leaf_ids(ts, tuple_item(excs, i), ids)) return false;
  return true;
}

static bool same_metadata(Object* a, Object* b) {
  return be(a)->notes == be(b)->notes && be(a)->traceback == be(b)->traceback &&
         be(a)->cause == be(b)->cause && be(a)->context == be(b)->context;
}

Object* prep_reraise_star(ThreadState* ts, Object* orig, Object* excs) {
  if (!is_list(excs)) return raise(ts, &exc::SystemError, "prep_reraise_star: bad list");
  auto* l = static_cast<ListObject*>(excs);
  if (l->size == 0) return new_none();
  if (!is_exception_group(orig)) return newref(l->items[0]);  // a wrapped naked exception
  Ref<ListObject> raised = Ref<ListObject>::steal(list_new(ts));
  Ref<ListObject> reraised = Ref<ListObject>::steal(list_new(ts));
  if (!raised || !reraised) return nullptr;
  for (ssize i = 0; i < l->size; ++i) {
    Object* e = l->items[i];
    if (is_none(e)) continue;
    if (!list_append(ts, same_metadata(e, orig) ? reraised.get() : raised.get(), e)) return nullptr;
  }
  // The part of orig whose leaves were re-raised (or not handled).
  Ref<> ids = Ref<>::steal(static_cast<Object*>(set_new(ts)));
  if (!ids) return nullptr;
  for (ssize i = 0; i < reraised->size; ++i)
    if (!collect_leaf_ids(ts, reraised->items[i], ids.get())) return nullptr;
  Object *m, *r;
  if (!split_recursive(ts, orig, MatcherKind::Ids, ids.get(), false, &m, &r)) return nullptr;
  xdecref(r);
  Ref<> reraised_eg = Ref<>::steal(m);
  if (raised->size == 0) return reraised_eg ? reraised_eg.release() : new_none();
  if (reraised_eg && !list_append(ts, raised.get(), reraised_eg.get())) return nullptr;
  if (raised->size == 1) return newref(raised->items[0]);
  Ref<> empty = Ref<>::steal(str_from(ts, ""));
  if (!empty) return nullptr;
  return make_exception_group(ts, empty.get(), raised.get());
}

}  // namespace gp
