// The sys module. Plain values are set here; the struct-sequence values (version_info, flags,
// float_info, int_info, implementation) are built by the embedded Python helper _structseq, whose
// classes print and compare as CPython's (sys.version_info(major=3, ...) == (3, 11, ...)).
#include <unistd.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gil/gil.h"
#include "interp/frame.h"
#include "interp/traceback.h"
#include "interp/vm.h"
#include "runtime/runtime.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

constexpr int kMicro = 7;
constexpr const char* kVersionText =
    "3.11.7 (gilpy " GILPY_VERSION ", " __DATE__ ") [GCC " __VERSION__ "]";

Object* sys_exit(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "exit", kw) || !check_nargs(ts, "exit", nargs, 0, 1)) return nullptr;
  Ref<> e = Ref<>::steal(exception_new(ts, &exc::SystemExit, args, nargs));
  if (!e) return nullptr;
  return raise_object(ts, e.get());
}

Object* sys_getrefcount(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                        TupleObject* kw) {
  if (!no_kwargs(ts, "getrefcount", kw) || !check_nargs(ts, "getrefcount", nargs, 1, 1))
    return nullptr;
  ssize n = args[0]->refcnt;
  if (is_immortal(args[0])) n = 4294967295;  // what CPython 3.12 shows for immortal objects
  return int_from(ts, n);
}

Object* sys_getrecursionlimit(ThreadState* ts, Object*, Object* const*, size_t nargs,
                              TupleObject*) {
  if (!check_nargs(ts, "getrecursionlimit", nargs, 0, 0)) return nullptr;
  return int_from(ts, ts->interp->recursion_limit);
}

Object* sys_setrecursionlimit(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                              TupleObject* kw) {
  if (!no_kwargs(ts, "setrecursionlimit", kw) || !check_nargs(ts, "setrecursionlimit", nargs, 1, 1))
    return nullptr;
  if (is_float(args[0]))
    return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
  ssize n;
  if (!index_as_ssize(ts, args[0], &n)) return nullptr;
  if (n < 1) return raise(ts, &exc::ValueError, "recursion limit must be greater or equal than 1");
  if (n > INT_MAX) n = INT_MAX;
  if (ts->recursion_depth >= n)
    return raise(ts, &exc::RecursionError,
                 "cannot set the recursion limit to %d at the recursion depth %d: the limit is "
                 "too low",
                 static_cast<int>(n), ts->recursion_depth);
  ts->interp->recursion_limit = static_cast<int>(n);
  return new_none();
}

Object* sys_exc_info(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "exc_info", nargs, 0, 0)) return nullptr;
  Object* e = current_handled_exception(ts);
  if (!e || is_none(e)) return tuple_pack(ts, {none(), none(), none()});
  Object* tb = static_cast<BaseExceptionObject*>(e)->traceback;
  return tuple_pack(ts, {e->type, e, tb ? tb : none()});
}

Object* sys_exception(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "exception", nargs, 0, 0)) return nullptr;
  Object* e = current_handled_exception(ts);
  return newref(e ? e : none());
}

Object* sys_getsizeof(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  Object* a[2] = {};
  if (!parse_args(ts, "getsizeof", args, nargs, kw, {"object", "default"}, 1, a)) return nullptr;
  Object* o = a[0];
  Ref<> method = Ref<>::steal(getattr_opt(ts, o, names.__sizeof__));
  ssize size = -1;
  if (method) {
    Ref<> r = Ref<>::steal(call0(ts, method.get()));
    if (!r) {
      if (a[1] && exc_matches(ts, &exc::TypeError)) {
        clear_exc(ts);
        return newref(a[1]);
      }
      return nullptr;
    }
    if (!index_as_ssize(ts, r.get(), &size)) return nullptr;
    if (size < 0) return raise(ts, &exc::ValueError, "__sizeof__() should return >= 0");
  } else {
    if (exc_occurred(ts)) return nullptr;
    size = o->type->basicsize;
    if (o->type->itemsize) {
      ssize n = length(ts, o);
      if (n < 0) {
        clear_exc(ts);
        n = 0;
      }
      size += n * o->type->itemsize;
    }
  }
  if (o->type->flags & kHaveGC) size += static_cast<ssize>(sizeof(GCHead));
  return int_from(ts, size);
}

Object* sys_intern(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "intern", kw) || !check_nargs(ts, "intern", nargs, 1, 1)) return nullptr;
  if (!is_str_exact(args[0]))
    return raise(ts, &exc::TypeError, "intern() argument must be str, not %s", type_name(args[0]));
  return intern_str(ts, newref(static_cast<StrObject*>(args[0])));
}

Object* sys_getdefaultencoding(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return str_from(ts, "utf-8");
}
Object* sys_getfilesystemencodeerrors(ThreadState* ts, Object*, Object* const*, size_t,
                                      TupleObject*) {
  return str_from(ts, "surrogateescape");
}

