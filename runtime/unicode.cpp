// UTF-8 and Unicode property/case tables (see unicode.h). Lookups: ASCII answers from a 128-entry
// table; everything else binary-searches run-length property runs and a sorted case table.
#include "runtime/unicode.h"

#include <algorithm>
#include <vector>

namespace gp::unicode {

namespace {

struct PropRun {
  uint32_t start;
  uint32_t flags;
};
struct CaseEntry {
  uint32_t cp, upper, lower, title, fold;  // bit 31 set: index into kCaseSpecial
};

enum : uint32_t {
  kAlpha = 1u << 0,
  kDecimal = 1u << 1,
  kDigit = 1u << 2,
  kNumeric = 1u << 3,
  kSpace = 1u << 4,
  kUpper = 1u << 5,
  kLower = 1u << 6,
  kTitle = 1u << 7,
  kPrintable = 1u << 8,
  kXidStart = 1u << 9,
  kXidCont = 1u << 10,
  kCased = 1u << 11,
  kCaseIgnorable = 1u << 12,
  kLineBreak = 1u << 13,
};

#include "runtime/unicode_tables.inc"

constexpr size_t kNumRuns = sizeof(kPropRuns) / sizeof(kPropRuns[0]);
constexpr size_t kNumCase = sizeof(kCaseEntries) / sizeof(kCaseEntries[0]);

uint32_t props(uint32_t cp) {
  if (cp >= 0x110000) return 0;
  // Last run whose start <= cp.
  size_t lo = 0, hi = kNumRuns;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (kPropRuns[mid].start <= cp)
      lo = mid;
    else
      hi = mid;
  }
  return kPropRuns[lo].flags;
}

const CaseEntry* find_case(uint32_t cp) {
  const CaseEntry* end = kCaseEntries + kNumCase;
  const CaseEntry* e = std::lower_bound(kCaseEntries, end, cp,
                                        [](const CaseEntry& a, uint32_t c) { return a.cp < c; });
  return (e != end && e->cp == cp) ? e : nullptr;
}

int expand(uint32_t v, uint32_t out[3]) {
  if (!(v & 0x80000000u)) {
    out[0] = v;
    return 1;
  }
  const uint32_t* sp = kCaseSpecial[v & 0x7FFFFFFFu];
  int n = static_cast<int>(sp[0]);
  for (int i = 0; i < n; ++i) out[i] = sp[1 + i];
  return n;
}

uint32_t first_of(uint32_t v) { return (v & 0x80000000u) ? kCaseSpecial[v & 0x7FFFFFFFu][1] : v; }

}  // namespace

void utf8_append(std::string& out, uint32_t cp) {
  char buf[4];
  int n = utf8_encode(cp, buf);
  out.append(buf, static_cast<size_t>(n));
}

int utf8_encode(uint32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool utf8_check(std::string_view s, size_t* err_pos, size_t* err_end, const char** reason) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  auto fail = [&](size_t pos, size_t end, const char* why) {
    *err_pos = pos;
    *err_end = end;
    *reason = why;
    return false;
  };
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    int need;
    uint32_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;  // no surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return fail(i, i + 1, "invalid start byte");
    }
    // CPython reports the maximal valid prefix as the bad range.
    size_t j = i + 1;
    for (int k = 0; k < need; ++k, ++j) {
      if (j >= n) return fail(i, n, "unexpected end of data");
      uint32_t c = p[j];
      uint32_t l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xBF;
      if (c < l || c > h) return fail(i, j, "invalid continuation byte");
    }
    i = j;
  }
  return true;
}

size_t utf8_offset(std::string_view s, size_t cp_index) {
  size_t i = 0, n = s.size();
  while (cp_index > 0 && i < n) {
    i += static_cast<size_t>(utf8_seq_len(static_cast<unsigned char>(s[i])));
    --cp_index;
  }
  return i;
}

// ---- classification ----
bool is_alpha(uint32_t cp) { return props(cp) & kAlpha; }
bool is_decimal(uint32_t cp) { return props(cp) & kDecimal; }
bool is_digit(uint32_t cp) { return props(cp) & kDigit; }
bool is_numeric(uint32_t cp) { return props(cp) & kNumeric; }
bool is_space(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  return props(cp) & kSpace;
}
bool is_upper(uint32_t cp) { return props(cp) & kUpper; }
bool is_lower(uint32_t cp) { return props(cp) & kLower; }
bool is_title(uint32_t cp) { return props(cp) & kTitle; }
bool is_cased(uint32_t cp) { return props(cp) & kCased; }
bool is_case_ignorable(uint32_t cp) { return props(cp) & kCaseIgnorable; }
bool is_printable(uint32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return props(cp) & kPrintable;
}
bool is_xid_start(uint32_t cp) { return props(cp) & kXidStart; }
bool is_xid_continue(uint32_t cp) { return props(cp) & kXidCont; }
bool is_linebreak(uint32_t cp) { return props(cp) & kLineBreak; }

int decimal_value(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
  if (cp < 0x80 || !is_decimal(cp)) return -1;
  const uint32_t* end = kDecimalZeros + sizeof(kDecimalZeros) / sizeof(kDecimalZeros[0]);
  const uint32_t* z = std::upper_bound(kDecimalZeros, end, cp);
  if (z == kDecimalZeros) return -1;
  uint32_t d = cp - z[-1];
  return d < 10 ? static_cast<int>(d) : -1;
}

