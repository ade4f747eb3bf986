// The posix module: the system calls behind os (stdlib/py/os.py adds environ, walk, makedirs,
// path = posixpath and the other pure-Python parts). Blocking calls (waitpid, read, write, system)
// release the GIL; fork() flushes the standard streams first and resets the GIL machinery in the
// child (gil::after_fork_child). Errors become OSError subclasses through raise_errno.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "gil/gil.h"
#include "interp/vm.h"
#include "stdlib/io.h"
#include "stdlib/modules.h"
#include "stdlib/native_util.h"

extern char** environ;

namespace gp {

bool path_arg(ThreadState* ts, Object* o, std::string* out, const char* fname, bool allow_fd,
              int* fd) {
  if (allow_fd && is_int(o) && !is_bool(o)) {
    int64_t v;
    if (!int_to_i64(o, &v)) {
      raise(ts, &exc::OverflowError, "fd is greater than maximum");
      return false;
    }
    *fd = static_cast<int>(v);
    return true;
  }
  if (is_str(o)) {
    *out = std::string(str_view(o));
    return true;
  }
  if (is_bytes(o)) {
    *out = std::string(bytes_view(o));
    return true;
  }
  Ref<> method = Ref<>::steal(
      type_lookup(o->type, names.__fspath__) ? getattr(ts, o, names.__fspath__) : nullptr);
  if (method) {
    Ref<> r = Ref<>::steal(call0(ts, method.get()));
    if (!r) return false;
    if (is_str(r.get())) {
      *out = std::string(str_view(r.get()));
      return true;
    }
    if (is_bytes(r.get())) {
      *out = std::string(bytes_view(r.get()));
      return true;
    }
    raise(ts, &exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
          type_name(o), type_name(r.get()));
    return false;
  }
  if (exc_occurred(ts)) return false;
  raise(ts, &exc::TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fname,
        type_name(o));
  return false;
}

namespace {

#define ARGS ThreadState *ts, Object *self, Object *const *args, size_t nargs, TupleObject *kw

Object* os_error(ThreadState* ts, Object* filename = nullptr) {
  return raise_errno(ts, errno, filename);
}

bool int_arg(ThreadState* ts, Object* o, int64_t* out) {
  if (is_float(o)) {
    raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  ssize v;
  if (!index_as_ssize(ts, o, &v)) return false;
  *out = v;
  return true;
}

// A path argument that keeps its object for error messages.
struct PathArg {
  std::string path;
  Object* obj = nullptr;
  int fd = -1;
};

bool get_path(ThreadState* ts, Object* o, PathArg* p, const char* fname, bool allow_fd = false) {
  p->obj = o;
  return path_arg(ts, o, &p->path, fname, allow_fd, &p->fd);
}

Object* os_getpid(ARGS) { return int_from(ts, ::getpid()); }
Object* os_getppid(ARGS) { return int_from(ts, ::getppid()); }
Object* os_getuid(ARGS) { return int_from(ts, ::getuid()); }
Object* os_geteuid(ARGS) { return int_from(ts, ::geteuid()); }
Object* os_getgid(ARGS) { return int_from(ts, ::getgid()); }
Object* os_getegid(ARGS) { return int_from(ts, ::getegid()); }
Object* os_cpu_count(ARGS) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) return new_none();
  return int_from(ts, n);
}

Object* os_getcwd(ARGS) {
  char buf[PATH_MAX];
  if (!::getcwd(buf, sizeof buf)) return os_error(ts);
  return str_from(ts, buf);
}

Object* os_chdir(ARGS) {
  if (!check_nargs(ts, "chdir", nargs, 1, 1)) return nullptr;
  PathArg p;
  if (!get_path(ts, args[0], &p, "chdir")) return nullptr;
  if (::chdir(p.path.c_str()) < 0) return os_error(ts, p.obj);
  return new_none();
}

Object* os_listdir(ARGS) {
  if (!check_nargs(ts, "listdir", nargs, 0, 1)) return nullptr;
  PathArg p;
  p.path = ".";
  bool as_bytes = false;
  if (nargs && !is_none(args[0])) {
    if (!get_path(ts, args[0], &p, "listdir")) return nullptr;
    as_bytes = is_bytes(args[0]);
  }
  DIR* d = ::opendir(p.path.c_str());
  if (!d) return os_error(ts, nargs ? p.obj : nullptr);
  Ref<ListObject> out = Ref<ListObject>::steal(list_new(ts));
  if (!out) {
    ::closedir(d);
    return nullptr;
  }
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    Ref<> name = Ref<>::steal(
        as_bytes ? static_cast<Object*>(bytes_from(ts, e->d_name))
                 : static_cast<Object*>(str_decode_utf8(ts, e->d_name, "surrogateescape")));
    if (!name || !list_append(ts, out.get(), name.get())) {
      ::closedir(d);
      return nullptr;
    }
  }
  ::closedir(d);
  return out.release();
}

Object* os_mkdir(ARGS) {
  Object* a[3] = {};
  if (!parse_args(ts, "mkdir", args, nargs, kw, {"path", "mode", "dir_fd"}, 1, a)) return nullptr;
  PathArg p;
  if (!get_path(ts, a[0], &p, "mkdir")) return nullptr;
  int64_t mode = 0777;
  if (a[1] && !int_arg(ts, a[1], &mode)) return nullptr;
  if (::mkdir(p.path.c_str(), static_cast<mode_t>(mode)) < 0) return os_error(ts, p.obj);
  return new_none();
}

Object* os_rmdir(ARGS) {
  Object* a[2] = {};
  if (!parse_args(ts, "rmdir", args, nargs, kw, {"path", "dir_fd"}, 1, a)) return nullptr;
  PathArg p;
  if (!get_path(ts, a[0], &p, "rmdir")) return nullptr;
  if (::rmdir(p.path.c_str()) < 0) return os_error(ts, p.obj);
  return new_none();
}

