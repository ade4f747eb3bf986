// _multiprocessing: the OS pieces the Python multiprocessing package stands on.
//  - SemLock: a POSIX named semaphore, usable across fork (the mapping is inherited) and spawn
//    (reopened by name). Every wait releases the GIL; the main thread's waits wake for Ctrl-C.
//  - SharedMemory: a MAP_SHARED mapping of a POSIX shm object, with typed get/set for Value and
//    Array (typecodes as the array module's).
//  - fd helpers that release the GIL: poll, write_all, read_exact, socketpair, Unix sockets, and
//    spawn_exec (fork + exec of a fresh interpreter, for the spawn start method).
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "gil/gil.h"
#include "interp/vm.h"
#include "runtime/runtime.h"
#include "stdlib/modules.h"

namespace gp {
namespace {

constexpr int kRecursiveMutex = 0;
constexpr int kSemaphore = 1;

TypeObject make_type(const char* name, ssize size) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.basicsize = size;
  t.flags = kBaseType | kImmutableType;
  t.base = &ObjectType;
  return t;
}

// True when a signal is waiting for the main thread: the wait gives up so that the eval breaker
// can raise KeyboardInterrupt.
bool signal_waiting(ThreadState* ts) {
  return ts == ts->interp->main_thread && ts->interp->signals_pending.load() != 0;
}

bool run_pending_signals(ThreadState* ts) {
  if (ts->eval_breaker.load()) return handle_eval_breaker(ts);
  return true;
}

timespec deadline_after(double seconds) {
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  double whole = std::floor(seconds);
  ts.tv_sec += static_cast<time_t>(whole);
  ts.tv_nsec += static_cast<long>((seconds - whole) * 1e9);
  if (ts.tv_nsec >= 1000000000L) {
    ts.tv_sec += 1;
    ts.tv_nsec -= 1000000000L;
  }
  return ts;
}

bool optional_timeout(ThreadState* ts, Object* o, double* out) {
  if (!o || is_none(o)) {
    *out = -1;
    return true;
  }
  if (!as_double(ts, o, out)) return false;
  if (*out < 0) *out = 0;
  return true;
}

// ---- SemLock ---------------------------------------------------------------------------------

struct SemLockObject : Object {
  sem_t* sem;
  int kind;
  int maxvalue;
  int count;  // acquisitions by the owning thread (recursive mutex) or by this process
  uint64_t last_tid;
  pid_t last_pid;
  Object* name;  // str
};

extern TypeObject SemLockType;

uint64_t self_tid(ThreadState* ts) { return ts->thread_id; }

bool is_mine(ThreadState* ts, SemLockObject* s) {
  return s->count > 0 && s->last_tid == self_tid(ts) && s->last_pid == getpid();
}

Object* semlock_make(ThreadState* ts, TypeObject* type, sem_t* sem, int kind, int maxvalue,
                     Object* name) {
  auto* s = alloc<SemLockObject>(ts, type);
  if (!s) return nullptr;
  s->sem = sem;
  s->kind = kind;
  s->maxvalue = maxvalue;
  s->name = newref(name);
  return s;
}

Object* semlock_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  Object* a[5] = {};
  if (!parse_args(ts, "SemLock", args, nargs, kwnames,
                  {"kind", "value", "maxvalue", "name", "unlink"}, 4, a))
    return nullptr;
  ssize kind, value, maxvalue;
  if (!index_as_ssize(ts, a[0], &kind) || !index_as_ssize(ts, a[1], &value) ||
      !index_as_ssize(ts, a[2], &maxvalue))
    return nullptr;
  if (!is_str(a[3])) return raise(ts, &exc::TypeError, "SemLock name must be str");
  if (kind != kRecursiveMutex && kind != kSemaphore)
    return raise(ts, &exc::ValueError, "unrecognized kind");
  sem_t* sem = sem_open(str_cstr(a[3]), O_CREAT | O_EXCL, 0600, static_cast<unsigned>(value));
  if (sem == SEM_FAILED) return raise_errno(ts, errno);
  if (a[4] && truthy(ts, a[4]) == 1) sem_unlink(str_cstr(a[3]));
  return semlock_make(ts, type, sem, static_cast<int>(kind), static_cast<int>(maxvalue), a[3]);
}