int digit_value(uint32_t cp) {
  int d = decimal_value(cp);
  if (d >= 0) return d;
  for (const auto& e : kDigitOnly)
    if (e[0] == cp) return static_cast<int>(e[1]);
  return -1;
}

// ---- case mapping ----
#define GP_CASE_FN(fn, field, ascii_expr) \
  int fn(uint32_t cp, uint32_t out[3]) {  \
    if (cp < 0x80) {                      \
      out[0] = ascii_expr;                \
      return 1;                           \
    }                                     \
    const CaseEntry* e = find_case(cp);   \
    if (!e) {                             \
      out[0] = cp;                        \
      return 1;                           \
    }                                     \
    return expand(e->field, out);         \
  }
GP_CASE_FN(to_upper, upper, (cp >= 'a' && cp <= 'z') ? cp - 32 : cp)
GP_CASE_FN(to_lower, lower, (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp)
GP_CASE_FN(to_title, title, (cp >= 'a' && cp <= 'z') ? cp - 32 : cp)
GP_CASE_FN(to_casefold, fold, (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp)
#undef GP_CASE_FN

uint32_t simple_upper(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
  const CaseEntry* e = find_case(cp);
  if (!e) return cp;
  if (e->upper & 0x80000000u) return cp;
  return e->upper;
}
uint32_t simple_lower(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  const CaseEntry* e = find_case(cp);
  if (!e) return cp;
  if (e->lower & 0x80000000u) return first_of(e->lower);
  return e->lower;
}

namespace {

std::vector<uint32_t> decode_all(std::string_view s) {
  std::vector<uint32_t> v;
  v.reserve(s.size());
  for (size_t i = 0; i < s.size();) v.push_back(utf8_next(s, i));
  return v;
}

void append_all(std::string& out, const uint32_t* cps, int n) {
  for (int i = 0; i < n; ++i) utf8_append(out, cps[i]);
}

// Greek capital sigma lowers to final sigma at the end of a word (CPython's rule).
bool final_sigma(const std::vector<uint32_t>& v, size_t i) {
  size_t j = i;
  while (j > 0 && is_case_ignorable(v[j - 1])) --j;
  if (j == 0 || !is_cased(v[j - 1])) return false;
  j = i + 1;
  while (j < v.size() && is_case_ignorable(v[j])) ++j;
  return j == v.size() || !is_cased(v[j]);
}

void lower_at(std::string& out, const std::vector<uint32_t>& v, size_t i) {
  if (v[i] == 0x3A3) {
    utf8_append(out, final_sigma(v, i) ? 0x3C2 : 0x3C3);
    return;
  }
  uint32_t m[3];
  append_all(out, m, to_lower(v[i], m));
}

template <class F>
std::string map_ascii(std::string_view s, F f) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(f(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string upper(std::string_view s) {
  if (is_ascii(s)) return map_ascii(s, [](int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; });
  std::string out;
  out.reserve(s.size());
  uint32_t m[3];
  for (size_t i = 0; i < s.size();) append_all(out, m, to_upper(utf8_next(s, i), m));
  return out;
}

std::string lower(std::string_view s) {
  if (is_ascii(s)) return map_ascii(s, [](int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  auto v = decode_all(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < v.size(); ++i) lower_at(out, v, i);
  return out;
}

std::string casefold(std::string_view s) {
  if (is_ascii(s)) return map_ascii(s, [](int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  std::string out;
  out.reserve(s.size());
  uint32_t m[3];
  for (size_t i = 0; i < s.size();) append_all(out, m, to_casefold(utf8_next(s, i), m));
  return out;
}

std::string swapcase(std::string_view s) {
  if (is_ascii(s))
    return map_ascii(s, [](int c) {
      return c >= 'a' && c <= 'z' ? c - 32 : c >= 'A' && c <= 'Z' ? c + 32 : c;
    });
  auto v = decode_all(s);
  std::string out;
  out.reserve(s.size());
  uint32_t m[3];
  for (size_t i = 0; i < v.size(); ++i) {
    if (is_upper(v[i]))
      lower_at(out, v, i);
    else if (is_lower(v[i]))
      append_all(out, m, to_upper(v[i], m));
    else
      utf8_append(out, v[i]);
  }
  return out;
}

std::string title(std::string_view s) {
  auto v = decode_all(s);
  std::string out;
  out.reserve(s.size());
  uint32_t m[3];
  bool prev_cased = false;
  for (size_t i = 0; i < v.size(); ++i) {
    if (prev_cased)
      lower_at(out, v, i);
    else
      append_all(out, m, to_title(v[i], m));
    prev_cased = is_cased(v[i]);
  }
  return out;
}

std::string capitalize(std::string_view s) {
  auto v = decode_all(s);
  std::string out;
  out.reserve(s.size());
  uint32_t m[3];
  for (size_t i = 0; i < v.size(); ++i) {
    if (i == 0)
      append_all(out, m, to_title(v[i], m));
    else
      lower_at(out, v, i);
  }
  return out;
}

}  // namespace gp::unicode
