// _thread: OS threads running Python callables, the lock types and thread-local data.
// threading.py (stdlib/py) builds the public API on top of it, as CPython's does.
//
// A started thread gets its own ThreadState (gil::new_thread_state) in the new OS thread, takes
// the GIL, calls the function and frees its state, releasing the GIL last. Locks wait through
// gil::Lock (GIL released, interruptible on the main thread).
#include <pthread.h>
#include <signal.h>

#include <cmath>
#include <cstring>
#include <new>

#include "gil/gil.h"
#include "gil/signals.h"
#include "interp/vm.h"
#include "runtime/runtime.h"
#include "stdlib/modules.h"
#include "stdlib/native_util.h"

namespace gp {
namespace {

constexpr double kTimeoutMax = 9223372036.0;  // PY_TIMEOUT_MAX in seconds, as CPython on Linux

// ---- lock ---------------------------------------------------------------------------------------

struct LockObject : Object {
  gil::Lock lock;
};

struct RLockObject : Object {
  gil::Lock lock;
  uint64_t owner;  // thread id of the owner, 0 when unlocked
  uint64_t count;
};

extern TypeObject LockType;
extern TypeObject RLockType;

Object* lock_make(ThreadState* ts, TypeObject* type) {
  auto* o = alloc<LockObject>(ts, type);
  if (!o) return nullptr;
  new (&o->lock) gil::Lock();
  return o;
}

void lock_dealloc(Object* self) {
  static_cast<LockObject*>(self)->lock.~Lock();
  free_object(self);
}

// Parses acquire(blocking=True, timeout=-1) as CPython's lock_acquire_parse_args.
bool parse_acquire(ThreadState* ts, Object* const* args, size_t nargs, TupleObject* kwnames,
                   bool* blocking, double* timeout) {
  Object* a[2] = {};
  if (!parse_args(ts, "acquire", args, nargs, kwnames, {"blocking", "timeout"}, 0, a)) return false;
  *blocking = true;
  *timeout = -1;
  if (a[0]) {
    int b = truthy(ts, a[0]);
    if (b < 0) return false;
    *blocking = b;
  }
  if (a[1]) {
    if (!as_double(ts, a[1], timeout)) return false;
  }
  if (!*blocking && *timeout != -1) {
    raise(ts, &exc::ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (*timeout < 0 && *timeout != -1) {
    raise(ts, &exc::ValueError, "timeout value must be positive");
    return false;
  }
  if (*timeout > kTimeoutMax) {
    raise(ts, &exc::OverflowError, "timeout value is too large");
    return false;
  }
  return true;
}

Object* lock_acquire(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kwnames) {
  bool blocking;
  double timeout;
  if (!parse_acquire(ts, args, nargs, kwnames, &blocking, &timeout)) return nullptr;
  int r = static_cast<LockObject*>(self)->lock.acquire(ts, blocking, timeout);
  if (r < 0) return nullptr;
  return bool_from(r == 1);
}

Object* lock_enter(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  int r = static_cast<LockObject*>(self)->lock.acquire(ts, true, -1);
  if (r < 0) return nullptr;
  return bool_from(true);
}

Object* lock_release(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  auto* l = static_cast<LockObject*>(self);
  if (!l->lock.release()) {
    return raise(ts, &exc::RuntimeError, "release unlocked lock");
  }
  return new_none();
}

Object* lock_exit(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kwnames) {
  return lock_release(ts, self, nullptr, 0, nullptr);
}

Object* lock_locked(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return bool_from(static_cast<LockObject*>(self)->lock.locked());
}

Object* lock_at_fork_reinit(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* l = static_cast<LockObject*>(self);
  l->lock.~Lock();
  new (&l->lock) gil::Lock();
  return new_none();
}

Object* lock_repr(ThreadState* ts, Object* self) {
  auto* l = static_cast<LockObject*>(self);
  return str_format(ts, "<%s %s object at %p>", l->lock.locked() ? "locked" : "unlocked",
                    self->type->name, static_cast<void*>(self));
}

Object* lock_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                 TupleObject* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames)))
    return raise(ts, &exc::TypeError, "lock() takes no arguments");
  return lock_make(ts, type);
}

