// The builtins module: every builtin type and exception by name, the constants, the functions that
// need the VM (kVmBuiltins, interp/builtins_vm.cpp) and the plain builtin functions below, with
// CPython 3.11's signatures and messages.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "interp/vm.h"
#include "runtime/containers_internal.h"
#include "runtime/iterators.h"
#include "runtime/range.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

using Args = Object* const*;

// ---- helpers ----

bool need_str_name(ThreadState* ts, Object* name) {
  if (is_str(name)) return true;
  raise(ts, &exc::TypeError, "attribute name must be string, not '%s'", type_name(name));
  return false;
}

Object* sys_stream(ThreadState* ts, StrObject* name) {  // borrowed; nullptr if missing
  if (!ts->interp->sys) return nullptr;
  return dict_get_str(ts, ts->interp->sys->dict, name);
}

bool write_str(ThreadState* ts, Object* file, Object* s) {
  Ref<> r = Ref<>::steal(call_method(ts, file, "write", {s}));
  return bool(r);
}

// ---- print / input ----

Object* b_print(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kwnames) {
  Object* sep = nullptr;
  Object* end = nullptr;
  Object* file = nullptr;
  Object* flush = nullptr;
  if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      Object* name = tuple_item(kwnames, i);
      Object* v = args[nargs + i];
      if (str_eq(name, "sep"))
        sep = v;
      else if (str_eq(name, "end"))
        end = v;
      else if (str_eq(name, "file"))
        file = v;
      else if (str_eq(name, "flush"))
        flush = v;
      else
        return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for print()",
                     str_cstr(name));
    }
  }
  if (sep && is_none(sep)) sep = nullptr;
  if (end && is_none(end)) end = nullptr;
  if (sep && !is_str(sep))
    return raise(ts, &exc::TypeError, "sep must be None or a string, not %s", type_name(sep));
  if (end && !is_str(end))
    return raise(ts, &exc::TypeError, "end must be None or a string, not %s", type_name(end));
  Ref<> holder;
  if (!file || is_none(file)) {
    file = sys_stream(ts, names.stdout);
    if (!file) return raise(ts, &exc::RuntimeError, "lost sys.stdout");
    if (is_none(file)) return new_none();
  }
  holder = Ref<>::borrow(file);
  Ref<> write = Ref<>::steal(getattr(ts, file, names.write));
  if (!write) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    if (i > 0) {
      Ref<> r = Ref<>::steal(sep ? call1(ts, write.get(), sep)
                                 : call1(ts, write.get(), Ref<>::steal(str_from(ts, " ")).get()));
      if (!r) return nullptr;
    }
    Ref<> s = Ref<>::steal(is_str_exact(args[i]) ? newref(args[i]) : str(ts, args[i]));
    if (!s) return nullptr;
    Ref<> r = Ref<>::steal(call1(ts, write.get(), s.get()));
    if (!r) return nullptr;
  }
  {
    Ref<> e = end ? Ref<>::borrow(end) : Ref<>::steal(str_from(ts, "\n"));
    if (!e) return nullptr;
    Ref<> r = Ref<>::steal(call1(ts, write.get(), e.get()));
    if (!r) return nullptr;
  }
  if (flush) {
    int t = truthy(ts, flush);
    if (t < 0) return nullptr;
    if (t) {
      Ref<> r = Ref<>::steal(call_method(ts, file, "flush"));
      if (!r) return nullptr;
    }
  }
  return new_none();
}

