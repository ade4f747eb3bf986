// The format-spec mini-language ("[[fill]align][sign][z][#][0][width][grouping][.precision][type]")
// shared by int/float/complex/str __format__, format() and str.format. Parsing and the padding
// rules follow CPython's Python/formatter_unicode.c, including its error messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace gp {

struct FormatSpec {
  uint32_t fill = ' ';  // code point
  bool fill_given = false;
  char align = 0;            // '<' '>' '^' '=' or 0 when not given (the caller's default applies)
  char sign = 0;             // '+' '-' ' ' or 0 when not given
  bool no_neg_zero = false;  // 'z' (3.11): coerce -0.0 to 0.0 after rounding
  bool alternate = false;    // '#'
  bool zero = false;     // a '0' before the width turned into fill '0' (and align '=' for numbers)
  ssize width = -1;      // -1: not given
  char grouping = 0;     // ',' or '_' or 0
  ssize precision = -1;  // -1: not given
  uint32_t type = 0;     // code point of the presentation type, 0 when not given
};

// Parses spec into *out. default_align is the alignment a '0' flag compares against: '>' for
// numbers ('0' then means '=' alignment), '<' for str. default_type is what an absent type means
// for the grouping check ('s' for str, 'd' for int, 0 for float/complex). type_name is used in
// "Invalid format specifier '<spec>' for object of type '<type_name>'".
// Raises ValueError with CPython's messages: "Invalid format specifier ...", "Format specifier
// missing precision", "Too many decimal digits in format string", "Cannot specify both ',' and
// '_'.", "Cannot specify ',' with 's'.".
bool parse_format_spec(ThreadState* ts, std::string_view spec, FormatSpec* out,
                       char default_align = '>', uint32_t default_type = 0,
                       const char* type_name = "object");

// Raises ValueError "Unknown format code 'x' for object of type 'str'" (CPython writes codes
// outside printable ASCII as '\x..'). Always returns nullptr.
std::nullptr_t raise_unknown_format_code(ThreadState* ts, uint32_t code, const char* type_name);

// Appends code point cp as UTF-8.
void append_utf8(std::string* out, uint32_t cp);
// Number of code points in valid UTF-8 text.
ssize utf8_length(std::string_view text);

// Pads body (body_len code points) to spec.width with spec.fill. align 0 in the spec means
// default_align. '=' alignment puts the padding after `prefix` (the sign, "0x"...) and before the
// body; other alignments pad prefix+body as a whole.
std::string format_pad(const FormatSpec& spec, std::string_view prefix, std::string_view body,
                       ssize body_len, char default_align);

// str.__format__ / format(str, spec) given a parsed spec (type already checked to be 's' or 0):
// the "Sign not allowed in string format specifier", "Alternate form (#) not allowed in string
// format specifier", "'=' alignment not allowed in string format specifier" checks, precision
// truncation (in code points) and padding. text is UTF-8. False on error.
bool format_str_body(ThreadState* ts, const FormatSpec& spec, std::string_view text,
                     std::string* out);

// Lays out a number as CPython does: sign ("-", "+", " " or ""), prefix ("0x", "0b", ...),
// digits (the integer digits, ungrouped, ASCII), rest (fraction/exponent/"%", may be empty).
// Applies spec.grouping every group_size digits (3, or 4 for '_' with b/o/x/X), the zero-padding
// that also groups ('0' fill with '=' alignment), fill, align (default '>') and width.
std::string format_number(const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                          std::string_view digits, std::string_view rest, int group_size = 3);

// Full __format__ implementations for the number types (runtime/int.cpp, float.cpp, complex.cpp);
// spec is UTF-8. They return a new str or nullptr.
Object* int_format(ThreadState* ts, Object* self, std::string_view spec);
Object* float_format(ThreadState* ts, Object* self, std::string_view spec);
Object* complex_format(ThreadState* ts, Object* self, std::string_view spec);

}  // namespace gp