void semlock_dealloc(Object* o) {
  auto* s = static_cast<SemLockObject*>(o);
  if (s->sem && s->sem != SEM_FAILED) sem_close(s->sem);
  xdecref(s->name);
  free_object(o);
}

// Waits for the semaphore: first without releasing the GIL, then with it released, in slices on
// the main thread so that Ctrl-C is seen. Returns 1 acquired, 0 timed out, -1 error.
int sem_wait_gil(ThreadState* ts, sem_t* sem, double timeout) {
  if (sem_trywait(sem) == 0) return 1;
  if (errno != EAGAIN) {
    raise_errno(ts, errno);
    return -1;
  }
  if (timeout == 0) return 0;
  timespec deadline{};
  if (timeout > 0) deadline = deadline_after(timeout);
  for (;;) {
    int rc, err;
    {
      gil::Released unlocked(ts);
      timespec slice = deadline_after(0.05);
      if (timeout > 0 && (deadline.tv_sec < slice.tv_sec ||
                          (deadline.tv_sec == slice.tv_sec && deadline.tv_nsec < slice.tv_nsec)))
        slice = deadline;
      rc = sem_timedwait(sem, &slice);
      err = errno;
    }
    if (rc == 0) return 1;
    if (err != ETIMEDOUT && err != EINTR) {
      raise_errno(ts, err);
      return -1;
    }
    if (signal_waiting(ts) || err == EINTR) {
      if (!run_pending_signals(ts)) return -1;
    }
    if (timeout > 0) {
      timespec now;
      clock_gettime(CLOCK_REALTIME, &now);
      if (now.tv_sec > deadline.tv_sec ||
          (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec))
        return 0;
    }
  }
}

Object* semlock_acquire(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                        TupleObject* kwnames) {
  auto* s = static_cast<SemLockObject*>(self);
  Object* a[2] = {};
  if (!parse_args(ts, "acquire", args, nargs, kwnames, {"block", "timeout"}, 0, a)) return nullptr;
  bool block = true;
  if (a[0]) {
    int t = truthy(ts, a[0]);
    if (t < 0) return nullptr;
    block = t;
  }
  if (s->kind == kRecursiveMutex && is_mine(ts, s)) {
    ++s->count;
    return bool_from(true);
  }
  double timeout = -1;
  if (!optional_timeout(ts, a[1], &timeout)) return nullptr;
  if (!block) timeout = 0;
  int r = sem_wait_gil(ts, s->sem, timeout);
  if (r < 0) return nullptr;
  if (r == 0) return bool_from(false);
  ++s->count;
  s->last_tid = self_tid(ts);
  s->last_pid = getpid();
  return bool_from(true);
}

Object* semlock_release(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* s = static_cast<SemLockObject*>(self);
  if (s->kind == kRecursiveMutex) {
    if (!is_mine(ts, s))
      return raise(ts, &exc::AssertionError,
                   "attempt to release recursive lock not owned by thread");
    if (s->count > 1) {
      --s->count;
      return new_none();
    }
  } else if (s->maxvalue == 1 || s->maxvalue < 0x7fffffff) {
    int value = 0;
    if (sem_getvalue(s->sem, &value) == 0 && value >= s->maxvalue)
      return raise(ts, &exc::ValueError, "semaphore or lock released too many times");
  }
  if (sem_post(s->sem) != 0) return raise_errno(ts, errno);
  if (s->count > 0) --s->count;
  return new_none();
}

Object* semlock_enter(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return semlock_acquire(ts, self, nullptr, 0, nullptr);
}

Object* semlock_exit(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return semlock_release(ts, self, nullptr, 0, nullptr);
}

Object* semlock_count(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return int_from(ts, static_cast<SemLockObject*>(self)->count);
}

Object* semlock_is_mine(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return bool_from(is_mine(ts, static_cast<SemLockObject*>(self)));
}