Object* os_remove(ARGS) {
  Object* a[2] = {};
  if (!parse_args(ts, "remove", args, nargs, kw, {"path", "dir_fd"}, 1, a)) return nullptr;
  PathArg p;
  if (!get_path(ts, a[0], &p, "remove")) return nullptr;
  if (::unlink(p.path.c_str()) < 0) return os_error(ts, p.obj);
  return new_none();
}

Object* os_rename(ARGS) {
  Object* a[4] = {};
  if (!parse_args(ts, "rename", args, nargs, kw, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, a))
    return nullptr;
  PathArg s, d;
  if (!get_path(ts, a[0], &s, "rename") || !get_path(ts, a[1], &d, "rename")) return nullptr;
  if (::rename(s.path.c_str(), d.path.c_str()) < 0) {
    int err = errno;
    Ref<> e = Ref<>::steal(raise_errno(ts, err, s.obj));
    // CPython reports both names: [Errno 2] No such file or directory: 'a' -> 'b'
    Object* exc_obj = ts->exc;
    if (exc_obj && isinstance_of(exc_obj, &exc::OSError)) {
      auto* oe = static_cast<OSErrorObject*>(exc_obj);
      setref(oe->filename2, newref(d.obj));
    }
    return nullptr;
  }
  return new_none();
}

Object* os_symlink(ARGS) {
  Object* a[3] = {};
  if (!parse_args(ts, "symlink", args, nargs, kw, {"src", "dst", "target_is_directory"}, 2, a))
    return nullptr;
  PathArg s, d;
  if (!get_path(ts, a[0], &s, "symlink") || !get_path(ts, a[1], &d, "symlink")) return nullptr;
  if (::symlink(s.path.c_str(), d.path.c_str()) < 0) return os_error(ts, d.obj);
  return new_none();
}

Object* os_readlink(ARGS) {
  if (!check_nargs(ts, "readlink", nargs, 1, 1)) return nullptr;
  PathArg p;
  if (!get_path(ts, args[0], &p, "readlink")) return nullptr;
  char buf[PATH_MAX];
  ssize_t n = ::readlink(p.path.c_str(), buf, sizeof buf);
  if (n < 0) return os_error(ts, p.obj);
  return str_from(ts, std::string_view(buf, static_cast<size_t>(n)));
}

Object* make_stat(ThreadState* ts, Object* module, const struct stat& st) {
  Object* cls = module_get(ts, static_cast<ModuleObject*>(module), "stat_result");
  if (!cls) return raise(ts, &exc::SystemError, "posix.stat_result missing");
  auto ftime = [](const struct timespec& t) { return double(t.tv_sec) + double(t.tv_nsec) * 1e-9; };
  auto nstime = [&](const struct timespec& t) -> Object* {
    Ref<> s = Ref<>::steal(int_from(ts, t.tv_sec));
    Ref<> b = Ref<>::steal(int_from(ts, 1000000000));
    Ref<> ns = Ref<>::steal(int_from(ts, t.tv_nsec));
    if (!s || !b || !ns) return nullptr;
    Ref<> m = Ref<>::steal(binary_op(ts, s.get(), b.get(), BinOp::Mul));
    if (!m) return nullptr;
    return binary_op(ts, m.get(), ns.get(), BinOp::Add);
  };
  Object* items[] = {
      int_from(ts, st.st_mode),
      int_from_u64(ts, st.st_ino),
      int_from_u64(ts, st.st_dev),
      int_from_u64(ts, st.st_nlink),
      int_from(ts, st.st_uid),
      int_from(ts, st.st_gid),
      int_from(ts, st.st_size),
      int_from(ts, st.st_atim.tv_sec),
      int_from(ts, st.st_mtim.tv_sec),
      int_from(ts, st.st_ctim.tv_sec),
      float_from(ts, ftime(st.st_atim)),
      float_from(ts, ftime(st.st_mtim)),
      float_from(ts, ftime(st.st_ctim)),
      nstime(st.st_atim),
      nstime(st.st_mtim),
      nstime(st.st_ctim),
      int_from(ts, st.st_blksize),
      int_from(ts, st.st_blocks),
      int_from_u64(ts, st.st_rdev),
  };
  constexpr ssize n = sizeof items / sizeof items[0];
  bool ok = true;
  for (Object* o : items) ok = ok && o;
  if (!ok) {
    for (Object* o : items) xdecref(o);
    return nullptr;
  }
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_new(ts, n));
  if (!t) {
    for (Object* o : items) decref(o);
    return nullptr;
  }
  for (ssize i = 0; i < n; ++i) t->items[i] = items[i];
  return call1(ts, cls, t.get());
}

Object* do_stat(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw,
                bool follow, const char* fname) {
  Object* a[3] = {};
  if (!parse_args(ts, fname, args, nargs, kw, {"path", "dir_fd", "follow_symlinks"}, 1, a))
    return nullptr;
  if (a[2]) {
    int v = truthy(ts, a[2]);
    if (v < 0) return nullptr;
    if (!v) follow = false;
  }
  PathArg p;
  if (!get_path(ts, a[0], &p, fname, true)) return nullptr;
  struct stat st;
  int r;
  if (p.fd >= 0) {
    r = ::fstat(p.fd, &st);
  } else {
    r = follow ? ::stat(p.path.c_str(), &st) : ::lstat(p.path.c_str(), &st);
  }
  if (r < 0) return os_error(ts, p.fd >= 0 ? nullptr : p.obj);
  return make_stat(ts, self, st);
}

Object* os_stat(ARGS) { return do_stat(ts, self, args, nargs, kw, true, "stat"); }
Object* os_lstat(ARGS) { return do_stat(ts, self, args, nargs, kw, false, "lstat"); }
Object* os_fstat(ARGS) {
  if (!check_nargs(ts, "fstat", nargs, 1, 1)) return nullptr;
  int64_t fd;
  if (!int_arg(ts, args[0], &fd)) return nullptr;
  struct stat st;
  if (::fstat(static_cast<int>(fd), &st) < 0) return os_error(ts);
  return make_stat(ts, self, st);
}

