// The import system and the entry points that run a program as __main__.
//
// A dotted name is imported one component at a time, parents first (as importlib._gcd_import).
// Each component is looked up in sys.modules, then in the native module table
// (stdlib/modules.cpp), then among the Python modules embedded at build time (stdlib/py), then as
// NAME.py or NAME/__init__.py in sys.path (or in the parent package's __path__). A module is put
// into sys.modules before its code runs, so circular imports see the partially initialised
// module; when its code raises, it is removed again.
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "interp/vm.h"
#include "runtime/runtime.h"
#include "stdlib/io.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

bool read_file(const std::string& path, std::string* out, int* err) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *err = errno;
    return false;
  }
  std::string data;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  std::fclose(f);
  if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);
  *out = std::move(data);
  return true;
}

bool is_regular_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string dirname_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return path;
  std::string cwd(buf);
  std::string p = path;
  while (p.compare(0, 2, "./") == 0) p.erase(0, 2);
  return cwd == "/" ? "/" + p : cwd + "/" + p;
}

// Runs source as the body of module m (its dict as globals). Returns false with an exception.
bool exec_source(ThreadState* ts, ModuleObject* m, const std::string& source,
                 const std::string& filename) {
  Ref<> code = Ref<>::steal(compile_source(ts, source, filename, CompileMode::Exec));
  if (!code) return false;
  Ref<> r = Ref<>::steal(eval_code(ts, code.get(), m->dict, nullptr));
  return bool(r);
}

DictObject* modules(ThreadState* ts) { return ts->interp->modules; }

// sys.modules[name] or nullptr (borrowed, no exception).
Object* cached_module(ThreadState* ts, std::string_view name) {
  Ref<StrObject> key = Ref<StrObject>::steal(str_from(ts, name));
  if (!key) {
    clear_exc(ts);
    return nullptr;
  }
  return dict_get_str(ts, modules(ts), key.get());
}

bool set_module_attrs(ThreadState* ts, ModuleObject* m, const std::string& fullname,
                      const std::string* file, bool is_package, const std::string* pkgdir) {
  DictObject* d = m->dict;
  std::string package = is_package ? fullname
                                   : (fullname.rfind('.') == std::string::npos
                                          ? std::string()
                                          : fullname.substr(0, fullname.rfind('.')));
  Ref<> pkg = Ref<>::steal(str_from(ts, package));
  if (!pkg || !dict_set_cstr(ts, d, "__package__", pkg.get())) return false;
  if (!dict_get_cstr(ts, d, "__doc__") && !dict_set_cstr(ts, d, "__doc__", none())) return false;
  if (!dict_set_cstr(ts, d, "__loader__", none()) || !dict_set_cstr(ts, d, "__spec__", none()))
    return false;
  if (file) {
    Ref<> f = Ref<>::steal(str_from(ts, *file));
    if (!f || !dict_set_cstr(ts, d, "__file__", f.get())) return false;
  }
  if (is_package) {
    Ref<ListObject> path = Ref<ListObject>::steal(list_new(ts));
    if (!path) return false;
    if (pkgdir) {
      Ref<> dir = Ref<>::steal(str_from(ts, *pkgdir));
      if (!dir || !list_append(ts, path.get(), dir.get())) return false;
    }
    if (!dict_set_cstr(ts, d, "__path__", path.get())) return false;
  }
  return dict_set_cstr(ts, d, "__builtins__", ts->interp->builtins_module);
}

// Registers m as sys.modules[fullname], runs init, and on failure removes it again.
// Returns the module now in sys.modules (new ref).
template <class F>
Object* load_into(ThreadState* ts, ModuleObject* m, const std::string& fullname, F&& init) {
  Ref<> key = Ref<>::steal(str_from(ts, fullname));
  if (!key || !dict_set(ts, modules(ts), key.get(), m)) return nullptr;
  if (!init()) {
    Object* e = fetch_exc(ts);
    if (dict_del(ts, modules(ts), key.get()) < 0) clear_exc(ts);
    restore_exc(ts, e);
    return nullptr;
  }
  Object* now = dict_get(ts, modules(ts), key.get());
  if (!now) {
    if (!exc_occurred(ts))
      raise(ts, &exc::ImportError, "Loaded module %s not found in sys.modules", fullname.c_str());
    return nullptr;
  }
  return newref(now);
}

