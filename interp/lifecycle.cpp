// Interpreter lifecycle: create_interpreter builds the runtime state that exists before any user
// code runs (GIL, main thread, builtins, sys, the standard streams, __main__); destroy_interpreter
// follows CPython's shutdown order: threading._shutdown() (waits for non-daemon threads), atexit
// callbacks, flush of the standard streams, then the __main__ globals are cleared so __del__
// methods run. Between the flush and the clearing, gil::begin_finalization() parks every other
// thread for good: daemon threads may still be alive (blocked on the GIL or in a blocking call) but
// never run Python again, and nothing they own (thread states, frames) is freed: the process exits
// right after anyway.
#include <cstdio>

#include "gil/gil.h"
#include "interp/vm.h"
#include "runtime/runtime.h"
#include "stdlib/io.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

bool set_default(ThreadState* ts, DictObject* d, const char* key, Object* value) {
  if (dict_get_cstr(ts, d, key)) return true;
  return dict_set_cstr(ts, d, key, value);
}

ModuleObject* make_native(ThreadState* ts, const char* name,
                          bool (*init)(ThreadState*, ModuleObject*)) {
  ModuleObject* m = module_new(ts, name);
  if (!m) return nullptr;
  if (!dict_set_cstr(ts, ts->interp->modules, name, m) || !init(ts, m)) {
    decref(m);
    return nullptr;
  }
  return m;
}

bool init_state(ThreadState* ts) {
  Interpreter* interp = ts->interp;
  interp->interned = dict_new(ts);
  if (!interp->interned) return false;
  interp->modules = dict_new(ts);
  if (!interp->modules) return false;

  ModuleObject* b = make_native(ts, "builtins", init_builtins);
  if (!b) return false;
  interp->builtins_module = b;
  interp->builtins = b->dict;

  ModuleObject* s = make_native(ts, "sys", init_sys);
  if (!s) return false;
  interp->sys = s;
  if (!io_init_std_streams(ts)) return false;

  ModuleObject* m = module_new(ts, "__main__");
  if (!m) return false;
  interp->main_module = m;
  DictObject* d = m->dict;
  Ref<> ann = Ref<>::steal(dict_new(ts));
  if (!ann) return false;
  if (!set_default(ts, d, "__doc__", none()) || !set_default(ts, d, "__package__", none()) ||
      !set_default(ts, d, "__loader__", none()) || !set_default(ts, d, "__spec__", none()) ||
      !set_default(ts, d, "__annotations__", ann.get()) ||
      !dict_set_cstr(ts, d, "__builtins__", b) ||
      !dict_set_cstr(ts, interp->modules, "__main__", m))
    return false;
  return true;
}

Object* sys_module_get(ThreadState* ts, const char* name) {
  return dict_get_cstr(ts, ts->interp->modules, name);
}

void report_error(ThreadState* ts, const char* where) {
  Object* e = fetch_exc(ts);
  if (!e) return;
  std::fprintf(stderr, "Exception ignored in: %s\n", where);
  print_exception(ts, e);
  decref(e);
}

}  // namespace

ThreadState* create_interpreter(const Config& config) {
  runtime_init();
  auto* interp = new Interpreter();
  interp->config = config;
  std::string error;
  if (!gil::init_gil(interp, &error)) {
    std::fprintf(stderr, "gilpy: %s\n", error.c_str());
    delete interp;
    return nullptr;
  }
  ThreadState* ts = gil::new_thread_state(interp);
  interp->main_thread = ts;
  gil::acquire(ts);
  if (!init_state(ts)) {
    Object* e = fetch_exc(ts);
    std::fprintf(stderr, "gilpy: fatal error while initialising the interpreter\n");
    if (e) {
      std::string text;
      if (repr_text(ts, e, &text)) std::fprintf(stderr, "%s\n", text.c_str());
      clear_exc(ts);
      decref(e);
    }
    return nullptr;
  }
  return ts;
}

void destroy_interpreter(ThreadState* ts) {
  Interpreter* interp = ts->interp;
  // A pending exception from the caller must not leak into the shutdown calls.
  if (Object* e = fetch_exc(ts)) decref(e);

  if (Object* threading = sys_module_get(ts, "threading")) {
    Ref<> r = Ref<>::steal(call_method(ts, threading, "_shutdown"));
    if (!r) {
      if (exc_matches(ts, &exc::AttributeError)) {
        clear_exc(ts);
      } else {
        report_error(ts, "<module 'threading'>");
      }
    }
  }
  if (Object* atexit = sys_module_get(ts, "atexit")) {
    Ref<> r = Ref<>::steal(call_method(ts, atexit, "_run_exitfuncs"));
    if (!r) clear_exc(ts);  // _run_exitfuncs reports callback errors itself
  }
  io_flush_std_streams(ts);

  // From here on only this thread runs Python: daemon threads that come back for the GIL (from a
  // blocking call, a forced switch or a wait for it) park forever without touching an object.
  // Their thread states stay allocated: their OS threads still use them until the process exits.
  gil::begin_finalization(ts);

  // Clear __main__'s globals (as CPython's module teardown does) so objects kept by the script
  // are released and their __del__ methods run while sys.stdout still works. Skipped while daemon
  // threads exist: their frames keep the globals alive, so CPython never finalises them either.
  bool alone;
  {
    std::lock_guard<std::mutex> lock(interp->threads_mutex);
    alone = interp->threads == ts && ts->next == nullptr;
  }
  if (alone && interp->main_module) {
    auto* main = static_cast<ModuleObject*>(interp->main_module);
    DictObject* d = main->dict;
    // Drop values one by one (keeping __builtins__ so __del__ methods can use builtins).
    Ref<ListObject> keys = Ref<ListObject>::steal(list_new(ts));
    if (keys) {
      ssize pos = 0;
      Object *k, *v;
      while (dict_next(d, &pos, &k, &v))
        if (!(is_str(k) && str_eq(k, "__builtins__"))) list_append(ts, keys.get(), k);
      for (ssize i = 0; i < list_size(keys.get()); ++i) {
        if (dict_del(ts, d, list_item(keys.get(), i)) < 0) clear_exc(ts);
        if (exc_occurred(ts)) clear_exc(ts);
      }
    }
  }
  io_flush_all(ts);
  io_flush_std_streams(ts);
  if (Object* e = fetch_exc(ts)) decref(e);
  gil::release(ts);
}

}  // namespace gp
