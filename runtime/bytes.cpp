// bytes: immutable byte strings, and the methods bytes and bytearray share (bytearray.cpp lists
// the same functions in its method table; each returns the type of its self: bytes for bytes,
// bytearray for bytearray). Messages follow CPython 3.11 (Objects/bytesobject.c,
// Objects/bytes_methods.c, Objects/stringlib).
#include <cstring>
#include <string>
#include <vector>

#include "interp/vm.h"
#include "runtime/bytes_internal.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"
#include "runtime/str_internal.h"

namespace gp {

// ---- basics -------------------------------------------------------------------------------------

namespace {

// Static immortal b'' (hash precomputed; never written).
struct EmptyBytes {
  Object ob;
  int64_t hash;
  ssize size;
  char data[8];
};
static_assert(offsetof(EmptyBytes, data) == offsetof(BytesObject, data));
constinit EmptyBytes empty_bytes = {{kImmortalRefcnt, &BytesType}, hash_data("", 0), 0, {0}};

}  // namespace

BytesObject* bytes_empty() { return reinterpret_cast<BytesObject*>(&empty_bytes); }

BytesObject* bytes_alloc(ThreadState* ts, TypeObject* type, ssize size) {
  if (size == 0 && type == &BytesType) return bytes_empty();
  auto* b = alloc<BytesObject>(ts, type, size + 1);
  if (!b) return nullptr;
  b->hash = -1;
  b->size = size;
  b->data[size] = 0;
  return b;
}

BytesObject* bytes_from(ThreadState* ts, std::string_view data) {
  if (data.empty()) return bytes_empty();
  BytesObject* b = bytes_alloc(ts, &BytesType, static_cast<ssize>(data.size()));
  if (!b) return nullptr;
  std::memcpy(b->data, data.data(), data.size());
  return b;
}

bool buffer_view(ThreadState* ts, Object* o, std::string_view* out) {
  if (is_bytes(o)) {
    *out = bytes_view(o);
    return true;
  }
  if (is_bytearray(o)) {
    auto* ba = static_cast<ByteArrayObject*>(o);
    *out = std::string_view(ba->data ? ba->data : "", static_cast<size_t>(ba->size));
    return true;
  }
  if (is_memoryview(o)) return memoryview_bytes(ts, o, out);
  raise(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", type_name(o));
  return false;
}

std::string_view bytes_like_view(Object* o) {
  if (is_bytes(o)) return bytes_view(o);
  auto* ba = static_cast<ByteArrayObject*>(o);
  return std::string_view(ba->data ? ba->data : "", static_cast<size_t>(ba->size));
}

Object* bytes_make_like(ThreadState* ts, Object* self, std::string_view data) {
  if (is_bytearray(self)) return bytearray_from(ts, data);
  return bytes_from(ts, data);
}

std::string bytes_repr_text(std::string_view data, bool always_escape_single) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  static const char hex[] = "0123456789abcdef";
  std::string out = "b";
  out.reserve(data.size() + 3);
  out.push_back(quote);
  for (unsigned char c : data) {
    if (c == quote || c == '\\' || (c == '\'' && always_escape_single)) {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7F) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(quote);
  return out;
}

// A byte value from an int-like object: "byte must be in range(0, 256)".
bool byte_value(ThreadState* ts, Object* o, int* out, const char* range_msg) {
  ssize v;
  if (is_int(o) && int_is_small(o)) {
    v = static_cast<IntObject*>(o)->value;
  } else {
    if (!index_as_ssize(ts, o, &v)) {
      if (exc_matches(ts, &exc::OverflowError)) {
        clear_exc(ts);
        raise(ts, &exc::ValueError, "%s", range_msg);
      }
      return false;
    }
  }
  if (v < 0 || v > 255) {
    raise(ts, &exc::ValueError, "%s", range_msg);
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

// Bytes of an iterable of ints (bytes(list), bytearray.extend, slice assignment).
bool bytes_from_iterable(ThreadState* ts, Object* iterable, std::string* out,
                         const char* range_msg) {
  Ref<Object> it = Ref<Object>::steal(get_iter(ts, iterable));
  if (!it) return false;
  while (true) {
    Object* item = iter_next(ts, it.get());
    if (!item) return !exc_occurred(ts);
    int v;
    bool ok = byte_value(ts, item, &v, range_msg);
    decref(item);
    if (!ok) return false;
    out->push_back(static_cast<char>(v));
  }
}

// The argument of bytes()/bytearray() without encoding: fills out.
bool bytes_source(ThreadState* ts, Object* src, std::string* out, bool for_bytearray) {
  if (is_str(src)) {
    raise(ts, &exc::TypeError, "string argument without an encoding");
    return false;
  }
  if (is_bytes(src) || is_bytearray(src)) {
    *out = std::string(bytes_like_view(src));
    return true;
  }
  if (is_memoryview(src)) return memoryview_copy(ts, src, out);
  if (src->type->nb_index) {
    ssize n;
    if (!index_as_ssize(ts, src, &n)) return false;
    if (n < 0) {
      raise(ts, &exc::ValueError, "negative count");
      return false;
    }
    return vm_catch_bad_alloc(ts, false, [&] {
      out->assign(static_cast<size_t>(n), '\0');
      return true;
    });
  }
  if (!src->type->iter && !src->type->getitem) {
    raise(ts, &exc::TypeError, "cannot convert '%s' object to bytes", type_name(src));
    return false;
  }
  return bytes_from_iterable(
      ts, src, out,
      for_bytearray ? "byte must be in range(0, 256)" : "bytes must be in range(0, 256)");
}

// ---- arguments shared by the methods -----------------------------------------------------------

// sub for find/count/index: bytes-like or an int in range(256).
bool sub_arg(ThreadState* ts, Object* o, std::string* holder, std::string_view* out) {
  if (is_bytes(o) || is_bytearray(o)) {
    *out = bytes_like_view(o);
    return true;
  }
  if (o->type->nb_index) {
    int v;
    if (!byte_value(ts, o, &v, "byte must be in range(0, 256)")) return false;
    holder->assign(1, static_cast<char>(v));
    *out = *holder;
    return true;
  }
  raise(ts, &exc::TypeError, "argument should be integer or bytes-like object, not '%s'",
        type_name(o));
  return false;
}

namespace {

#define BYTES_METHOD(fn) \
  Object* fn(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kwnames)

inline bool is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
}
inline bool is_lower_c(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper_c(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha_c(unsigned char c) { return is_lower_c(c) || is_upper_c(c); }
inline bool is_digit_c(unsigned char c) { return c >= '0' && c <= '9'; }

struct BFind {
  std::string holder;
  std::string_view sub;
  ssize start, end;
};

bool parse_bfind(ThreadState* ts, const char* fname, Object* self, Object* const* args,
                 size_t nargs, TupleObject* kwnames, BFind* fa) {
  if (!no_kwargs(ts, fname, kwnames)) return false;
  if (nargs < 1 || nargs > 3) {
    if (nargs < 1)
      raise(ts, &exc::TypeError, "%s() takes at least 1 argument (0 given)", fname);
    else
      raise(ts, &exc::TypeError, "%s() takes at most 3 arguments (%zu given)", fname, nargs);
    return false;
  }
  if (!sub_arg(ts, args[0], &fa->holder, &fa->sub)) return false;
  fa->start = 0;
  fa->end = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index_arg(ts, args[1], &fa->start)) return false;
  if (nargs > 2 && !slice_index_arg(ts, args[2], &fa->end)) return false;
  adjust_indices(&fa->start, &fa->end, static_cast<ssize>(bytes_like_view(self).size()));
  return true;
}

ssize bfind_impl(Object* self, const BFind& fa, bool reverse) {
  std::string_view v = bytes_like_view(self);
  if (fa.start > static_cast<ssize>(v.size())) return -1;
  if (fa.end - fa.start < static_cast<ssize>(fa.sub.size())) return -1;
  ssize r =
      find_bytes(v.substr(static_cast<size_t>(fa.start), static_cast<size_t>(fa.end - fa.start)),
                 fa.sub, reverse);
  return r < 0 ? -1 : r + fa.start;
}

}  // namespace

BYTES_METHOD(bytes_find) {
  BFind fa;
  if (!parse_bfind(ts, "find", self, args, nargs, kwnames, &fa)) return nullptr;
  return int_from(ts, bfind_impl(self, fa, false));
}
BYTES_METHOD(bytes_rfind) {
  BFind fa;
  if (!parse_bfind(ts, "rfind", self, args, nargs, kwnames, &fa)) return nullptr;
  return int_from(ts, bfind_impl(self, fa, true));
}
BYTES_METHOD(bytes_index) {
  BFind fa;
  if (!parse_bfind(ts, "index", self, args, nargs, kwnames, &fa)) return nullptr;
  ssize r = bfind_impl(self, fa, false);
  if (r < 0) return raise(ts, &exc::ValueError, "subsection not found");
  return int_from(ts, r);
}
BYTES_METHOD(bytes_rindex) {
  BFind fa;
  if (!parse_bfind(ts, "rindex", self, args, nargs, kwnames, &fa)) return nullptr;
  ssize r = bfind_impl(self, fa, true);
  if (r < 0) return raise(ts, &exc::ValueError, "subsection not found");
  return int_from(ts, r);
}
BYTES_METHOD(bytes_count) {
  BFind fa;
  if (!parse_bfind(ts, "count", self, args, nargs, kwnames, &fa)) return nullptr;
  std::string_view v = bytes_like_view(self);
  if (fa.start > static_cast<ssize>(v.size()) ||
      fa.end - fa.start < static_cast<ssize>(fa.sub.size()))
    return int_from(ts, 0);
  if (fa.sub.empty()) return int_from(ts, fa.end - fa.start + 1);
  return int_from(ts, count_bytes(v.substr(static_cast<size_t>(fa.start),
                                           static_cast<size_t>(fa.end - fa.start)),
                                  fa.sub, PTRDIFF_MAX));
}

static Object* bstarts_ends(ThreadState* ts, const char* fname, Object* self, Object* const* args,
                            size_t nargs, TupleObject* kwnames, bool ends) {
  if (!no_kwargs(ts, fname, kwnames)) return nullptr;
  if (nargs < 1 || nargs > 3)
    return raise(ts, &exc::TypeError, "%s() takes at least 1 argument (%zu given)", fname, nargs);
  ssize start = 0, end = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index_arg(ts, args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index_arg(ts, args[2], &end)) return nullptr;
  std::string_view v = bytes_like_view(self);
  adjust_indices(&start, &end, static_cast<ssize>(v.size()));
  auto test = [&](std::string_view sub) {
    if (start > static_cast<ssize>(v.size())) return false;
    if (end - start < static_cast<ssize>(sub.size())) return false;
    std::string_view hay = v.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
    return ends ? hay.ends_with(sub) : hay.starts_with(sub);
  };
  Object* arg = args[0];
  if (is_tuple(arg)) {
    for (ssize i = 0; i < tuple_size(arg); ++i) {
      Object* item = tuple_item(arg, i);
      if (!is_bytes(item) && !is_bytearray(item))
        return raise(ts, &exc::TypeError, "a bytes-like object is required, not '%s'",
                     type_name(item));
      if (test(bytes_like_view(item))) return bool_from(true);
    }
    return bool_from(false);
  }
  if (!is_bytes(arg) && !is_bytearray(arg))
    return raise(ts, &exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                 fname, type_name(arg));
  return bool_from(test(bytes_like_view(arg)));
}

BYTES_METHOD(bytes_startswith) {
  return bstarts_ends(ts, "startswith", self, args, nargs, kwnames, false);
}
BYTES_METHOD(bytes_endswith) {
  return bstarts_ends(ts, "endswith", self, args, nargs, kwnames, true);
}

static bool bytes_arg(ThreadState* ts, Object* o, std::string_view* out) {
  return buffer_view(ts, o, out);
}

static bool push_bytes(ThreadState* ts, ListObject* l, Object* self, std::string_view piece) {
  Object* p;
  if (is_bytes(self) && self->type == &BytesType && piece.size() == bytes_view(self).size())
    p = newref(self);
  else
    p = bytes_make_like(ts, self, piece);
  if (!p) return false;
  bool ok = list_append(ts, l, p);
  decref(p);
  return ok;
}

static bool parse_bsplit(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
                         TupleObject* kwnames, std::string_view* sep, bool* has_sep,
                         ssize* maxsplit) {
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(ts, fname, args, nargs, kwnames, {"sep", "maxsplit"}, 0, a)) return false;
  *has_sep = a[0] && !is_none(a[0]);
  *maxsplit = -1;
  if (a[1] && !index_arg(ts, a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = PTRDIFF_MAX;
  if (*has_sep) {
    if (!bytes_arg(ts, a[0], sep)) return false;
    if (sep->empty()) {
      raise(ts, &exc::ValueError, "empty separator");
      return false;
    }
  }
  return true;
}

BYTES_METHOD(bytes_split) {
  std::string_view sep;
  bool has_sep;
  ssize maxsplit;
  if (!parse_bsplit(ts, "split", args, nargs, kwnames, &sep, &has_sep, &maxsplit)) return nullptr;
  std::string v(bytes_like_view(self));  // copy: bytearray may change under callbacks
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  std::string_view sv = v;
  if (has_sep) {
    std::string sepc(sep);
    size_t pos = 0;
    ssize splits = 0;
    while (splits < maxsplit) {
      size_t r = sv.find(sepc, pos);
      if (r == std::string_view::npos) break;
      if (!push_bytes(ts, l.get(), self, sv.substr(pos, r - pos))) return nullptr;
      pos = r + sepc.size();
      ++splits;
    }
    if (!push_bytes(ts, l.get(), self, sv.substr(pos))) return nullptr;
    return l.release();
  }
  size_t i = 0, n = sv.size();
  ssize splits = 0;
  while (true) {
    while (i < n && is_ws(static_cast<unsigned char>(sv[i]))) ++i;
    if (i >= n) break;
    if (splits >= maxsplit) {
      if (!push_bytes(ts, l.get(), self, sv.substr(i))) return nullptr;
      break;
    }
    size_t j = i;
    while (j < n && !is_ws(static_cast<unsigned char>(sv[j]))) ++j;
    if (!push_bytes(ts, l.get(), self, sv.substr(i, j - i))) return nullptr;
    ++splits;
    i = j;
  }
  return l.release();
}

static void reverse_list(ListObject* l) {
  for (ssize i = 0, j = l->size - 1; i < j; ++i, --j) std::swap(l->items[i], l->items[j]);
}

BYTES_METHOD(bytes_rsplit) {
  std::string_view sep;
  bool has_sep;
  ssize maxsplit;
  if (!parse_bsplit(ts, "rsplit", args, nargs, kwnames, &sep, &has_sep, &maxsplit)) return nullptr;
  std::string v(bytes_like_view(self));
  std::string_view sv = v;
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  if (has_sep) {
    std::string sepc(sep);
    size_t end = sv.size();
    ssize splits = 0;
    while (splits < maxsplit && end >= sepc.size()) {
      size_t r = sv.substr(0, end).rfind(sepc);
      if (r == std::string_view::npos) break;
      if (!push_bytes(ts, l.get(), self, sv.substr(r + sepc.size(), end - r - sepc.size())))
        return nullptr;
      end = r;
      ++splits;
    }
    if (!push_bytes(ts, l.get(), self, sv.substr(0, end))) return nullptr;
    reverse_list(l.get());
    return l.release();
  }
  size_t i = sv.size();
  ssize splits = 0;
  while (true) {
    while (i > 0 && is_ws(static_cast<unsigned char>(sv[i - 1]))) --i;
    if (i == 0) break;
    if (splits >= maxsplit) {
      if (!push_bytes(ts, l.get(), self, sv.substr(0, i))) return nullptr;
      break;
    }
    size_t j = i;
    while (j > 0 && !is_ws(static_cast<unsigned char>(sv[j - 1]))) --j;
    if (!push_bytes(ts, l.get(), self, sv.substr(j, i - j))) return nullptr;
    ++splits;
    i = j;
  }
  reverse_list(l.get());
  return l.release();
}

BYTES_METHOD(bytes_splitlines) {
  Object* a[1] = {nullptr};
  if (!parse_args(ts, "splitlines", args, nargs, kwnames, {"keepends"}, 0, a)) return nullptr;
  bool keepends = false;
  if (a[0]) {
    int t = truthy(ts, a[0]);
    if (t < 0) return nullptr;
    keepends = t;
  }
  std::string v(bytes_like_view(self));
  std::string_view sv = v;
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  size_t i = 0, n = sv.size();
  while (i < n) {
    size_t start = i;
    while (i < n && sv[i] != '\n' && sv[i] != '\r') ++i;
    size_t eol = i, next = i;
    if (i < n) {
      next = (sv[i] == '\r' && i + 1 < n && sv[i + 1] == '\n') ? i + 2 : i + 1;
    }
    if (!push_bytes(ts, l.get(), self, sv.substr(start, (keepends ? next : eol) - start)))
      return nullptr;
    i = next;
  }
  return l.release();
}

BYTES_METHOD(bytes_join) {
  if (!no_kwargs(ts, "join", kwnames) || !check_nargs(ts, "join", nargs, 1, 1)) return nullptr;
  Ref<ListObject> items = Ref<ListObject>::steal(list_from_iterable(ts, args[0]));
  if (!items) {
    if (exc_matches(ts, &exc::TypeError) && !args[0]->type->iter) {
      clear_exc(ts);
      return raise(ts, &exc::TypeError, "can only join an iterable");
    }
    return nullptr;
  }
  std::string sep(bytes_like_view(self));
  std::string out;
  for (ssize i = 0; i < items->size; ++i) {
    Object* it = items->items[i];
    if (!is_bytes(it) && !is_bytearray(it))
      return raise(ts, &exc::TypeError, "sequence item %zd: expected a bytes-like object, %s found",
                   i, type_name(it));
    if (i) out += sep;
    out += bytes_like_view(it);
  }
  return bytes_make_like(ts, self, out);
}

static Object* bstrip(ThreadState* ts, const char* fname, Object* self, Object* const* args,
                      size_t nargs, TupleObject* kwnames, int how) {
  if (!no_kwargs(ts, fname, kwnames) || !check_nargs(ts, fname, nargs, 0, 1)) return nullptr;
  std::string_view v = bytes_like_view(self);
  size_t i = 0, j = v.size();
  if (nargs == 0 || is_none(args[0])) {
    if (how & 1)
      while (i < j && is_ws(static_cast<unsigned char>(v[i]))) ++i;
    if (how & 2)
      while (j > i && is_ws(static_cast<unsigned char>(v[j - 1]))) --j;
  } else {
    std::string_view chars;
    if (!bytes_arg(ts, args[0], &chars)) return nullptr;
    if (how & 1)
      while (i < j && chars.find(v[i]) != std::string_view::npos) ++i;
    if (how & 2)
      while (j > i && chars.find(v[j - 1]) != std::string_view::npos) --j;
  }
  if (i == 0 && j == v.size() && self->type == &BytesType) return newref(self);
  return bytes_make_like(ts, self, v.substr(i, j - i));
}

BYTES_METHOD(bytes_strip) { return bstrip(ts, "strip", self, args, nargs, kwnames, 3); }
BYTES_METHOD(bytes_lstrip) { return bstrip(ts, "lstrip", self, args, nargs, kwnames, 1); }
BYTES_METHOD(bytes_rstrip) { return bstrip(ts, "rstrip", self, args, nargs, kwnames, 2); }

BYTES_METHOD(bytes_replace) {
  if (!no_kwargs(ts, "replace", kwnames) || !check_nargs(ts, "replace", nargs, 2, 3))
    return nullptr;
  std::string_view oldv, newv;
  if (!bytes_arg(ts, args[0], &oldv) || !bytes_arg(ts, args[1], &newv)) return nullptr;
  ssize count = -1;
  if (nargs > 2 && !index_arg(ts, args[2], &count)) return nullptr;
  if (count < 0) count = PTRDIFF_MAX;
  std::string v(bytes_like_view(self));
  std::string oldc(oldv), newc(newv);
  std::string out;
  if (oldc.empty()) {
    ssize done = 0;
    for (size_t i = 0;; ++i) {
      if (done < count) {
        out += newc;
        ++done;
      }
      if (i >= v.size()) break;
      out.push_back(v[i]);
    }
    return bytes_make_like(ts, self, out);
  }
  size_t pos = 0;
  ssize done = 0;
  while (done < count) {
    size_t r = v.find(oldc, pos);
    if (r == std::string::npos) break;
    out.append(v, pos, r - pos);
    out += newc;
    pos = r + oldc.size();
    ++done;
  }
  out.append(v, pos, std::string::npos);
  return bytes_make_like(ts, self, out);
}

template <class F>
static Object* bmap(ThreadState* ts, const char* name, Object* self, size_t nargs,
                    TupleObject* kwnames, F f) {
  if (!no_kwargs(ts, name, kwnames) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr;
  std::string v(bytes_like_view(self));
  f(v);
  return bytes_make_like(ts, self, v);
}

BYTES_METHOD(bytes_upper) {
  return bmap(ts, "upper", self, nargs, kwnames, [](std::string& v) {
    for (char& c : v)
      if (is_lower_c(static_cast<unsigned char>(c))) c = static_cast<char>(c - 32);
  });
}
BYTES_METHOD(bytes_lower) {
  return bmap(ts, "lower", self, nargs, kwnames, [](std::string& v) {
    for (char& c : v)
      if (is_upper_c(static_cast<unsigned char>(c))) c = static_cast<char>(c + 32);
  });
}
BYTES_METHOD(bytes_swapcase) {
  return bmap(ts, "swapcase", self, nargs, kwnames, [](std::string& v) {
    for (char& c : v) {
      if (is_upper_c(static_cast<unsigned char>(c)))
        c = static_cast<char>(c + 32);
      else if (is_lower_c(static_cast<unsigned char>(c)))
        c = static_cast<char>(c - 32);
    }
  });
}
BYTES_METHOD(bytes_capitalize) {
  return bmap(ts, "capitalize", self, nargs, kwnames, [](std::string& v) {
    for (size_t i = 0; i < v.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(v[i]);
      if (i == 0 && is_lower_c(c)) v[i] = static_cast<char>(c - 32);
      if (i > 0 && is_upper_c(c)) v[i] = static_cast<char>(c + 32);
    }
  });
}
BYTES_METHOD(bytes_title) {
  return bmap(ts, "title", self, nargs, kwnames, [](std::string& v) {
    bool prev = false;
    for (char& ch : v) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (is_lower_c(c) && !prev) ch = static_cast<char>(c - 32);
      if (is_upper_c(c) && prev) ch = static_cast<char>(c + 32);
      prev = is_alpha_c(c);
    }
  });
}

template <class P>
static Object* ball(ThreadState* ts, const char* name, Object* self, size_t nargs,
                    TupleObject* kwnames, P p) {
  if (!no_kwargs(ts, name, kwnames) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr;
  std::string_view v = bytes_like_view(self);
  if (v.empty()) return bool_from(false);
  for (unsigned char c : v)
    if (!p(c)) return bool_from(false);
  return bool_from(true);
}

BYTES_METHOD(bytes_isdigit) { return ball(ts, "isdigit", self, nargs, kwnames, is_digit_c); }
BYTES_METHOD(bytes_isalpha) { return ball(ts, "isalpha", self, nargs, kwnames, is_alpha_c); }
BYTES_METHOD(bytes_isalnum) {
  return ball(ts, "isalnum", self, nargs, kwnames,
              [](unsigned char c) { return is_alpha_c(c) || is_digit_c(c); });
}
BYTES_METHOD(bytes_isspace) { return ball(ts, "isspace", self, nargs, kwnames, is_ws); }
BYTES_METHOD(bytes_isascii) {
  if (!no_kwargs(ts, "isascii", kwnames) || !check_nargs(ts, "isascii", nargs, 0, 0))
    return nullptr;
  for (unsigned char c : bytes_like_view(self))
    if (c >= 0x80) return bool_from(false);
  return bool_from(true);
}
static Object* bcase(ThreadState* ts, const char* name, Object* self, size_t nargs,
                     TupleObject* kwnames, bool upper) {
  if (!no_kwargs(ts, name, kwnames) || !check_nargs(ts, name, nargs, 0, 0)) return nullptr;
  bool cased = false;
  for (unsigned char c : bytes_like_view(self)) {
    if (upper ? is_lower_c(c) : is_upper_c(c)) return bool_from(false);
    if (upper ? is_upper_c(c) : is_lower_c(c)) cased = true;
  }
  return bool_from(cased);
}
BYTES_METHOD(bytes_isupper) { return bcase(ts, "isupper", self, nargs, kwnames, true); }
BYTES_METHOD(bytes_islower) { return bcase(ts, "islower", self, nargs, kwnames, false); }
BYTES_METHOD(bytes_istitle) {
  if (!no_kwargs(ts, "istitle", kwnames) || !check_nargs(ts, "istitle", nargs, 0, 0))
    return nullptr;
  bool cased = false, prev = false;
  for (unsigned char c : bytes_like_view(self)) {
    if (is_upper_c(c)) {
      if (prev) return bool_from(false);
      prev = cased = true;
    } else if (is_lower_c(c)) {
      if (!prev) return bool_from(false);
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return bool_from(cased);
}

static Object* bpartition(ThreadState* ts, Object* self, Object* sepo, bool reverse) {
  std::string_view sep;
  if (!bytes_arg(ts, sepo, &sep)) return nullptr;
  if (sep.empty()) return raise(ts, &exc::ValueError, "empty separator");
  std::string v(bytes_like_view(self));
  std::string sepc(sep);
  size_t r = reverse ? v.rfind(sepc) : v.find(sepc);
  Ref<Object> a, b, c;
  std::string_view sv = v;
  if (r == std::string::npos) {
    a = Ref<Object>::steal(bytes_make_like(ts, self, reverse ? std::string_view() : sv));
    b = Ref<Object>::steal(bytes_make_like(ts, self, ""));
    c = Ref<Object>::steal(bytes_make_like(ts, self, reverse ? sv : std::string_view()));
  } else {
    a = Ref<Object>::steal(bytes_make_like(ts, self, sv.substr(0, r)));
    b = Ref<Object>::steal(bytes_make_like(ts, self, sepc));
    c = Ref<Object>::steal(bytes_make_like(ts, self, sv.substr(r + sepc.size())));
  }
  if (!a || !b || !c) return nullptr;
  return tuple_pack(ts, {a.get(), b.get(), c.get()});
}

BYTES_METHOD(bytes_partition) {
  if (!no_kwargs(ts, "partition", kwnames) || !check_nargs(ts, "partition", nargs, 1, 1))
    return nullptr;
  return bpartition(ts, self, args[0], false);
}
BYTES_METHOD(bytes_rpartition) {
  if (!no_kwargs(ts, "rpartition", kwnames) || !check_nargs(ts, "rpartition", nargs, 1, 1))
    return nullptr;
  return bpartition(ts, self, args[0], true);
}

static bool bfill_args(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
                       TupleObject* kwnames, ssize* width, char* fill) {
  if (!no_kwargs(ts, fname, kwnames)) return false;
  if (nargs < 1 || nargs > 2) {
    raise(ts, &exc::TypeError, "%s expected %s, got %zu", fname,
          nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
    return false;
  }
  if (!index_arg(ts, args[0], width)) return false;
  *fill = ' ';
  if (nargs > 1) {
    Object* f = args[1];
    if ((!is_bytes(f) && !is_bytearray(f)) || bytes_like_view(f).size() != 1) {
      raise(ts, &exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fname,
            type_name(f));
      return false;
    }
    *fill = bytes_like_view(f)[0];
  }
  return true;
}

static Object* bpad(ThreadState* ts, Object* self, ssize left, ssize right, char fill) {
  std::string_view v = bytes_like_view(self);
  if (left <= 0 && right <= 0 && self->type == &BytesType) return newref(self);
  std::string out;
  if (left > 0) out.append(static_cast<size_t>(left), fill);
  out.append(v);
  if (right > 0) out.append(static_cast<size_t>(right), fill);
  return bytes_make_like(ts, self, out);
}

BYTES_METHOD(bytes_center) {
  ssize width;
  char fill;
  if (!bfill_args(ts, "center", args, nargs, kwnames, &width, &fill)) return nullptr;
  ssize len = static_cast<ssize>(bytes_like_view(self).size());
  if (width <= len) return bpad(ts, self, 0, 0, fill);
  ssize marg = width - len;
  ssize left = marg / 2 + (marg & width & 1);
  return bpad(ts, self, left, marg - left, fill);
}
BYTES_METHOD(bytes_ljust) {
  ssize width;
  char fill;
  if (!bfill_args(ts, "ljust", args, nargs, kwnames, &width, &fill)) return nullptr;
  return bpad(ts, self, 0, width - static_cast<ssize>(bytes_like_view(self).size()), fill);
}
BYTES_METHOD(bytes_rjust) {
  ssize width;
  char fill;
  if (!bfill_args(ts, "rjust", args, nargs, kwnames, &width, &fill)) return nullptr;
  return bpad(ts, self, width - static_cast<ssize>(bytes_like_view(self).size()), 0, fill);
}
BYTES_METHOD(bytes_zfill) {
  if (!no_kwargs(ts, "zfill", kwnames) || !check_nargs(ts, "zfill", nargs, 1, 1)) return nullptr;
  ssize width;
  if (!index_arg(ts, args[0], &width)) return nullptr;
  std::string v(bytes_like_view(self));
  if (width <= static_cast<ssize>(v.size())) return bpad(ts, self, 0, 0, ' ');
  size_t fill = static_cast<size_t>(width) - v.size();
  size_t at = (!v.empty() && (v[0] == '+' || v[0] == '-')) ? 1 : 0;
  v.insert(at, fill, '0');
  return bytes_make_like(ts, self, v);
}

BYTES_METHOD(bytes_expandtabs) {
  Object* a[1] = {nullptr};
  if (!parse_args(ts, "expandtabs", args, nargs, kwnames, {"tabsize"}, 0, a)) return nullptr;
  ssize tabsize = 8;
  if (a[0] && !index_arg(ts, a[0], &tabsize)) return nullptr;
  std::string out;
  ssize col = 0;
  for (char c : bytes_like_view(self)) {
    if (c == '\t') {
      if (tabsize > 0) {
        ssize n = tabsize - col % tabsize;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      out.push_back(c);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return bytes_make_like(ts, self, out);
}

BYTES_METHOD(bytes_removeprefix) {
  if (!no_kwargs(ts, "removeprefix", kwnames) || !check_nargs(ts, "removeprefix", nargs, 1, 1))
    return nullptr;
  std::string_view p;
  if (!bytes_arg(ts, args[0], &p)) return nullptr;
  std::string_view v = bytes_like_view(self);
  if (!p.empty() && v.starts_with(p)) return bytes_make_like(ts, self, v.substr(p.size()));
  return bpad(ts, self, 0, 0, ' ');
}
BYTES_METHOD(bytes_removesuffix) {
  if (!no_kwargs(ts, "removesuffix", kwnames) || !check_nargs(ts, "removesuffix", nargs, 1, 1))
    return nullptr;
  std::string_view p;
  if (!bytes_arg(ts, args[0], &p)) return nullptr;
  std::string_view v = bytes_like_view(self);
  if (!p.empty() && v.ends_with(p))
    return bytes_make_like(ts, self, v.substr(0, v.size() - p.size()));
  return bpad(ts, self, 0, 0, ' ');
}

BYTES_METHOD(bytes_decode) {
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(ts, "decode", args, nargs, kwnames, {"encoding", "errors"}, 0, a)) return nullptr;
  const char* enc = "utf-8";
  const char* errors = "strict";
  if (a[0]) {
    if (!is_str(a[0]))
      return raise(ts, &exc::TypeError, "decode() argument 'encoding' must be str, not %s",
                   type_name(a[0]));
    enc = str_cstr(a[0]);
  }
  if (a[1]) {
    if (!is_str(a[1]))
      return raise(ts, &exc::TypeError, "decode() argument 'errors' must be str, not %s",
                   type_name(a[1]));
    errors = str_cstr(a[1]);
  }
  return str_decode(ts, bytes_like_view(self), enc, errors);
}

BYTES_METHOD(bytes_hex) {
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(ts, "hex", args, nargs, kwnames, {"sep", "bytes_per_sep"}, 0, a)) return nullptr;
  std::string sep;
  ssize per = 1;
  if (a[0]) {
    std::string_view sv;
    if (is_str(a[0])) {
      sv = str_view(a[0]);
    } else if (is_bytes(a[0]) || is_bytearray(a[0])) {
      sv = bytes_like_view(a[0]);
    } else {
      return raise(ts, &exc::TypeError, "object of type '%s' has no len()", type_name(a[0]));
    }
    if (str_len(a[0]) != 1 && is_str(a[0]))
      return raise(ts, &exc::ValueError, "sep must be length 1.");
    if (!is_str(a[0]) && sv.size() != 1)
      return raise(ts, &exc::ValueError, "sep must be length 1.");
    sep = std::string(sv);
    if (sep.size() != 1 || static_cast<unsigned char>(sep[0]) >= 0x80)
      return raise(ts, &exc::ValueError, "sep must be ASCII.");
  }
  if (a[1] && !index_arg(ts, a[1], &per)) return nullptr;
  std::string_view v = bytes_like_view(self);
  static const char hex[] = "0123456789abcdef";
  std::string out;
  ssize n = static_cast<ssize>(v.size());
  ssize group = per < 0 ? -per : per;
  for (ssize i = 0; i < n; ++i) {
    if (!sep.empty() && i > 0 && group > 0) {
      bool boundary = per > 0 ? ((n - i) % group == 0) : (i % group == 0);
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(v[static_cast<size_t>(i)]);
    out.push_back(hex[c >> 4]);
    out.push_back(hex[c & 15]);
  }
  return str_from_known(ts, out, static_cast<ssize>(out.size()), true);
}

static int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// classmethod: self is the class.
BYTES_METHOD(bytes_fromhex) {
  if (!no_kwargs(ts, "fromhex", kwnames) || !check_nargs(ts, "fromhex", nargs, 1, 1))
    return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc::TypeError, "fromhex() argument must be str, not %s", type_name(args[0]));
  std::string_view s = str_view(args[0]);
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (is_ws(c)) {
      ++i;
      continue;
    }
    int hi = hexval(c);
    if (hi < 0)
      return raise(ts, &exc::ValueError,
                   "non-hexadecimal number found in fromhex() arg at position %zd",
                   str_cp_index(static_cast<StrObject*>(args[0]), static_cast<ssize>(i)));
    int lo = i + 1 < s.size() ? hexval(static_cast<unsigned char>(s[i + 1])) : -1;
    if (lo < 0)
      return raise(ts, &exc::ValueError,
                   "non-hexadecimal number found in fromhex() arg at position %zd",
                   str_cp_index(static_cast<StrObject*>(args[0]), static_cast<ssize>(i + 1)));
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  auto* cls = static_cast<TypeObject*>(self);
  Ref<Object> b = Ref<Object>::steal(cls == &ByteArrayType || is_subtype(cls, &ByteArrayType)
                                         ? static_cast<Object*>(bytearray_from(ts, out))
                                         : bytes_from(ts, out));
  if (!b) return nullptr;
  if (cls == &BytesType || cls == &ByteArrayType) return b.release();
  return call1(ts, cls, b.get());
}

BYTES_METHOD(bytes_maketrans) {
  if (!no_kwargs(ts, "maketrans", kwnames) || !check_nargs(ts, "maketrans", nargs, 2, 2))
    return nullptr;
  std::string_view from, to;
  if (!bytes_arg(ts, args[0], &from) || !bytes_arg(ts, args[1], &to)) return nullptr;
  if (from.size() != to.size())
    return raise(ts, &exc::ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[static_cast<size_t>(i)] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return bytes_from(ts, table);
}

BYTES_METHOD(bytes_translate) {
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(ts, "translate", args, nargs, kwnames, {"table", "delete"}, 1, a)) return nullptr;
  std::string_view table, del;
  if (!is_none(a[0])) {
    if (!bytes_arg(ts, a[0], &table)) return nullptr;
    if (table.size() != 256)
      return raise(ts, &exc::ValueError, "translation table must be 256 characters long");
  }
  if (a[1] && !bytes_arg(ts, a[1], &del)) return nullptr;
  std::string out;
  for (char c : bytes_like_view(self)) {
    if (del.find(c) != std::string_view::npos) continue;
    out.push_back(table.empty() ? c : table[static_cast<unsigned char>(c)]);
  }
  return bytes_make_like(ts, self, out);
}

// ---- bytes type slots ---------------------------------------------------------------------------

namespace {

void bytes_dealloc(Object* o) { free_object(o); }

Object* bytes_repr_slot(ThreadState* ts, Object* o) {
  std::string r = bytes_repr_text(bytes_view(o), false);
  return str_from_known(ts, r, static_cast<ssize>(r.size()), true);
}

int64_t bytes_hash_slot(ThreadState*, Object* o) {
  auto* b = static_cast<BytesObject*>(o);
  if (b->hash != -1) return b->hash;
  int64_t h = hash_bytes(bytes_view(o));
  if (!is_immortal(o)) b->hash = h;
  return h;
}

ssize bytes_len_slot(ThreadState*, Object* o) { return static_cast<BytesObject*>(o)->size; }

Object* bytes_getitem_slot(ThreadState* ts, Object* o, Object* key) {
  std::string_view v = bytes_view(o);
  ssize n = static_cast<ssize>(v.size());
  if (is_slice(key)) {
    ssize start, stop, step, len;
    if (!slice_indices(ts, key, n, &start, &stop, &step, &len)) return nullptr;
    if (len <= 0) return bytes_empty();
    if (step == 1) {
      if (len == n && o->type == &BytesType) return newref(o);
      return bytes_from(ts, v.substr(static_cast<size_t>(start), static_cast<size_t>(len)));
    }
    std::string out;
    out.reserve(static_cast<size_t>(len));
    for (ssize k = 0, j = start; k < len; ++k, j += step) out.push_back(v[static_cast<size_t>(j)]);
    return bytes_from(ts, out);
  }
  if (is_int(key) || key->type->nb_index) {
    ssize i;
    if (!index_arg(ts, key, &i)) return nullptr;
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(ts, &exc::IndexError, "index out of range");
    return int_from(ts, static_cast<unsigned char>(v[static_cast<size_t>(i)]));
  }
  return raise(ts, &exc::TypeError, "byte indices must be integers or slices, not %s",
               type_name(key));
}

}  // namespace

int bytes_like_contains(ThreadState* ts, Object* o, Object* item) {
  std::string_view v = bytes_like_view(o);
  if (is_bytes(item) || is_bytearray(item))
    return v.find(bytes_like_view(item)) != std::string_view::npos;
  if (item->type->nb_index) {
    int b;
    if (!byte_value(ts, item, &b, "byte must be in range(0, 256)")) return -1;
    return v.find(static_cast<char>(b)) != std::string_view::npos;
  }
  raise(ts, &exc::TypeError, "a bytes-like object is required, not '%s'", type_name(item));
  return -1;
}

Object* bytes_like_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  bool ab = is_bytes(a) || is_bytearray(a);
  bool bb = is_bytes(b) || is_bytearray(b);
  if (!ab || !bb) return not_implemented();
  std::string_view x = bytes_like_view(a), y = bytes_like_view(b);
  int c = x.compare(y);
  bool r = false;
  switch (op) {
    case CmpOp::LT:
      r = c < 0;
      break;
    case CmpOp::LE:
      r = c <= 0;
      break;
    case CmpOp::EQ:
      r = c == 0;
      break;
    case CmpOp::NE:
      r = c != 0;
      break;
    case CmpOp::GT:
      r = c > 0;
      break;
    case CmpOp::GE:
      r = c >= 0;
      break;
  }
  return bool_from(r);
}

Object* bytes_like_concat(ThreadState* ts, Object* a, Object* b) {
  bool ab = is_bytes(a) || is_bytearray(a);
  if (!ab) return not_implemented();
  if (is_memoryview(b)) {
    std::string tail;
    if (!memoryview_copy(ts, b, &tail)) return nullptr;
    return bytes_make_like(ts, a, std::string(bytes_like_view(a)) + tail);
  }
  if (!is_bytes(b) && !is_bytearray(b)) {
    binaryfunc other = b->type->nb[int(BinOp::Add)];
    if (other && other != a->type->nb[int(BinOp::Add)] && (b->type->flags & kHeapType)) {
      Object* r = other(ts, a, b);
      if (r != not_implemented()) return r;
    }
    return raise(ts, &exc::TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  }
  std::string out(bytes_like_view(a));
  out += bytes_like_view(b);
  return bytes_make_like(ts, a, out);
}

Object* bytes_like_repeat(ThreadState* ts, Object* a, Object* b) {
  Object* seq = (is_bytes(a) || is_bytearray(a)) ? a : b;
  Object* count = seq == a ? b : a;
  if (!count->type->nb_index) {
    if (seq == a) {
      binaryfunc other = b->type->nb[int(BinOp::Mul)];
      if (other && other != a->type->nb[int(BinOp::Mul)] && (b->type->flags & kHeapType)) {
        Object* r = other(ts, a, b);
        if (r != not_implemented()) return r;
      }
    }
    return raise(ts, &exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                 type_name(count));
  }
  ssize n;
  if (!index_as_ssize(ts, count, &n)) return nullptr;
  std::string_view v = bytes_like_view(seq);
  if (n <= 0 || v.empty()) return bytes_make_like(ts, seq, "");
  if (n == 1 && seq->type == &BytesType) return newref(seq);
  if (v.size() > static_cast<size_t>(PTRDIFF_MAX / 2) / static_cast<size_t>(n))
    return raise_with(ts, &exc::MemoryError, nullptr);
  std::string out;
  out.reserve(v.size() * static_cast<size_t>(n));
  for (ssize i = 0; i < n; ++i) out.append(v);
  return bytes_make_like(ts, seq, out);
}

Object* bytes_like_mod(ThreadState* ts, Object* a, Object* b) {
  if (!is_bytes(a) && !is_bytearray(a)) return not_implemented();
  return bytes_mod_format(ts, a, b);
}

namespace {

int bytes_contains_slot(ThreadState* ts, Object* o, Object* item) {
  return bytes_like_contains(ts, o, item);
}

struct BytesIterObject : Object {
  Object* seq;  // owned; bytes or bytearray; nullptr when exhausted
  ssize index;
};

Object* bytesiter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<BytesIterObject*>(o);
  if (!it->seq) return nullptr;
  std::string_view v = bytes_like_view(it->seq);
  if (it->index >= static_cast<ssize>(v.size())) {
    clearref(it->seq);
    return nullptr;
  }
  return int_from(ts, static_cast<unsigned char>(v[static_cast<size_t>(it->index++)]));
}

void bytesiter_dealloc(Object* o) {
  clearref(static_cast<BytesIterObject*>(o)->seq);
  free_object(o);
}

Object* iter_self(ThreadState*, Object* o) { return newref(o); }

Object* bytesiter_length_hint(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* it = static_cast<BytesIterObject*>(self);
  if (!it->seq) return int_from(ts, 0);
  ssize n = static_cast<ssize>(bytes_like_view(it->seq).size()) - it->index;
  return int_from(ts, n < 0 ? 0 : n);
}

const MethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

TypeObject make_iter_type(const char* name) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.basicsize = sizeof(BytesIterObject);
  t.flags = kImmutableType;
  t.base = &ObjectType;
  t.dealloc = bytesiter_dealloc;
  t.iter = iter_self;
  t.iternext = bytesiter_next;
  t.methods = bytesiter_methods;
  return t;
}

}  // namespace

TypeObject BytesIterType = make_iter_type("bytes_iterator");
TypeObject ByteArrayIterType = make_iter_type("bytearray_iterator");

Object* bytes_like_iter(ThreadState* ts, Object* o) {
  auto* it = alloc<BytesIterObject>(ts, is_bytearray(o) ? &ByteArrayIterType : &BytesIterType);
  if (!it) return nullptr;
  it->seq = newref(o);
  it->index = 0;
  return it;
}

namespace {

Object* bytes_new_slot(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                       TupleObject* kwnames) {
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(ts, "bytes", args, nargs, kwnames, {"source", "encoding", "errors"}, 0, a))
    return nullptr;
  Ref<Object> res;
  if (a[1] || a[2]) {
    if (!a[0] || !is_str(a[0]))
      return raise(
          ts, &exc::TypeError,
          a[1] ? "encoding without a string argument" : "errors without a string argument");
    const char* enc = "utf-8";
    const char* errors = "strict";
    if (a[1]) {
      if (!is_str(a[1]))
        return raise(ts, &exc::TypeError, "bytes() argument 'encoding' must be str, not %s",
                     type_name(a[1]));
      enc = str_cstr(a[1]);
    }
    if (a[2]) {
      if (!is_str(a[2]))
        return raise(ts, &exc::TypeError, "bytes() argument 'errors' must be str, not %s",
                     type_name(a[2]));
      errors = str_cstr(a[2]);
    }
    res = Ref<Object>::steal(str_encode(ts, a[0], enc, errors));
  } else if (!a[0]) {
    res = Ref<Object>::steal(bytes_empty());
  } else if (a[0]->type == &BytesType) {
    res = Ref<Object>::borrow(a[0]);
  } else {
    Ref<StrObject> name = Ref<StrObject>::steal(intern(ts, "__bytes__"));
    if (!name) return nullptr;
    if (!is_str(a[0]) && type_lookup(a[0]->type, name.get())) {
      res = Ref<Object>::steal(call_method(ts, a[0], "__bytes__"));
      if (!res) return nullptr;
      if (!is_bytes(res.get()))
        return raise(ts, &exc::TypeError, "__bytes__ returned non-bytes (type %s)",
                     type_name(res.get()));
    } else {
      std::string data;
      if (!bytes_source(ts, a[0], &data, false)) return nullptr;
      res = Ref<Object>::steal(bytes_from(ts, data));
    }
  }
  if (!res) return nullptr;
  if (type == &BytesType) {
    if (res->type == &BytesType) return res.release();
    return bytes_from(ts, bytes_view(res.get()));
  }
  std::string_view v = bytes_view(res.get());
  BytesObject* b = bytes_alloc(ts, type, static_cast<ssize>(v.size()));
  if (!b) return nullptr;
  std::memcpy(b->data, v.data(), v.size());
  return b;
}

BYTES_METHOD(bytes_getnewargs) {
  if (!check_nargs(ts, "__getnewargs__", nargs, 0, 0)) return nullptr;
  Ref<Object> c = Ref<Object>::steal(bytes_from(ts, bytes_view(self)));
  if (!c) return nullptr;
  return tuple_pack(ts, {c.get()});
}

BYTES_METHOD(bytes_sizeof) {
  if (!check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
  return int_from(ts, 33 + static_cast<BytesObject*>(self)->size);
}

BYTES_METHOD(bytes_bytes) {
  if (!check_nargs(ts, "__bytes__", nargs, 0, 0)) return nullptr;
  if (self->type == &BytesType) return newref(self);
  return bytes_from(ts, bytes_view(self));
}

const MethodDef bytes_methods[] = {
    GP_BYTES_COMMON_METHODS{"__getnewargs__", bytes_getnewargs, 0, nullptr},
    {"__sizeof__", bytes_sizeof, 0, nullptr},
    {"__bytes__", bytes_bytes, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject BytesType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "bytes";
  t.basicsize = offsetof(BytesObject, data);
  t.itemsize = 1;
  t.flags = kBaseType | kBytesSubclass | kImmutableType;
  t.base = &ObjectType;
  t.doc =
      "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
      "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
      "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
      "bytes() -> empty bytes object";
  t.dealloc = bytes_dealloc;
  t.repr = bytes_repr_slot;
  t.str = bytes_repr_slot;
  t.hash = bytes_hash_slot;
  t.richcompare = bytes_like_richcompare;
  t.iter = bytes_like_iter;
  t.len = bytes_len_slot;
  t.getitem = bytes_getitem_slot;
  t.contains = bytes_contains_slot;
  t.nb[int(BinOp::Add)] = bytes_like_concat;
  t.nb[int(BinOp::Mul)] = bytes_like_repeat;
  t.nb[int(BinOp::Mod)] = bytes_like_mod;
  t.new_ = bytes_new_slot;
  t.methods = bytes_methods;
  return t;
}();

}  // namespace gp