Object* not_found(ThreadState* ts, const std::string& fullname, const std::string& suffix = "") {
  Ref<> msg =
      Ref<>::steal(str_format(ts, "No module named '%s'%s", fullname.c_str(), suffix.c_str()));
  if (!msg) return nullptr;
  Object* a = msg.get();
  Ref<> e = Ref<>::steal(exception_new(ts, &exc::ModuleNotFoundError, &a, 1));
  if (!e) return nullptr;
  Ref<> name = Ref<>::steal(str_from(ts, fullname));
  if (name) setattr_cstr(ts, e.get(), "name", name.get());
  if (exc_occurred(ts)) clear_exc(ts);
  return raise_object(ts, e.get());
}

// Searches dirs (a list of str) for name.py or name/__init__.py.
bool find_in_path(ThreadState* ts, Object* dirs, const std::string& name, std::string* file,
                  bool* is_package, std::string* pkgdir) {
  if (!dirs || !is_list(dirs)) return false;
  for (ssize i = 0; i < list_size(dirs); ++i) {
    Object* d = list_item(dirs, i);
    if (!is_str(d)) continue;
    std::string dir(str_view(d));
    std::string base = dir.empty() ? name : (dir.back() == '/' ? dir + name : dir + "/" + name);
    std::string init = base + "/__init__.py";
    if (is_regular_file(init)) {
      *file = dir.empty() ? absolute_path(init) : init;
      *pkgdir = dir.empty() ? absolute_path(base) : base;
      *is_package = true;
      return true;
    }
    std::string mod = base + ".py";
    if (is_regular_file(mod)) {
      *file = dir.empty() ? absolute_path(mod) : mod;
      *is_package = false;
      return true;
    }
  }
  return false;
}

Object* import_one(ThreadState* ts, const std::string& fullname);

// The __file__ of an embedded module: "<gilpy-stdlib>/concurrent/futures/__init__.py".
std::string embedded_filename(const std::string& fullname, bool is_package) {
  std::string rel = fullname;
  for (char& c : rel)
    if (c == '.') c = '/';
  return "<gilpy-stdlib>/" + rel + (is_package ? "/__init__.py" : ".py");
}

// Imports fullname whose parent (if any) is already imported. New ref.
Object* load_module(ThreadState* ts, const std::string& fullname) {
  size_t dot = fullname.rfind('.');
  Object* search_dirs = nullptr;
  Ref<> parent, parent_path;
  std::string tail = fullname;
  if (dot != std::string::npos) {
    std::string parent_name = fullname.substr(0, dot);
    tail = fullname.substr(dot + 1);
    parent = Ref<>::steal(import_one(ts, parent_name));
    if (!parent) return nullptr;
    // The parent's code may have imported us already.
    if (Object* m = cached_module(ts, fullname)) return newref(m);
    parent_path = Ref<>::steal(getattr_opt(ts, parent.get(), names.__path__));
    if (!parent_path) {
      if (exc_occurred(ts)) return nullptr;
      return not_found(ts, fullname, "; '" + parent_name + "' is not a package");
    }
    search_dirs = parent_path.get();
  }

  Ref<> result;
  if (const NativeModule* nm = find_native_module(fullname)) {
    Ref<ModuleObject> m = Ref<ModuleObject>::steal(module_new(ts, fullname));
    if (!m) return nullptr;
    result = Ref<>::steal(load_into(ts, m.get(), fullname, [&] { return nm->init(ts, m.get()); }));
  } else if (const EmbeddedModule* em = find_embedded_module(fullname)) {
    Ref<ModuleObject> m = Ref<ModuleObject>::steal(module_new(ts, fullname));
    if (!m) return nullptr;
    std::string file = embedded_filename(fullname, em->is_package);
    if (!set_module_attrs(ts, m.get(), fullname, &file, em->is_package, nullptr)) return nullptr;
    result = Ref<>::steal(load_into(ts, m.get(), fullname,
                                    [&] { return exec_source(ts, m.get(), em->source, file); }));
  } else {
    Ref<> sys_path;
    if (!search_dirs) {
      sys_path = Ref<>::steal(getattr_cstr(ts, ts->interp->sys, "path"));
      if (!sys_path) {
        clear_exc(ts);
      }
      search_dirs = sys_path.get();
    }
    std::string file, pkgdir;
    bool is_package = false;
    if (!find_in_path(ts, search_dirs, tail, &file, &is_package, &pkgdir))
      return not_found(ts, fullname);
    std::string source;
    int err = 0;
    if (!read_file(file, &source, &err)) {
      Ref<> fn = Ref<>::steal(str_from(ts, file));
      return raise_errno(ts, err, fn.get());
    }
    Ref<ModuleObject> m = Ref<ModuleObject>::steal(module_new(ts, fullname));
    if (!m) return nullptr;
    if (!set_module_attrs(ts, m.get(), fullname, &file, is_package, &pkgdir)) return nullptr;
    result = Ref<>::steal(
        load_into(ts, m.get(), fullname, [&] { return exec_source(ts, m.get(), source, file); }));
  }
  if (!result) return nullptr;
  if (parent) {
    if (!setattr_cstr(ts, parent.get(), tail.c_str(), result.get())) return nullptr;
  }
  return result.release();
}

