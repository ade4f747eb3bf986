// _gilpy: the GIL's switching policy and its counters, for experiments and tests.
//   policy() -> str, set_policy(str), stats() -> dict, reset_stats(), switch_interval_policy...
#include "gil/gil.h"
#include "runtime/runtime.h"
#include "stdlib/modules.h"

namespace gp {
namespace {

Object* gilpy_policy(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "policy", kw) || !check_nargs(ts, "policy", nargs, 0, 0)) return nullptr;
  return str_from(ts, gil::policy_name(gil::current_policy(ts->interp)));
}

Object* gilpy_set_policy(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  if (!no_kwargs(ts, "set_policy", kw) || !check_nargs(ts, "set_policy", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "set_policy() argument must be str, not %s",
                 type_name(args[0]));
  gil::Policy p;
  std::string err;
  if (!gil::parse_policy(str_view(args[0]), &p, &err))
    return raise(ts, &exc::ValueError, "%s", err.c_str());
  gil::set_policy(ts->interp, p);
  if (p.trigger == gil::Trigger::Ticks) ts->ticks_left = p.ticks;
  return new_none();
}

bool put(ThreadState* ts, DictObject* d, const char* key, Object* v) {
  if (!v) return false;
  bool ok = dict_set_cstr(ts, d, key, v);
  decref(v);
  return ok;
}

Object* gilpy_stats(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "stats", kw) || !check_nargs(ts, "stats", nargs, 0, 0)) return nullptr;
  gil::Stats s = gil::stats(ts->interp);
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  if (!d) return nullptr;
  if (!put(ts, d.get(), "acquisitions", int_from_u64(ts, s.acquisitions)) ||
      !put(ts, d.get(), "handoffs", int_from_u64(ts, s.handoffs)) ||
      !put(ts, d.get(), "drop_requests", int_from_u64(ts, s.drop_requests)) ||
      !put(ts, d.get(), "forced_drops", int_from_u64(ts, s.forced_drops)) ||
      !put(ts, d.get(), "ticks_releases", int_from_u64(ts, s.ticks_releases)) ||
      !put(ts, d.get(), "futile_wakeups", int_from_u64(ts, s.futile_wakeups)) ||
      !put(ts, d.get(), "wait_time", float_from(ts, static_cast<double>(s.wait_ns) / 1e9)))
    return nullptr;
  return d.release();
}

Object* gilpy_reset_stats(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "reset_stats", kw) || !check_nargs(ts, "reset_stats", nargs, 0, 0))
    return nullptr;
  gil::reset_stats(ts->interp);
  return new_none();
}

Object* gilpy_held(ThreadState* ts, Object*, Object* const*, size_t nargs, TupleObject* kw) {
  return bool_from(gil::held_by(ts));
}

const MethodDef gilpy_functions[] = {
    {"policy", gilpy_policy, 0,
     "policy() -> str: the GIL switching policy (a preset name or 'interval:S,...')."},
    {"set_policy", gilpy_set_policy, 0,
     "set_policy(str): 'cpython3.11', 'cpython3.9', 'cpython2', 'interval:SECONDS[,anywhere]' or "
     "'ticks:N[,anywhere]'."},
    {"stats", gilpy_stats, 0,
     "stats() -> dict: acquisitions, handoffs, drop_requests, forced_drops, ticks_releases, "
     "futile_wakeups, wait_time (seconds)."},
    {"reset_stats", gilpy_reset_stats, 0, "reset_stats(): zero the counters."},
    {"held", gilpy_held, 0, "held() -> bool: whether the calling thread holds the GIL."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_gilpy(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, gilpy_functions)) return false;
  Ref<TupleObject> presets = Ref<TupleObject>::steal(tuple_new(ts, 3));
  if (!presets) return false;
  const char* names[] = {"cpython3.11", "cpython3.9", "cpython2"};
  for (int i = 0; i < 3; ++i) {
    presets->items[i] = str_from(ts, names[i]);
    if (!presets->items[i]) return false;
  }
  return module_add(ts, m, "PRESETS", presets.release());
}

}  // namespace gp