Object* os_access(ARGS) {
  Object* a[2] = {};
  if (!parse_args(ts, "access", args, nargs, kw, {"path", "mode"}, 2, a)) return nullptr;
  PathArg p;
  int64_t mode;
  if (!get_path(ts, a[0], &p, "access") || !int_arg(ts, a[1], &mode)) return nullptr;
  return bool_from(::access(p.path.c_str(), static_cast<int>(mode)) == 0);
}

Object* os_chmod(ARGS) {
  Object* a[2] = {};
  if (!parse_args(ts, "chmod", args, nargs, kw, {"path", "mode"}, 2, a)) return nullptr;
  PathArg p;
  int64_t mode;
  if (!get_path(ts, a[0], &p, "chmod") || !int_arg(ts, a[1], &mode)) return nullptr;
  if (::chmod(p.path.c_str(), static_cast<mode_t>(mode)) < 0) return os_error(ts, p.obj);
  return new_none();
}

Object* os_utime(ARGS) {
  Object* a[2] = {};
  if (!parse_args(ts, "utime", args, nargs, kw, {"path", "times"}, 1, a)) return nullptr;
  PathArg p;
  if (!get_path(ts, a[0], &p, "utime")) return nullptr;
  struct timeval tv[2];
  struct timeval* tvp = nullptr;
  if (a[1] && !is_none(a[1])) {
    if (!is_tuple(a[1]) || tuple_size(a[1]) != 2)
      return raise(ts, &exc::TypeError,
                   "utime: 'times' must be either a tuple of two ints or None");
    for (int i = 0; i < 2; ++i) {
      double d;
      if (!as_double(ts, tuple_item(a[1], i), &d)) return nullptr;
      tv[i].tv_sec = static_cast<time_t>(d);
      tv[i].tv_usec = static_cast<suseconds_t>((d - double(tv[i].tv_sec)) * 1e6);
    }
    tvp = tv;
  }
  if (::utimes(p.path.c_str(), tvp) < 0) return os_error(ts, p.obj);
  return new_none();
}

Object* os_umask(ARGS) {
  if (!check_nargs(ts, "umask", nargs, 1, 1)) return nullptr;
  int64_t m;
  if (!int_arg(ts, args[0], &m)) return nullptr;
  return int_from(ts, ::umask(static_cast<mode_t>(m)));
}

Object* os_urandom(ARGS) {
  if (!check_nargs(ts, "urandom", nargs, 1, 1)) return nullptr;
  int64_t n;
  if (!int_arg(ts, args[0], &n)) return nullptr;
  if (n < 0) return raise(ts, &exc::ValueError, "negative argument not allowed");
  std::string buf(static_cast<size_t>(n), '\0');
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return os_error(ts);
  size_t off = 0;
  while (off < buf.size()) {
    ssize_t r = ::read(fd, buf.data() + off, buf.size() - off);
    if (r <= 0) {
      if (r < 0 && errno == EINTR) continue;
      ::close(fd);
      return os_error(ts);
    }
    off += static_cast<size_t>(r);
  }
  ::close(fd);
  return bytes_from(ts, buf);
}

Object* os_strerror(ARGS) {
  if (!check_nargs(ts, "strerror", nargs, 1, 1)) return nullptr;
  int64_t code;
  if (!int_arg(ts, args[0], &code)) return nullptr;
  return str_from(ts, std::strerror(static_cast<int>(code)));
}

Object* os_fspath(ARGS) {
  Object* a[1] = {};
  if (!parse_args(ts, "fspath", args, nargs, kw, {"path"}, 1, a)) return nullptr;
  Object* o = a[0];
  if (is_str(o) || is_bytes(o)) return newref(o);
  if (type_lookup(o->type, names.__fspath__)) {
    Ref<> r = Ref<>::steal(call_method(ts, o, "__fspath__"));
    if (!r) return nullptr;
    if (is_str(r.get()) || is_bytes(r.get())) return r.release();
    return raise(ts, &exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                 type_name(o), type_name(r.get()));
  }
  return raise(ts, &exc::TypeError, "expected str, bytes or os.PathLike object, not %s",
               type_name(o));
}

Object* os_putenv(ARGS) {
  if (!check_nargs(ts, "putenv", nargs, 2, 2)) return nullptr;
  std::string k, v;
  if (!path_arg(ts, args[0], &k, "putenv") || !path_arg(ts, args[1], &v, "putenv")) return nullptr;
  if (k.empty() || k.find('=') != std::string::npos)
    return raise(ts, &exc::ValueError, "illegal environment variable name");
  if (::setenv(k.c_str(), v.c_str(), 1) < 0) return os_error(ts);
  return new_none();
}

Object* os_unsetenv(ARGS) {
  if (!check_nargs(ts, "unsetenv", nargs, 1, 1)) return nullptr;
  std::string k;
  if (!path_arg(ts, args[0], &k, "unsetenv")) return nullptr;
  if (::unsetenv(k.c_str()) < 0) return os_error(ts);
  return new_none();
}

// The environment as a dict of str -> str (os.py wraps it in os.environ).
Object* os_environ_dict(ARGS) {
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  if (!d) return nullptr;
  for (char** e = environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    Ref<> k = Ref<>::steal(
        str_decode_utf8(ts, std::string_view(*e, static_cast<size_t>(eq - *e)), "surrogateescape"));
    Ref<> v = Ref<>::steal(str_decode_utf8(ts, eq + 1, "surrogateescape"));
    if (!k || !v) return nullptr;
    if (dict_get(ts, d.get(), k.get())) continue;
    if (!dict_set(ts, d.get(), k.get(), v.get())) return nullptr;
  }
  return d.release();
}

// Like CPython, os.fork() does not flush sys.stdout: buffered output is copied into the child
// (multiprocessing flushes the standard streams itself before forking).
Object* os_fork(ARGS) {
  pid_t pid = ::fork();
  if (pid < 0) return os_error(ts);
  if (pid == 0) {
    gil::after_fork_child(ts);
    // Let Python-level hooks run (threading._after_fork, random reseeding...).
    Object* os_mod = dict_get_cstr(ts, ts->interp->modules, "os");
    if (os_mod) {
      Ref<> r = Ref<>::steal(call_method(ts, os_mod, "_run_after_fork_child"));
      if (!r) clear_exc(ts);
    }
  } else {
    Object* os_mod = dict_get_cstr(ts, ts->interp->modules, "os");
    if (os_mod) {
      Ref<> r = Ref<>::steal(call_method(ts, os_mod, "_run_after_fork_parent"));
      if (!r) clear_exc(ts);
    }
  }
  return int_from(ts, pid);
}

