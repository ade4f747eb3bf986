#pragma once
#include <string_view>

#include "runtime/object.h"

namespace gp {

struct BytesObject : Object {
  int64_t hash;
  ssize size;
  char data[1];  // size + 1 bytes, NUL-terminated
};

struct ByteArrayObject : Object {
  ssize size;
  ssize capacity;
  char* data;
  ssize exports;  // live memoryviews / buffers (resizing is refused while > 0)
};

extern TypeObject BytesType;
extern TypeObject ByteArrayType;
extern TypeObject BytesIterType;      // bytes_iterator
extern TypeObject ByteArrayIterType;  // bytearray_iterator

inline bool is_bytes(const Object* o) { return o->type->flags & kBytesSubclass; }
inline bool is_bytearray(const Object* o) { return isinstance_of(o, &ByteArrayType); }
BytesObject* bytes_from(ThreadState* ts, std::string_view data);
inline std::string_view bytes_view(const Object* o) {
  auto* b = static_cast<const BytesObject*>(o);
  return {b->data, static_cast<size_t>(b->size)};
}
ByteArrayObject* bytearray_from(ThreadState* ts, std::string_view data);
// Bytes of a bytes-like object (bytes, bytearray, contiguous memoryview); false with TypeError
// otherwise.
bool buffer_view(ThreadState* ts, Object* o, std::string_view* out);

// memoryview (runtime/memoryview.cpp).
extern TypeObject MemoryViewType;
inline bool is_memoryview(const Object* o) { return o->type == &MemoryViewType; }
// The bytes a contiguous, unreleased view sees (BufferError/ValueError otherwise).
bool memoryview_bytes(ThreadState* ts, Object* o, std::string_view* out);
// A copy of the bytes of any unreleased view (also strided ones).
bool memoryview_copy(ThreadState* ts, Object* o, std::string* out);

}  // namespace gp