Object* b_input(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kwnames) {
  if (!take_no_kwargs(ts, "input", kwnames) || !check_nargs(ts, "input", nargs, 0, 1))
    return nullptr;
  Object* out = sys_stream(ts, names.stdout);
  Object* in = sys_stream(ts, names.stdin);
  Object* err = sys_stream(ts, names.stderr);
  if (!in || is_none(in)) return raise(ts, &exc::RuntimeError, "input(): lost sys.stdin");
  if (!out || is_none(out)) return raise(ts, &exc::RuntimeError, "input(): lost sys.stdout");
  Ref<> hin = Ref<>::borrow(in), hout = Ref<>::borrow(out);
  if (err && !is_none(err)) {
    Ref<> r = Ref<>::steal(call_method(ts, err, "flush"));
    if (!r) clear_exc(ts);
  }
  if (nargs == 1) {
    Ref<> s = Ref<>::steal(str(ts, args[0]));
    if (!s || !write_str(ts, out, s.get())) return nullptr;
  }
  {
    Ref<> r = Ref<>::steal(call_method(ts, out, "flush"));
    if (!r) clear_exc(ts);
  }
  Ref<> line = Ref<>::steal(call_method(ts, in, "readline"));
  if (!line) return nullptr;
  if (!is_str(line.get()))
    return raise(ts, &exc::TypeError, "object.readline() returned non-string");
  std::string_view v = str_view(line.get());
  if (v.empty()) return raise(ts, &exc::EOFError, "EOF when reading a line");
  if (v.back() == '\n') v.remove_suffix(1);
  return str_from(ts, v);
}

// ---- simple one-argument functions ----

Object* b_len(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "len", kw) || !check_nargs(ts, "len", nargs, 1, 1)) return nullptr;
  ssize n = length(ts, args[0]);
  if (n < 0) return nullptr;
  return int_from(ts, n);
}

Object* b_abs(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "abs", kw) || !check_nargs(ts, "abs", nargs, 1, 1)) return nullptr;
  return absolute(ts, args[0]);
}

Object* b_hash(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "hash", kw) || !check_nargs(ts, "hash", nargs, 1, 1)) return nullptr;
  int64_t h = hash(ts, args[0]);
  if (h == -1) return nullptr;
  return int_from(ts, h);
}

Object* b_id(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "id", kw) || !check_nargs(ts, "id", nargs, 1, 1)) return nullptr;
  return int_from_u64(ts, reinterpret_cast<uintptr_t>(args[0]));
}

Object* b_repr(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "repr", kw) || !check_nargs(ts, "repr", nargs, 1, 1)) return nullptr;
  return repr(ts, args[0]);
}

Object* b_ascii(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "ascii", kw) || !check_nargs(ts, "ascii", nargs, 1, 1)) return nullptr;
  return ascii(ts, args[0]);
}

Object* b_callable(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "callable", kw) || !check_nargs(ts, "callable", nargs, 1, 1))
    return nullptr;
  return bool_from(is_callable(args[0]));
}

Object* b_any(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "any", kw) || !check_nargs(ts, "any", nargs, 1, 1)) return nullptr;
  bool found = false;
  bool ok = iterate(ts, args[0], [&](Object* item) {
    int t = truthy(ts, item);
    if (t < 0) return false;
    if (t) {
      found = true;
      return false;
    }
    return true;
  });
  if (!ok && !found) return nullptr;
  return bool_from(found);
}

Object* b_all(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "all", kw) || !check_nargs(ts, "all", nargs, 1, 1)) return nullptr;
  bool falsy = false;
  bool ok = iterate(ts, args[0], [&](Object* item) {
    int t = truthy(ts, item);
    if (t < 0) return false;
    if (!t) {
      falsy = true;
      return false;
    }
    return true;
  });
  if (!ok && !falsy) return nullptr;
  return bool_from(!falsy);
}

// ---- chr / ord / hex / oct / bin ----

Object* b_chr(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "chr", kw) || !check_nargs(ts, "chr", nargs, 1, 1)) return nullptr;
  Ref<> i = Ref<>::steal(number_index(ts, args[0]));
  if (!i) return nullptr;
  int64_t v;
  if (!int_to_i64(i.get(), &v) || v > INT32_MAX || v < INT32_MIN)
    return raise(ts, &exc::OverflowError, "Python int too large to convert to C int");
  if (v < 0 || v > 0x10FFFF) return raise(ts, &exc::ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint(ts, static_cast<uint32_t>(v));
}