Object* os__exit(ARGS) {
  if (!check_nargs(ts, "_exit", nargs, 1, 1)) return nullptr;
  int64_t code;
  if (!int_arg(ts, args[0], &code)) return nullptr;
  ::_exit(static_cast<int>(code));
}

Object* os_kill(ARGS) {
  if (!check_nargs(ts, "kill", nargs, 2, 2)) return nullptr;
  int64_t pid, sig;
  if (!int_arg(ts, args[0], &pid) || !int_arg(ts, args[1], &sig)) return nullptr;
  if (::kill(static_cast<pid_t>(pid), static_cast<int>(sig)) < 0) return os_error(ts);
  // Signalling ourselves: let the handler run now, as CPython does.
  if (ts->interp->signals_pending.load() && !handle_eval_breaker(ts)) return nullptr;
  return new_none();
}

Object* os_waitpid(ARGS) {
  if (!check_nargs(ts, "waitpid", nargs, 2, 2)) return nullptr;
  int64_t pid, options;
  if (!int_arg(ts, args[0], &pid) || !int_arg(ts, args[1], &options)) return nullptr;
  int status = 0;
  pid_t r;
  for (;;) {
    int err = 0;
    {
      gil::Released unlocked(ts);
      r = ::waitpid(static_cast<pid_t>(pid), &status, static_cast<int>(options));
      if (r < 0) err = errno;
    }
    if (r < 0 && err == EINTR) {
      if (ts->interp->signals_pending.load() && !handle_eval_breaker(ts)) return nullptr;
      continue;
    }
    if (r < 0) return raise_errno(ts, err);
    break;
  }
  Ref<> p = Ref<>::steal(int_from(ts, r));
  Ref<> s = Ref<>::steal(int_from(ts, status));
  if (!p || !s) return nullptr;
  return tuple_pack(ts, {p.get(), s.get()});
}

Object* os_wait(ARGS) {
  Object* a[2];
  Ref<> m1 = Ref<>::steal(int_from(ts, -1));
  a[0] = m1.get();
  a[1] = int_from(ts, 0);
  return os_waitpid(ts, self, a, 2, nullptr);
}

bool status_arg(ThreadState* ts, Object* const* args, size_t nargs, const char* fname, int* st) {
  if (!check_nargs(ts, fname, nargs, 1, 1)) return false;
  int64_t v;
  if (!int_arg(ts, args[0], &v)) return false;
  *st = static_cast<int>(v);
  return true;
}