Object* sys_getframe(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "_getframe", kw) || !check_nargs(ts, "_getframe", nargs, 0, 1)) return nullptr;
  ssize depth = 0;
  if (nargs && !index_as_ssize(ts, args[0], &depth)) return nullptr;
  Frame* f = ts->frame;
  while (f && depth > 0) {
    f = f->back;
    --depth;
  }
  if (!f) return raise(ts, &exc::ValueError, "call stack is not deep enough");
  return frame_object(ts, f);
}

Object* sys_displayhook(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                        TupleObject* kw) {
  if (!no_kwargs(ts, "displayhook", kw) || !check_nargs(ts, "displayhook", nargs, 1, 1))
    return nullptr;
  Object* v = args[0];
  if (is_none(v)) return new_none();
  Ref<StrObject> under = Ref<StrObject>::steal(intern(ts, "_"));
  if (!under || !dict_set(ts, ts->interp->builtins, under.get(), none())) return nullptr;
  Ref<> text = Ref<>::steal(repr(ts, v));
  if (!text) return nullptr;
  Ref<> out = Ref<>::steal(getattr_cstr(ts, ts->interp->sys, "stdout"));
  if (!out) return nullptr;
  if (is_none(out.get())) return raise(ts, &exc::RuntimeError, "lost sys.stdout");
  Ref<> r = Ref<>::steal(call_method(ts, out.get(), "write", {text.get()}));
  if (!r) return nullptr;
  Ref<> nl = Ref<>::steal(str_from(ts, "\n"));
  r = Ref<>::steal(call_method(ts, out.get(), "write", {nl.get()}));
  if (!r) return nullptr;
  if (!dict_set(ts, ts->interp->builtins, under.get(), v)) return nullptr;
  return new_none();
}

Object* sys_excepthook(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                       TupleObject* kw) {
  if (!no_kwargs(ts, "excepthook", kw) || !check_nargs(ts, "excepthook", nargs, 3, 3))
    return nullptr;
  Object* value = args[1];
  if (is_exception(value)) {
    print_exception(ts, value);
  } else {
    std::string text;
    if (!str_text(ts, value, &text)) return nullptr;
    std::fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                 type_name(value));
  }
  return new_none();
}

// sys._gilpy_print_exception(exc): the VM's traceback printer (to sys.stderr); traceback.py
// uses it so formatted tracebacks match uncaught ones exactly.
Object* sys_gilpy_print_exception(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                                  TupleObject* kw) {
  if (!no_kwargs(ts, "_gilpy_print_exception", kw) ||
      !check_nargs(ts, "_gilpy_print_exception", nargs, 1, 1))
    return nullptr;
  print_exception(ts, args[0]);
  if (exc_occurred(ts)) return nullptr;
  return new_none();
}

// sys._gilpy_source_line(filename, lineno): a source line for tracebacks ('' when unknown).
Object* sys_gilpy_source_line(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                              TupleObject* kw) {
  if (!check_nargs(ts, "_gilpy_source_line", nargs, 2, 2)) return nullptr;
  if (!is_str(args[0])) return raise(ts, &exc::TypeError, "filename must be str");
  ssize line;
  if (!index_as_ssize(ts, args[1], &line)) return nullptr;
  return str_from(ts, source_line(ts, str_view(args[0]), static_cast<int>(line)));
}

Object* sys_noop(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return new_none();
}
Object* sys_return_none(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  return new_none();
}

Object* sys_get_max_digits(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  if (!check_nargs(ts, "get_int_max_str_digits", nargs, 0, 0)) return nullptr;
  return int_from(ts, int_max_str_digits(ts));
}

Object* sys_set_max_digits(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                           TupleObject* kw) {
  Object* a[1] = {};
  if (!parse_args(ts, "set_int_max_str_digits", args, nargs, kw, {"maxdigits"}, 1, a))
    return nullptr;
  ssize n;
  if (!index_as_ssize(ts, a[0], &n)) return nullptr;
  if (!int_set_max_str_digits(ts, n)) return nullptr;
  return new_none();
}