Object* semlock_get_value(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  int value = 0;
  if (sem_getvalue(static_cast<SemLockObject*>(self)->sem, &value) != 0)
    return raise_errno(ts, errno);
  return int_from(ts, value < 0 ? 0 : value);
}

Object* semlock_is_zero(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  int value = 0;
  if (sem_getvalue(static_cast<SemLockObject*>(self)->sem, &value) != 0)
    return raise_errno(ts, errno);
  return bool_from(value <= 0);
}

// In a forked child the lock's owner bookkeeping belongs to the parent.
Object* semlock_after_fork(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  static_cast<SemLockObject*>(self)->count = 0;
  return new_none();
}

// SemLock._rebuild(name, kind, maxvalue): reopen by name in a spawned process.
Object* semlock_rebuild(ThreadState* ts, Object* cls, Object* const* args, size_t nargs,
                        TupleObject* kwnames) {
  if (!no_kwargs(ts, "_rebuild", kwnames) || !check_nargs(ts, "_rebuild", nargs, 3, 3))
    return nullptr;
  if (!is_str(args[0])) return raise(ts, &exc::TypeError, "SemLock name must be str");
  ssize kind, maxvalue;
  if (!index_as_ssize(ts, args[1], &kind) || !index_as_ssize(ts, args[2], &maxvalue))
    return nullptr;
  sem_t* sem = sem_open(str_cstr(args[0]), 0);
  if (sem == SEM_FAILED) return raise_errno(ts, errno);
  return semlock_make(ts, static_cast<TypeObject*>(cls), sem, static_cast<int>(kind),
                      static_cast<int>(maxvalue), args[0]);
}

Object* semlock_get_name(ThreadState* ts, Object* self) {
  return newref(static_cast<SemLockObject*>(self)->name);
}
Object* semlock_get_kind(ThreadState* ts, Object* self) {
  return int_from(ts, static_cast<SemLockObject*>(self)->kind);
}
Object* semlock_get_maxvalue(ThreadState* ts, Object* self) {
  return int_from(ts, static_cast<SemLockObject*>(self)->maxvalue);
}