#define STATUS_FN(pyname, expr, conv)                                   \
  Object* os_##pyname(ARGS) {                                           \
    int status;                                                         \
    if (!status_arg(ts, args, nargs, #pyname, &status)) return nullptr; \
    return conv(expr);                                                  \
  }
#define AS_BOOL(x) bool_from(x)
#define AS_INT(x) int_from(ts, x)
STATUS_FN(WIFEXITED, WIFEXITED(status), AS_BOOL)
STATUS_FN(WEXITSTATUS, WEXITSTATUS(status), AS_INT)
STATUS_FN(WIFSIGNALED, WIFSIGNALED(status), AS_BOOL)
STATUS_FN(WTERMSIG, WTERMSIG(status), AS_INT)
STATUS_FN(WIFSTOPPED, WIFSTOPPED(status), AS_BOOL)
STATUS_FN(WSTOPSIG, WSTOPSIG(status), AS_INT)
STATUS_FN(WCOREDUMP, WCOREDUMP(status), AS_BOOL)

Object* os_waitstatus_to_exitcode(ARGS) {
  int status;
  if (!status_arg(ts, args, nargs, "waitstatus_to_exitcode", &status)) return nullptr;
  if (WIFEXITED(status)) return int_from(ts, WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return int_from(ts, -WTERMSIG(status));
  return raise(ts, &exc::ValueError, "invalid wait status: %d", status);
}

// ---- execve and the fork+exec of subprocess ----

// A list/tuple of str/bytes/PathLike -> C strings (path_arg rules for each item).
bool string_list(ThreadState* ts, Object* seq, const char* fname, std::vector<std::string>* out) {
  if (!is_list(seq) && !is_tuple(seq)) {
    raise(ts, &exc::TypeError, "%s() arg 2 must be a tuple or list", fname);
    return false;
  }
  ssize n = is_list(seq) ? list_size(seq) : tuple_size(seq);
  for (ssize i = 0; i < n; ++i) {
    Object* item = is_list(seq) ? list_item(seq, i) : tuple_item(seq, i);
    std::string text;
    if (!path_arg(ts, item, &text, fname)) return false;
    if (text.find('\0') != std::string::npos) {
      raise(ts, &exc::ValueError, "embedded null byte");
      return false;
    }
    out->push_back(std::move(text));
  }
  return true;
}

// env mapping -> "KEY=VALUE" strings.
bool env_list(ThreadState* ts, Object* env, std::vector<std::string>* out) {
  Ref<> items = Ref<>::steal(call_method(ts, env, "items"));
  if (!items) return false;
  Ref<> it = Ref<>::steal(get_iter(ts, items.get()));
  if (!it) return false;
  for (;;) {
    Ref<> kv = Ref<>::steal(iter_next(ts, it.get()));
    if (!kv) return !exc_occurred(ts);
    if (!is_tuple(kv.get()) || tuple_size(kv.get()) != 2) {
      raise(ts, &exc::TypeError, "env items must be (key, value) pairs");
      return false;
    }
    std::string k, v;
    if (!path_arg(ts, tuple_item(kv.get(), 0), &k, "execve") ||
        !path_arg(ts, tuple_item(kv.get(), 1), &v, "execve"))
      return false;
    if (k.empty() || k.find('=') != std::string::npos) {
      raise(ts, &exc::ValueError, "illegal environment variable name");
      return false;
    }
    out->push_back(k + "=" + v);
  }
}

std::vector<char*> c_array(std::vector<std::string>& v) {
  std::vector<char*> r;
  for (auto& s : v) r.push_back(s.data());
  r.push_back(nullptr);
  return r;
}

Object* exec_impl(ThreadState* ts, Object* const* args, size_t nargs, bool with_env) {
  const char* fname = with_env ? "execve" : "execv";
  if (!check_nargs(ts, fname, nargs, with_env ? 3 : 2, with_env ? 3 : 2)) return nullptr;
  std::string path;
  if (!path_arg(ts, args[0], &path, fname)) return nullptr;
  std::vector<std::string> argv, envv;
  if (!string_list(ts, args[1], fname, &argv)) return nullptr;
  if (argv.empty()) return raise(ts, &exc::ValueError, "%s() arg 2 must not be empty", fname);
  if (argv[0].empty())
    return raise(ts, &exc::ValueError, "%s() arg 2 first element cannot be empty", fname);
  if (with_env && !env_list(ts, args[2], &envv)) return nullptr;
  std::vector<char*> av = c_array(argv);
  if (with_env) {
    std::vector<char*> ev = c_array(envv);
    ::execve(path.c_str(), av.data(), ev.data());
  } else {
    ::execv(path.c_str(), av.data());
  }
  return os_error(ts);
}

Object* os_execve(ARGS) { return exec_impl(ts, args, nargs, true); }

// _fork_exec(args, executables, env, cwd, stdin_fd, stdout_fd, stderr_fd, close_fds,
//            errpipe_write, start_new_session) -> pid
// Forks and, in the child, redirects the standard descriptors, changes directory, closes the
// other descriptors when asked and tries each executable path in turn with execve/execv. Only
// async-signal-safe calls run in the child (everything is prepared before the fork). A failure
// is reported on errpipe_write as "<stage>:<errno hex>" ("exec", "chdir", "dup2") and the child
// exits with 255.
Object* os_fork_exec(ARGS) {
  if (!check_nargs(ts, "_fork_exec", nargs, 10, 10)) return nullptr;
  std::vector<std::string> argv, exes, envv;
  if (!string_list(ts, args[0], "_fork_exec", &argv) ||
      !string_list(ts, args[1], "_fork_exec", &exes))
    return nullptr;
  bool have_env = !is_none(args[2]);
  if (have_env && !string_list(ts, args[2], "_fork_exec", &envv)) return nullptr;
  std::string cwd;
  bool have_cwd = !is_none(args[3]);
  if (have_cwd && !path_arg(ts, args[3], &cwd, "_fork_exec")) return nullptr;
  int64_t fds[3], errpipe;
  for (int i = 0; i < 3; ++i)
    if (!int_arg(ts, args[4 + i], &fds[i])) return nullptr;
  int close_fds = truthy(ts, args[7]);
  if (close_fds < 0 || !int_arg(ts, args[8], &errpipe)) return nullptr;
  int new_session = truthy(ts, args[9]);
  if (new_session < 0) return nullptr;
  std::vector<char*> av = c_array(argv);
  std::vector<char*> ev = c_array(envv);
  long max_fd = ::sysconf(_SC_OPEN_MAX);
  if (max_fd < 0 || max_fd > 65536) max_fd = 65536;
  pid_t pid = ::fork();
  if (pid < 0) return os_error(ts);
  if (pid == 0) {
    const char* stage = "dup2";
    int err = 0;
    int efd = static_cast<int>(errpipe);
    if (new_session) ::setsid();
    // Move the sources out of the 0..2 range first so that a later dup2 cannot clobber them.
    int src[3];
    for (int i = 0; i < 3; ++i) {
      src[i] = static_cast<int>(fds[i]);
      if (src[i] >= 0 && src[i] < 3 && src[i] != i) {
        int moved = ::fcntl(src[i], F_DUPFD_CLOEXEC, 3);
        if (moved < 0) {
          err = errno;
          goto fail;
        }
        src[i] = moved;
      }
    }
    for (int i = 0; i < 3; ++i) {
      if (src[i] < 0) continue;
      if (src[i] == i) {
        int flags = ::fcntl(i, F_GETFD);
        if (flags >= 0) ::fcntl(i, F_SETFD, flags & ~FD_CLOEXEC);
      } else if (::dup2(src[i], i) < 0) {
        err = errno;
        goto fail;
      }
    }
    if (have_cwd && ::chdir(cwd.c_str()) < 0) {
      stage = "chdir";
      err = errno;
      goto fail;
    }
    if (close_fds)
      for (int fd = 3; fd < max_fd; ++fd)
        if (fd != efd) ::close(fd);
    stage = "exec";
    err = ENOENT;
    for (auto& exe : exes) {
      if (have_env)
        ::execve(exe.c_str(), av.data(), ev.data());
      else
        ::execv(exe.c_str(), av.data());
      if (errno != ENOENT && errno != ENOTDIR)
        err = errno;
      else if (err == ENOENT)
        err = errno;
    }
  fail:
    if (efd >= 0) {
      char buf[64];
      int len = 0;
      for (const char* p = stage; *p; ++p) buf[len++] = *p;
      buf[len++] = ':';
      char hex[16];
      int h = 0;
      unsigned v = static_cast<unsigned>(err);
      do {
        hex[h++] = "0123456789abcdef"[v % 16];
        v /= 16;
      } while (v);
      while (h) buf[len++] = hex[--h];
      ssize_t unused = ::write(efd, buf, static_cast<size_t>(len));
      (void)unused;
    }
    ::_exit(255);
  }
  return int_from(ts, pid);
}

Object* os_pipe(ARGS) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return os_error(ts);
  Ref<> r = Ref<>::steal(int_from(ts, fds[0]));
  Ref<> w = Ref<>::steal(int_from(ts, fds[1]));
  if (!r || !w) return nullptr;
  return tuple_pack(ts, {r.get(), w.get()});
}

Object* os_read(ARGS) {
  if (!check_nargs(ts, "read", nargs, 2, 2)) return nullptr;
  int64_t fd, n;
  if (!int_arg(ts, args[0], &fd) || !int_arg(ts, args[1], &n)) return nullptr;
  if (n < 0) return raise_errno(ts, EINVAL);
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t got;
  for (;;) {
    int err = 0;
    {
      gil::Released unlocked(ts);
      got = ::read(static_cast<int>(fd), buf.data(), buf.size());
      if (got < 0) err = errno;
    }
    if (got < 0 && err == EINTR) {
      if (ts->interp->signals_pending.load() && !handle_eval_breaker(ts)) return nullptr;
      continue;
    }
    if (got < 0) return raise_errno(ts, err);
    break;
  }
  buf.resize(static_cast<size_t>(got));
  return bytes_from(ts, buf);
}

Object* os_write(ARGS) {
  if (!check_nargs(ts, "write", nargs, 2, 2)) return nullptr;
  int64_t fd;
  if (!int_arg(ts, args[0], &fd)) return nullptr;
  std::string_view data;
  if (!buffer_view(ts, args[1], &data)) return nullptr;
  std::string copy(data);
  ssize_t n;
  for (;;) {
    int err = 0;
    {
      gil::Released unlocked(ts);
      n = ::write(static_cast<int>(fd), copy.data(), copy.size());
      if (n < 0) err = errno;
    }
    if (n < 0 && err == EINTR) {
      if (ts->interp->signals_pending.load() && !handle_eval_breaker(ts)) return nullptr;
      continue;
    }
    if (n < 0) return raise_errno(ts, err);
    break;
  }
  return int_from(ts, n);
}

Object* os_close(ARGS) {
  if (!check_nargs(ts, "close", nargs, 1, 1)) return nullptr;
  int64_t fd;
  if (!int_arg(ts, args[0], &fd)) return nullptr;
  if (::close(static_cast<int>(fd)) < 0) return os_error(ts);
  return new_none();
}

Object* os_closerange(ARGS) {
  if (!check_nargs(ts, "closerange", nargs, 2, 2)) return nullptr;
  int64_t lo, hi;
  if (!int_arg(ts, args[0], &lo) || !int_arg(ts, args[1], &hi)) return nullptr;
  for (int64_t fd = lo; fd < hi; ++fd) ::close(static_cast<int>(fd));
  return new_none();
}

Object* os_dup(ARGS) {
  if (!check_nargs(ts, "dup", nargs, 1, 1)) return nullptr;
  int64_t fd;
  if (!int_arg(ts, args[0], &fd)) return nullptr;
  int r = ::fcntl(static_cast<int>(fd), F_DUPFD_CLOEXEC, 0);
  if (r < 0) return os_error(ts);
  return int_from(ts, r);
}

Object* os_dup2(ARGS) {
  Object* a[3] = {};
  if (!parse_args(ts, "dup2", args, nargs, kw, {"fd", "fd2", "inheritable"}, 2, a)) return nullptr;
  int64_t fd, fd2;
  if (!int_arg(ts, a[0], &fd) || !int_arg(ts, a[1], &fd2)) return nullptr;
  int r = ::dup2(static_cast<int>(fd), static_cast<int>(fd2));
  if (r < 0) return os_error(ts);
  return int_from(ts, r);
}

Object* os_open(ARGS) {
  Object* a[4] = {};
  if (!parse_args(ts, "open", args, nargs, kw, {"path", "flags", "mode", "dir_fd"}, 2, a))
    return nullptr;
  PathArg p;
  int64_t flags, mode = 0777;
  if (!get_path(ts, a[0], &p, "open") || !int_arg(ts, a[1], &flags)) return nullptr;
  if (a[2] && !int_arg(ts, a[2], &mode)) return nullptr;
  int fd;
  int err = 0;
  {
    gil::Released unlocked(ts);
    fd = ::open(p.path.c_str(), static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) err = errno;
  }
  if (fd < 0) return raise_errno(ts, err, p.obj);
  return int_from(ts, fd);
}

Object* os_lseek(ARGS) {
  if (!check_nargs(ts, "lseek", nargs, 3, 3)) return nullptr;
  int64_t fd, pos, how;
  if (!int_arg(ts, args[0], &fd) || !int_arg(ts, args[1], &pos) || !int_arg(ts, args[2], &how))
    return nullptr;
  off_t r = ::lseek(static_cast<int>(fd), static_cast<off_t>(pos), static_cast<int>(how));
  if (r < 0) return os_error(ts);
  return int_from(ts, r);
}

Object* os_ftruncate(ARGS) {
  if (!check_nargs(ts, "ftruncate", nargs, 2, 2)) return nullptr;
  int64_t fd, len;
  if (!int_arg(ts, args[0], &fd) || !int_arg(ts, args[1], &len)) return nullptr;
  if (::ftruncate(static_cast<int>(fd), static_cast<off_t>(len)) < 0) return os_error(ts);
  return new_none();
}

Object* os_fsync(ARGS) {
  if (!check_nargs(ts, "fsync", nargs, 1, 1)) return nullptr;
  int64_t fd;
  if (!is_int(args[0])) {
    Ref<> r = Ref<>::steal(call_method(ts, args[0], "fileno"));
    if (!r || !int_arg(ts, r.get(), &fd)) return nullptr;
  } else if (!int_arg(ts, args[0], &fd)) {
    return nullptr;
  }
  if (::fsync(static_cast<int>(fd)) < 0) return os_error(ts);
  return new_none();
}

Object* os_isatty(ARGS) {
  if (!check_nargs(ts, "isatty", nargs, 1, 1)) return nullptr;
  int64_t fd;
  if (!int_arg(ts, args[0], &fd)) return nullptr;
  return bool_from(::isatty(static_cast<int>(fd)) == 1);
}

Object* os_getpgid(ARGS) {
  if (!check_nargs(ts, "getpgid", nargs, 1, 1)) return nullptr;
  int64_t pid;
  if (!int_arg(ts, args[0], &pid)) return nullptr;
  pid_t r = ::getpgid(static_cast<pid_t>(pid));
  if (r < 0) return os_error(ts);
  return int_from(ts, r);
}

Object* os_getpgrp(ARGS) { return int_from(ts, ::getpgrp()); }

Object* os_setsid(ARGS) {
  if (::setsid() < 0) return os_error(ts);
  return new_none();
}

Object* os_setpgid(ARGS) {
  if (!check_nargs(ts, "setpgid", nargs, 2, 2)) return nullptr;
  int64_t pid, pg;
  if (!int_arg(ts, args[0], &pid) || !int_arg(ts, args[1], &pg)) return nullptr;
  if (::setpgid(static_cast<pid_t>(pid), static_cast<pid_t>(pg)) < 0) return os_error(ts);
  return new_none();
}

Object* os_get_terminal_size(ARGS) {
  int64_t fd = 1;
  if (nargs && !int_arg(ts, args[0], &fd)) return nullptr;
  struct winsize w {};
  if (::ioctl(static_cast<int>(fd), TIOCGWINSZ, &w) < 0) return os_error(ts);
  Object* cls = module_get(ts, static_cast<ModuleObject*>(self), "terminal_size");
  Ref<> c = Ref<>::steal(int_from(ts, w.ws_col));
  Ref<> l = Ref<>::steal(int_from(ts, w.ws_row));
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_pack(ts, {c.get(), l.get()}));
  if (!t) return nullptr;
  if (!cls) return t.release();
  return call1(ts, cls, t.get());
}