const MethodDef kSysMethods[] = {
    {"exit", sys_exit, 0, "exit([status])\n\nExit the interpreter by raising SystemExit(status)."},
    {"getrefcount", sys_getrefcount, 0, "Return the reference count of object."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "Return the current recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of the stack."},
    {"exc_info", sys_exc_info, 0, "Return current exception information."},
    {"exception", sys_exception, 0, "Return the current exception."},
    {"getsizeof", sys_getsizeof, 0, "Return the size of object in bytes."},
    {"intern", sys_intern, 0, "Intern the given string."},
    {"getdefaultencoding", sys_getdefaultencoding, 0, nullptr},
    {"getfilesystemencoding", sys_getdefaultencoding, 0, nullptr},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, 0, nullptr},
    {"_getframe", sys_getframe, 0, "Return a frame object from the call stack."},
    {"displayhook", sys_displayhook, 0, nullptr},
    {"__displayhook__", sys_displayhook, 0, nullptr},
    {"excepthook", sys_excepthook, 0, nullptr},
    {"__excepthook__", sys_excepthook, 0, nullptr},
    {"_gilpy_print_exception", sys_gilpy_print_exception, 0, nullptr},
    {"_gilpy_source_line", sys_gilpy_source_line, 0, nullptr},
    {"settrace", sys_noop, 0, nullptr},
    {"setprofile", sys_noop, 0, nullptr},
    {"gettrace", sys_return_none, 0, nullptr},
    {"getprofile", sys_return_none, 0, nullptr},
    {"audit", sys_noop, 0, nullptr},
    {"addaudithook", sys_noop, 0, nullptr},
    {"get_int_max_str_digits", sys_get_max_digits, 0, nullptr},
    {"set_int_max_str_digits", sys_set_max_digits, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

bool add_str(ThreadState* ts, ModuleObject* m, const char* name, std::string_view value) {
  return module_add(ts, m, name, str_from(ts, value));
}

bool add_str_list(ThreadState* ts, ModuleObject* m, const char* name,
                  const std::vector<std::string>& items) {
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return false;
  for (const auto& s : items) {
    Ref<> v = Ref<>::steal(str_from(ts, s));
    if (!v || !list_append(ts, l.get(), v.get())) return false;
  }
  return module_add(ts, m, name, l.release());
}

}  // namespace

bool init_sys(ThreadState* ts, ModuleObject* m) {
  Interpreter* interp = ts->interp;
  const Config& cfg = interp->config;
  if (!module_add_functions(ts, m, kSysMethods) ||
      !module_add_functions(ts, m, gil::kGilSysMethods))
    return false;
  if (!module_add(ts, m, "modules", newref(interp->modules))) return false;
  std::vector<std::string> argv = cfg.argv.empty() ? std::vector<std::string>{""} : cfg.argv;
  if (!add_str_list(ts, m, "argv", argv)) return false;
  std::vector<std::string> orig = {cfg.executable.empty() ? "gilpy" : cfg.executable};
  orig.insert(orig.end(), cfg.argv.begin(), cfg.argv.end());
  if (!add_str_list(ts, m, "orig_argv", orig)) return false;
  if (!add_str_list(ts, m, "path", cfg.path)) return false;
  if (!add_str_list(ts, m, "warnoptions", {})) return false;
  if (!module_add(ts, m, "meta_path", list_new(ts)) ||
      !module_add(ts, m, "path_hooks", list_new(ts)) ||
      !module_add(ts, m, "path_importer_cache", dict_new(ts)))
    return false;
  std::string exe = cfg.executable;
  if (!add_str(ts, m, "executable", exe) || !add_str(ts, m, "_base_executable", exe)) return false;
  std::string prefix = "/usr/local";
  if (!add_str(ts, m, "prefix", prefix) || !add_str(ts, m, "base_prefix", prefix) ||
      !add_str(ts, m, "exec_prefix", prefix) || !add_str(ts, m, "base_exec_prefix", prefix) ||
      !add_str(ts, m, "platlibdir", "lib"))
    return false;
  if (!add_str(ts, m, "platform", "linux") || !add_str(ts, m, "byteorder", "little") ||
      !add_str(ts, m, "version", kVersionText) ||
      !add_str(ts, m, "copyright", "Copyright (c) gilpy authors.\nAll Rights Reserved.") ||
      !add_str(ts, m, "float_repr_style", "short") || !add_str(ts, m, "abiflags", "") ||
      !add_str(ts, m, "pycache_prefix", ""))
    return false;
  if (!module_add(ts, m, "maxsize", int_from(ts, INT64_MAX)) ||
      !module_add(ts, m, "maxunicode", int_from(ts, 0x10FFFF)) ||
      !module_add(ts, m, "api_version", int_from(ts, 1013)) ||
      !module_add(ts, m, "hexversion", int_from(ts, 0x030B00F0 | (kMicro << 8))) ||
      !module_add(ts, m, "dont_write_bytecode", bool_from(true)))
    return false;
  {
    std::vector<std::string> names_;
    for (const NativeModule* nm = kNativeModules; nm->name; ++nm) names_.push_back(nm->name);
    std::sort(names_.begin(), names_.end());
    Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_new(ts, static_cast<ssize>(names_.size())));
    if (!t) return false;
    for (size_t i = 0; i < names_.size(); ++i) {
      Object* s = str_from(ts, names_[i]);
      if (!s) return false;
      t->items[i] = s;
    }
    if (!module_add(ts, m, "builtin_module_names", t.release())) return false;
  }
  if (cfg.interactive) {
    if (!add_str(ts, m, "ps1", ">>> ") || !add_str(ts, m, "ps2", "... ")) return false;
  }
  // Struct sequences from the Python helper.
  Ref<> helper = Ref<>::steal(import_module(ts, "_structseq"));
  if (!helper) return false;
  Ref<> r = Ref<>::steal(call_method(ts, helper.get(), "_init_sys", {m}));
  return bool(r);
}

}  // namespace gp