const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, 0, "acquire(blocking=True, timeout=-1) -> bool"},
    {"acquire_lock", lock_acquire, 0, nullptr},
    {"release", lock_release, 0, "release()"},
    {"release_lock", lock_release, 0, nullptr},
    {"locked", lock_locked, 0, "locked() -> bool"},
    {"locked_lock", lock_locked, 0, nullptr},
    {"__enter__", lock_enter, 0, nullptr},
    {"__exit__", lock_exit, 0, nullptr},
    {"_at_fork_reinit", lock_at_fork_reinit, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject LockType = [] {
  TypeObject t = stdlib_static_type("_thread.lock", sizeof(LockObject), 0);
  t.dealloc = lock_dealloc;
  t.repr = lock_repr;
  t.new_ = lock_new;
  t.methods = lock_methods;
  t.doc = "A lock object is a synchronization primitive.";
  return t;
}();

// ---- RLock
// ----------------------------------------------------------------------------------------

Object* rlock_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                  TupleObject* kwnames) {
  auto* o = alloc<RLockObject>(ts, type);
  if (!o) return nullptr;
  new (&o->lock) gil::Lock();
  return o;
}

void rlock_dealloc(Object* self) {
  static_cast<RLockObject*>(self)->lock.~Lock();
  free_object(self);
}

Object* rlock_acquire(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kwnames) {
  bool blocking;
  double timeout;
  if (!parse_acquire(ts, args, nargs, kwnames, &blocking, &timeout)) return nullptr;
  auto* r = static_cast<RLockObject*>(self);
  uint64_t me = ts->thread_id;
  if (r->count > 0 && r->owner == me) {
    ++r->count;
    return bool_from(true);
  }
  int got = r->lock.acquire(ts, blocking, timeout);
  if (got < 0) return nullptr;
  if (got == 1) {
    r->owner = me;
    r->count = 1;
  }
  return bool_from(got == 1);
}

Object* rlock_enter(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return rlock_acquire(ts, self, nullptr, 0, nullptr);
}

Object* rlock_release(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<RLockObject*>(self);
  if (r->count == 0 || r->owner != ts->thread_id)
    return raise(ts, &exc::RuntimeError, "cannot release un-acquired lock");
  if (--r->count == 0) {
    r->owner = 0;
    r->lock.release();
  }
  return new_none();
}

Object* rlock_exit(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  return rlock_release(ts, self, nullptr, 0, nullptr);
}

Object* rlock_is_owned(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<RLockObject*>(self);
  return bool_from(r->count > 0 && r->owner == ts->thread_id);
}

Object* rlock_recursion_count(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<RLockObject*>(self);
  return int_from_u64(ts, r->owner == ts->thread_id ? r->count : 0);
}

// _release_save() -> (count, owner): fully releases, for Condition.wait.
Object* rlock_release_save(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<RLockObject*>(self);
  if (r->count == 0) return raise(ts, &exc::RuntimeError, "cannot release un-acquired lock");
  Ref<> count = Ref<>::steal(int_from_u64(ts, r->count));
  Ref<> owner = Ref<>::steal(int_from_u64(ts, r->owner));
  if (!count || !owner) return nullptr;
  r->count = 0;
  r->owner = 0;
  r->lock.release();
  return tuple_pack(ts, {count.get(), owner.get()});
}

Object* rlock_acquire_restore(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                              TupleObject*) {
  auto* r = static_cast<RLockObject*>(self);
  if (nargs != 1 || !is_tuple(args[0]) || tuple_size(args[0]) != 2)
    return raise(ts, &exc::TypeError, "_acquire_restore() argument must be a 2-tuple");
  int64_t count, owner;
  if (!int_to_i64(tuple_item(args[0], 0), &count) || !int_to_i64(tuple_item(args[0], 1), &owner))
    return raise(ts, &exc::OverflowError, "Python int too large to convert to C long");
  int got = r->lock.acquire(ts, true, -1);
  if (got < 0) return nullptr;
  r->owner = static_cast<uint64_t>(owner);
  r->count = static_cast<uint64_t>(count);
  return new_none();
}