Object* os_system(ARGS) {
  if (!check_nargs(ts, "system", nargs, 1, 1)) return nullptr;
  std::string cmd;
  if (!path_arg(ts, args[0], &cmd, "system")) return nullptr;
  io_flush_std_streams(ts);
  int r;
  {
    gil::Released unlocked(ts);
    r = ::system(cmd.c_str());
  }
  return int_from(ts, r);
}

Object* os_uname(ARGS) {
  struct utsname u;
  if (::uname(&u) < 0) return os_error(ts);
  Object* cls = module_get(ts, static_cast<ModuleObject*>(self), "uname_result");
  Ref<> a = Ref<>::steal(str_from(ts, u.sysname));
  Ref<> b = Ref<>::steal(str_from(ts, u.nodename));
  Ref<> c = Ref<>::steal(str_from(ts, u.release));
  Ref<> d = Ref<>::steal(str_from(ts, u.version));
  Ref<> e = Ref<>::steal(str_from(ts, u.machine));
  Ref<TupleObject> t =
      Ref<TupleObject>::steal(tuple_pack(ts, {a.get(), b.get(), c.get(), d.get(), e.get()}));
  if (!t) return nullptr;
  if (!cls) return t.release();
  return call1(ts, cls, t.get());
}

Object* os_getloadavg(ARGS) {
  double l[3];
  if (::getloadavg(l, 3) != 3) return raise(ts, &exc::OSError, "Load averages are unobtainable");
  Ref<> a = Ref<>::steal(float_from(ts, l[0]));
  Ref<> b = Ref<>::steal(float_from(ts, l[1]));
  Ref<> c = Ref<>::steal(float_from(ts, l[2]));
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

Object* os_sched_getaffinity(ARGS) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  Ref<SetObject> s = Ref<SetObject>::steal(set_new(ts));
  if (!s) return nullptr;
  for (long i = 0; i < n; ++i) {
    Ref<> v = Ref<>::steal(int_from(ts, i));
    if (!v || !set_add(ts, s.get(), v.get())) return nullptr;
  }
  return s.release();
}

