// Helpers shared by the strings area's files (str.cpp, str_format.cpp, bytes.cpp,
// bytearray.cpp). Private to that area: other areas use str.h and bytes.h.
#pragma once

#include <string>
#include <string_view>

#include "runtime/bytes.h"
#include "runtime/str.h"

namespace gp {

// The hash of str and bytes data (constexpr so static immortal objects carry it precomputed).
inline constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ULL;
  x ^= x >> 32;
  x *= 0xD6E8FEB86659FD93ULL;
  x ^= x >> 32;
  return x;
}

inline constexpr int64_t hash_data(const char* p, size_t n) {
  if (n == 0) return 0;  // hash('') == hash(b'') == 0, as CPython
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (static_cast<uint64_t>(n) * 0xFF51AFD7ED558CCDULL);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t k = 0;
    for (int j = 0; j < 8; ++j)
      k |= static_cast<uint64_t>(static_cast<unsigned char>(p[i + j])) << (8 * j);
    h = (h ^ (k * 0x9FB21C651E98DF25ULL)) * 0xC4CEB9FE1A85EC53ULL;
    h = (h << 27) | (h >> 37);
  }
  uint64_t k = 0;
  for (int j = 0; i < n; ++i, ++j)
    k |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * j);
  h = (h ^ (k * 0x9FB21C651E98DF25ULL)) * 0xC4CEB9FE1A85EC53ULL;
  h = mix64(h);
  auto r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

// A str of `type` with nbytes of uninitialised text (length/ascii/interned for the caller).
StrObject* str_alloc(ThreadState* ts, TypeObject* type, ssize nbytes);
// A str-subclass instance with the text of s.
StrObject* str_subtype_copy(ThreadState* ts, TypeObject* type, StrObject* s);
// Code point index of byte offset b of s.
ssize str_cp_index(const StrObject* s, ssize b);

// Argument helpers with CPython's messages.
// start/end arguments of find-like methods: None or missing leaves *out unchanged; otherwise an
// int or __index__ ("slice indices must be integers or None or have an __index__ method").
bool slice_index_arg(ThreadState* ts, Object* o, ssize* out);
// CPython's ADJUST_INDICES: negative from the end, clamped to [0, len] for end.
void adjust_indices(ssize* start, ssize* end, ssize len);
// int / __index__ argument ("'str' object cannot be interpreted as an integer").
bool index_arg(ThreadState* ts, Object* o, ssize* out);

Object* str_format_map_impl(ThreadState* ts, Object* fmt, Object* mapping);

// Byte-level search helpers shared by str and bytes.
ssize find_bytes(std::string_view hay, std::string_view needle, bool reverse);
ssize count_bytes(std::string_view hay, std::string_view needle, ssize maxcount);

}  // namespace gp
