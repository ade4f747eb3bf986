// bytearray: a mutable byte buffer (malloc'd data with spare capacity). The read-only methods are
// bytes.cpp's shared ones, which return bytearrays for a bytearray self; this file adds the
// mutating ones, item/slice assignment and the in-place operators. Resizing is refused while
// `exports` is non-zero (a live buffer view), as CPython does.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/bytes_internal.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace gp {

namespace {

inline ByteArrayObject* BA(Object* o) { return static_cast<ByteArrayObject*>(o); }

bool ba_reserve(ThreadState* ts, ByteArrayObject* b, ssize need) {
  if (need + 1 <= b->capacity) return true;
  ssize cap = b->capacity < 16 ? 16 : b->capacity;
  while (cap < need + 1) cap += cap / 2 + 8;
  char* p = static_cast<char*>(std::realloc(b->data, static_cast<size_t>(cap)));
  if (!p) {
    raise_with(ts, &exc::MemoryError, nullptr);
    return false;
  }
  b->data = p;
  b->capacity = cap;
  return true;
}

bool ba_check_resize(ThreadState* ts, ByteArrayObject* b) {
  if (b->exports > 0) {
    raise(ts, &exc::BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

bool ba_resize(ThreadState* ts, ByteArrayObject* b, ssize size) {
  if (size != b->size && !ba_check_resize(ts, b)) return false;
  if (!ba_reserve(ts, b, size)) return false;
  b->size = size;
  b->data[size] = 0;
  return true;
}

// Replaces bytes [lo, hi) with data.
bool ba_splice(ThreadState* ts, ByteArrayObject* b, ssize lo, ssize hi, std::string_view data) {
  ssize n = static_cast<ssize>(data.size());
  ssize old = b->size;
  ssize newsize = old - (hi - lo) + n;
  std::string copy(data);  // data may alias b
  if (newsize != old && !ba_check_resize(ts, b)) return false;
  if (!ba_reserve(ts, b, newsize)) return false;
  std::memmove(b->data + lo + n, b->data + hi, static_cast<size_t>(old - hi));
  if (n) std::memcpy(b->data + lo, copy.data(), static_cast<size_t>(n));
  b->size = newsize;
  b->data[newsize] = 0;
  return true;
}

void ba_dealloc(Object* o) {
  std::free(BA(o)->data);
  BA(o)->data = nullptr;
  free_object(o);
}

bool ba_set_data(ThreadState* ts, ByteArrayObject* b, std::string_view data) {
  return ba_splice(ts, b, 0, b->size, data);
}

}  // namespace

ByteArrayObject* bytearray_from(ThreadState* ts, std::string_view data) {
  auto* b = alloc<ByteArrayObject>(ts, &ByteArrayType);
  if (!b) return nullptr;
  if (!ba_set_data(ts, b, data)) {
    decref(b);
    return nullptr;
  }
  return b;
}

namespace {

#define BA_METHOD(fn) \
  Object* fn(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kwnames)

Object* ba_new(ThreadState* ts, TypeObject* type, Object* const*, size_t, TupleObject*) {
  return alloc<ByteArrayObject>(ts, type);
}

bool ba_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
             TupleObject* kwnames) {
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(ts, "bytearray", args, nargs, kwnames, {"source", "encoding", "errors"}, 0, a))
    return false;
  ByteArrayObject* b = BA(self);
  if (a[1] || a[2]) {
    if (!a[0] || !is_str(a[0])) {
      raise(ts, &exc::TypeError,
            a[1] ? "encoding without a string argument" : "errors without a string argument");
      return false;
    }
    const char* enc = a[1] && is_str(a[1]) ? str_cstr(a[1]) : "utf-8";
    const char* errors = a[2] && is_str(a[2]) ? str_cstr(a[2]) : "strict";
    Ref<Object> r = Ref<Object>::steal(str_encode(ts, a[0], enc, errors));
    if (!r) return false;
    return ba_set_data(ts, b, bytes_view(r.get()));
  }
  if (!a[0]) return ba_set_data(ts, b, "");
  std::string data;
  if (!bytes_source(ts, a[0], &data, true)) return false;
  return ba_set_data(ts, b, data);
}

Object* ba_repr(ThreadState* ts, Object* o) {
  std::string r = type_name(o);
  r += '(';
  r += bytes_repr_text(bytes_like_view(o), true);
  r += ')';
  return str_from(ts, r);
}

ssize ba_len(ThreadState*, Object* o) { return BA(o)->size; }

Object* ba_getitem(ThreadState* ts, Object* o, Object* key) {
  ByteArrayObject* b = BA(o);
  if (is_slice(key)) {
    ssize start, stop, step, len;
    if (!slice_indices(ts, key, b->size, &start, &stop, &step, &len)) return nullptr;
    std::string out;
    out.reserve(static_cast<size_t>(len > 0 ? len : 0));
    for (ssize k = 0, j = start; k < len; ++k, j += step) out.push_back(b->data[j]);
    return bytearray_from(ts, out);
  }
  if (is_int(key) || key->type->nb_index) {
    ssize i;
    if (!index_arg(ts, key, &i)) return nullptr;
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) return raise(ts, &exc::IndexError, "bytearray index out of range");
    return int_from(ts, static_cast<unsigned char>(b->data[i]));
  }
  return raise(ts, &exc::TypeError, "bytearray indices must be integers or slices, not %s",
               type_name(key));
}

// Bytes for slice assignment: bytes-like or an iterable of ints (not an int, not str).
bool assign_source(ThreadState* ts, Object* v, std::string* out) {
  if (is_bytes(v) || is_bytearray(v)) {
    *out = std::string(bytes_like_view(v));
    return true;
  }
  if (is_str(v) || v->type->nb_index || (!v->type->iter && !v->type->getitem)) {
    raise(ts, &exc::TypeError,
          "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return bytes_from_iterable(ts, v, out, "byte must be in range(0, 256)");
}

bool ba_setitem(ThreadState* ts, Object* o, Object* key, Object* value) {
  ByteArrayObject* b = BA(o);
  if (is_slice(key)) {
    ssize start, stop, step, len;
    if (!slice_indices(ts, key, b->size, &start, &stop, &step, &len)) return false;
    if (!value) {
      if (len <= 0) return true;
      if (step == 1) return ba_splice(ts, b, start, start + len, "");
      if (!ba_check_resize(ts, b)) return false;
      std::vector<bool> drop(static_cast<size_t>(b->size), false);
      for (ssize k = 0, j = start; k < len; ++k, j += step) drop[static_cast<size_t>(j)] = true;
      ssize w = 0;
      for (ssize r = 0; r < b->size; ++r)
        if (!drop[static_cast<size_t>(r)]) b->data[w++] = b->data[r];
      return ba_resize(ts, b, w);
    }
    std::string data;
    if (!assign_source(ts, value, &data)) return false;
    if (step == 1) {
      if (len < 0) len = 0;
      return ba_splice(ts, b, start, start + len, data);
    }
    if (static_cast<ssize>(data.size()) != len) {
      raise(ts, &exc::ValueError,
            "attempt to assign bytes of size %zu to extended slice of size %zd", data.size(), len);
      return false;
    }
    for (ssize k = 0, j = start; k < len; ++k, j += step) b->data[j] = data[static_cast<size_t>(k)];
    return true;
  }
  if (is_int(key) || key->type->nb_index) {
    ssize i;
    if (!index_arg(ts, key, &i)) return false;
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) {
      raise(ts, &exc::IndexError, "bytearray index out of range");
      return false;
    }
    if (!value) return ba_splice(ts, b, i, i + 1, "");
    int v;
    if (!byte_value(ts, value, &v, "byte must be in range(0, 256)")) return false;
    b->data[i] = static_cast<char>(v);
    return true;
  }
  raise(ts, &exc::TypeError, "bytearray indices must be integers or slices, not %s",
        type_name(key));
  return false;
}

Object* ba_iadd(ThreadState* ts, Object* a, Object* b) {
  if (!is_bytearray(a)) return not_implemented();
  if (!is_bytes(b) && !is_bytearray(b))
    return raise(ts, &exc::TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  std::string data(bytes_like_view(b));
  if (!ba_splice(ts, BA(a), BA(a)->size, BA(a)->size, data)) return nullptr;
  return newref(a);
}

Object* ba_imul(ThreadState* ts, Object* a, Object* b) {
  if (!is_bytearray(a)) return not_implemented();
  if (!b->type->nb_index)
    return raise(ts, &exc::TypeError, "can't multiply sequence by non-int of type '%s'",
                 type_name(b));
  ssize n;
  if (!index_as_ssize(ts, b, &n)) return nullptr;
  std::string data(bytes_like_view(a));
  std::string out;
  for (ssize i = 0; i < n; ++i) out += data;
  if (!ba_set_data(ts, BA(a), out)) return nullptr;
  return newref(a);
}

BA_METHOD(ba_append) {
  if (!no_kwargs(ts, "append", kwnames) || !check_nargs(ts, "append", nargs, 1, 1)) return nullptr;
  int v;
  if (!byte_value(ts, args[0], &v, "byte must be in range(0, 256)")) return nullptr;
  char c = static_cast<char>(v);
  if (!ba_splice(ts, BA(self), BA(self)->size, BA(self)->size, std::string_view(&c, 1)))
    return nullptr;
  return new_none();
}

BA_METHOD(ba_extend) {
  if (!no_kwargs(ts, "extend", kwnames) || !check_nargs(ts, "extend", nargs, 1, 1)) return nullptr;
  Object* v = args[0];
  std::string data;
  if (is_bytes(v) || is_bytearray(v)) {
    data = std::string(bytes_like_view(v));
  } else {
    if (is_str(v)) return raise(ts, &exc::TypeError, "expected iterable of integers; got: 'str'");
    if (!v->type->iter && !v->type->getitem)
      return raise(ts, &exc::TypeError, "can't extend bytearray with %s", type_name(v));
    if (!bytes_from_iterable(ts, v, &data, "byte must be in range(0, 256)")) return nullptr;
  }
  if (!ba_splice(ts, BA(self), BA(self)->size, BA(self)->size, data)) return nullptr;
  return new_none();
}

BA_METHOD(ba_pop) {
  if (!no_kwargs(ts, "pop", kwnames) || !check_nargs(ts, "pop", nargs, 0, 1)) return nullptr;
  ByteArrayObject* b = BA(self);
  ssize i = -1;
  if (nargs && !index_arg(ts, args[0], &i)) return nullptr;
  if (b->size == 0) return raise(ts, &exc::IndexError, "pop from empty bytearray");
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) return raise(ts, &exc::IndexError, "pop index out of range");
  int v = static_cast<unsigned char>(b->data[i]);
  if (!ba_splice(ts, b, i, i + 1, "")) return nullptr;
  return int_from(ts, v);
}

BA_METHOD(ba_insert) {
  if (!no_kwargs(ts, "insert", kwnames) || !check_nargs(ts, "insert", nargs, 2, 2)) return nullptr;
  ByteArrayObject* b = BA(self);
  ssize i;
  if (!index_arg(ts, args[0], &i)) return nullptr;
  int v;
  if (!byte_value(ts, args[1], &v, "byte must be in range(0, 256)")) return nullptr;
  if (i < 0) {
    i += b->size;
    if (i < 0) i = 0;
  }
  if (i > b->size) i = b->size;
  char c = static_cast<char>(v);
  if (!ba_splice(ts, b, i, i, std::string_view(&c, 1))) return nullptr;
  return new_none();
}

BA_METHOD(ba_remove) {
  if (!no_kwargs(ts, "remove", kwnames) || !check_nargs(ts, "remove", nargs, 1, 1)) return nullptr;
  ByteArrayObject* b = BA(self);
  int v;
  if (!byte_value(ts, args[0], &v, "byte must be in range(0, 256)")) return nullptr;
  for (ssize i = 0; i < b->size; ++i) {
    if (static_cast<unsigned char>(b->data[i]) == v) {
      if (!ba_splice(ts, b, i, i + 1, "")) return nullptr;
      return new_none();
    }
  }
  return raise(ts, &exc::ValueError, "value not found in bytearray");
}

BA_METHOD(ba_clear) {
  if (!no_kwargs(ts, "clear", kwnames) || !check_nargs(ts, "clear", nargs, 0, 0)) return nullptr;
  if (!ba_set_data(ts, BA(self), "")) return nullptr;
  return new_none();
}

BA_METHOD(ba_reverse) {
  if (!no_kwargs(ts, "reverse", kwnames) || !check_nargs(ts, "reverse", nargs, 0, 0))
    return nullptr;
  ByteArrayObject* b = BA(self);
  if (b->size) std::reverse(b->data, b->data + b->size);
  return new_none();
}

BA_METHOD(ba_copy) {
  if (!no_kwargs(ts, "copy", kwnames) || !check_nargs(ts, "copy", nargs, 0, 0)) return nullptr;
  return bytearray_from(ts, bytes_like_view(self));
}

BA_METHOD(ba_sizeof) {
  if (!check_nargs(ts, "__sizeof__", nargs, 0, 0)) return nullptr;
  return int_from(ts, 56 + BA(self)->capacity);
}

BA_METHOD(ba_alloc) {
  if (!check_nargs(ts, "__alloc__", nargs, 0, 0)) return nullptr;
  return int_from(ts, BA(self)->capacity);
}

const MethodDef ba_methods[] = {
    GP_BYTES_COMMON_METHODS{"append", ba_append, 0, nullptr},
    {"extend", ba_extend, 0, nullptr},
    {"pop", ba_pop, 0, nullptr},
    {"insert", ba_insert, 0, nullptr},
    {"remove", ba_remove, 0, nullptr},
    {"clear", ba_clear, 0, nullptr},
    {"reverse", ba_reverse, 0, nullptr},
    {"copy", ba_copy, 0, nullptr},
    {"__sizeof__", ba_sizeof, 0, nullptr},
    {"__alloc__", ba_alloc, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject ByteArrayType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "bytearray";
  t.basicsize = sizeof(ByteArrayObject);
  t.flags = kBaseType | kImmutableType;
  t.base = &ObjectType;
  t.doc =
      "bytearray(iterable_of_ints) -> bytearray\n"
      "bytearray(string, encoding[, errors]) -> bytearray\n"
      "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
      "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
      "bytearray() -> empty bytes array";
  t.dealloc = ba_dealloc;
  t.repr = ba_repr;
  t.str = ba_repr;
  // hash stays null: type_ready makes bytearray unhashable (__hash__ = None).
  t.richcompare = bytes_like_richcompare;
  t.iter = bytes_like_iter;
  t.len = ba_len;
  t.getitem = ba_getitem;
  t.setitem = ba_setitem;
  t.contains = bytes_like_contains;
  t.nb[int(BinOp::Add)] = bytes_like_concat;
  t.nb[int(BinOp::Mul)] = bytes_like_repeat;
  t.nb[int(BinOp::Mod)] = bytes_like_mod;
  t.nb_inplace[int(BinOp::Add)] = ba_iadd;
  t.nb_inplace[int(BinOp::Mul)] = ba_imul;
  t.new_ = ba_new;
  t.init = ba_init;
  t.methods = ba_methods;
  return t;
}();

}  // namespace gp