const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, 0, nullptr},
    {"release", semlock_release, 0, nullptr},
    {"__enter__", semlock_enter, 0, nullptr},
    {"__exit__", semlock_exit, 0, nullptr},
    {"_count", semlock_count, 0, nullptr},
    {"_is_mine", semlock_is_mine, 0, nullptr},
    {"_get_value", semlock_get_value, 0, nullptr},
    {"_is_zero", semlock_is_zero, 0, nullptr},
    {"_after_fork", semlock_after_fork, 0, nullptr},
    {"_rebuild", semlock_rebuild, kMethClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef semlock_getsets[] = {
    {"name", semlock_get_name, nullptr},
    {"kind", semlock_get_kind, nullptr},
    {"maxvalue", semlock_get_maxvalue, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject SemLockType = [] {
  TypeObject t = make_type("_multiprocessing.SemLock", sizeof(SemLockObject));
  t.dealloc = semlock_dealloc;
  t.new_ = semlock_new;
  t.methods = semlock_methods;
  t.getsets = semlock_getsets;
  return t;
}();

// ---- SharedMemory ----------------------------------------------------------------------------

struct SharedMemoryObject : Object {
  char* data;
  ssize size;
  Object* name;  // str
};

extern TypeObject SharedMemoryType;

Object* shm_map(ThreadState* ts, TypeObject* type, Object* name, ssize size, bool create) {
  int fd = shm_open(str_cstr(name), create ? (O_CREAT | O_EXCL | O_RDWR) : O_RDWR, 0600);
  if (fd < 0) return raise_errno(ts, errno, name);
  if (create && ftruncate(fd, size > 0 ? size : 1) != 0) {
    int err = errno;
    close(fd);
    return raise_errno(ts, err);
  }
  void* p = mmap(nullptr, size > 0 ? size : 1, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  int err = errno;
  close(fd);
  if (p == MAP_FAILED) return raise_errno(ts, err);
  auto* m = alloc<SharedMemoryObject>(ts, type);
  if (!m) {
    munmap(p, size > 0 ? size : 1);
    return nullptr;
  }
  m->data = static_cast<char*>(p);
  m->size = size;
  m->name = newref(name);
  return m;
}

// SharedMemory(name, size, create=True)
Object* shm_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  Object* a[3] = {};
  if (!parse_args(ts, "SharedMemory", args, nargs, kwnames, {"name", "size", "create"}, 2, a))
    return nullptr;
  if (!is_str(a[0])) return raise(ts, &exc::TypeError, "SharedMemory name must be str");
  ssize size;
  if (!index_as_ssize(ts, a[1], &size)) return nullptr;
  if (size < 0) return raise(ts, &exc::ValueError, "'size' must be a positive integer");
  bool create = true;
  if (a[2]) {
    int t = truthy(ts, a[2]);
    if (t < 0) return nullptr;
    create = t;
  }
  return shm_map(ts, type, a[0], size, create);
}

void shm_dealloc(Object* o) {
  auto* m = static_cast<SharedMemoryObject*>(o);
  if (m->data) munmap(m->data, m->size > 0 ? m->size : 1);
  xdecref(m->name);
  free_object(o);
}

ssize item_size(char code) {
  switch (code) {
    case 'b':
    case 'B':
    case 'c':
    case '?':
      return 1;
    case 'h':
    case 'H':
      return 2;
    case 'i':
    case 'I':
    case 'f':
      return 4;
    case 'l':
    case 'L':
    case 'q':
    case 'Q':
    case 'd':
      return 8;
    default:
      return 0;
  }
}

bool typecode_arg(ThreadState* ts, Object* o, char* code) {
  if (!is_str(o) || str_view(o).size() != 1 || item_size(str_view(o)[0]) == 0) {
    raise(ts, &exc::ValueError,
          "bad typecode (must be b, B, c, ?, h, H, i, I, l, L, q, Q, f or d)");
    return false;
  }
  *code = str_view(o)[0];
  return true;
}

bool offset_arg(ThreadState* ts, SharedMemoryObject* m, Object* o, char code, char** at) {
  ssize index;
  if (!index_as_ssize(ts, o, &index)) return false;
  ssize sz = item_size(code);
  if (index < 0 || (index + 1) * sz > m->size) {
    raise(ts, &exc::IndexError, "shared memory index out of range");
    return false;
  }
  *at = m->data + index * sz;
  return true;
}

template <class T>
T load_relaxed(const char* at) {
  T v;
  std::memcpy(&v, at, sizeof v);
  return v;
}

// get(typecode, index)
Object* shm_get(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  if (!no_kwargs(ts, "get", kwnames) || !check_nargs(ts, "get", nargs, 2, 2)) return nullptr;
  auto* m = static_cast<SharedMemoryObject*>(self);
  char code;
  char* at;
  if (!typecode_arg(ts, args[0], &code) || !offset_arg(ts, m, args[1], code, &at)) return nullptr;
  switch (code) {
    case 'b':
      return int_from(ts, load_relaxed<int8_t>(at));
    case 'B':
      return int_from(ts, load_relaxed<uint8_t>(at));
    case 'c':
      return bytes_from(ts, std::string_view(at, 1));
    case '?':
      return bool_from(load_relaxed<uint8_t>(at) != 0);
    case 'h':
      return int_from(ts, load_relaxed<int16_t>(at));
    case 'H':
      return int_from(ts, load_relaxed<uint16_t>(at));
    case 'i':
      return int_from(ts, load_relaxed<int32_t>(at));
    case 'I':
      return int_from(ts, load_relaxed<uint32_t>(at));
    case 'l':
    case 'q':
      return int_from(ts, load_relaxed<int64_t>(at));
    case 'L':
    case 'Q':
      return int_from_u64(ts, load_relaxed<uint64_t>(at));
    case 'f':
      return float_from(ts, load_relaxed<float>(at));
    case 'd':
      return float_from(ts, load_relaxed<double>(at));
  }
  return new_none();
}

template <class T>
void store(char* at, T v) {
  std::memcpy(at, &v, sizeof v);
}

// set(typecode, index, value)
Object* shm_set(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  if (!no_kwargs(ts, "set", kwnames) || !check_nargs(ts, "set", nargs, 3, 3)) return nullptr;
  auto* m = static_cast<SharedMemoryObject*>(self);
  char code;
  char* at;
  if (!typecode_arg(ts, args[0], &code) || !offset_arg(ts, m, args[1], code, &at)) return nullptr;
  Object* v = args[2];
  if (code == 'c') {
    if (!is_bytes(v) || bytes_view(v).size() != 1)
      return raise(ts, &exc::TypeError, "one character bytes, bytearray or integer expected");
    *at = bytes_view(v)[0];
    return new_none();
  }
  if (code == 'f' || code == 'd') {
    double d;
    if (!as_double(ts, v, &d)) return nullptr;
    if (code == 'f')
      store<float>(at, static_cast<float>(d));
    else
      store<double>(at, d);
    return new_none();
  }
  if (code == '?') {
    int t = truthy(ts, v);
    if (t < 0) return nullptr;
    store<uint8_t>(at, static_cast<uint8_t>(t));
    return new_none();
  }
  if (is_float(v)) return raise(ts, &exc::TypeError, "int expected instead of float");
  Ref<> index = Ref<>::steal(number_index(ts, v));
  if (!index) return nullptr;
  int64_t x;
  if (!int_to_i64(index.get(), &x)) {
    if (code != 'L' && code != 'Q') return raise(ts, &exc::OverflowError, "int too large");
    x = static_cast<int64_t>(std::stoull(int_to_decimal(index.get())));
  }
  switch (code) {
    case 'b':
    case 'B':
      store<uint8_t>(at, static_cast<uint8_t>(x));
      break;
    case 'h':
    case 'H':
      store<uint16_t>(at, static_cast<uint16_t>(x));
      break;
    case 'i':
    case 'I':
      store<uint32_t>(at, static_cast<uint32_t>(x));
      break;
    default:
      store<int64_t>(at, x);
      break;
  }
  return new_none();
}

Object* shm_unlink_method(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  ::shm_unlink(str_cstr(static_cast<SharedMemoryObject*>(self)->name));
  return new_none();
}

Object* shm_get_name(ThreadState* ts, Object* self) {
  return newref(static_cast<SharedMemoryObject*>(self)->name);
}
Object* shm_get_size(ThreadState* ts, Object* self) {
  return int_from(ts, static_cast<SharedMemoryObject*>(self)->size);
}

const MethodDef shm_methods[] = {
    {"get", shm_get, 0, nullptr},
    {"set", shm_set, 0, nullptr},
    {"unlink", shm_unlink_method, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef shm_getsets[] = {
    {"name", shm_get_name, nullptr},
    {"size", shm_get_size, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject SharedMemoryType = [] {
  TypeObject t = make_type("_multiprocessing.SharedMemory", sizeof(SharedMemoryObject));
  t.dealloc = shm_dealloc;
  t.new_ = shm_new;
  t.methods = shm_methods;
  t.getsets = shm_getsets;
  return t;
}();

// ---- fd helpers ------------------------------------------------------------------------------

bool fd_arg(ThreadState* ts, Object* o, int* fd) {
  ssize v;
  if (!index_as_ssize(ts, o, &v)) return false;
  *fd = static_cast<int>(v);
  return true;
}

// poll(fd, timeout=None) -> True when fd is readable (or at EOF) within timeout seconds.
Object* mp_poll(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "poll", kw) || !check_nargs(ts, "poll", nargs, 1, 2)) return nullptr;
  int fd;
  if (!fd_arg(ts, args[0], &fd)) return nullptr;
  double timeout = -1;
  if (nargs > 1 && !optional_timeout(ts, args[1], &timeout)) return nullptr;
  timespec deadline{};
  if (timeout > 0) deadline = deadline_after(timeout);
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    int slice_ms = timeout < 0 ? 50 : static_cast<int>(std::min(timeout * 1000.0, 50.0));
    if (timeout == 0) slice_ms = 0;
    int rc, err;
    {
      gil::Released unlocked(ts);
      rc = ::poll(&p, 1, slice_ms);
      err = errno;
    }
    if (rc > 0) return bool_from(true);
    if (rc < 0 && err != EINTR) return raise_errno(ts, err);
    if (signal_waiting(ts) || (rc < 0 && err == EINTR)) {
      if (!run_pending_signals(ts)) return nullptr;
    }
    if (timeout == 0) return bool_from(false);
    if (timeout > 0) {
      timespec now;
      clock_gettime(CLOCK_REALTIME, &now);
      if (now.tv_sec > deadline.tv_sec ||
          (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec))
        return bool_from(false);
      double left = (deadline.tv_sec - now.tv_sec) + (deadline.tv_nsec - now.tv_nsec) / 1e9;
      timeout = left > 0 ? left : 0.000001;
      deadline = deadline_after(timeout);
    }
  }
}

// poll_many(fds, timeout=None) -> list of the fds that are readable (or at EOF/hang-up) within
// timeout seconds; [] on timeout. The GIL is released while waiting; the main thread wakes for
// Ctrl-C.
Object* mp_poll_many(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "poll_many", kw) || !check_nargs(ts, "poll_many", nargs, 1, 2)) return nullptr;
  std::vector<pollfd> fds;
  Ref<> it = Ref<>::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  while (Object* item = iter_next(ts, it.get())) {
    Ref<> held = Ref<>::steal(item);
    int fd;
    if (!fd_arg(ts, item, &fd)) return nullptr;
    fds.push_back(pollfd{fd, POLLIN, 0});
  }
  if (exc_occurred(ts)) return nullptr;
  double timeout = -1;
  if (nargs > 1 && !optional_timeout(ts, args[1], &timeout)) return nullptr;
  timespec deadline{};
  if (timeout > 0) deadline = deadline_after(timeout);
  for (;;) {
    int slice_ms = timeout < 0 ? 50 : static_cast<int>(std::min(timeout * 1000.0, 50.0));
    if (timeout == 0) slice_ms = 0;
    int rc, err;
    {
      gil::Released unlocked(ts);
      rc = ::poll(fds.data(), fds.size(), slice_ms);
      err = errno;
    }
    if (rc > 0) {
      Ref<ListObject> ready = Ref<ListObject>::steal(list_new(ts));
      if (!ready) return nullptr;
      for (const pollfd& p : fds) {
        if (!p.revents) continue;
        Ref<> fd = Ref<>::steal(int_from(ts, p.fd));
        if (!fd || !list_append(ts, ready.get(), fd.get())) return nullptr;
      }
      return ready.release();
    }
    if (rc < 0 && err != EINTR) return raise_errno(ts, err);
    if (signal_waiting(ts) || (rc < 0 && err == EINTR)) {
      if (!run_pending_signals(ts)) return nullptr;
    }
    if (timeout == 0) return list_new(ts);
    if (timeout > 0) {
      timespec now;
      clock_gettime(CLOCK_REALTIME, &now);
      double left = (deadline.tv_sec - now.tv_sec) + (deadline.tv_nsec - now.tv_nsec) / 1e9;
      if (left <= 0) return list_new(ts);
      timeout = left;
    }
  }
}

// write_all(fd, data): writes every byte (GIL released), retrying on EINTR.
Object* mp_write_all(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "write_all", kw) || !check_nargs(ts, "write_all", nargs, 2, 2)) return nullptr;
  int fd;
  std::string_view data;
  if (!fd_arg(ts, args[0], &fd) || !buffer_view(ts, args[1], &data)) return nullptr;
  Ref<> keep = Ref<>::borrow(args[1]);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n;
    int err;
    {
      gil::Released unlocked(ts);
      n = ::write(fd, data.data() + done, data.size() - done);
      err = errno;
    }
    if (n < 0) {
      if (err == EINTR) {
        if (!run_pending_signals(ts)) return nullptr;
        continue;
      }
      return raise_errno(ts, err);
    }
    done += static_cast<size_t>(n);
  }
  return new_none();
}