Object* b_ord(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "ord", kw) || !check_nargs(ts, "ord", nargs, 1, 1)) return nullptr;
  Object* c = args[0];
  if (is_str(c)) {
    auto* s = static_cast<StrObject*>(c);
    if (s->length != 1)
      return raise(ts, &exc::TypeError,
                   "ord() expected a character, but string of length %zd found", s->length);
    auto* p = reinterpret_cast<const unsigned char*>(s->data);
    uint32_t cp;
    if (p[0] < 0x80)
      cp = p[0];
    else if ((p[0] & 0xE0) == 0xC0)
      cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    else if ((p[0] & 0xF0) == 0xE0)
      cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else
      cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return int_from(ts, cp);
  }
  if (is_bytes(c) || is_bytearray(c)) {
    std::string_view v;
    if (!buffer_view(ts, c, &v)) return nullptr;
    if (v.size() != 1)
      return raise(ts, &exc::TypeError,
                   "ord() expected a character, but string of length %zu found", v.size());
    return int_from(ts, static_cast<unsigned char>(v[0]));
  }
  return raise(ts, &exc::TypeError, "ord() expected string of length 1, but %s found",
               type_name(c));
}

Object* radix_text(ThreadState* ts, const char* fname, Object* arg, int base) {
  Ref<> i = Ref<>::steal(number_index(ts, arg));
  if (!i) return nullptr;
  int64_t v;
  if (int_to_i64(i.get(), &v)) {
    uint64_t u = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    char buf[80];
    int pos = sizeof buf;
    buf[--pos] = 0;
    const char* digits = "0123456789abcdef";
    do {
      buf[--pos] = digits[u % base];
      u /= base;
    } while (u);
    buf[--pos] = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    buf[--pos] = '0';
    if (v < 0) buf[--pos] = '-';
    return str_from(ts, buf + pos);
  }
  Ref<> spec = Ref<>::steal(str_from(ts, base == 16 ? "#x" : base == 8 ? "#o" : "#b"));
  if (!spec) return nullptr;
  return format(ts, i.get(), spec.get());
}

Object* b_hex(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "hex", kw) || !check_nargs(ts, "hex", nargs, 1, 1)) return nullptr;
  return radix_text(ts, "hex", args[0], 16);
}
Object* b_oct(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "oct", kw) || !check_nargs(ts, "oct", nargs, 1, 1)) return nullptr;
  return radix_text(ts, "oct", args[0], 8);
}
Object* b_bin(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "bin", kw) || !check_nargs(ts, "bin", nargs, 1, 1)) return nullptr;
  return radix_text(ts, "bin", args[0], 2);
}

Object* b_format(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "format", kw) || !check_nargs(ts, "format", nargs, 1, 2)) return nullptr;
  Object* spec = nargs > 1 ? args[1] : nullptr;
  if (spec && !is_str(spec))
    return raise(ts, &exc::TypeError, "format() argument 2 must be str, not %s", type_name(spec));
  return format(ts, args[0], spec);
}

// ---- attributes ----

Object* b_getattr(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "getattr", kw) || !check_nargs(ts, "getattr", nargs, 2, 3))
    return nullptr;
  if (!need_str_name(ts, args[1])) return nullptr;
  auto* name = static_cast<StrObject*>(args[1]);
  if (nargs == 2) return getattr(ts, args[0], name);
  Object* r = getattr_opt(ts, args[0], name);
  if (r || exc_occurred(ts)) return r;
  return newref(args[2]);
}

Object* b_setattr(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "setattr", kw) || !check_nargs(ts, "setattr", nargs, 3, 3))
    return nullptr;
  if (!need_str_name(ts, args[1])) return nullptr;
  if (!setattr(ts, args[0], static_cast<StrObject*>(args[1]), args[2])) return nullptr;
  return new_none();
}

