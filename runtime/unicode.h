// Unicode support for str: UTF-8 decoding/encoding/validation, code point classification and case
// mapping. The property and case tables are generated from CPython's own Unicode database
// (runtime/unicode_gen.py -> runtime/unicode_tables.inc), so str.isalpha(), str.upper() ... agree
// with CPython 3.11 for every code point, not only the common scripts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gp::unicode {

// ---- UTF-8 ----------------------------------------------------------------------------------
// Length of the UTF-8 sequence that starts with lead byte b (1 for continuation/invalid bytes).
inline int utf8_seq_len(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }
// Decodes the code point at s[i] of VALID UTF-8 and advances i.
inline uint32_t utf8_next(std::string_view s, size_t& i) {
  unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  if (b < 0xE0) {
    uint32_t c = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    i += 2;
    return c;
  }
  if (b < 0xF0) {
    uint32_t c = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    i += 3;
    return c;
  }
  uint32_t c = ((b & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
               ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
               (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
  i += 4;
  return c;
}
// Decodes the code point that ends just before s[i] of VALID UTF-8 and moves i back over it.
inline uint32_t utf8_prev(std::string_view s, size_t& i) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  size_t k = j;
  uint32_t c = utf8_next(s, k);
  i = j;
  return c;
}
// Appends the UTF-8 encoding of cp (surrogates are encoded as 3 bytes, as CPython's
// "surrogatepass" would; str never needs to reject them).
void utf8_append(std::string& out, uint32_t cp);
int utf8_encode(uint32_t cp, char out[4]);  // returns the byte count
// Number of code points in valid UTF-8.
size_t utf8_length(std::string_view s);
bool is_ascii(std::string_view s);

// Validation with CPython's error reporting for the 'utf-8' codec. On failure, returns false and
// sets *err_pos (byte offset of the bad sequence), *err_end (its end) and *reason
// ("invalid start byte", "invalid continuation byte", "unexpected end of data").
bool utf8_check(std::string_view s, size_t* err_pos, size_t* err_end, const char** reason);
// Code points of valid UTF-8 -> byte offset of code point index `cp_index` (0..length).
size_t utf8_offset(std::string_view s, size_t cp_index);

// ---- classification (str.isX semantics of CPython, per code point) ---------------------------
bool is_alpha(uint32_t cp);
bool is_decimal(uint32_t cp);  // Nd
bool is_digit(uint32_t cp);    // decimal + other digits (superscripts...)
bool is_numeric(uint32_t cp);  // any numeric value (fractions, CJK numerals...)
bool is_space(uint32_t cp);    // str.isspace / split() whitespace
bool is_upper(uint32_t cp);
bool is_lower(uint32_t cp);
bool is_title(uint32_t cp);  // category Lt
bool is_cased(uint32_t cp);
bool is_case_ignorable(uint32_t cp);
bool is_printable(uint32_t cp);  // str.isprintable / repr escapes
bool is_xid_start(uint32_t cp);  // includes '_' (what str.isidentifier accepts first)
bool is_xid_continue(uint32_t cp);
bool is_linebreak(uint32_t cp);  // str.splitlines boundaries
inline bool is_alnum(uint32_t cp) {
  return is_alpha(cp) || is_decimal(cp) || is_digit(cp) || is_numeric(cp);
}
// Decimal digit value 0..9 of cp, or -1 (int('١٢') uses it).
int decimal_value(uint32_t cp);
// Digit value 0..9 for is_digit code points, or -1.
int digit_value(uint32_t cp);

// ---- case mapping (full mappings: 'ß'.upper() == 'SS') -------------------------------------
// Each writes 1..3 code points to out and returns how many.
int to_upper(uint32_t cp, uint32_t out[3]);
int to_lower(uint32_t cp, uint32_t out[3]);
int to_title(uint32_t cp, uint32_t out[3]);
int to_casefold(uint32_t cp, uint32_t out[3]);
// Simple (single code point) mappings.
uint32_t simple_upper(uint32_t cp);
uint32_t simple_lower(uint32_t cp);

// Whole-string operations on valid UTF-8 (str.upper() and friends; lower() applies the final
// sigma rule as CPython does).
std::string upper(std::string_view s);
std::string lower(std::string_view s);
std::string casefold(std::string_view s);
std::string swapcase(std::string_view s);
std::string title(std::string_view s);
std::string capitalize(std::string_view s);

// ---- character names (runtime/unicode_names.cpp) -----------------------------------------------
// The code point of a character name or alias as "\N{...}" accepts it (case-insensitive), for the
// blocks users write names from (see runtime/unicode_names_gen.py). False when unknown.
bool lookup_name(std::string_view name, uint32_t* cp);
// The name of cp (unicodedata.name), when it is in those blocks; false otherwise.
bool char_name(uint32_t cp, std::string* out);

}  // namespace gp::unicode