// read_exact(fd, n) -> bytes of length n; b'' when EOF comes first; EOFError on a short read.
Object* mp_read_exact(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "read_exact", kw) || !check_nargs(ts, "read_exact", nargs, 2, 2))
    return nullptr;
  int fd;
  ssize want;
  if (!fd_arg(ts, args[0], &fd) || !index_as_ssize(ts, args[1], &want)) return nullptr;
  std::string buf(static_cast<size_t>(want), '\0');
  size_t got = 0;
  while (got < buf.size()) {
    ssize_t n;
    int err;
    {
      gil::Released unlocked(ts);
      n = ::read(fd, buf.data() + got, buf.size() - got);
      err = errno;
    }
    if (n < 0) {
      if (err == EINTR) {
        if (!run_pending_signals(ts)) return nullptr;
        continue;
      }
      return raise_errno(ts, err);
    }
    if (n == 0) {
      if (got == 0) return bytes_from(ts, "");
      return raise(ts, &exc::EOFError, "connection closed in the middle of a message");
    }
    got += static_cast<size_t>(n);
  }
  return bytes_from(ts, buf);
}

Object* fd_pair(ThreadState* ts, int fds[2]) {
  Ref<> a = Ref<>::steal(int_from(ts, fds[0]));
  Ref<> b = Ref<>::steal(int_from(ts, fds[1]));
  if (!a || !b) return nullptr;
  return tuple_pack(ts, {a.get(), b.get()});
}