Object* b_delattr(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "delattr", kw) || !check_nargs(ts, "delattr", nargs, 2, 2))
    return nullptr;
  if (!need_str_name(ts, args[1])) return nullptr;
  if (!setattr(ts, args[0], static_cast<StrObject*>(args[1]), nullptr)) return nullptr;
  return new_none();
}

Object* b_hasattr(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "hasattr", kw) || !check_nargs(ts, "hasattr", nargs, 2, 2))
    return nullptr;
  if (!need_str_name(ts, args[1])) return nullptr;
  Object* r = getattr_opt(ts, args[0], static_cast<StrObject*>(args[1]));
  if (r) {
    decref(r);
    return bool_from(true);
  }
  if (exc_occurred(ts)) return nullptr;
  return bool_from(false);
}

Object* b_isinstance(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "isinstance", kw) || !check_nargs(ts, "isinstance", nargs, 2, 2))
    return nullptr;
  int r = isinstance_check(ts, args[0], args[1]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

Object* b_issubclass(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "issubclass", kw) || !check_nargs(ts, "issubclass", nargs, 2, 2))
    return nullptr;
  int r = issubclass_check(ts, args[0], args[1]);
  if (r < 0) return nullptr;
  return bool_from(r);
}

// ---- iteration ----

Object* b_iter(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "iter", kw) || !check_nargs(ts, "iter", nargs, 1, 2)) return nullptr;
  if (nargs == 1) return get_iter(ts, args[0]);
  if (!is_callable(args[0])) return raise(ts, &exc::TypeError, "iter(v, w): v must be callable");
  return calliter_new(ts, args[0], args[1]);
}

Object* b_next(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "next", kw) || !check_nargs(ts, "next", nargs, 1, 2)) return nullptr;
  Object* it = args[0];
  unaryfunc f = it->type->iternext;
  if (!f) return raise(ts, &exc::TypeError, "'%s' object is not an iterator", type_name(it));
  Object* r = f(ts, it);
  if (r) return r;
  if (exc_occurred(ts)) {
    if (nargs < 2 || !exc_matches(ts, &exc::StopIteration)) return nullptr;
    clear_exc(ts);
  }
  if (nargs == 2) return newref(args[1]);
  return raise_with(ts, &exc::StopIteration, nullptr);
}

// ---- sorted / min / max / sum ----

Object* b_sorted(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kwnames) {
  if (nargs != 1) return raise(ts, &exc::TypeError, "sorted expected 1 argument, got %zu", nargs);
  Object* key = nullptr;
  Object* rev = nullptr;
  if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      Object* name = tuple_item(kwnames, i);
      if (str_eq(name, "key"))
        key = args[nargs + i];
      else if (str_eq(name, "reverse"))
        rev = args[nargs + i];
      else
        return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for sort()",
                     str_cstr(name));
    }
  }
  Ref<ListObject> l = Ref<ListObject>::steal(list_from_iterable(ts, args[0]));
  if (!l) return nullptr;
  if (key && is_none(key)) key = nullptr;
  bool reverse = false;
  if (rev) {
    if (is_float(rev))
      return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
    int t = truthy(ts, rev);
    if (t < 0) return nullptr;
    reverse = t;
  }
  if (!list_sort(ts, l.get(), key, reverse)) return nullptr;
  return l.release();
}