// Imports fullname (parents first) and returns it (new ref).
Object* import_one(ThreadState* ts, const std::string& fullname) {
  if (Object* m = cached_module(ts, fullname)) {
    if (is_none(m)) {
      Ref<> msg = Ref<>::steal(
          str_format(ts, "import of %s halted; None in sys.modules", fullname.c_str()));
      if (msg) raise_with(ts, &exc::ModuleNotFoundError, msg.get());
      return nullptr;
    }
    return newref(m);
  }
  ts->recursion_depth++;
  if (ts->recursion_depth > ts->interp->recursion_limit + 50) {
    ts->recursion_depth--;
    return raise(ts, &exc::RecursionError, "maximum recursion depth exceeded during import");
  }
  Object* r = load_module(ts, fullname);
  ts->recursion_depth--;
  return r;
}

// The package a relative import of `level` is resolved against.
bool resolve_name(ThreadState* ts, const std::string& name, DictObject* globals, int level,
                  std::string* out) {
  if (level == 0) {
    if (name.empty()) {
      raise(ts, &exc::ValueError, "Empty module name");
      return false;
    }
    *out = name;
    return true;
  }
  std::string package;
  bool have = false;
  if (globals) {
    Object* pkg = dict_get_str(ts, globals, names.__package__);
    if (pkg && !is_none(pkg)) {
      if (!is_str(pkg)) {
        raise(ts, &exc::TypeError, "package must be a string");
        return false;
      }
      package = std::string(str_view(pkg));
      have = true;
    } else {
      Object* modname = dict_get_str(ts, globals, names.__name__);
      if (modname && is_str(modname)) {
        package = std::string(str_view(modname));
        if (!dict_get_str(ts, globals, names.__path__)) {
          size_t dot = package.rfind('.');
          package = dot == std::string::npos ? std::string() : package.substr(0, dot);
        }
        have = true;
      }
    }
  }
  if (!have || package.empty()) {
    raise(ts, &exc::ImportError, "attempted relative import with no known parent package");
    return false;
  }
  std::string base = package;
  for (int i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(ts, &exc::ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    base.resize(dot);
  }
  *out = name.empty() ? base : base + "." + name;
  return true;
}

bool fromlist_nonempty(ThreadState* ts, Object* fromlist, int* err) {
  *err = 0;
  if (!fromlist || is_none(fromlist)) return false;
  int t = truthy(ts, fromlist);
  if (t < 0) *err = 1;
  return t > 0;
}

}  // namespace

