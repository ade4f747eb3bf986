// The format-spec mini-language: parsing and layout, as CPython's Python/formatter_unicode.c.
#include "runtime/format_spec.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "runtime/exceptions.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

// Decodes valid-ish UTF-8 into code points (invalid bytes pass through as themselves).
std::vector<uint32_t> decode(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    int extra = 0;
    if (c >= 0xF0) {
      cp = c & 0x07;
      extra = 3;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      extra = 2;
    } else if (c >= 0xC0) {
      cp = c & 0x1F;
      extra = 1;
    }
    if (extra && i + extra >= s.size()) extra = 0, cp = c;
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += 1 + extra;
  }
  return out;
}

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign(uint32_t c) { return c == ' ' || c == '+' || c == '-'; }

// Returns digits consumed, or -1 on overflow (error raised).
int get_integer(ThreadState* ts, const std::vector<uint32_t>& s, size_t* pos, ssize* out) {
  ssize acc = 0;
  int n = 0;
  while (*pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9') {
    ssize d = s[*pos] - '0';
    if (acc > (PTRDIFF_MAX - d) / 10) {
      raise(ts, &exc::ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
    ++*pos;
    ++n;
  }
  *out = acc;
  return n;
}

std::string code_text(uint32_t c) {
  std::string t;
  if (c > 32 && c < 128) {
    t.push_back(static_cast<char>(c));
  } else {
    char buf[16];
    snprintf(buf, sizeof buf, "\\x%x", c);
    t = buf;
  }
  return t;
}

}  // namespace

void append_utf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

ssize utf8_length(std::string_view text) {
  ssize n = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool parse_format_spec(ThreadState* ts, std::string_view spec, FormatSpec* out, char default_align,
                       uint32_t default_type, const char* type_name) {
  *out = FormatSpec();
  std::vector<uint32_t> s = decode(spec);
  size_t pos = 0, end = s.size();
  bool align_given = false;
  if (end - pos >= 2 && is_align(s[pos + 1])) {
    out->align = static_cast<char>(s[pos + 1]);
    out->fill = s[pos];
    out->fill_given = true;
    align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(s[pos])) {
    out->align = static_cast<char>(s[pos]);
    align_given = true;
    ++pos;
  }
  if (end - pos >= 1 && is_sign(s[pos])) {
    out->sign = static_cast<char>(s[pos]);
    ++pos;
  }
  if (end - pos >= 1 && s[pos] == 'z') {
    out->no_neg_zero = true;
    ++pos;
  }
  if (end - pos >= 1 && s[pos] == '#') {
    out->alternate = true;
    ++pos;
  }
  if (!out->fill_given && end - pos >= 1 && s[pos] == '0') {
    out->fill = '0';
    out->zero = true;
    if (!align_given && default_align == '>') out->align = '=';
    ++pos;
  }
  int consumed = get_integer(ts, s, &pos, &out->width);
  if (consumed < 0) return false;
  if (consumed == 0) out->width = -1;
  if (end - pos >= 1 && s[pos] == ',') {
    out->grouping = ',';
    ++pos;
  }
  if (end - pos >= 1 && s[pos] == '_') {
    if (out->grouping) {
      raise(ts, &exc::ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    out->grouping = '_';
    ++pos;
  }
  if (end - pos >= 1 && s[pos] == ',' && out->grouping == '_') {
    raise(ts, &exc::ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (end - pos >= 1 && s[pos] == '.') {
    ++pos;
    consumed = get_integer(ts, s, &pos, &out->precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      raise(ts, &exc::ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    raise(ts, &exc::ValueError, "Invalid format specifier '%.*s' for object of type '%s'",
          static_cast<int>(spec.size()), spec.data(), type_name);
    return false;
  }
  if (end - pos == 1) out->type = s[pos];
  if (out->grouping) {
    uint32_t t = out->type ? out->type : default_type;
    switch (t) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0:
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (out->grouping == '_') break;
        [[fallthrough]];
      default:
        raise(ts, &exc::ValueError, "Cannot specify '%c' with '%s'.", out->grouping,
              code_text(t).c_str());
        return false;
    }
  }
  return true;
}

std::nullptr_t raise_unknown_format_code(ThreadState* ts, uint32_t code, const char* type_name) {
  return raise(ts, &exc::ValueError, "Unknown format code '%s' for object of type '%s'",
               code_text(code).c_str(), type_name);
}

static void append_fill(std::string* out, uint32_t fill, ssize n) {
  if (fill < 0x80) {
    out->append(static_cast<size_t>(n), static_cast<char>(fill));
    return;
  }
  std::string one;
  append_utf8(&one, fill);
  for (ssize i = 0; i < n; ++i) out->append(one);
}

std::string format_pad(const FormatSpec& spec, std::string_view prefix, std::string_view body,
                       ssize body_len, char default_align) {
  ssize total = static_cast<ssize>(prefix.size()) + body_len;
  std::string out;
  if (spec.width <= total) {
    out.reserve(prefix.size() + body.size());
    out.append(prefix);
    out.append(body);
    return out;
  }
  ssize n = spec.width - total;
  char align = spec.align ? spec.align : default_align;
  ssize left = 0, right = 0;
  switch (align) {
    case '<':
      right = n;
      break;
    case '^':
      left = n / 2;
      right = n - left;
      break;
    case '=':
      break;
    default:
      left = n;
      break;
  }
  out.reserve(prefix.size() + body.size() + static_cast<size_t>(n) * 4);
  append_fill(&out, spec.fill, left);
  out.append(prefix);
  if (align == '=') append_fill(&out, spec.fill, n);
  out.append(body);
  append_fill(&out, spec.fill, right);
  return out;
}

bool format_str_body(ThreadState* ts, const FormatSpec& spec, std::string_view text,
                     std::string* out) {
  if (spec.sign) {
    raise(ts, &exc::ValueError,
          spec.sign == ' ' ? "Space not allowed in string format specifier"
                           : "Sign not allowed in string format specifier");
    return false;
  }
  if (spec.no_neg_zero) {
    raise(ts, &exc::ValueError,
          "Negative zero coercion (z) not allowed in string format specifier");
    return false;
  }
  if (spec.alternate) {
    raise(ts, &exc::ValueError, "Alternate form (#) not allowed in string format specifier");
    return false;
  }
  if (spec.align == '=') {
    raise(ts, &exc::ValueError, "'=' alignment not allowed in string format specifier");
    return false;
  }
  ssize len = utf8_length(text);
  if (spec.precision >= 0 && spec.precision < len) {
    // Cut after `precision` code points.
    size_t i = 0;
    ssize cps = 0;
    while (i < text.size()) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
        if (cps == spec.precision) break;
        ++cps;
      }
      ++i;
    }
    text = text.substr(0, i);
    len = spec.precision;
  }
  *out = format_pad(spec, {}, text, len, '<');
  return true;
}

// CPython's _PyUnicode_InsertThousandsGrouping with a minimum width (the zero padding, which is
// grouped as well and may grow past the width by one digit so that no separator comes first).
static std::string group_digits(std::string_view digits, char sep, int group, ssize min_width) {
  std::string rev;  // built backwards
  ssize remaining = static_cast<ssize>(digits.size());
  ssize src = remaining;  // digits[0..src) not yet used
  bool use_sep = false;
  for (;;) {
    ssize l = std::min<ssize>(group, std::max<ssize>(std::max(remaining, min_width), 1));
    ssize zeros = std::max<ssize>(0, l - remaining);
    ssize chars = std::max<ssize>(0, std::min(remaining, l));
    if (use_sep) rev.push_back(sep);
    for (ssize i = 0; i < chars; ++i) rev.push_back(digits[--src]);
    rev.append(static_cast<size_t>(zeros), '0');
    use_sep = true;
    remaining -= chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
  }
  return std::string(rev.rbegin(), rev.rend());
}

std::string format_number(const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                          std::string_view digits, std::string_view rest, int group_size) {
  char align = spec.align ? spec.align : '>';
  ssize fixed = static_cast<ssize>(sign.size() + prefix.size() + rest.size());
  std::string body;
  if (spec.grouping && !digits.empty()) {  // inf/nan: never grouped, padded as usual
    ssize min_width = 0;
    if (spec.fill == '0' && align == '=' && spec.width > fixed) min_width = spec.width - fixed;
    body = group_digits(digits, spec.grouping, group_size, min_width);
  } else {
    body.assign(digits);
  }
  body.append(rest);
  std::string head;
  head.reserve(sign.size() + prefix.size());
  head.append(sign);
  head.append(prefix);
  FormatSpec s = spec;
  s.align = align;
  return format_pad(s, head, body, utf8_length(body), '>');
}

}  // namespace gp