// socketpair() -> (fd, fd): a duplex AF_UNIX stream pair for Pipe(duplex=True).
Object* mp_socketpair(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "socketpair", kw) || !check_nargs(ts, "socketpair", nargs, 0, 0))
    return nullptr;
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return raise_errno(ts, errno);
  return fd_pair(ts, fds);
}

// pipe() -> (r, w) with close-on-exec set.
Object* mp_pipe(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "pipe", kw) || !check_nargs(ts, "pipe", nargs, 0, 0)) return nullptr;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return raise_errno(ts, errno);
  return fd_pair(ts, fds);
}

bool unix_address(ThreadState* ts, Object* path, sockaddr_un* addr) {
  if (!is_str(path)) {
    raise(ts, &exc::TypeError, "address must be str");
    return false;
  }
  std::string_view p = str_view(path);
  if (p.size() >= sizeof addr->sun_path) {
    raise(ts, &exc::OSError, "AF_UNIX path too long");
    return false;
  }
  std::memset(addr, 0, sizeof *addr);
  addr->sun_family = AF_UNIX;
  std::memcpy(addr->sun_path, p.data(), p.size());
  return true;
}

// listen(path, backlog) -> fd of a listening AF_UNIX socket.
Object* mp_listen(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "listen", kw) || !check_nargs(ts, "listen", nargs, 1, 2)) return nullptr;
  sockaddr_un addr;
  if (!unix_address(ts, args[0], &addr)) return nullptr;
  ssize backlog = 128;
  if (nargs > 1 && !index_as_ssize(ts, args[1], &backlog)) return nullptr;
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return raise_errno(ts, errno);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(fd, static_cast<int>(backlog)) != 0) {
    int err = errno;
    close(fd);
    return raise_errno(ts, err);
  }
  return int_from(ts, fd);
}