Object* import_name(ThreadState* ts, StrObject* name, DictObject* globals, Object* fromlist,
                    int level) {
  std::string n(str_view(name));
  int err;
  bool has_from = fromlist_nonempty(ts, fromlist, &err);
  if (err) return nullptr;
  if (level == 0 && !has_from && n.find('.') == std::string::npos) {
    Object* m = dict_get_str(ts, modules(ts), name);
    if (m && !is_none(m)) return newref(m);
  }
  std::string fullname;
  if (!resolve_name(ts, n, globals, level, &fullname)) return nullptr;
  Ref<> module = Ref<>::steal(import_one(ts, fullname));
  if (!module) return nullptr;
  if (has_from) {
    // from package import submodule: import the names that are not attributes yet.
    Ref<> path = Ref<>::steal(getattr_opt(ts, module.get(), names.__path__));
    if (!path && exc_occurred(ts)) return nullptr;
    if (path) {
      Ref<> it = Ref<>::steal(get_iter(ts, fromlist));
      if (!it) return nullptr;
      while (Object* raw = iter_next(ts, it.get())) {
        Ref<> item = Ref<>::steal(raw);
        if (!is_str(item.get())) continue;
        std::string attr(str_view(item.get()));
        if (attr == "*") {
          Ref<> all = Ref<>::steal(getattr_opt(ts, module.get(), names.__all__));
          if (!all) {
            if (exc_occurred(ts)) return nullptr;
            continue;
          }
          Ref<> it2 = Ref<>::steal(get_iter(ts, all.get()));
          if (!it2) return nullptr;
          while (Object* raw2 = iter_next(ts, it2.get())) {
            Ref<> sub = Ref<>::steal(raw2);
            if (!is_str(sub.get())) continue;
            Ref<> have =
                Ref<>::steal(getattr_opt(ts, module.get(), static_cast<StrObject*>(sub.get())));
            if (have) continue;
            if (exc_occurred(ts)) return nullptr;
            Ref<> m =
                Ref<>::steal(import_one(ts, fullname + "." + std::string(str_view(sub.get()))));
            if (!m) clear_exc(ts);
          }
          if (exc_occurred(ts)) return nullptr;
          continue;
        }
        Ref<> have =
            Ref<>::steal(getattr_opt(ts, module.get(), static_cast<StrObject*>(item.get())));
        if (have) continue;
        if (exc_occurred(ts)) return nullptr;
        std::string subname = fullname + "." + attr;
        Ref<> m = Ref<>::steal(import_one(ts, subname));
        if (!m) {
          // A missing submodule is reported by the IMPORT_FROM that follows, as CPython does;
          // errors raised by the submodule's own code propagate.
          Object* e = fetch_exc(ts);
          bool missing = false;
          if (e && isinstance_of(e, &exc::ModuleNotFoundError)) {
            Ref<> ename = Ref<>::steal(getattr_cstr(ts, e, "name"));
            if (ename && is_str(ename.get()) && str_eq(ename.get(), subname)) missing = true;
            if (exc_occurred(ts)) clear_exc(ts);
          }
          if (missing) {
            decref(e);
          } else {
            restore_exc(ts, e);
            return nullptr;
          }
        }
      }
      if (exc_occurred(ts)) return nullptr;
    }
    return module.release();
  }
  if (level == 0) {
    size_t dot = n.find('.');
    if (dot == std::string::npos) return module.release();
    return import_one(ts, n.substr(0, dot));
  }
  if (n.empty()) return module.release();
  size_t dot = n.find('.');
  size_t cut = dot == std::string::npos ? 0 : n.size() - dot;
  return import_one(ts, fullname.substr(0, fullname.size() - cut));
}

Object* import_module(ThreadState* ts, const char* name) { return import_one(ts, name); }

// ---- running __main__ ----------------------------------------------------------------------

namespace {

bool set_sys_argv(ThreadState* ts, const std::vector<std::string>& argv) {
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return false;
  for (const auto& a : argv) {
    Ref<> s = Ref<>::steal(str_from(ts, a));
    if (!s || !list_append(ts, l.get(), s.get())) return false;
  }
  if (argv.empty()) {
    Ref<> s = Ref<>::steal(str_from(ts, ""));
    if (!s || !list_append(ts, l.get(), s.get())) return false;
  }
  return setattr_cstr(ts, ts->interp->sys, "argv", l.get());
}

// Puts dir in front of sys.path.
bool prepend_sys_path(ThreadState* ts, const std::string& dir) {
  Ref<> path = Ref<>::steal(getattr_cstr(ts, ts->interp->sys, "path"));
  if (!path) return false;
  Ref<> s = Ref<>::steal(str_from(ts, dir));
  if (!s) return false;
  Ref<> r = Ref<>::steal(call_method(ts, path.get(), "insert", {int_from(ts, 0), s.get()}));
  return bool(r);
}

ModuleObject* main_module(ThreadState* ts) {
  return static_cast<ModuleObject*>(ts->interp->main_module);
}

int run_in_main(ThreadState* ts, const std::string& source, const std::string& filename) {
  Ref<> code = Ref<>::steal(compile_source(ts, source, filename, CompileMode::Exec));
  if (!code) return handle_uncaught(ts);
  Ref<> r = Ref<>::steal(eval_code(ts, code.get(), main_module(ts)->dict, nullptr));
  if (!r) return handle_uncaught(ts);
  return 0;
}

void flush_stdout(ThreadState* ts) { io_flush_std_streams(ts); }

}  // namespace