Object* min_max(ThreadState* ts, Args args, size_t nargs, TupleObject* kwnames, bool is_max) {
  const char* fname = is_max ? "max" : "min";
  Object* key = nullptr;
  Object* dflt = nullptr;
  if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      Object* name = tuple_item(kwnames, i);
      if (str_eq(name, "key"))
        key = args[nargs + i];
      else if (str_eq(name, "default"))
        dflt = args[nargs + i];
      else
        return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for %s()",
                     str_cstr(name), fname);
    }
  }
  if (nargs == 0)
    return raise(ts, &exc::TypeError, "%s expected at least 1 argument, got 0", fname);
  if (nargs > 1 && dflt)
    return raise(ts, &exc::TypeError,
                 "Cannot specify a default for %s() with multiple positional arguments", fname);
  if (key && is_none(key)) key = nullptr;
  CmpOp op = is_max ? CmpOp::GT : CmpOp::LT;
  Ref<> best, best_key;
  auto visit = [&](Object* item) {
    Ref<> k;
    if (key) {
      k = Ref<>::steal(call1(ts, key, item));
      if (!k) return false;
    } else {
      k = Ref<>::borrow(item);
    }
    if (!best) {
      best = Ref<>::borrow(item);
      best_key = k;
      return true;
    }
    int c = richcompare_bool(ts, k.get(), best_key.get(), op);
    if (c < 0) return false;
    if (c) {
      best = Ref<>::borrow(item);
      best_key = k;
    }
    return true;
  };
  bool ok;
  if (nargs == 1) {
    ok = iterate(ts, args[0], visit);
  } else {
    ok = true;
    for (size_t i = 0; i < nargs && ok; ++i) ok = visit(args[i]);
  }
  if (!ok) return nullptr;
  if (!best) {
    if (dflt) return newref(dflt);
    return raise(ts, &exc::ValueError, "%s() arg is an empty sequence", fname);
  }
  return best.release();
}

Object* b_min(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  return min_max(ts, args, nargs, kw, false);
}
Object* b_max(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  return min_max(ts, args, nargs, kw, true);
}