Object* os_times(ARGS) {
  struct tms t;
  clock_t c = ::times(&t);
  double tk = static_cast<double>(::sysconf(_SC_CLK_TCK));
  Ref<> a = Ref<>::steal(float_from(ts, double(t.tms_utime) / tk));
  Ref<> b = Ref<>::steal(float_from(ts, double(t.tms_stime) / tk));
  Ref<> cu = Ref<>::steal(float_from(ts, double(t.tms_cutime) / tk));
  Ref<> cs = Ref<>::steal(float_from(ts, double(t.tms_cstime) / tk));
  Ref<> e = Ref<>::steal(float_from(ts, double(c) / tk));
  Ref<TupleObject> tup =
      Ref<TupleObject>::steal(tuple_pack(ts, {a.get(), b.get(), cu.get(), cs.get(), e.get()}));
  if (!tup) return nullptr;
  Object* cls = module_get(ts, static_cast<ModuleObject*>(self), "times_result");
  if (!cls) return tup.release();
  return call1(ts, cls, tup.get());
}

Object* os_set_inheritable(ARGS) {
  if (!check_nargs(ts, "set_inheritable", nargs, 2, 2)) return nullptr;
  int64_t fd;
  if (!int_arg(ts, args[0], &fd)) return nullptr;
  int v = truthy(ts, args[1]);
  if (v < 0) return nullptr;
  int flags = ::fcntl(static_cast<int>(fd), F_GETFD);
  if (flags < 0) return os_error(ts);
  flags = v ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
  if (::fcntl(static_cast<int>(fd), F_SETFD, flags) < 0) return os_error(ts);
  return new_none();
}

Object* os_get_inheritable(ARGS) {
  if (!check_nargs(ts, "get_inheritable", nargs, 1, 1)) return nullptr;
  int64_t fd;
  if (!int_arg(ts, args[0], &fd)) return nullptr;
  int flags = ::fcntl(static_cast<int>(fd), F_GETFD);
  if (flags < 0) return os_error(ts);
  return bool_from(!(flags & FD_CLOEXEC));
}

// execv(path, args) / execve(path, args, env)
Object* os_execv(ARGS) {
  if (!check_nargs(ts, "execv", nargs, 2, 3)) return nullptr;
  std::string path;
  if (!path_arg(ts, args[0], &path, "execv")) return nullptr;
  Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, args[1]));
  if (!l) return nullptr;
  std::vector<std::string> argv;
  for (ssize i = 0; i < list_size(l.get()); ++i) {
    std::string s;
    if (!path_arg(ts, list_item(l.get(), i), &s, "execv")) return nullptr;
    argv.push_back(s);
  }
  std::vector<char*> ptrs;
  for (auto& s : argv) ptrs.push_back(s.data());
  ptrs.push_back(nullptr);
  io_flush_std_streams(ts);
  ::execv(path.c_str(), ptrs.data());
  return os_error(ts);
}