int run_main_file(ThreadState* ts, const std::string& path) {
  std::string abs = absolute_path(path);
  std::string source;
  int err = 0;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::fprintf(stderr, "gilpy: can't find '__main__' module in '%s'\n", path.c_str());
    return 1;
  }
  if (!read_file(path, &source, &err)) {
    std::fprintf(stderr, "gilpy: can't open file '%s': [Errno %d] %s\n", abs.c_str(), err,
                 std::strerror(err));
    return 2;
  }
  std::vector<std::string> argv = ts->interp->config.argv;
  if (argv.empty()) argv.push_back(path);
  if (!set_sys_argv(ts, argv)) return handle_uncaught(ts);
  char real[PATH_MAX];
  std::string dir = ::realpath(abs.c_str(), real) ? dirname_of(real) : dirname_of(abs);
  if (!prepend_sys_path(ts, dir)) return handle_uncaught(ts);
  Ref<> file = Ref<>::steal(str_from(ts, abs));
  if (!file || !dict_set_cstr(ts, main_module(ts)->dict, "__file__", file.get()))
    return handle_uncaught(ts);
  int rc = run_in_main(ts, source, abs);
  flush_stdout(ts);
  return rc;
}

int run_main_string(ThreadState* ts, const std::string& source) {
  std::vector<std::string> argv = ts->interp->config.argv;
  if (argv.empty()) argv.push_back("-c");
  if (!set_sys_argv(ts, argv)) return handle_uncaught(ts);
  if (!prepend_sys_path(ts, "")) return handle_uncaught(ts);
  bool is_stdin = !argv.empty() && (argv[0].empty() || argv[0] == "-");
  int rc = run_in_main(ts, source, is_stdin ? "<stdin>" : "<string>");
  flush_stdout(ts);
  return rc;
}

