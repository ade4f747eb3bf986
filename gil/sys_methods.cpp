// sys.setswitchinterval / getswitchinterval / setcheckinterval / getcheckinterval (kGilSysMethods,
// added to sys by stdlib/sys.cpp). The check interval is the ticks policy of CPython 2: setting it
// switches the interpreter to `ticks:N`; setting a switch interval switches back to `interval:S`.
// Both keep the current switch points (anywhere / boundaries).
#include "gil/gil.h"
#include "runtime/runtime.h"

namespace gp::gil {
namespace {

Object* sys_setswitchinterval(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                              TupleObject* kwnames) {
  if (!no_kwargs(ts, "setswitchinterval", kwnames) ||
      !check_nargs(ts, "setswitchinterval", nargs, 1, 1))
    return nullptr;
  Object* v = args[0];
  if (!is_float(v) && !is_int(v))
    return raise(ts, &exc::TypeError, "must be real number, not %s", type_name(v));
  double secs;
  if (!as_double(ts, v, &secs)) return nullptr;
  if (!(secs > 0)) return raise(ts, &exc::ValueError, "switch interval must be strictly positive");
  Policy p = current_policy(ts->interp);
  p.trigger = Trigger::Interval;
  p.interval = secs;
  set_policy(ts->interp, p);
  return new_none();
}

Object* sys_getswitchinterval(ThreadState* ts, Object*, Object* const*, size_t nargs,
                              TupleObject* kwnames) {
  if (!no_kwargs(ts, "getswitchinterval", kwnames) ||
      !check_nargs(ts, "getswitchinterval", nargs, 0, 0))
    return nullptr;
  return float_from(ts, current_policy(ts->interp).interval);
}

Object* sys_setcheckinterval(ThreadState* ts, Object*, Object* const* args, size_t nargs,
                             TupleObject* kwnames) {
  if (!no_kwargs(ts, "setcheckinterval", kwnames) ||
      !check_nargs(ts, "setcheckinterval", nargs, 1, 1))
    return nullptr;
  if (is_float(args[0]))
    return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
  ssize n;
  if (!index_as_ssize(ts, args[0], &n)) return nullptr;
  Policy p = current_policy(ts->interp);
  p.trigger = Trigger::Ticks;
  p.ticks = n < 1 ? 1 : (n > 1000000000 ? 1000000000 : static_cast<int>(n));
  set_policy(ts->interp, p);
  ts->ticks_left = p.ticks;
  return new_none();
}

Object* sys_getcheckinterval(ThreadState* ts, Object*, Object* const*, size_t nargs,
                             TupleObject* kwnames) {
  if (!no_kwargs(ts, "getcheckinterval", kwnames) ||
      !check_nargs(ts, "getcheckinterval", nargs, 0, 0))
    return nullptr;
  return int_from(ts, current_policy(ts->interp).ticks);
}

}  // namespace

const MethodDef kGilSysMethods[] = {
    {"setswitchinterval", sys_setswitchinterval, 0,
     "Set the ideal thread switching delay inside the Python interpreter."},
    {"getswitchinterval", sys_getswitchinterval, 0, "Return the current thread switch interval."},
    {"setcheckinterval", sys_setcheckinterval, 0,
     "Switch to the ticks policy: release the GIL every n instructions (CPython 2)."},
    {"getcheckinterval", sys_getcheckinterval, 0,
     "Return the instruction count of the ticks policy."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace gp::gil