Object* rlock_at_fork_reinit(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* r = static_cast<RLockObject*>(self);
  r->lock.~Lock();
  new (&r->lock) gil::Lock();
  r->owner = 0;
  r->count = 0;
  return new_none();
}

Object* rlock_repr(ThreadState* ts, Object* self) {
  auto* r = static_cast<RLockObject*>(self);
  std::string tname = self->type->name;
  if (self->type->flags & kHeapType) {
    Ref<> n = Ref<>::steal(type_qualname(ts, self->type));
    if (!n) return nullptr;
    Ref<> mod = Ref<>::steal(type_module(ts, self->type));
    if (!mod) return nullptr;
    tname = std::string(str_view(mod.get())) + "." + std::string(str_view(n.get()));
  }
  return str_format(ts, "<%s %s object owner=%llu count=%llu at %p>",
                    r->count ? "locked" : "unlocked", tname.c_str(),
                    static_cast<unsigned long long>(r->owner),
                    static_cast<unsigned long long>(r->count), static_cast<void*>(self));
}

const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0, "acquire(blocking=True, timeout=-1) -> bool"},
    {"release", rlock_release, 0, "release()"},
    {"__enter__", rlock_enter, 0, nullptr},
    {"__exit__", rlock_exit, 0, nullptr},
    {"_is_owned", rlock_is_owned, 0, nullptr},
    {"_recursion_count", rlock_recursion_count, 0, nullptr},
    {"_release_save", rlock_release_save, 0, nullptr},
    {"_acquire_restore", rlock_acquire_restore, 0, nullptr},
    {"_at_fork_reinit", rlock_at_fork_reinit, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject RLockType = [] {
  TypeObject t = stdlib_static_type("_thread.RLock", sizeof(RLockObject), kBaseType);
  t.dealloc = rlock_dealloc;
  t.repr = rlock_repr;
  t.new_ = rlock_new;
  t.methods = rlock_methods;
  return t;
}();

// ---- _local
// --------------------------------------------------------------------------------------- Each
// thread sees its own __dict__: the per-thread dicts live in the thread state's dict (ts->dict)
// under a key that is this object's serial number, so they go away with the thread. Before every
// attribute access the object's __dict__ slot is pointed at the caller's dict.

struct LocalObject : Object {
  Object* dict;  // the dict of the thread that touched the object last
  Object* args;  // constructor arguments, replayed into __init__ in every new thread
  Object* kwargs;
  uint64_t serial;
};

extern TypeObject LocalType;

// Returns the calling thread's dict for self (borrowed), creating it (and running __init__ in a
// thread other than the creating one) on first use.
Object* local_dict(ThreadState* ts, LocalObject* self, bool run_init) {
  if (!ts->dict) {
    ts->dict = dict_new(ts);
    if (!ts->dict) return nullptr;
  }
  auto* tdict = static_cast<DictObject*>(ts->dict);
  Ref<> key = Ref<>::steal(int_from_u64(ts, self->serial));
  if (!key) return nullptr;
  Object* d = dict_get(ts, tdict, key.get());
  if (d) {
    if (self->dict != d) setref(self->dict, newref(d));
    return d;
  }
  if (exc_occurred(ts)) return nullptr;
  Ref<> fresh = Ref<>::steal(dict_new(ts));
  if (!fresh || !dict_set(ts, tdict, key.get(), fresh.get())) return nullptr;
  setref(self->dict, newref(fresh.get()));
  if (run_init) {
    Object* init = type_lookup(self->type, names.__init__);
    Object* base_init = type_lookup(&ObjectType, names.__init__);
    if (init && init != base_init) {
      ssize n = self->args ? tuple_size(self->args) : 0;
      Ref<TupleObject> a = Ref<TupleObject>::steal(tuple_new(ts, n + 1));
      if (!a) return nullptr;
      a->items[0] = newref<Object>(self);
      for (ssize i = 0; i < n; ++i) a->items[i + 1] = newref(tuple_item(self->args, i));
      Ref<> r =
          Ref<>::steal(call_tuple_dict(ts, init, a.get(), static_cast<DictObject*>(self->kwargs)));
      if (!r) {
        Ref<> saved = Ref<>::steal(fetch_exc(ts));
        dict_del(ts, tdict, key.get());
        restore_exc(ts, saved.release());
        return nullptr;
      }
    }
  }
  return self->dict;
}

Object* local_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                  TupleObject* kwnames) {
  size_t nkw = kwnames ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  if (type == &LocalType && (nargs || nkw))
    return raise(ts, &exc::TypeError, "Initialization arguments are not supported");
  if (nargs || nkw) {
    Object* init = type_lookup(type, names.__init__);
    if (init == type_lookup(&ObjectType, names.__init__))
      return raise(ts, &exc::TypeError, "Initialization arguments are not supported");
  }
  auto* self = alloc<LocalObject>(ts, type);
  if (!self) return nullptr;
  Ref<> guard = Ref<>::steal(self);
  // Keys are never reused, so a thread never sees a dead local's dict.
  self->serial = gil::next_local_serial(ts->interp);
  self->args = tuple_from_array(ts, args, static_cast<ssize>(nargs));
  if (!self->args) return nullptr;
  if (nkw) {
    DictObject* kw = dict_new(ts);
    if (!kw) return nullptr;
    self->kwargs = kw;
    for (size_t i = 0; i < nkw; ++i)
      if (!dict_set(ts, kw, tuple_item(kwnames, static_cast<ssize>(i)), args[nargs + i]))
        return nullptr;
  }
  if (!local_dict(ts, self, false)) return nullptr;
  return guard.release();
}