// accept(fd) -> fd (GIL released while waiting).
Object* mp_accept(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "accept", kw) || !check_nargs(ts, "accept", nargs, 1, 1)) return nullptr;
  int fd;
  if (!fd_arg(ts, args[0], &fd)) return nullptr;
  for (;;) {
    int c, err;
    {
      gil::Released unlocked(ts);
      c = accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
      err = errno;
    }
    if (c >= 0) return int_from(ts, c);
    if (err != EINTR) return raise_errno(ts, err);
    if (!run_pending_signals(ts)) return nullptr;
  }
}

// connect(path) -> fd
Object* mp_connect(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "connect", kw) || !check_nargs(ts, "connect", nargs, 1, 1)) return nullptr;
  sockaddr_un addr;
  if (!unix_address(ts, args[0], &addr)) return nullptr;
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return raise_errno(ts, errno);
  int rc, err;
  {
    gil::Released unlocked(ts);
    rc = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    err = errno;
  }
  if (rc != 0) {
    close(fd);
    return raise_errno(ts, err);
  }
  return int_from(ts, fd);
}

// spawn_exec(argv, keep_fds) -> pid: fork and exec argv[0] with argv, keeping keep_fds open in
// the child (every other fd the child inherits is close-on-exec or closed by exec's rules).
Object* mp_spawn_exec(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "spawn_exec", kw) || !check_nargs(ts, "spawn_exec", nargs, 2, 2))
    return nullptr;
  std::vector<std::string> argv_text;
  Ref<> it = Ref<>::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  while (Object* item = iter_next(ts, it.get())) {
    Ref<> held = Ref<>::steal(item);
    if (!is_str(item)) return raise(ts, &exc::TypeError, "argv items must be str");
    argv_text.emplace_back(str_view(item));
  }
  if (exc_occurred(ts)) return nullptr;
  if (argv_text.empty()) return raise(ts, &exc::ValueError, "argv must not be empty");
  std::vector<int> keep;
  it = Ref<>::steal(get_iter(ts, args[1]));
  if (!it) return nullptr;
  while (Object* item = iter_next(ts, it.get())) {
    Ref<> held = Ref<>::steal(item);
    int fd;
    if (!fd_arg(ts, item, &fd)) return nullptr;
    keep.push_back(fd);
  }
  if (exc_occurred(ts)) return nullptr;
  std::vector<char*> argv;
  for (auto& s : argv_text) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) return raise_errno(ts, errno);
  if (pid == 0) {
    // The child touches no Python object: only async-signal-safe calls until exec.
    for (int fd : keep) {
      int flags = fcntl(fd, F_GETFD);
      if (flags >= 0) fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
    }
    signal(SIGINT, SIG_DFL);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return int_from(ts, pid);
}

