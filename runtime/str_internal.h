// Helpers shared by the strings area's files (str.cpp, str_format.cpp, bytes.cpp,
// bytearray.cpp). Private to that area: other areas use str.h and bytes.h.
#pragma once

#include <string>
#include <string_view>

#include "runtime/bytes.h"
#include "runtime/str.h"

namespace gp {

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