void local_dealloc(Object* o) {
  auto* self = static_cast<LocalObject*>(o);
  clearref(self->dict);
  clearref(self->args);
  clearref(self->kwargs);
  free_object(o);
}

Object* local_getattro(ThreadState* ts, Object* o, StrObject* name) {
  if (!local_dict(ts, static_cast<LocalObject*>(o), true)) return nullptr;
  return generic_getattr(ts, o, name);
}

bool local_setattro(ThreadState* ts, Object* o, StrObject* name, Object* value) {
  if (!local_dict(ts, static_cast<LocalObject*>(o), true)) return false;
  if (str_eq(name, "__dict__")) {
    raise(ts, &exc::AttributeError, "'%s' object attribute '__dict__' is read-only", type_name(o));
    return false;
  }
  return generic_setattr(ts, o, name, value);
}

TypeObject LocalType = [] {
  TypeObject t = stdlib_static_type("_thread._local", sizeof(LocalObject), kBaseType);
  t.dealloc = local_dealloc;
  t.new_ = local_new;
  t.getattro = local_getattro;
  t.setattro = local_setattro;
  t.dict_offset = offsetof(LocalObject, dict);
  t.doc = "Thread-local data";
  return t;
}();

// ---- threads
// ----------------------------------------------------------------------------------------

struct Boot {
  Interpreter* interp;
  Object* func;
  Object* args;
  Object* kwargs;  // may be nullptr
};

void write_stderr(ThreadState* ts, const char* text) {
  Object* err = ts->interp->sys ? module_get(ts, ts->interp->sys, "stderr") : nullptr;
  if (!err || is_none(err)) return;
  Ref<> s = Ref<>::steal(str_from(ts, text));
  if (!s) {
    clear_exc(ts);
    return;
  }
  Ref<> r = Ref<>::steal(call_method(ts, err, "write", {s.get()}));
  if (!r) clear_exc(ts);
}

void flush_stderr(ThreadState* ts) {
  Object* err = ts->interp->sys ? module_get(ts, ts->interp->sys, "stderr") : nullptr;
  if (!err || is_none(err)) return;
  Ref<> r = Ref<>::steal(call_method(ts, err, "flush"));
  if (!r) clear_exc(ts);
}