int run_main_module(ThreadState* ts, const std::string& module) {
  char cwd[PATH_MAX];
  std::string dir = ::getcwd(cwd, sizeof cwd) ? cwd : ".";
  if (!prepend_sys_path(ts, dir)) return handle_uncaught(ts);
  std::vector<std::string> argv = ts->interp->config.argv;
  if (argv.empty()) argv.push_back(module);
  // Find the module's source: a package runs its __main__ submodule.
  std::string name = module;
  std::string source, filename;
  for (int attempt = 0; attempt < 2; ++attempt) {
    size_t dot = name.rfind('.');
    std::string parent = dot == std::string::npos ? "" : name.substr(0, dot);
    std::string tail = dot == std::string::npos ? name : name.substr(dot + 1);
    Ref<> dirs;
    if (!parent.empty()) {
      Ref<> p = Ref<>::steal(import_one(ts, parent));
      if (!p) return handle_uncaught(ts);
      dirs = Ref<>::steal(getattr_opt(ts, p.get(), names.__path__));
      if (exc_occurred(ts)) return handle_uncaught(ts);
    } else {
      dirs = Ref<>::steal(getattr_cstr(ts, ts->interp->sys, "path"));
      if (!dirs) return handle_uncaught(ts);
    }
    if (const EmbeddedModule* em = find_embedded_module(name)) {
      if (em->is_package) {
        Ref<> p = Ref<>::steal(import_one(ts, name));
        if (!p) return handle_uncaught(ts);
        name += ".__main__";
        continue;
      }
      source = em->source;
      filename = embedded_filename(name, false);
      break;
    }
    bool is_package = false;
    std::string file, pkgdir;
    if (!find_in_path(ts, dirs.get(), tail, &file, &is_package, &pkgdir)) {
      std::fprintf(
          stderr, "%s: No module named %s\n",
          ts->interp->config.executable.empty() ? "gilpy" : ts->interp->config.executable.c_str(),
          name.c_str());
      return 1;
    }
    if (is_package) {
      Ref<> p = Ref<>::steal(import_one(ts, name));
      if (!p) return handle_uncaught(ts);
      name += ".__main__";
      continue;
    }
    int err = 0;
    if (!read_file(file, &source, &err)) {
      std::fprintf(stderr, "gilpy: can't open file '%s': [Errno %d] %s\n", file.c_str(), err,
                   std::strerror(err));
      return 1;
    }
    filename = file;
    break;
  }
  if (filename.empty()) {
    std::fprintf(stderr, "gilpy: No module named %s\n", name.c_str());
    return 1;
  }
  argv[0] = filename;
  if (!set_sys_argv(ts, argv)) return handle_uncaught(ts);
  DictObject* d = main_module(ts)->dict;
  Ref<> file = Ref<>::steal(str_from(ts, filename));
  size_t dot = name.rfind('.');
  Ref<> pkg = Ref<>::steal(str_from(ts, dot == std::string::npos ? "" : name.substr(0, dot)));
  if (!file || !pkg || !dict_set_cstr(ts, d, "__file__", file.get()) ||
      !dict_set_cstr(ts, d, "__package__", pkg.get()))
    return handle_uncaught(ts);
  int rc = run_in_main(ts, source, filename);
  flush_stdout(ts);
  return rc;
}

int handle_uncaught(ThreadState* ts) {
  Object* e = fetch_exc(ts);
  if (!e) return 1;
  io_flush_std_streams(ts);
  if (isinstance_of(e, &exc::SystemExit)) {
    Object* code = static_cast<SystemExitObject*>(e)->code;
    int rc = 0;
    if (!code || is_none(code)) {
      rc = 0;
    } else if (is_int(code)) {
      int64_t v = 0;
      if (!int_to_i64(code, &v)) v = -1;
      rc = static_cast<int>(v & 0xff);
    } else {
      std::string text;
      if (str_text(ts, code, &text)) {
        Ref<> err = Ref<>::steal(getattr_cstr(ts, ts->interp->sys, "stderr"));
        bool done = false;
        if (err && !is_none(err.get())) {
          Ref<> s = Ref<>::steal(str_from(ts, text + "\n"));
          Ref<> r = Ref<>::steal(call_method(ts, err.get(), "write", {s.get()}));
          Ref<> f = Ref<>::steal(call_method(ts, err.get(), "flush"));
          done = bool(r);
        }
        if (!done) std::fprintf(stderr, "%s\n", text.c_str());
      }
      if (exc_occurred(ts)) clear_exc(ts);
      rc = 1;
    }
    decref(e);
    return rc;
  }
  bool interrupt = isinstance_of(e, &exc::KeyboardInterrupt);
  // sys.excepthook when the script replaced it.
  Object* sysd = ts->interp->sys->dict;
  Object* hook = dict_get_cstr(ts, static_cast<DictObject*>(sysd), "excepthook");
  Object* orig = dict_get_cstr(ts, static_cast<DictObject*>(sysd), "__excepthook__");
  if (hook && hook != orig && !is_none(hook)) {
    Object* tb = static_cast<BaseExceptionObject*>(e)->traceback;
    Object* args[3] = {e->type, e, tb ? tb : none()};
    Ref<> r = Ref<>::steal(call(ts, hook, args, 3));
    if (!r) {
      Object* e2 = fetch_exc(ts);
      std::fprintf(stderr, "Error in sys.excepthook:\n");
      if (e2) {
        print_exception(ts, e2);
        decref(e2);
      }
      std::fprintf(stderr, "\nOriginal exception was:\n");
      print_exception(ts, e);
    }
  } else {
    print_exception(ts, e);
  }
  decref(e);
  io_flush_std_streams(ts);
  return interrupt ? -SIGINT : 1;
}

}  // namespace gp
