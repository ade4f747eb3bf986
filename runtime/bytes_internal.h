// Shared between bytes.cpp and bytearray.cpp (strings area; private).
#pragma once

#include <string>
#include <string_view>

#include "runtime/bytes.h"
#include "runtime/str_internal.h"

namespace gp {

BytesObject* bytes_empty();  // the shared immortal b'' (borrowed)
BytesObject* bytes_alloc(ThreadState* ts, TypeObject* type, ssize size);
// Bytes of a bytes or bytearray object (no type check).
std::string_view bytes_like_view(Object* o);
// New bytes when self is bytes, new bytearray when self is a bytearray.
Object* bytes_make_like(ThreadState* ts, Object* self, std::string_view data);
// b'...' text; bytearray's repr escapes ' even inside "..." (CPython does).
std::string bytes_repr_text(std::string_view data, bool always_escape_single);
bool byte_value(ThreadState* ts, Object* o, int* out, const char* range_msg);
bool bytes_from_iterable(ThreadState* ts, Object* iterable, std::string* out,
                         const char* range_msg);
// The source argument of bytes()/bytearray() (no encoding): str error, int count, buffer,
// iterable of ints.
bool bytes_source(ThreadState* ts, Object* src, std::string* out, bool for_bytearray);

// Slots shared by bytes and bytearray.
int bytes_like_contains(ThreadState* ts, Object* o, Object* item);
Object* bytes_like_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op);
Object* bytes_like_concat(ThreadState* ts, Object* a, Object* b);
Object* bytes_like_repeat(ThreadState* ts, Object* a, Object* b);
Object* bytes_like_mod(ThreadState* ts, Object* a, Object* b);
Object* bytes_like_iter(ThreadState* ts, Object* o);

// clang-format off
#define GP_BYTES_METHOD_LIST(X)                                                                 \
  X(find) X(rfind) X(index) X(rindex) X(count) X(startswith) X(endswith) X(split) X(rsplit)     \
  X(splitlines) X(join) X(strip) X(lstrip) X(rstrip) X(replace) X(upper) X(lower)               \
  X(swapcase) X(capitalize) X(title) X(isdigit) X(isalpha) X(isalnum) X(isspace) X(isascii)     \
  X(isupper) X(islower) X(istitle) X(partition) X(rpartition) X(center) X(ljust) X(rjust)       \
  X(zfill) X(expandtabs) X(removeprefix) X(removesuffix) X(decode) X(hex) X(translate)
// clang-format on

#define GP_DECLARE_BYTES_METHOD(n)                                                    \
  Object* bytes_##n(ThreadState* ts, Object* self, Object* const* args, size_t nargs, \
                    TupleObject* kwnames);
GP_BYTES_METHOD_LIST(GP_DECLARE_BYTES_METHOD)
GP_DECLARE_BYTES_METHOD(fromhex)
GP_DECLARE_BYTES_METHOD(maketrans)
#undef GP_DECLARE_BYTES_METHOD

#define GP_BYTES_METHOD_ENTRY(n) {#n, bytes_##n, 0, nullptr},
#define GP_BYTES_COMMON_METHODS                                                               \
  GP_BYTES_METHOD_LIST(GP_BYTES_METHOD_ENTRY){"fromhex", bytes_fromhex, kMethClass, nullptr}, \
      {"maketrans", bytes_maketrans, kMethStatic, nullptr},

}  // namespace gp