void* thread_entry(void* arg) {
  Boot* boot = static_cast<Boot*>(arg);
  Interpreter* interp = boot->interp;
  ThreadState* ts = gil::new_thread_state(interp);
  ts->gil_state->started_by_thread_module = true;
  gil::acquire(ts);
  Object* result = call_tuple_dict(ts, boot->func, static_cast<TupleObject*>(boot->args),
                                   static_cast<DictObject*>(boot->kwargs));
  if (result) {
    decref(result);
  } else if (exc_matches(ts, &exc::SystemExit)) {
    clear_exc(ts);
  } else {
    Object* e = fetch_exc(ts);
    std::string text;
    if (!repr_text(ts, boot->func, &text)) {
      clear_exc(ts);
      text = "<function>";
    }
    write_stderr(ts, ("Exception ignored in thread started by: " + text + "\n").c_str());
    if (e) {
      print_exception(ts, e);
      decref(e);
    }
    flush_stderr(ts);
  }
  decref(boot->func);
  decref(boot->args);
  xdecref(boot->kwargs);
  delete boot;
  if (Object* s = ts->gil_state->sentinel) {
    auto* l = static_cast<LockObject*>(s);
    if (l->lock.locked()) l->lock.release();
    clearref(ts->gil_state->sentinel);
  }
  gil::add_running_thread(interp, -1);
  gil::delete_thread_state(ts);  // releases the GIL
  return nullptr;
}