// sem_unlink(name)
Object* mp_sem_unlink(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "sem_unlink", kw) || !check_nargs(ts, "sem_unlink", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0])) return raise(ts, &exc::TypeError, "name must be str");
  if (sem_unlink(str_cstr(args[0])) != 0) return raise_errno(ts, errno);
  return new_none();
}

const MethodDef module_functions[] = {
    {"poll", mp_poll, 0, nullptr},
    {"poll_many", mp_poll_many, 0, nullptr},
    {"write_all", mp_write_all, 0, nullptr},
    {"read_exact", mp_read_exact, 0, nullptr},
    {"socketpair", mp_socketpair, 0, nullptr},
    {"pipe", mp_pipe, 0, nullptr},
    {"listen", mp_listen, 0, nullptr},
    {"accept", mp_accept, 0, nullptr},
    {"connect", mp_connect, 0, nullptr},
    {"spawn_exec", mp_spawn_exec, 0, nullptr},
    {"sem_unlink", mp_sem_unlink, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_multiprocessing(ThreadState* ts, ModuleObject* m) {
  if (!type_ready(ts, &SemLockType) || !type_ready(ts, &SharedMemoryType)) return false;
  if (!module_add_functions(ts, m, module_functions)) return false;
  if (!module_add(ts, m, "SemLock", newref<Object>(&SemLockType))) return false;
  if (!module_add(ts, m, "SharedMemory", newref<Object>(&SharedMemoryType))) return false;
  if (!module_add(ts, m, "RECURSIVE_MUTEX", int_from(ts, kRecursiveMutex))) return false;
  if (!module_add(ts, m, "SEMAPHORE", int_from(ts, kSemaphore))) return false;
  if (!module_add(ts, m, "SEM_VALUE_MAX", int_from(ts, SEM_VALUE_MAX))) return false;
  return true;
}

}  // namespace gp
