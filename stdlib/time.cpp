// The time module. sleep() is gil::sleep: it releases the GIL (that is what lets sleeping threads
// overlap) and wakes up early only for a pending signal, whose handler may raise
// (KeyboardInterrupt); otherwise it sleeps the rest of the interval. sleep(0) is a real yield.
// struct_time comes from the _structseq helper.
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>

#include "gil/gil.h"
#include "interp/vm.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

#define ARGS ThreadState *ts, Object *self, Object *const *args, size_t nargs, TupleObject *kw

double clock_secs(clockid_t id) {
  struct timespec t;
  ::clock_gettime(id, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

Object* clock_ns(ThreadState* ts, clockid_t id) {
  struct timespec t;
  ::clock_gettime(id, &t);
  Ref<> s = Ref<>::steal(int_from(ts, t.tv_sec));
  Ref<> b = Ref<>::steal(int_from(ts, 1000000000));
  Ref<> n = Ref<>::steal(int_from(ts, t.tv_nsec));
  if (!s || !b || !n) return nullptr;
  Ref<> m = Ref<>::steal(binary_op(ts, s.get(), b.get(), BinOp::Mul));
  if (!m) return nullptr;
  return binary_op(ts, m.get(), n.get(), BinOp::Add);
}

Object* t_time(ARGS) { return float_from(ts, clock_secs(CLOCK_REALTIME)); }
Object* t_time_ns(ARGS) { return clock_ns(ts, CLOCK_REALTIME); }
Object* t_monotonic(ARGS) { return float_from(ts, clock_secs(CLOCK_MONOTONIC)); }
Object* t_monotonic_ns(ARGS) { return clock_ns(ts, CLOCK_MONOTONIC); }
Object* t_process_time(ARGS) { return float_from(ts, clock_secs(CLOCK_PROCESS_CPUTIME_ID)); }
Object* t_process_time_ns(ARGS) { return clock_ns(ts, CLOCK_PROCESS_CPUTIME_ID); }
Object* t_thread_time(ARGS) { return float_from(ts, clock_secs(CLOCK_THREAD_CPUTIME_ID)); }
Object* t_thread_time_ns(ARGS) { return clock_ns(ts, CLOCK_THREAD_CPUTIME_ID); }

Object* t_sleep(ARGS) {
  if (!no_kwargs(ts, "sleep", kw) || !check_nargs(ts, "sleep", nargs, 1, 1)) return nullptr;
  Object* a = args[0];
  double secs;
  if (is_int(a) || is_float(a)) {
    if (!as_double(ts, a, &secs)) return nullptr;
  } else {
    Ref<> f = Ref<>::steal(number_float(ts, a));
    if (!f) {
      if (exc_matches(ts, &exc::TypeError)) {
        clear_exc(ts);
        return raise(ts, &exc::TypeError, "'%s' object cannot be interpreted as an integer",
                     type_name(a));
      }
      return nullptr;
    }
    secs = float_value(f.get());
  }
  if (std::isnan(secs)) return raise(ts, &exc::ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return raise(ts, &exc::ValueError, "sleep length must be non-negative");
  if (secs > 9.2e9) return raise(ts, &exc::OverflowError, "sleep length is too large");
  // gil::sleep releases the GIL, resumes after EINTR for the rest of the time, runs signal
  // handlers on the main thread (KeyboardInterrupt ends the sleep) and hands the GIL to a waiting
  // thread for sleep(0).
  if (!gil::sleep(ts, secs)) return nullptr;
  return new_none();
}

Object* struct_time_from(ThreadState* ts, Object* module, const struct tm& t) {
  Object* cls = module_get(ts, static_cast<ModuleObject*>(module), "struct_time");
  if (!cls) return raise(ts, &exc::SystemError, "time.struct_time missing");
  int wday = (t.tm_wday + 6) % 7;  // Monday is 0
  Object* items[] = {int_from(ts, t.tm_year + 1900),
                     int_from(ts, t.tm_mon + 1),
                     int_from(ts, t.tm_mday),
                     int_from(ts, t.tm_hour),
                     int_from(ts, t.tm_min),
                     int_from(ts, t.tm_sec),
                     int_from(ts, wday),
                     int_from(ts, t.tm_yday + 1),
                     int_from(ts, t.tm_isdst),
                     str_from(ts, t.tm_zone ? t.tm_zone : "UTC"),
                     int_from(ts, t.tm_gmtoff)};
  constexpr ssize n = sizeof items / sizeof items[0];
  Ref<TupleObject> tup = Ref<TupleObject>::steal(tuple_new(ts, n));
  for (ssize i = 0; i < n; ++i) {
    if (!items[i] || !tup) {
      for (Object* o : items) xdecref(o);
      return nullptr;
    }
  }
  for (ssize i = 0; i < n; ++i) tup->items[i] = items[i];
  return call1(ts, cls, tup.get());
}

bool time_arg(ThreadState* ts, Object* const* args, size_t nargs, time_t* out) {
  if (nargs == 0 || is_none(args[0])) {
    *out = ::time(nullptr);
    return true;
  }
  double d;
  if (!as_double(ts, args[0], &d)) return false;
  if (std::isnan(d)) {
    raise(ts, &exc::ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  *out = static_cast<time_t>(std::floor(d));
  return true;
}

Object* t_localtime(ARGS) {
  if (!check_nargs(ts, "localtime", nargs, 0, 1)) return nullptr;
  time_t t;
  if (!time_arg(ts, args, nargs, &t)) return nullptr;
  struct tm tm;
  if (!::localtime_r(&t, &tm)) return raise_errno(ts, errno);
  return struct_time_from(ts, self, tm);
}

Object* t_gmtime(ARGS) {
  if (!check_nargs(ts, "gmtime", nargs, 0, 1)) return nullptr;
  time_t t;
  if (!time_arg(ts, args, nargs, &t)) return nullptr;
  struct tm tm;
  if (!::gmtime_r(&t, &tm)) return raise_errno(ts, errno);
  return struct_time_from(ts, self, tm);
}

// A struct_time or 9-tuple -> struct tm.
bool tm_arg(ThreadState* ts, Object* o, struct tm* out, const char* fname) {
  Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, o));
  if (!l) return false;
  if (list_size(l.get()) != 9) {
    raise(ts, &exc::TypeError, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int64_t v[9];
  for (int i = 0; i < 9; ++i) {
    ssize x;
    if (!index_as_ssize(ts, list_item(l.get(), i), &x)) return false;
    v[i] = x;
  }
  std::memset(out, 0, sizeof *out);
  out->tm_year = static_cast<int>(v[0] - 1900);
  out->tm_mon = static_cast<int>(v[1] - 1);
  out->tm_mday = static_cast<int>(v[2]);
  out->tm_hour = static_cast<int>(v[3]);
  out->tm_min = static_cast<int>(v[4]);
  out->tm_sec = static_cast<int>(v[5]);
  out->tm_wday = static_cast<int>((v[6] + 1) % 7);
  out->tm_yday = static_cast<int>(v[7] - 1);
  out->tm_isdst = static_cast<int>(v[8]);
  Ref<> zone = Ref<>::steal(getattr_cstr(ts, o, "tm_zone"));
  if (!zone) clear_exc(ts);
  return true;
}

Object* t_mktime(ARGS) {
  if (!check_nargs(ts, "mktime", nargs, 1, 1)) return nullptr;
  struct tm tm;
  if (!tm_arg(ts, args[0], &tm, "mktime")) return nullptr;
  time_t t = ::mktime(&tm);
  if (t == static_cast<time_t>(-1) && tm.tm_year != 69)
    return raise(ts, &exc::OverflowError, "mktime argument out of range");
  return float_from(ts, double(t));
}

bool current_or_arg(ThreadState* ts, Object* const* args, size_t nargs, size_t idx, struct tm* tm,
                    const char* fname) {
  if (nargs <= idx) {
    time_t t = ::time(nullptr);
    ::localtime_r(&t, tm);
    return true;
  }
  return tm_arg(ts, args[idx], tm, fname);
}

Object* t_strftime(ARGS) {
  if (!check_nargs(ts, "strftime", nargs, 1, 2)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "strftime() argument 1 must be str, not %s",
                 type_name(args[0]));
  struct tm tm;
  if (!current_or_arg(ts, args, nargs, 1, &tm, "strftime")) return nullptr;
  if (nargs > 1) {
    // mktime normalises tm_zone/gmtoff for %Z/%z.
    struct tm copy = tm;
    ::mktime(&copy);
    tm.tm_zone = copy.tm_zone;
    tm.tm_gmtoff = copy.tm_gmtoff;
  }
  std::string fmt(str_view(args[0]));
  if (fmt.empty()) return str_from(ts, "");
  std::string buf(256 + fmt.size() * 8, '\0');
  for (;;) {
    size_t n = ::strftime(buf.data(), buf.size(), fmt.c_str(), &tm);
    if (n > 0 || buf.size() > 65536) {
      buf.resize(n);
      break;
    }
    buf.resize(buf.size() * 2);
  }
  return str_from(ts, buf);
}

// strptime(string, format='%a %b %d %H:%M:%S %Y'): parsed by the Python module _strptime, as
// CPython's time.strptime is.
Object* t_strptime(ARGS) {
  if (!no_kwargs(ts, "strptime", kw) || !check_nargs(ts, "strptime", nargs, 1, 2)) return nullptr;
  Ref<> mod = Ref<>::steal(import_module(ts, "_strptime"));
  if (!mod) return nullptr;
  Ref<> fn = Ref<>::steal(getattr_cstr(ts, mod.get(), "_strptime_time"));
  if (!fn) return nullptr;
  return call(ts, fn.get(), args, nargs);
}

std::string asctime_text(const struct tm& tm) {
  static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %d", days[(tm.tm_wday % 7 + 7) % 7],
                months[(tm.tm_mon % 12 + 12) % 12], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                tm.tm_year + 1900);
  return buf;
}

Object* t_asctime(ARGS) {
  if (!check_nargs(ts, "asctime", nargs, 0, 1)) return nullptr;
  struct tm tm;
  if (!current_or_arg(ts, args, nargs, 0, &tm, "asctime")) return nullptr;
  return str_from(ts, asctime_text(tm));
}

Object* t_ctime(ARGS) {
  if (!check_nargs(ts, "ctime", nargs, 0, 1)) return nullptr;
  time_t t;
  if (!time_arg(ts, args, nargs, &t)) return nullptr;
  struct tm tm;
  ::localtime_r(&t, &tm);
  return str_from(ts, asctime_text(tm));
}

Object* t_get_clock_info(ARGS) {
  return raise(ts, &exc::ValueError, "gilpy: get_clock_info is not supported");
}

const MethodDef kTimeMethods[] = {
    {"time", t_time, 0, "time() -> floating point number"},
    {"time_ns", t_time_ns, 0, nullptr},
    {"monotonic", t_monotonic, 0, nullptr},
    {"monotonic_ns", t_monotonic_ns, 0, nullptr},
    {"perf_counter", t_monotonic, 0, nullptr},
    {"perf_counter_ns", t_monotonic_ns, 0, nullptr},
    {"process_time", t_process_time, 0, nullptr},
    {"process_time_ns", t_process_time_ns, 0, nullptr},
    {"thread_time", t_thread_time, 0, nullptr},
    {"thread_time_ns", t_thread_time_ns, 0, nullptr},
    {"sleep", t_sleep, 0, "sleep(seconds)"},
    {"localtime", t_localtime, 0, nullptr},
    {"gmtime", t_gmtime, 0, nullptr},
    {"mktime", t_mktime, 0, nullptr},
    {"strftime", t_strftime, 0, nullptr},
    {"strptime", t_strptime, 0, nullptr},
    {"asctime", t_asctime, 0, nullptr},
    {"ctime", t_ctime, 0, nullptr},
    {"get_clock_info", t_get_clock_info, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_time(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, kTimeMethods)) return false;
  ::tzset();
  time_t now = ::time(nullptr);
  struct tm jan {
  }, jul{};
  // timezone/altzone/daylight/tzname as CPython computes them (from January and July).
  struct tm cur;
  ::localtime_r(&now, &cur);
  int year = cur.tm_year;
  jan.tm_year = year;
  jan.tm_mday = 1;
  jul.tm_year = year;
  jul.tm_mon = 6;
  jul.tm_mday = 1;
  time_t tjan = ::timegm(&jan), tjul = ::timegm(&jul);
  struct tm ljan, ljul;
  ::localtime_r(&tjan, &ljan);
  ::localtime_r(&tjul, &ljul);
  long janoff = -ljan.tm_gmtoff, juloff = -ljul.tm_gmtoff;
  std::string janname = ljan.tm_zone ? ljan.tm_zone : "UTC";
  std::string julname = ljul.tm_zone ? ljul.tm_zone : "UTC";
  long tz = janoff, alt = juloff;
  std::string n0 = janname, n1 = julname;
  if (janoff < juloff) {  // southern hemisphere
    tz = juloff;
    alt = janoff;
    n0 = julname;
    n1 = janname;
  }
  Ref<> s0 = Ref<>::steal(str_from(ts, n0));
  Ref<> s1 = Ref<>::steal(str_from(ts, n1));
  if (!s0 || !s1) return false;
  if (!module_add(ts, m, "timezone", int_from(ts, tz)) ||
      !module_add(ts, m, "altzone", int_from(ts, alt)) ||
      !module_add(ts, m, "daylight", int_from(ts, janoff != juloff)) ||
      !module_add(ts, m, "tzname", tuple_pack(ts, {s0.get(), s1.get()})))
    return false;
  for (auto [name, v] : {std::pair<const char*, int>{"CLOCK_REALTIME", CLOCK_REALTIME},
                         {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
                         {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
                         {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}})
    if (!module_add(ts, m, name, int_from(ts, v))) return false;
  Ref<> helper = Ref<>::steal(import_module(ts, "_structseq"));
  if (!helper) return false;
  Ref<> r = Ref<>::steal(call_method(ts, helper.get(), "_init_time", {m}));
  return bool(r);
}

}  // namespace gp