Object* thread_start_new(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kwnames) {
  if (!no_kwargs(ts, "start_new_thread", kwnames)) return nullptr;
  if (nargs < 2 || nargs > 3)
    return raise(ts, &exc::TypeError, "start_new_thread expected at least 2 arguments, got %zu",
                 nargs);
  Object* func = args[0];
  Object* fargs = args[1];
  Object* fkw = nargs > 2 ? args[2] : nullptr;
  if (!is_callable(func)) return raise(ts, &exc::TypeError, "first arg must be callable");
  if (!is_tuple(fargs)) return raise(ts, &exc::TypeError, "2nd arg must be a tuple");
  if (fkw && !is_dict(fkw))
    return raise(ts, &exc::TypeError, "optional 3rd arg must be a dictionary");
  auto* boot = new Boot{ts->interp, newref(func), newref(fargs), fkw ? newref(fkw) : nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  size_t stack = gil::thread_stack_size(ts->interp);
  if (stack) pthread_attr_setstacksize(&attr, stack);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t tid;
  gil::add_running_thread(ts->interp, 1);
  int err = pthread_create(&tid, &attr, thread_entry, boot);
  pthread_attr_destroy(&attr);
  if (err) {
    gil::add_running_thread(ts->interp, -1);
    decref(boot->func);
    decref(boot->args);
    xdecref(boot->kwargs);
    delete boot;
    return raise(ts, &exc::RuntimeError, "can't start new thread");
  }
  return int_from_u64(ts, static_cast<uint64_t>(tid));
}

Object* thread_allocate_lock(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject*) {
  return lock_make(ts, &LockType);
}

Object* thread_get_ident(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return int_from_u64(ts, ts->thread_id);
}

Object* thread_get_native_id(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return int_from_u64(ts, ts->native_id);
}

Object* thread_exit(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return raise_with(ts, &exc::SystemExit, nullptr);
}

Object* thread_interrupt_main(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                              TupleObject* kwnames) {
  Object* a[1] = {};
  if (!parse_args(ts, "interrupt_main", args, nargs, kwnames, {"signum"}, 0, a)) return nullptr;
  ssize signum = SIGINT;
  if (a[0] && !index_as_ssize(ts, a[0], &signum)) return nullptr;
  if (signum < 1 || signum >= signals::kMaxSignal || signum >= NSIG)
    return raise(ts, &exc::ValueError, "signal number out of range");
  Object* h = ts->interp->signal_handlers[signum];
  if (h && is_int(h)) return new_none();  // SIG_DFL / SIG_IGN: nothing to simulate
  if (!h && signum != SIGINT) return new_none();
  signals::trip(ts->interp, static_cast<int>(signum));
  return new_none();
}

Object* thread_stack_size(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                          TupleObject* kwnames) {
  if (!no_kwargs(ts, "stack_size", kwnames) || !check_nargs(ts, "stack_size", nargs, 0, 1))
    return nullptr;
  size_t old = gil::thread_stack_size(ts->interp);
  if (nargs == 1) {
    ssize size;
    if (!index_as_ssize(ts, args[0], &size)) return nullptr;
    if (size != 0 && size < 32768)
      return raise(ts, &exc::ValueError, "size not valid: %zd bytes", size);
    if (size < 0) return raise(ts, &exc::ValueError, "size must be 0 or a positive value");
    gil::set_thread_stack_size(ts->interp, static_cast<size_t>(size));
  }
  return int_from_u64(ts, old);
}

Object* thread_count(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  return int_from(ts, gil::running_threads(ts->interp));
}

Object* thread_set_sentinel(ThreadState* ts, Object*, Object* const*, size_t, TupleObject*) {
  Object* l = lock_make(ts, &LockType);
  if (!l) return nullptr;
  setref(ts->gil_state->sentinel, newref(l));
  return l;
}

Object* thread_daemon_threads_allowed(ThreadState* ts, Object*, Object* const*, size_t,
                                      TupleObject*) {
  return bool_from(true);
}

// _excepthook(args): the default threading.excepthook, as CPython's C one.
Object* thread_excepthook(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                          TupleObject* kwnames) {
  if (!no_kwargs(ts, "_excepthook", kwnames) || !check_nargs(ts, "_excepthook", nargs, 1, 1))
    return nullptr;
  Object* a = args[0];
  Ref<> exc_type = Ref<>::steal(getattr_cstr(ts, a, "exc_type"));
  if (!exc_type) return nullptr;
  if (exc_type.get() == &exc::SystemExit) return new_none();
  Ref<> exc_value = Ref<>::steal(getattr_cstr(ts, a, "exc_value"));
  if (!exc_value) return nullptr;
  Ref<> thread = Ref<>::steal(getattr_cstr(ts, a, "thread"));
  if (!thread) return nullptr;
  Object* err = ts->interp->sys ? module_get(ts, ts->interp->sys, "stderr") : nullptr;
  if (!err || is_none(err)) return new_none();
  std::string name;
  if (!is_none(thread.get())) {
    Ref<> n = Ref<>::steal(getattr_cstr(ts, thread.get(), "name"));
    if (!n) return nullptr;
    if (!str_text(ts, n.get(), &name)) return nullptr;
  } else {
    name = std::to_string(ts->thread_id);
  }
  write_stderr(ts, ("Exception in thread " + name + ":\n").c_str());
  flush_stderr(ts);
  if (!is_none(exc_value.get())) print_exception(ts, exc_value.get());
  flush_stderr(ts);
  return new_none();
}

const MethodDef thread_functions[] = {
    {"start_new_thread", thread_start_new, 0, "start_new_thread(function, args[, kwargs])"},
    {"start_new", thread_start_new, 0, nullptr},
    {"allocate_lock", thread_allocate_lock, 0, "allocate_lock() -> lock object"},
    {"allocate", thread_allocate_lock, 0, nullptr},
    {"get_ident", thread_get_ident, 0, "get_ident() -> integer"},
    {"get_native_id", thread_get_native_id, 0, "get_native_id() -> integer"},
    {"exit", thread_exit, 0, "exit()"},
    {"exit_thread", thread_exit, 0, nullptr},
    {"interrupt_main", thread_interrupt_main, 0, "interrupt_main(signum=signal.SIGINT, /)"},
    {"stack_size", thread_stack_size, 0, "stack_size([size]) -> size"},
    {"_count", thread_count, 0, "_count() -> integer"},
    {"_set_sentinel", thread_set_sentinel, 0, "_set_sentinel() -> lock"},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, 0, nullptr},
    {"_excepthook", thread_excepthook, 0,
     "_excepthook(exc_type, exc_value, exc_traceback, thread)"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_thread(ThreadState* ts, ModuleObject* m) {
  if (!ready_stdlib_type(ts, &LockType) || !ready_stdlib_type(ts, &RLockType) ||
      !ready_stdlib_type(ts, &LocalType))
    return false;
  if (!module_add_functions(ts, m, thread_functions)) return false;
  if (!module_add(ts, m, "LockType", newref<Object>(&LockType)) ||
      !module_add(ts, m, "RLock", newref<Object>(&RLockType)) ||
      !module_add(ts, m, "_local", newref<Object>(&LocalType)) ||
      !module_add(ts, m, "error", newref<Object>(&exc::RuntimeError)) ||
      !module_add(ts, m, "TIMEOUT_MAX", float_from(ts, kTimeoutMax)))
    return false;
  return true;
}

}  // namespace gp