Object* b_sum(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kwnames) {
  Object* start = nullptr;
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw > 2)
    return raise(ts, &exc::TypeError, "sum() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs == 0)
    return raise(ts, &exc::TypeError, "sum() takes at least 1 positional argument (0 given)");
  if (nargs == 2) start = args[1];
  for (size_t i = 0; i < nkw; ++i) {
    Object* name = tuple_item(kwnames, i);
    if (!str_eq(name, "start"))
      return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for sum()",
                   str_cstr(name));
    if (start)
      return raise(ts, &exc::TypeError,
                   "argument for sum() given by name ('start') and position (2)");
    start = args[nargs + i];
  }
  if (start) {
    if (is_str(start))
      return raise(ts, &exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(start))
      return raise(ts, &exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_bytearray(start))
      return raise(ts, &exc::TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Ref<> acc = start ? Ref<>::borrow(start) : Ref<>::steal(int_from(ts, 0));
  if (!acc) return nullptr;
  Ref<> it = Ref<>::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  Ref<> item;
  // Fast path: exact ints that fit in int64.
  if (is_int_exact(acc.get()) && int_is_small(acc.get())) {
    int64_t total = static_cast<IntObject*>(acc.get())->value;
    for (;;) {
      item = Ref<>::steal(iter_next(ts, it.get()));
      if (!item) {
        if (exc_occurred(ts)) return nullptr;
        return int_from(ts, total);
      }
      Object* x = item.get();
      if ((is_int_exact(x) || is_bool(x)) && int_is_small(x)) {
        int64_t r;
        if (!__builtin_add_overflow(total, static_cast<IntObject*>(x)->value, &r)) {
          total = r;
          continue;
        }
      }
      acc = Ref<>::steal(int_from(ts, total));
      if (!acc) return nullptr;
      break;  // item is pending
    }
    // Continue generically with the pending item (may switch to the float path below).
    if (is_float(item.get()) && item->type == &FloatType) {
      double t = static_cast<double>(static_cast<IntObject*>(acc.get())->value);
      // int64 -> double like CPython's float path (which converts the int accumulator).
      acc = Ref<>::steal(float_from(ts, t));
      if (!acc) return nullptr;
    } else {
      Ref<> n = Ref<>::steal(binary_op(ts, acc.get(), item.get(), BinOp::Add));
      if (!n) return nullptr;
      acc = n;
      item.reset();
    }
  }
  if (acc->type == &FloatType) {
    double total = float_value(acc.get());
    for (;;) {
      if (!item) {
        item = Ref<>::steal(iter_next(ts, it.get()));
        if (!item) {
          if (exc_occurred(ts)) return nullptr;
          return float_from(ts, total);
        }
      }
      Object* x = item.get();
      if (x->type == &FloatType) {
        total += float_value(x);
        item.reset();
        continue;
      }
      if ((is_int_exact(x) || is_bool(x)) && int_is_small(x)) {
        total += static_cast<double>(static_cast<IntObject*>(x)->value);
        item.reset();
        continue;
      }
      acc = Ref<>::steal(float_from(ts, total));
      if (!acc) return nullptr;
      break;
    }
  }
  for (;;) {
    if (!item) {
      item = Ref<>::steal(iter_next(ts, it.get()));
      if (!item) {
        if (exc_occurred(ts)) return nullptr;
        return acc.release();
      }
    }
    Ref<> n = Ref<>::steal(binary_op(ts, acc.get(), item.get(), BinOp::Add));
    if (!n) return nullptr;
    acc = n;
    item.reset();
  }
}

// ---- numbers ----

Object* b_round(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kwnames) {
  Object* vals[2] = {nullptr, nullptr};
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw > 2)
    return raise(ts, &exc::TypeError, "round() takes at most 2 arguments (%zu given)", nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) vals[i] = args[i];
  for (size_t i = 0; i < nkw; ++i) {
    Object* name = tuple_item(kwnames, i);
    int slot = str_eq(name, "number") ? 0 : str_eq(name, "ndigits") ? 1 : -1;
    if (slot < 0)
      return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for round()",
                   str_cstr(name));
    if (vals[slot])
      return raise(ts, &exc::TypeError,
                   "argument for round() given by name ('%s') and position (%d)", str_cstr(name),
                   slot + 1);
    vals[slot] = args[nargs + i];
  }
  if (!vals[0])
    return raise(ts, &exc::TypeError, "round() missing required argument 'number' (pos 1)");
  Object* number = vals[0];
  Object* method = type_lookup(number->type, names.__round__);
  if (!method)
    return raise(ts, &exc::TypeError, "type %s doesn't define __round__ method", type_name(number));
  Ref<> bound;
  if (method->type->descr_get) {
    bound = Ref<>::steal(method->type->descr_get(ts, method, number, number->type));
    if (!bound) return nullptr;
  } else {
    bound = Ref<>::borrow(method);
  }
  if (!vals[1] || is_none(vals[1])) return call0(ts, bound.get());
  return call1(ts, bound.get(), vals[1]);
}

