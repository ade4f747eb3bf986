// memoryview: a one-dimensional view of the bytes of a bytes, bytearray or another memoryview,
// with item formats 'B' (default), 'b' and 'c' (cast). A view of a bytearray counts as an export
// of it (bytearray refuses to resize while exports > 0) until release() or deallocation; views of
// views share the underlying object, so releasing one leaves the others valid, as CPython does.
// A view is (obj, offset, step, length): item i is byte obj[offset + i * step].
#include <cstring>
#include <string>

#include "runtime/bytes_internal.h"
#include "runtime/objmodel_internal.h"
#include "runtime/runtime.h"
#include "runtime/slice.h"

namespace gp {

namespace {

struct MemoryViewObject : Object {
  Object* obj;  // owned; nullptr once released
  ssize offset;
  ssize step;
  ssize length;
  bool readonly;
  char format;   // 'B', 'b' or 'c'
  int64_t hash;  // -1 until computed
};

inline MemoryViewObject* MV(Object* o) { return static_cast<MemoryViewObject*>(o); }

// The bytes of the viewed object (borrowed pointer; stable while the view lives: bytearray
// refuses to resize while exported).
char* base_of(Object* obj) {
  if (is_bytes(obj)) return static_cast<BytesObject*>(obj)->data;
  auto* ba = static_cast<ByteArrayObject*>(obj);
  return ba->data;
}

bool check_released(ThreadState* ts, MemoryViewObject* m) {
  if (!m->obj) {
    raise(ts, &exc::ValueError, "operation forbidden on released memoryview object");
    return false;
  }
  return true;
}

void release_view(MemoryViewObject* m) {
  if (!m->obj) return;
  if (is_bytearray(m->obj)) --static_cast<ByteArrayObject*>(m->obj)->exports;
  clearref(m->obj);
}

MemoryViewObject* make_view(ThreadState* ts, Object* obj, ssize offset, ssize step, ssize length,
                            bool readonly, char format) {
  auto* m = alloc<MemoryViewObject>(ts, &MemoryViewType);
  if (!m) return nullptr;
  m->obj = newref(obj);
  if (is_bytearray(obj)) ++static_cast<ByteArrayObject*>(obj)->exports;
  m->offset = offset;
  m->step = step;
  m->length = length;
  m->readonly = readonly;
  m->format = format;
  m->hash = -1;
  return m;
}

std::string contents(MemoryViewObject* m) {
  const char* base = base_of(m->obj);
  std::string out;
  out.resize(static_cast<size_t>(m->length));
  if (m->step == 1) {
    if (m->length) std::memcpy(out.data(), base + m->offset, static_cast<size_t>(m->length));
  } else {
    for (ssize i = 0; i < m->length; ++i) out[size_t(i)] = base[m->offset + i * m->step];
  }
  return out;
}

Object* item_object(ThreadState* ts, MemoryViewObject* m, unsigned char byte) {
  if (m->format == 'c') return bytes_from(ts, std::string_view(reinterpret_cast<char*>(&byte), 1));
  if (m->format == 'b') return int_from(ts, static_cast<signed char>(byte));
  return int_from(ts, byte);
}

bool item_value(ThreadState* ts, MemoryViewObject* m, Object* v, unsigned char* out) {
  if (m->format == 'c') {
    if (!is_bytes(v) || bytes_view(v).size() != 1) {
      raise(ts, &exc::ValueError, "memoryview: invalid value for format 'c'");
      return false;
    }
    *out = static_cast<unsigned char>(bytes_view(v)[0]);
    return true;
  }
  if (!is_int(v)) {
    raise(ts, &exc::TypeError, "memoryview: invalid type for format '%c'", m->format);
    return false;
  }
  ssize x;
  if (!index_as_ssize(ts, v, &x)) {
    if (!exc_matches(ts, &exc::OverflowError)) return false;
    clear_exc(ts);
    x = -1000;
  }
  bool ok = m->format == 'b' ? (x >= -128 && x <= 127) : (x >= 0 && x <= 255);
  if (!ok) {
    raise(ts, &exc::ValueError, "memoryview: invalid value for format '%c'", m->format);
    return false;
  }
  *out = static_cast<unsigned char>(x);
  return true;
}

bool index_of(ThreadState* ts, MemoryViewObject* m, Object* key, ssize* out) {
  ssize i;
  if (!index_as_ssize(ts, key, &i)) return false;
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) {
    raise(ts, &exc::IndexError, "index out of bounds on dimension 1");
    return false;
  }
  *out = i;
  return true;
}

// ---- slots

void mv_dealloc(Object* o) {
  release_view(MV(o));
  free_object(o);
}

Object* mv_new(ThreadState* ts, TypeObject*, Object* const* args, size_t nargs,
               TupleObject* kwnames) {
  Object* a[1] = {};
  if (!parse_args(ts, "memoryview", args, nargs, kwnames, {"object"}, 1, a)) return nullptr;
  Object* src = a[0];
  if (is_memoryview(src)) {
    MemoryViewObject* s = MV(src);
    if (!check_released(ts, s)) return nullptr;
    return make_view(ts, s->obj, s->offset, s->step, s->length, s->readonly, s->format);
  }
  if (is_bytes(src))
    return make_view(ts, src, 0, 1, static_cast<ssize>(bytes_view(src).size()), true, 'B');
  if (is_bytearray(src))
    return make_view(ts, src, 0, 1, static_cast<ByteArrayObject*>(src)->size, false, 'B');
  return raise(ts, &exc::TypeError, "memoryview: a bytes-like object is required, not '%s'",
               type_name(src));
}

Object* mv_repr(ThreadState* ts, Object* o) {
  std::string s =
      std::string(MV(o)->obj ? "<memory at " : "<released memory at ") + addr_str(o) + ">";
  return str_from(ts, s);
}

ssize mv_len(ThreadState* ts, Object* o) {
  if (!check_released(ts, MV(o))) return -1;
  return MV(o)->length;
}

Object* mv_getitem(ThreadState* ts, Object* o, Object* key) {
  MemoryViewObject* m = MV(o);
  if (!check_released(ts, m)) return nullptr;
  if (is_slice(key)) {
    ssize start, stop, step, n;
    if (!slice_indices(ts, key, m->length, &start, &stop, &step, &n)) return nullptr;
    return make_view(ts, m->obj, m->offset + start * m->step, m->step * step, n, m->readonly,
                     m->format);
  }
  if (!is_int(key) && !key->type->nb_index)
    return raise(ts, &exc::TypeError, "memoryview: invalid slice key");
  ssize i;
  if (!index_of(ts, m, key, &i)) return nullptr;
  auto byte = static_cast<unsigned char>(base_of(m->obj)[m->offset + i * m->step]);
  return item_object(ts, m, byte);
}

bool mv_setitem(ThreadState* ts, Object* o, Object* key, Object* value) {
  MemoryViewObject* m = MV(o);
  if (!check_released(ts, m)) return false;
  if (m->readonly) {
    raise(ts, &exc::TypeError, "cannot modify read-only memory");
    return false;
  }
  if (!value) {
    raise(ts, &exc::TypeError, "cannot delete memory");
    return false;
  }
  char* base = base_of(m->obj);
  if (is_slice(key)) {
    ssize start, stop, step, n;
    if (!slice_indices(ts, key, m->length, &start, &stop, &step, &n)) return false;
    std::string_view src;
    if (!buffer_view(ts, value, &src)) return false;
    if (static_cast<ssize>(src.size()) != n) {
      raise(ts, &exc::ValueError,
            "memoryview assignment: lvalue and rvalue have different structures");
      return false;
    }
    std::string copy(src);  // src may overlap the destination
    for (ssize k = 0; k < n; ++k) base[m->offset + (start + k * step) * m->step] = copy[size_t(k)];
    m->hash = -1;
    return true;
  }
  if (!is_int(key) && !key->type->nb_index) {
    raise(ts, &exc::TypeError, "memoryview: invalid slice key");
    return false;
  }
  ssize i;
  if (!index_of(ts, m, key, &i)) return false;
  unsigned char byte;
  if (!item_value(ts, m, value, &byte)) return false;
  base[m->offset + i * m->step] = static_cast<char>(byte);
  return true;
}

Object* mv_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if (op != CmpOp::EQ && op != CmpOp::NE) return not_implemented();
  MemoryViewObject* m = MV(a);
  std::string other;
  if (is_memoryview(b)) {
    if (!MV(b)->obj || !m->obj) return bool_from((a == b) == (op == CmpOp::EQ));
    other = contents(MV(b));
  } else if (is_bytes(b) || is_bytearray(b)) {
    if (!m->obj) return bool_from(op == CmpOp::NE);
    other = std::string(bytes_like_view(b));
  } else {
    return not_implemented();
  }
  bool eq = contents(m) == other;
  return bool_from(op == CmpOp::EQ ? eq : !eq);
}