const MethodDef kPosixMethods[] = {
    {"getpid", os_getpid, 0, nullptr},
    {"getppid", os_getppid, 0, nullptr},
    {"getuid", os_getuid, 0, nullptr},
    {"geteuid", os_geteuid, 0, nullptr},
    {"getgid", os_getgid, 0, nullptr},
    {"getegid", os_getegid, 0, nullptr},
    {"cpu_count", os_cpu_count, 0, nullptr},
    {"getcwd", os_getcwd, 0, nullptr},
    {"chdir", os_chdir, 0, nullptr},
    {"listdir", os_listdir, 0, nullptr},
    {"mkdir", os_mkdir, 0, nullptr},
    {"rmdir", os_rmdir, 0, nullptr},
    {"remove", os_remove, 0, nullptr},
    {"unlink", os_remove, 0, nullptr},
    {"rename", os_rename, 0, nullptr},
    {"replace", os_rename, 0, nullptr},
    {"symlink", os_symlink, 0, nullptr},
    {"readlink", os_readlink, 0, nullptr},
    {"stat", os_stat, 0, nullptr},
    {"lstat", os_lstat, 0, nullptr},
    {"fstat", os_fstat, 0, nullptr},
    {"access", os_access, 0, nullptr},
    {"chmod", os_chmod, 0, nullptr},
    {"utime", os_utime, 0, nullptr},
    {"umask", os_umask, 0, nullptr},
    {"urandom", os_urandom, 0, nullptr},
    {"strerror", os_strerror, 0, nullptr},
    {"fspath", os_fspath, 0, nullptr},
    {"putenv", os_putenv, 0, nullptr},
    {"unsetenv", os_unsetenv, 0, nullptr},
    {"_environ_dict", os_environ_dict, 0, nullptr},
    {"fork", os_fork, 0, nullptr},
    {"_exit", os__exit, 0, nullptr},
    {"kill", os_kill, 0, nullptr},
    {"waitpid", os_waitpid, 0, nullptr},
    {"wait", os_wait, 0, nullptr},
    {"WIFEXITED", os_WIFEXITED, 0, nullptr},
    {"WEXITSTATUS", os_WEXITSTATUS, 0, nullptr},
    {"WIFSIGNALED", os_WIFSIGNALED, 0, nullptr},
    {"WTERMSIG", os_WTERMSIG, 0, nullptr},
    {"WIFSTOPPED", os_WIFSTOPPED, 0, nullptr},
    {"WSTOPSIG", os_WSTOPSIG, 0, nullptr},
    {"WCOREDUMP", os_WCOREDUMP, 0, nullptr},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, 0, nullptr},
    {"pipe", os_pipe, 0, nullptr},
    {"execve", os_execve, 0, nullptr},
    {"_fork_exec", os_fork_exec, 0, nullptr},
    {"read", os_read, 0, nullptr},
    {"write", os_write, 0, nullptr},
    {"close", os_close, 0, nullptr},
    {"closerange", os_closerange, 0, nullptr},
    {"dup", os_dup, 0, nullptr},
    {"dup2", os_dup2, 0, nullptr},
    {"open", os_open, 0, nullptr},
    {"lseek", os_lseek, 0, nullptr},
    {"ftruncate", os_ftruncate, 0, nullptr},
    {"fsync", os_fsync, 0, nullptr},
    {"isatty", os_isatty, 0, nullptr},
    {"getpgid", os_getpgid, 0, nullptr},
    {"getpgrp", os_getpgrp, 0, nullptr},
    {"setsid", os_setsid, 0, nullptr},
    {"setpgid", os_setpgid, 0, nullptr},
    {"get_terminal_size", os_get_terminal_size, 0, nullptr},
    {"system", os_system, 0, nullptr},
    {"uname", os_uname, 0, nullptr},
    {"times", os_times, 0, nullptr},
    {"getloadavg", os_getloadavg, 0, nullptr},
    {"sched_getaffinity", os_sched_getaffinity, 0, nullptr},
    {"set_inheritable", os_set_inheritable, 0, nullptr},
    {"get_inheritable", os_get_inheritable, 0, nullptr},
    {"execv", os_execv, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_os(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, kPosixMethods)) return false;
  struct IntConst {
    const char* name;
    int64_t value;
  } consts[] = {
      {"WNOHANG", WNOHANG},
      {"WUNTRACED", WUNTRACED},
      {"O_RDONLY", O_RDONLY},
      {"O_WRONLY", O_WRONLY},
      {"O_RDWR", O_RDWR},
      {"O_CREAT", O_CREAT},
      {"O_EXCL", O_EXCL},
      {"O_TRUNC", O_TRUNC},
      {"O_APPEND", O_APPEND},
      {"O_NONBLOCK", O_NONBLOCK},
      {"O_CLOEXEC", O_CLOEXEC},
      {"O_NOCTTY", O_NOCTTY},
      {"O_DIRECTORY", O_DIRECTORY},
      {"O_NOFOLLOW", O_NOFOLLOW},
      {"F_OK", F_OK},
      {"R_OK", R_OK},
      {"W_OK", W_OK},
      {"X_OK", X_OK},
      {"SEEK_SET", SEEK_SET},
      {"SEEK_CUR", SEEK_CUR},
      {"SEEK_END", SEEK_END},
      {"EX_OK", 0},
  };
  for (const IntConst& c : consts)
    if (!module_add(ts, m, c.name, int_from(ts, c.value))) return false;
  Ref<> helper = Ref<>::steal(import_module(ts, "_structseq"));
  if (!helper) return false;
  Ref<> r = Ref<>::steal(call_method(ts, helper.get(), "_init_posix", {m}));
  return bool(r);
}

}  // namespace gp