Object* b_divmod(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "divmod", kw) || !check_nargs(ts, "divmod", nargs, 2, 2)) return nullptr;
  Object* a = args[0];
  Object* b = args[1];
  auto numeric = [](Object* o) { return is_int(o) || o->type == &FloatType; };
  // __divmod__ / __rdivmod__ as CPython's binary op protocol.
  auto try_method = [&](Object* self, Object* other, StrObject* name, bool* done) -> Object* {
    *done = false;
    Object* m = type_lookup(self->type, name);
    if (!m) return nullptr;
    Ref<> bound;
    if (m->type->descr_get) {
      bound = Ref<>::steal(m->type->descr_get(ts, m, self, self->type));
      if (!bound) {
        *done = true;
        return nullptr;
      }
    } else {
      bound = Ref<>::borrow(m);
    }
    Object* r = call1(ts, bound.get(), other);
    if (!r) {
      *done = true;
      return nullptr;
    }
    if (r == not_implemented()) {
      decref(r);
      return nullptr;
    }
    *done = true;
    return r;
  };
  bool done;
  if (a->type != b->type && is_subtype(b->type, a->type)) {
    Object* r = try_method(b, a, names.__rdivmod__, &done);
    if (done) return r;
  }
  Object* r = try_method(a, b, names.__divmod__, &done);
  if (done) return r;
  if (a->type != b->type) {
    r = try_method(b, a, names.__rdivmod__, &done);
    if (done) return r;
  }
  if (numeric(a) && numeric(b)) {
    if (a->type == &FloatType || b->type == &FloatType) {
      double y;
      if (!as_double(ts, b, &y)) return nullptr;
      if (y == 0.0) return raise(ts, &exc::ZeroDivisionError, "float divmod()");
    }
    Ref<> q = Ref<>::steal(binary_op(ts, a, b, BinOp::FloorDiv));
    if (!q) return nullptr;
    Ref<> m = Ref<>::steal(binary_op(ts, a, b, BinOp::Mod));
    if (!m) return nullptr;
    return tuple_pack(ts, {q.get(), m.get()});
  }
  return raise(ts, &exc::TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
               type_name(a), type_name(b));
}

Object* b_pow(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kwnames) {
  Object* vals[3] = {nullptr, nullptr, nullptr};
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw > 3)
    return raise(ts, &exc::TypeError, "pow() takes at most 3 arguments (%zu given)", nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) vals[i] = args[i];
  static const char* const kNames[] = {"base", "exp", "mod"};
  for (size_t i = 0; i < nkw; ++i) {
    Object* name = tuple_item(kwnames, i);
    int slot = -1;
    for (int k = 0; k < 3; ++k)
      if (str_eq(name, kNames[k])) slot = k;
    if (slot < 0)
      return raise(ts, &exc::TypeError, "'%s' is an invalid keyword argument for pow()",
                   str_cstr(name));
    if (vals[slot])
      return raise(ts, &exc::TypeError, "argument for pow() given by name ('%s') and position (%d)",
                   str_cstr(name), slot + 1);
    vals[slot] = args[nargs + i];
  }
  for (int k = 0; k < 2; ++k)
    if (!vals[k])
      return raise(ts, &exc::TypeError, "pow() missing required argument '%s' (pos %d)", kNames[k],
                   k + 1);
  Object* mod = vals[2] && !is_none(vals[2]) ? vals[2] : nullptr;
  return power(ts, vals[0], vals[1], mod);
}

// ---- open / exit ----

Object* b_open(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kwnames) {
  Ref<> io = Ref<>::steal(import_module(ts, "_io"));
  if (!io) return nullptr;
  Ref<> f = Ref<>::steal(getattr_cstr(ts, io.get(), "open"));
  if (!f) return nullptr;
  return call(ts, f.get(), args, nargs, kwnames);
}

Object* b_exit(ThreadState* ts, Object*, Args args, size_t nargs, TupleObject* kw) {
  if (!take_no_kwargs(ts, "exit", kw) || !check_nargs(ts, "exit", nargs, 0, 1)) return nullptr;
  Object* code = nargs ? args[0] : none();
  Object* e = exception_new(ts, &exc::SystemExit, &code, 1);
  if (!e) return nullptr;
  restore_exc(ts, e);
  return nullptr;
}