int64_t mv_hash(ThreadState* ts, Object* o) {
  MemoryViewObject* m = MV(o);
  if (m->hash != -1) return m->hash;
  if (!check_released(ts, m)) return -1;
  if (!m->readonly) {
    raise(ts, &exc::ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  m->hash = hash_bytes(contents(m));
  return m->hash;
}

// ---- methods

Object* mv_tobytes(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  if (!check_released(ts, MV(self))) return nullptr;
  return bytes_from(ts, contents(MV(self)));
}

Object* mv_tolist(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject* kw) {
  MemoryViewObject* m = MV(self);
  if (!check_released(ts, m)) return nullptr;
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  const char* base = base_of(m->obj);
  for (ssize i = 0; i < m->length; ++i) {
    Ref<> v =
        Ref<>::steal(item_object(ts, m, static_cast<unsigned char>(base[m->offset + i * m->step])));
    if (!v || !list_append(ts, l.get(), v.get())) return nullptr;
  }
  return l.release();
}

Object* mv_hex(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
               TupleObject* kwnames) {
  if (!check_released(ts, MV(self))) return nullptr;
  Ref<> b = Ref<>::steal(bytes_from(ts, contents(MV(self))));
  if (!b) return nullptr;
  return bytes_hex(ts, b.get(), args, nargs, kwnames);
}

Object* mv_release(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  release_view(MV(self));
  return new_none();
}

Object* mv_enter(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  if (!check_released(ts, MV(self))) return nullptr;
  return newref(self);
}

Object* mv_exit(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  release_view(MV(self));
  return new_none();
}

Object* mv_toreadonly(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  MemoryViewObject* m = MV(self);
  if (!check_released(ts, m)) return nullptr;
  return make_view(ts, m->obj, m->offset, m->step, m->length, true, m->format);
}

Object* mv_cast(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                TupleObject* kwnames) {
  MemoryViewObject* m = MV(self);
  Object* a[2] = {};
  if (!parse_args(ts, "cast", args, nargs, kwnames, {"format", "shape"}, 1, a)) return nullptr;
  if (!check_released(ts, m)) return nullptr;
  if (!is_str(a[0]))
    return raise(ts, &exc::TypeError, "memoryview: format argument must be a string");
  std::string_view f = str_view(a[0]);
  if (f != "B" && f != "b" && f != "c")
    return raise(ts, &exc::ValueError,
                 "memoryview: destination format must be a native single character format "
                 "prefixed with an optional '@'");
  if (m->step != 1)
    return raise(ts, &exc::TypeError, "memoryview: casts are restricted to C-contiguous views");
  return make_view(ts, m->obj, m->offset, m->step, m->length, m->readonly, f[0]);
}

const MethodDef mv_methods[] = {
    {"tobytes", mv_tobytes, 0, nullptr},
    {"tolist", mv_tolist, 0, nullptr},
    {"hex", mv_hex, 0, nullptr},
    {"release", mv_release, 0, nullptr},
    {"toreadonly", mv_toreadonly, 0, nullptr},
    {"cast", mv_cast, 0, nullptr},
    {"__enter__", mv_enter, 0, nullptr},
    {"__exit__", mv_exit, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- attributes (all refuse a released view, as CPython)

#define MV_GETTER(name, expr)                   \
  Object* name(ThreadState* ts, Object* self) { \
    MemoryViewObject* m = MV(self);             \
    if (!check_released(ts, m)) return nullptr; \
    return expr;                                \
  }
MV_GETTER(get_obj, newref(m->obj))
MV_GETTER(get_nbytes, int_from(ts, m->length))
MV_GETTER(get_readonly, bool_from(m->readonly))
MV_GETTER(get_itemsize, int_from(ts, 1))
MV_GETTER(get_ndim, int_from(ts, 1))
MV_GETTER(get_contiguous, bool_from(m->step == 1 || m->length <= 1))
MV_GETTER(get_suboffsets, tuple_new(ts, 0))
#undef MV_GETTER

Object* get_format(ThreadState* ts, Object* self) {
  if (!check_released(ts, MV(self))) return nullptr;
  char f[2] = {MV(self)->format, 0};
  return str_from(ts, f);
}

Object* one_tuple(ThreadState* ts, int64_t v) {
  Ref<> i = Ref<>::steal(int_from(ts, v));
  if (!i) return nullptr;
  return tuple_pack(ts, {i.get()});
}

Object* get_shape(ThreadState* ts, Object* self) {
  if (!check_released(ts, MV(self))) return nullptr;
  return one_tuple(ts, MV(self)->length);
}

Object* get_strides(ThreadState* ts, Object* self) {
  if (!check_released(ts, MV(self))) return nullptr;
  return one_tuple(ts, MV(self)->step);
}

const GetSetDef mv_getsets[] = {
    {"obj", get_obj, nullptr},
    {"nbytes", get_nbytes, nullptr},
    {"readonly", get_readonly, nullptr},
    {"itemsize", get_itemsize, nullptr},
    {"format", get_format, nullptr},
    {"ndim", get_ndim, nullptr},
    {"shape", get_shape, nullptr},
    {"strides", get_strides, nullptr},
    {"suboffsets", get_suboffsets, nullptr},
    {"contiguous", get_contiguous, nullptr},
    {"c_contiguous", get_contiguous, nullptr},
    {"f_contiguous", get_contiguous, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

bool memoryview_bytes(ThreadState* ts, Object* o, std::string_view* out) {
  MemoryViewObject* m = MV(o);
  if (!check_released(ts, m)) return false;
  if (m->step != 1 && m->length > 1) {
    raise(ts, &exc::BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  const char* base = base_of(m->obj);
  *out = std::string_view(base ? base + m->offset : "", static_cast<size_t>(m->length));
  return true;
}

bool memoryview_copy(ThreadState* ts, Object* o, std::string* out) {
  if (!check_released(ts, MV(o))) return false;
  *out = contents(MV(o));
  return true;
}

TypeObject MemoryViewType = [] {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = "memoryview";
  t.basicsize = sizeof(MemoryViewObject);
  t.flags = kImmutableType;  // views only hold bytes/bytearray: no cycles
  t.doc = "Create a new memoryview object which references the given object.";
  t.dealloc = mv_dealloc;
  t.repr = mv_repr;
  t.hash = mv_hash;
  t.richcompare = mv_richcompare;
  t.len = mv_len;
  t.getitem = mv_getitem;
  t.setitem = mv_setitem;
  t.new_ = mv_new;
  t.methods = mv_methods;
  t.getsets = mv_getsets;
  return t;
}();

}  // namespace gp