const MethodDef kBuiltinFunctions[] = {
    {"print", b_print, 0,
     "print(value, ..., sep=' ', end='\\n', file=sys.stdout, flush=False)\n\n"
     "Prints the values to a stream, or to sys.stdout by default."},
    {"input", b_input, 0, "Read a string from standard input.  The trailing newline is stripped."},
    {"len", b_len, 0, "Return the number of items in a container."},
    {"sorted", b_sorted, 0,
     "Return a new list containing all items from the iterable in ascending order."},
    {"min", b_min, 0, "min(iterable, *[, default=obj, key=func]) -> value"},
    {"max", b_max, 0, "max(iterable, *[, default=obj, key=func]) -> value"},
    {"sum", b_sum, 0, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"any", b_any, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"all", b_all, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"abs", b_abs, 0, "Return the absolute value of the argument."},
    {"round", b_round, 0, "Round a number to a given precision in decimal digits."},
    {"divmod", b_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"pow", b_pow, 0, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3."},
    {"hash", b_hash, 0, "Return the hash value for the given object."},
    {"id", b_id, 0, "Return the identity of an object."},
    {"isinstance", b_isinstance, 0,
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", b_issubclass, 0,
     "Return whether 'cls' is derived from another class or is the same class."},
    {"getattr", b_getattr, 0, "getattr(object, name[, default]) -> value"},
    {"setattr", b_setattr, 0,
     "Sets the named attribute on the given object to the specified value."},
    {"hasattr", b_hasattr, 0, "Return whether the object has an attribute with the given name."},
    {"delattr", b_delattr, 0, "Deletes the named attribute from the given object."},
    {"repr", b_repr, 0, "Return the canonical string representation of the object."},
    {"ascii", b_ascii, 0, "Return an ASCII-only representation of an object."},
    {"chr", b_chr, 0,
     "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"ord", b_ord, 0, "Return the Unicode code point for a one-character string."},
    {"hex", b_hex, 0, "Return the hexadecimal representation of an integer."},
    {"oct", b_oct, 0, "Return the octal representation of an integer."},
    {"bin", b_bin, 0, "Return the binary representation of an integer."},
    {"format", b_format, 0, "Return value.__format__(format_spec)"},
    {"iter", b_iter, 0, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"},
    {"next", b_next, 0, "next(iterator[, default])"},
    {"callable", b_callable, 0, "Return whether the object is callable."},
    {"open", b_open, 0, "Open file and return a stream.  Raise OSError upon failure."},
    {"exit", b_exit, 0, "exit(code=None): raise SystemExit(code)"},
    {"quit", b_exit, 0, "quit(code=None): raise SystemExit(code)"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_builtins(ThreadState* ts, ModuleObject* m) {
  if (!ready_container_types(ts)) return false;
  struct Named {
    const char* name;
    Object* value;
  };
  const Named types[] = {
      {"object", &ObjectType},
      {"type", &TypeType},
      {"super", &SuperType},
      {"int", &IntType},
      {"bool", &BoolType},
      {"float", &FloatType},
      {"complex", &ComplexType},
      {"str", &StrType},
      {"bytes", &BytesType},
      {"bytearray", &ByteArrayType},
      {"memoryview", &MemoryViewType},
      {"list", &ListType},
      {"tuple", &TupleType},
      {"dict", &DictType},
      {"set", &SetType},
      {"frozenset", &FrozenSetType},
      {"range", &RangeType},
      {"slice", &SliceType},
      {"enumerate", &EnumerateType},
      {"zip", &ZipType},
      {"map", &MapType},
      {"filter", &FilterType},
      {"reversed", &ReversedType},
      {"property", &PropertyType},
      {"staticmethod", &StaticMethodType},
      {"classmethod", &ClassMethodType},
      {"None", &NoneObject},
      {"Ellipsis", &EllipsisObject},
      {"NotImplemented", &NotImplementedObject},
      {"__debug__", &TrueObject},
#define GP_EXC_ENTRY(name) {#name, &exc::name},
      GP_EXCEPTION_TYPES(GP_EXC_ENTRY)
#undef GP_EXC_ENTRY
          {"EnvironmentError", &exc::OSError},
      {"IOError", &exc::OSError},
  };
  for (const Named& n : types)
    if (!module_add(ts, m, n.name, newref(n.value))) return false;
  if (!module_add_functions(ts, m, kBuiltinFunctions)) return false;
  if (!module_add_functions(ts, m, kVmBuiltins)) return false;
  return true;
}

}  // namespace gp
