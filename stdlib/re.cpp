// _re: the regular expression engine behind stdlib/py/re (Python's `re` syntax and behaviour).
//
// Why it looks like this:
//  - A pattern is parsed once into a small tree (with CPython's error messages and positions) and
//    compiled into a flat program of instructions; re/__init__.py caches compiled patterns per
//    interpreter, so nothing here is global or mutable.
//  - Matching is a backtracking machine over code points with an explicit stack of choice points
//    and undo records (captures, loop counters), never C++ recursion, so `(a|b)*` on a megabyte
//    only grows a heap vector. Lookarounds and atomic groups push a marker; reaching their end
//    cuts the choice points above the marker and keeps the undo records.
//  - Subjects are read as 8-bit units (ASCII str, bytes) or as a decoded array of 32-bit code
//    points (other str); the machine is a template over the unit type. Single-character repeats
//    (`\w+`, `[^,]*`, `.*?`) run as tight loops with one stack entry; search skips ahead with
//    memchr / string_view::find on a literal prefix, or with the first character's class.
//  - findall/finditer/sub/split live here too, with the 3.7+ rules for empty matches (an empty
//    match may not follow another match at the same position).
#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/objmodel_internal.h"
#include "runtime/unicode.h"
#include "stdlib/modules.h"
#include "stdlib/native_util.h"

namespace gp {

namespace {

namespace u = unicode;

// Flag bits as CPython's re.
constexpr int kFlagTemplate = 1;
constexpr int kFlagI = 2;
constexpr int kFlagL = 4;
constexpr int kFlagM = 8;
constexpr int kFlagS = 16;
constexpr int kFlagU = 32;
constexpr int kFlagX = 64;
constexpr int kFlagDebug = 128;
constexpr int kFlagA = 256;

constexpr ssize kMaxRepeat = 4294967295LL;  // "unbounded"
constexpr ssize kInf = kMaxRepeat;

// ---- character predicates ----------------------------------------------------------------------

inline bool is_ascii_word(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
inline bool is_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

inline bool is_word(uint32_t c, bool uni) {
  if (c < 128 || !uni) return is_ascii_word(c);
  return u::is_alnum(c);
}
inline bool is_digit_c(uint32_t c, bool uni) {
  if (c < 128 || !uni) return is_ascii_digit(c);
  return u::is_decimal(c);
}
inline bool is_space_c(uint32_t c, bool uni) {
  if (c < 128 || !uni) return is_ascii_space(c);
  return u::is_space(c);
}

inline uint32_t ascii_lower(uint32_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
inline uint32_t ascii_upper(uint32_t c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }

// Case-insensitive key: characters equal under simple case folding share it ('ſ', 'S', 's' ->
// 's'; 'K' (Kelvin), 'K', 'k' -> 'k'; 'ς', 'Σ', 'σ' -> 'σ').
inline uint32_t fold(uint32_t c, bool uni) {
  if (c < 128) return ascii_lower(c);
  if (!uni) return c;
  return u::simple_lower(u::simple_upper(c));
}
inline uint32_t lower_c(uint32_t c, bool uni) {
  if (c < 128 || !uni) return ascii_lower(c);
  return u::simple_lower(c);
}
inline uint32_t upper_c(uint32_t c, bool uni) {
  if (c < 128 || !uni) return ascii_upper(c);
  return u::simple_upper(c);
}

// ---- character classes -------------------------------------------------------------------------

enum Category : uint32_t {
  kCatDigit = 1,
  kCatNotDigit = 2,
  kCatWord = 4,
  kCatNotWord = 8,
  kCatSpace = 16,
  kCatNotSpace = 32,
};

struct CharClass {
  uint64_t bitmap[2] = {0, 0};  // the final answer for c < 128 (negation and folding applied)
  std::vector<std::pair<uint32_t, uint32_t>> ranges;  // sorted, merged; members as written
  std::vector<uint32_t> extra;                        // sorted: folds of the members (IGNORECASE)
  uint32_t cats = 0;
  bool negated = false;
  bool icase = false;
  bool uni = true;

  bool in_ranges(uint32_t c) const {
    size_t lo = 0, hi = ranges.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (ranges[mid].second < c)
        lo = mid + 1;
      else if (ranges[mid].first > c)
        hi = mid;
      else
        return true;
    }
    return false;
  }
  bool in_cats(uint32_t c) const {
    if (!cats) return false;
    if ((cats & kCatDigit) && is_digit_c(c, uni)) return true;
    if ((cats & kCatNotDigit) && !is_digit_c(c, uni)) return true;
    if ((cats & kCatWord) && is_word(c, uni)) return true;
    if ((cats & kCatNotWord) && !is_word(c, uni)) return true;
    if ((cats & kCatSpace) && is_space_c(c, uni)) return true;
    if ((cats & kCatNotSpace) && !is_space_c(c, uni)) return true;
    return false;
  }
  bool raw(uint32_t c) const { return in_ranges(c) || in_cats(c); }
  bool slow(uint32_t c) const {
    bool r = raw(c);
    if (!r && icase) {
      uint32_t f = fold(c, uni);
      r = raw(lower_c(c, uni)) || raw(upper_c(c, uni)) || raw(f) ||
          std::binary_search(extra.begin(), extra.end(), f);
    }
    return r != negated;
  }
  bool matches(uint32_t c) const {
    if (c < 128) return (bitmap[c >> 6] >> (c & 63)) & 1;
    return slow(c);
  }
  void finish() {
    std::sort(ranges.begin(), ranges.end());
    std::vector<std::pair<uint32_t, uint32_t>> merged;
    for (auto& r : ranges) {
      if (!merged.empty() && r.first <= merged.back().second + 1)
        merged.back().second = std::max(merged.back().second, r.second);
      else
        merged.push_back(r);
    }
    ranges.swap(merged);
    if (icase) {
      uint64_t total = 0;
      for (auto& r : ranges) total += r.second - r.first + 1;
      if (total <= 2048) {
        for (auto& r : ranges)
          for (uint32_t c = r.first; c <= r.second; ++c) extra.push_back(fold(c, uni));
        std::sort(extra.begin(), extra.end());
        extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
      }
    }
    bitmap[0] = bitmap[1] = 0;
    for (uint32_t c = 0; c < 128; ++c)
      if (slow(c)) bitmap[c >> 6] |= uint64_t(1) << (c & 63);
  }
};

// ---- pattern tree ------------------------------------------------------------------------------

enum class NK : uint8_t {
  Empty,
  Char,   // ch (flags: i)
  Any,    // . (flags: s)
  Class,  // cls index
  Seq,
  Alt,
  Group,    // group >= 1 captures; 0: non-capturing
  Repeat,   // min, max, mode
  Assert,   // at
  Backref,  // group
  Look,     // behind, neg
  Atomic,
  Cond,  // group; kids[0] yes, kids[1] no (may be absent)
};

enum AtKind : uint8_t {
  kAtBeginning,      // \A, ^ without MULTILINE
  kAtBeginningLine,  // ^ with MULTILINE
  kAtEnd,            // $ without MULTILINE
  kAtEndLine,        // $ with MULTILINE
  kAtEndString,      // \Z
  kAtBoundary,
  kAtNonBoundary,
};

enum RepMode : uint8_t { kGreedy, kLazy, kPossessive };

struct Node {
  NK kind;
  uint32_t ch = 0;
  int flags = 0;
  int group = 0;
  int cls = -1;
  ssize min = 0, max = 0;
  RepMode mode = kGreedy;
  bool behind = false, neg = false;
  uint8_t at = 0;
  std::vector<Node*> kids;
};

// ---- program -----------------------------------------------------------------------------------

enum Op : uint8_t {
  OP_CHAR,    // a = char
  OP_CHAR_I,  // a = folded char; flag uni
  OP_ANY,     // not '\n'
  OP_ANY_ALL,
  OP_CLASS,       // a = class index
  OP_STRING,      // a = literal index
  OP_AT,          // a = AtKind; flag uni (word boundaries)
  OP_SPLIT,       // try a first, then b
  OP_JMP,         // a
  OP_SAVE,        // a = slot (2g start, 2g+1 end)
  OP_REPEAT_ONE,  // a = min, b = max (kInf), c = mode; the item is the next instruction
  OP_LOOP_INIT,   // a = register pair index
  OP_LOOP,        // a = reg, b = min, c = max, d = exit pc; flag greedy; body at pc + 1
  OP_LOOP_END,    // a = reg, b = min, c = pc of OP_LOOP
  OP_BACKREF,     // a = group; flag: 1 icase, 2 uni
  OP_LOOK,        // a = continuation pc, b = width; flag: 1 behind, 2 neg
  OP_LOOK_END,
  OP_ATOMIC,
  OP_ATOMIC_END,
  OP_GROUP_EXISTS,  // a = group, b = pc when the group did not match
  OP_MATCH,
};

struct Inst {
  Op op;
  uint8_t flag = 0;
  ssize a = 0, b = 0, c = 0, d = 0;
};

struct Program {
  std::vector<Inst> code;
  std::vector<CharClass> classes;
  std::vector<std::vector<uint32_t>> literals;
  int ngroups = 0;  // capturing groups (without group 0)
  int nregs = 0;    // loop registers (pairs: count, iteration start)
  // Search helpers.
  bool anchored = false;         // starts with \A
  std::vector<uint32_t> prefix;  // literal prefix (case-sensitive)
  int first_class = -1;          // first character must be in this class
  int first_char = -1;           // first character must be this (case-sensitive)
  int first_fold = -1;           // first character folds to this (IGNORECASE)
  bool first_fold_uni = false;
};

// ---- parser
// --------------------------------------------------------------------------------------

struct ParseError {
  std::string msg;
  ssize pos = -1;         // -1: no position
  bool overflow = false;  // OverflowError instead of re.error
  bool value_error = false;
  bool recursion = false;  // RecursionError (patterns nested too deeply)
};

bool is_octal(uint32_t c) { return c >= '0' && c <= '7'; }
bool is_dig(uint32_t c) { return c >= '0' && c <= '9'; }
int hexval(uint32_t c) {
  if (c >= '0' && c <= '9') return int(c - '0');
  if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
  return -1;
}

std::string cps_to_utf8(const std::vector<uint32_t>& v, size_t a, size_t b, bool bytes) {
  std::string out;
  for (size_t i = a; i < b && i < v.size(); ++i) {
    if (bytes)
      out.push_back(char(v[i]));
    else
      u::utf8_append(out, v[i]);
  }
  return out;
}

// The repr of a name for messages ('a-b').
std::string quote_name(const std::string& s) {
  std::string r = str_repr_text(s);
  return r;
}

bool valid_identifier(const std::vector<uint32_t>& name, bool bytes) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    uint32_t c = name[i];
    if (bytes && c >= 128) return false;
    if (i == 0 ? !u::is_xid_start(c) : !u::is_xid_continue(c)) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(const std::vector<uint32_t>& src, bool bytes, int flags)
      : s_(src), bytes_(bytes), flags_(flags) {}

  std::vector<std::unique_ptr<Node>> nodes;
  std::vector<CharClass> classes;
  std::vector<std::pair<std::string, int>> names;  // in definition order
  int ngroups = 0;
  ParseError err;
  bool failed = false;

  int flags() const { return flags_; }

  Node* parse() {
    Node* n = parse_alt(0);
    if (failed) return nullptr;
    if (i_ < s_.size()) {
      // only a stray ')' stops the top level
      fail("unbalanced parenthesis", ssize(i_));
      return nullptr;
    }
    for (auto& [g, pos] : cond_refs_)
      if (g > ngroups) {
        fail("invalid group reference " + std::to_string(g), pos);
        return nullptr;
      }
    return n;
  }

 private:
  const std::vector<uint32_t>& s_;
  bool bytes_;
  int flags_;
  size_t i_ = 0;
  std::vector<int> open_groups_;
  std::vector<std::pair<int, ssize>> cond_refs_;
  bool seen_item_ = false;      // a non-flag item was parsed (for global flags placement)
  int lookbehind_groups_ = -1;  // inside a lookbehind: the group count at its start

  // References from inside a lookbehind may not name an open group or one of its own groups.
  bool check_lookbehind_ref(int g) {
    if (lookbehind_groups_ < 0) return true;
    bool open = g > ngroups;
    for (int og : open_groups_) open = open || og == g;
    if (open) {
      fail("cannot refer to an open group", ssize(i_));
      return false;
    }
    if (g > lookbehind_groups_) {
      fail("cannot refer to group defined in the same lookbehind subpattern", ssize(i_));
      return false;
    }
    return true;
  }

  Node* mk(NK k) {
    nodes.push_back(std::make_unique<Node>());
    nodes.back()->kind = k;
    return nodes.back().get();
  }
  std::nullptr_t fail(std::string msg, ssize pos) {
    if (!failed) {
      failed = true;
      err.msg = std::move(msg);
      err.pos = pos;
    }
    return nullptr;
  }
  bool more() const { return i_ < s_.size(); }
  uint32_t peek() const { return s_[i_]; }
  bool uni(int fl) const { return !bytes_ && !(fl & kFlagA); }
  std::string text(size_t a, size_t b) const { return cps_to_utf8(s_, a, b, bytes_); }

  void skip_verbose(int fl) {
    if (!(fl & kFlagX)) return;
    while (more()) {
      uint32_t c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        ++i_;
      } else if (c == '#') {
        while (more() && peek() != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  Node* parse_alt(int depth) {
    int fl = flags_;
    std::vector<Node*> branches;
    for (;;) {
      Node* seq = parse_seq(depth, fl);
      if (failed) return nullptr;
      branches.push_back(seq);
      if (more() && peek() == '|') {
        ++i_;
        continue;
      }
      break;
    }
    if (branches.size() == 1) return branches[0];
    Node* alt = mk(NK::Alt);
    alt->kids = std::move(branches);
    return alt;
  }

  // fl: the flags in force (scoped flags change them for a group's body).
  Node* parse_seq(int depth, int& fl_unused) {
    (void)fl_unused;
    Node* seq = mk(NK::Seq);
    for (;;) {
      skip_verbose(flags_);
      if (!more()) break;
      uint32_t c = peek();
      if (c == '|' || c == ')') break;
      size_t item_pos = i_;
      Node* item = parse_atom(depth);
      if (failed) return nullptr;
      if (!item) continue;  // comment or global flags
      // quantifiers
      skip_verbose(flags_);
      if (more()) {
        uint32_t q = peek();
        ssize mn = -1, mx = -1;
        size_t qpos = i_;
        if (q == '*') {
          mn = 0, mx = kInf;
          ++i_;
        } else if (q == '+') {
          mn = 1, mx = kInf;
          ++i_;
        } else if (q == '?') {
          mn = 0, mx = 1;
          ++i_;
        } else if (q == '{') {
          if (!parse_brace(&mn, &mx)) {
            if (failed) return nullptr;
          }
        }
        if (mn >= 0) {
          if (item->kind == NK::Assert || item->kind == NK::Empty) {
            return fail("nothing to repeat", ssize(qpos));
          }
          if (item->kind == NK::Repeat) return fail("multiple repeat", ssize(qpos));
          (void)item_pos;
          Node* r = mk(NK::Repeat);
          r->min = mn;
          r->max = mx;
          r->kids.push_back(item);
          if (more() && peek() == '?') {
            r->mode = kLazy;
            ++i_;
          } else if (more() && peek() == '+') {
            r->mode = kPossessive;
            ++i_;
          }
          skip_verbose(flags_);
          if (more()) {
            uint32_t q2 = peek();
            if (q2 == '*' || q2 == '+' || q2 == '?') return fail("multiple repeat", ssize(i_));
            if (q2 == '{') {
              size_t save = i_;
              ssize a, b;
              if (parse_brace(&a, &b)) return fail("multiple repeat", ssize(save));
              if (failed) return nullptr;
              i_ = save;
            }
          }
          item = r;
        }
      }
      seq->kids.push_back(item);
    }
    if (seq->kids.empty()) return mk(NK::Empty);
    if (seq->kids.size() == 1) return seq->kids[0];
    return seq;
  }

  // At '{': parses {m}, {m,}, {,n}, {m,n}; returns false (position restored) when it is a literal.
  bool parse_brace(ssize* mn, ssize* mx) {
    size_t start = i_;
    ++i_;
    size_t a0 = i_;
    while (more() && is_dig(peek())) ++i_;
    size_t a1 = i_;
    size_t b0 = i_, b1 = i_;
    bool comma = false;
    if (more() && peek() == ',') {
      comma = true;
      ++i_;
      b0 = i_;
      while (more() && is_dig(peek())) ++i_;
      b1 = i_;
    }
    if (!more() || peek() != '}' || (a1 == a0 && !comma)) {
      i_ = start;
      return false;
    }
    ++i_;
    auto num = [&](size_t a, size_t b, ssize* out) {
      ssize v = 0;
      for (size_t k = a; k < b; ++k) {
        v = v * 10 + ssize(s_[k] - '0');
        if (v >= kMaxRepeat) {
          v = kMaxRepeat;
          for (; k < b; ++k) {
          }
          break;
        }
      }
      *out = v;
      return v < kMaxRepeat;
    };
    ssize lo = 0, hi = kInf;
    if (a1 > a0 && !num(a0, a1, &lo)) {
      err.overflow = true;
      fail("the repetition number is too large", ssize(a0));
      return false;
    }
    if (comma) {
      if (b1 > b0) {
        if (!num(b0, b1, &hi)) {
          err.overflow = true;
          fail("the repetition number is too large", ssize(b0));
          return false;
        }
        if (hi < lo) {
          fail("min repeat greater than max repeat", ssize(a0));
          return false;
        }
      }
    } else {
      hi = lo;
    }
    *mn = lo;
    *mx = hi;
    return true;
  }

  Node* char_node(uint32_t c, int fl) {
    Node* n = mk(NK::Char);
    n->ch = c;
    n->flags = fl;
    return n;
  }

  Node* cat_node(uint32_t cats, int fl) {
    CharClass cc;
    cc.cats = cats;
    cc.uni = uni(fl);
    cc.finish();
    classes.push_back(std::move(cc));
    Node* n = mk(NK::Class);
    n->cls = int(classes.size() - 1);
    n->flags = fl;
    return n;
  }

  Node* at_node(uint8_t at, int fl) {
    Node* n = mk(NK::Assert);
    n->at = at;
    n->flags = fl;
    return n;
  }

  // Parses an escape after '\' at i_ (i_ points after the backslash); esc_pos is the backslash.
  // in_class: escapes valid inside [...]. Returns a node; for classes, *cp / *cats are set instead
  // (node nullptr, failed false).
  Node* parse_escape(size_t esc_pos, bool in_class, int fl, uint32_t* cp, uint32_t* cats) {
    if (!more()) return fail("bad escape (end of pattern)", ssize(esc_pos));
    uint32_t c = s_[i_++];
    auto lit = [&](uint32_t v) -> Node* {
      if (in_class) {
        *cp = v;
        return nullptr;
      }
      return char_node(v, fl);
    };
    auto cat = [&](uint32_t k) -> Node* {
      if (in_class) {
        *cats = k;
        return nullptr;
      }
      return cat_node(k, fl);
    };
    switch (c) {
      case 'a':
        return lit(7);
      case 'f':
        return lit(12);
      case 'n':
        return lit(10);
      case 'r':
        return lit(13);
      case 't':
        return lit(9);
      case 'v':
        return lit(11);
      case '\\':
        return lit('\\');
      case 'd':
        return cat(kCatDigit);
      case 'D':
        return cat(kCatNotDigit);
      case 'w':
        return cat(kCatWord);
      case 'W':
        return cat(kCatNotWord);
      case 's':
        return cat(kCatSpace);
      case 'S':
        return cat(kCatNotSpace);
      case 'b':
        if (in_class) return lit(8);
        return at_node(kAtBoundary, fl);
      case 'B':
        if (in_class) break;
        return at_node(kAtNonBoundary, fl);
      case 'A':
        if (in_class) break;
        return at_node(kAtBeginning, fl);
      case 'Z':
        if (in_class) break;
        return at_node(kAtEndString, fl);
      case 'x': {
        size_t k = i_;
        uint32_t v = 0;
        int n = 0;
        while (n < 2 && k < s_.size() && hexval(s_[k]) >= 0)
          v = v * 16 + uint32_t(hexval(s_[k++])), ++n;
        if (n < 2) return fail("incomplete escape " + text(esc_pos, k), ssize(esc_pos));
        i_ = k;
        return lit(v);
      }
      case 'u':
      case 'U': {
        if (bytes_) break;
        int want = c == 'u' ? 4 : 8;
        size_t k = i_;
        uint32_t v = 0;
        int n = 0;
        while (n < want && k < s_.size() && hexval(s_[k]) >= 0)
          v = v * 16 + uint32_t(hexval(s_[k++])), ++n;
        if (n < want) return fail("incomplete escape " + text(esc_pos, k), ssize(esc_pos));
        i_ = k;
        if (v > 0x10FFFF) return fail("bad escape " + text(esc_pos, k), ssize(esc_pos));
        return lit(v);
      }
      case 'N': {
        if (bytes_) break;
        if (!more() || peek() != '{') return fail("missing {", ssize(i_));
        size_t k = i_ + 1;
        size_t name0 = k;
        while (k < s_.size() && s_[k] != '}') ++k;
        if (k >= s_.size() || k == name0) return fail("missing character name", ssize(name0));
        std::string name = text(name0, k);
        uint32_t v;
        if (!u::lookup_name(name, &v))
          return fail("undefined character name '" + name + "'", ssize(esc_pos));
        i_ = k + 1;
        return lit(v);
      }
      case '0': {
        uint32_t v = 0;
        int n = 0;
        while (n < 2 && more() && is_octal(peek())) v = v * 8 + (s_[i_++] - '0'), ++n;
        return lit(v);
      }
      default:
        break;
    }
    if (is_dig(c)) {
      if (in_class) {
        if (!is_octal(c)) return fail("bad escape " + text(esc_pos, i_), ssize(esc_pos));
        uint32_t v = c - '0';
        int n = 1;
        while (n < 3 && more() && is_octal(peek())) v = v * 8 + (s_[i_++] - '0'), ++n;
        if (v > 0377)
          return fail("octal escape value " + text(esc_pos, i_) + " outside of range 0-0o377",
                      ssize(esc_pos));
        return lit(v);
      }
      // octal when three octal digits, else a group reference (1-2 digits)
      if (is_octal(c) && i_ + 1 < s_.size() + 0 && i_ < s_.size() && is_octal(s_[i_]) &&
          i_ + 1 < s_.size() && is_octal(s_[i_ + 1])) {
        uint32_t v = (c - '0') * 64 + (s_[i_] - '0') * 8 + (s_[i_ + 1] - '0');
        i_ += 2;
        if (v > 0377)
          return fail("octal escape value " + text(esc_pos, i_) + " outside of range 0-0o377",
                      ssize(esc_pos));
        return lit(v);
      }
      int g = int(c - '0');
      if (more() && is_dig(peek())) g = g * 10 + int(s_[i_++] - '0');
      if (g > ngroups)
        return fail("invalid group reference " + std::to_string(g), ssize(esc_pos + 1));
      for (int og : open_groups_)
        if (og == g) return fail("cannot refer to an open group", ssize(esc_pos));
      if (!check_lookbehind_ref(g)) return nullptr;
      Node* n = mk(NK::Backref);
      n->group = g;
      n->flags = fl;
      return n;
    }
    if (c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
      return fail("bad escape " + text(esc_pos, i_), ssize(esc_pos));
    return lit(c);
  }

  Node* parse_class(int fl) {
    size_t start = i_;
    ++i_;  // '['
    CharClass cc;
    cc.uni = uni(fl);
    cc.icase = fl & kFlagI;
    if (more() && peek() == '^') {
      cc.negated = true;
      ++i_;
    }
    bool first = true;
    for (;;) {
      if (!more()) return fail("unterminated character set", ssize(start));
      uint32_t c = peek();
      if (c == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      size_t item_pos = i_;
      uint32_t lo = 0, cats = 0;
      bool lo_set = false;
      if (c == '\\') {
        ++i_;
        uint32_t cp = 0;
        parse_escape(item_pos, true, fl, &cp, &cats);
        if (failed) return nullptr;
        if (!cats) {
          lo = cp;
          lo_set = true;
        }
      } else {
        lo = c;
        lo_set = true;
        ++i_;
      }
      // range?
      if (more() && peek() == '-' && i_ + 1 < s_.size() && s_[i_ + 1] != ']') {
        size_t dash = i_;
        ++i_;
        size_t hi_pos = i_;
        uint32_t hi = 0, hcats = 0;
        if (peek() == '\\') {
          ++i_;
          uint32_t cp = 0;
          parse_escape(hi_pos, true, fl, &cp, &hcats);
          if (failed) return nullptr;
          hi = cp;
        } else {
          hi = peek();
          ++i_;
        }
        (void)dash;
        if (!lo_set || hcats)
          return fail("bad character range " + text(item_pos, i_), ssize(item_pos));
        if (hi < lo) return fail("bad character range " + text(item_pos, i_), ssize(item_pos));
        cc.ranges.push_back({lo, hi});
        continue;
      }
      if (!more()) return fail("unterminated character set", ssize(start));
      if (cats)
        cc.cats |= cats;
      else
        cc.ranges.push_back({lo, lo});
    }
    cc.finish();
    classes.push_back(std::move(cc));
    Node* n = mk(NK::Class);
    n->cls = int(classes.size() - 1);
    n->flags = fl;
    return n;
  }

  // Reads a group name up to `term`; returns false with an error set.
  bool read_name(uint32_t term, std::vector<uint32_t>* name, size_t* name_pos,
                 const char* unterminated) {
    *name_pos = i_;
    size_t k = i_;
    while (k < s_.size() && s_[k] != term) ++k;
    if (k >= s_.size()) {
      if (k == i_) {
        fail("missing group name", ssize(i_));
        return false;
      }
      fail(unterminated, ssize(i_));
      return false;
    }
    name->assign(s_.begin() + ssize(i_), s_.begin() + ssize(k));
    if (name->empty()) {
      fail("missing group name", ssize(i_));
      return false;
    }
    i_ = k + 1;
    return true;
  }

  int lookup_group(const std::vector<uint32_t>& name) {
    std::string key = cps_to_utf8(name, 0, name.size(), bytes_);
    for (auto& [n, g] : names)
      if (n == key) return g;
    return -1;
  }

  Node* parse_atom(int depth) {
    size_t start = i_;
    uint32_t c = s_[i_];
    int fl = flags_;
    switch (c) {
      case '(':
        return parse_group(depth);
      case '[':
        seen_item_ = true;
        return parse_class(fl);
      case '.': {
        ++i_;
        seen_item_ = true;
        Node* n = mk(NK::Any);
        n->flags = fl;
        return n;
      }
      case '^':
        ++i_;
        seen_item_ = true;
        return at_node((fl & kFlagM) ? kAtBeginningLine : kAtBeginning, fl);
      case '$':
        ++i_;
        seen_item_ = true;
        return at_node((fl & kFlagM) ? kAtEndLine : kAtEnd, fl);
      case '\\': {
        ++i_;
        seen_item_ = true;
        return parse_escape(start, false, fl, nullptr, nullptr);
      }
      case '*':
      case '+':
      case '?':
        return fail("nothing to repeat", ssize(start));
      case '{': {
        ssize a, b;
        if (parse_brace(&a, &b)) return fail("nothing to repeat", ssize(start));
        if (failed) return nullptr;
        ++i_;
        seen_item_ = true;
        return char_node('{', fl);
      }
      default:
        ++i_;
        seen_item_ = true;
        return char_node(c, fl);
    }
  }

  // Parses flag letters at i_; returns the bits. For errors, sets failed.
  int flag_bit(uint32_t c) {
    switch (c) {
      case 'i':
        return kFlagI;
      case 'L':
        return kFlagL;
      case 'm':
        return kFlagM;
      case 's':
        return kFlagS;
      case 'u':
        return kFlagU;
      case 'x':
        return kFlagX;
      case 'a':
        return kFlagA;
      default:
        return 0;
    }
  }

  Node* parse_group(int depth) {
    if (depth > 200) {
      err.recursion = true;
      return fail("maximum recursion depth exceeded", -1);
    }
    size_t open = i_;
    ++i_;
    int saved_flags = flags_;
    int capture = 0;
    Node* result = nullptr;
    bool look = false, behind = false, neg = false, atomic = false;
    if (more() && peek() == '?') {
      ++i_;
      if (!more()) return fail("unexpected end of pattern", ssize(i_));
      uint32_t c = s_[i_++];
      if (c == ':') {
      } else if (c == 'P') {
        if (!more()) return fail("unexpected end of pattern", ssize(i_));
        uint32_t d = s_[i_++];
        if (d == '<') {
          std::vector<uint32_t> name;
          size_t npos;
          if (!read_name('>', &name, &npos, "missing >, unterminated name")) return nullptr;
          std::string key = cps_to_utf8(name, 0, name.size(), bytes_);
          if (!valid_identifier(name, bytes_))
            return fail("bad character in group name " + quote_name(key), ssize(npos));
          capture = ++ngroups;
          int prev = lookup_group(name);
          if (prev >= 0)
            return fail("redefinition of group name " + quote_name(key) + " as group " +
                            std::to_string(capture) + "; was group " + std::to_string(prev),
                        ssize(npos));
          names.push_back({key, capture});
        } else if (d == '=') {
          std::vector<uint32_t> name;
          size_t npos;
          if (!read_name(')', &name, &npos, "missing ), unterminated name")) return nullptr;
          std::string key = cps_to_utf8(name, 0, name.size(), bytes_);
          if (!valid_identifier(name, bytes_))
            return fail("bad character in group name " + quote_name(key), ssize(npos));
          int g = lookup_group(name);
          if (g < 0) return fail("unknown group name " + quote_name(key), ssize(npos));
          for (int og : open_groups_)
            if (og == g) return fail("cannot refer to an open group", ssize(npos));
          if (!check_lookbehind_ref(g)) return nullptr;
          seen_item_ = true;
          Node* n = mk(NK::Backref);
          n->group = g;
          n->flags = flags_;
          return n;
        } else {
          return fail(std::string("unknown extension ?P") + text(i_ - 1, i_), ssize(open + 1));
        }
      } else if (c == '#') {
        while (more() && peek() != ')') ++i_;
        if (!more()) return fail("missing ), unterminated comment", ssize(open));
        ++i_;
        return nullptr;
      } else if (c == '=' || c == '!') {
        look = true;
        neg = c == '!';
      } else if (c == '<') {
        if (!more()) return fail("unexpected end of pattern", ssize(i_));
        uint32_t d = s_[i_++];
        if (d == '=' || d == '!') {
          look = behind = true;
          neg = d == '!';
        } else {
          return fail("unknown extension ?<" + text(i_ - 1, i_), ssize(open + 1));
        }
      } else if (c == '>') {
        atomic = true;
      } else if (c == '(') {
        // conditional
        std::vector<uint32_t> name;
        size_t npos;
        if (!read_name(')', &name, &npos, "missing ), unterminated name")) return nullptr;
        std::string key = cps_to_utf8(name, 0, name.size(), bytes_);
        int g = -1;
        bool alldig = !name.empty();
        for (uint32_t ch : name) alldig = alldig && is_dig(ch);
        if (alldig) {
          g = 0;
          for (uint32_t ch : name) g = std::min(g * 10 + int(ch - '0'), 1 << 30);
          if (g == 0) return fail("bad group number", ssize(npos));
          cond_refs_.push_back({g, ssize(npos)});
        } else {
          if (!valid_identifier(name, bytes_))
            return fail("bad character in group name " + quote_name(key), ssize(npos));
          g = lookup_group(name);
          if (g < 0) return fail("unknown group name " + quote_name(key), ssize(npos));
        }
        if (!check_lookbehind_ref(g)) return nullptr;
        seen_item_ = true;
        Node* yes = parse_seq(depth + 1, flags_);
        if (failed) return nullptr;
        Node* no = nullptr;
        if (more() && peek() == '|') {
          ++i_;
          no = parse_seq(depth + 1, flags_);
          if (failed) return nullptr;
          if (more() && peek() == '|')
            return fail("conditional backref with more than two branches", ssize(i_));
        }
        if (!more() || peek() != ')')
          return fail("missing ), unterminated subpattern", ssize(open));
        ++i_;
        Node* n = mk(NK::Cond);
        n->group = g;
        n->kids.push_back(yes);
        if (no) n->kids.push_back(no);
        return n;
      } else if (flag_bit(c) || c == '-') {
        // inline flags
        --i_;
        int on = 0, off = 0;
        size_t fstart = i_;
        (void)fstart;
        while (more() && flag_bit(peek())) {
          int b = flag_bit(peek());
          if (bytes_ && b == kFlagU)
            return fail("bad inline flags: cannot use 'u' flag with a bytes pattern",
                        ssize(i_ + 1));
          if (!bytes_ && b == kFlagL)
            return fail("bad inline flags: cannot use 'L' flag with a str pattern", ssize(i_ + 1));
          on |= b;
          ++i_;
          int t = on & (kFlagA | kFlagU | kFlagL);
          if (t && (t & (t - 1)))
            return fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible", ssize(i_));
        }
        if (!more()) return fail("missing -, : or )", ssize(i_));
        if (peek() == ')') {
          ++i_;
          if (depth > 0 || seen_item_)
            return fail("global flags not at the start of the expression", ssize(open));
          flags_ |= on;
          if (on & kFlagA) flags_ &= ~kFlagU;
          return nullptr;
        }
        if (peek() == '-') {
          ++i_;
          if (!more()) return fail("missing flag", ssize(i_));
          while (more() && flag_bit(peek())) {
            int b = flag_bit(peek());
            if (b & (kFlagA | kFlagU | kFlagL))
              return fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                          ssize(i_ + 1));
            off |= b;
            ++i_;
            if (on & off) return fail("bad inline flags: flag turned on and off", ssize(i_));
          }
          if (!off) {
            if (!more()) return fail("missing flag", ssize(i_));
            return fail("unknown flag", ssize(i_));
          }
          if (!more()) return fail("missing :", ssize(i_));
          if (peek() != ':') {
            if (peek() == ')') return fail("missing :", ssize(i_));
            return fail("unknown flag", ssize(i_));
          }
          ++i_;
        } else if (peek() == ':') {
          ++i_;
        } else {
          if ((peek() >= 'a' && peek() <= 'z') || (peek() >= 'A' && peek() <= 'Z'))
            return fail("unknown flag", ssize(i_));
          return fail("missing -, : or )", ssize(i_));
        }
        flags_ = (flags_ | on) & ~off;
        if (on & kFlagA) flags_ &= ~kFlagU;
        if (on & kFlagU) flags_ &= ~kFlagA;
      } else {
        return fail("unknown extension ?" + text(i_ - 1, i_), ssize(open + 1));
      }
    } else {
      capture = ++ngroups;
    }
    seen_item_ = true;
    if (capture) open_groups_.push_back(capture);
    int saved_lb = lookbehind_groups_;
    if (behind && lookbehind_groups_ < 0) lookbehind_groups_ = ngroups;
    Node* body = parse_alt(depth + 1);
    lookbehind_groups_ = saved_lb;
    if (failed) return nullptr;
    if (!more() || peek() != ')') return fail("missing ), unterminated subpattern", ssize(open));
    ++i_;
    if (capture) open_groups_.pop_back();
    flags_ = saved_flags;
    if (look) {
      result = mk(NK::Look);
      result->behind = behind;
      result->neg = neg;
      result->kids.push_back(body);
    } else if (atomic) {
      result = mk(NK::Atomic);
      result->kids.push_back(body);
    } else {
      result = mk(NK::Group);
      result->group = capture;
      result->kids.push_back(body);
    }
    return result;
  }
};

// ---- compiler ----------------------------------------------------------------------------------

// Width bounds of a node (max kInf when unbounded or unknown).
void width(const Node* n, ssize* lo, ssize* hi, const std::vector<const Node*>* groups) {
  auto add = [](ssize a, ssize b) {
    return (a >= kInf || b >= kInf) ? kInf : std::min(a + b, kInf);
  };
  switch (n->kind) {
    case NK::Empty:
    case NK::Assert:
    case NK::Look:
      *lo = *hi = 0;
      return;
    case NK::Char:
    case NK::Any:
    case NK::Class:
      *lo = *hi = 1;
      return;
    case NK::Backref:
      // as wide as the group it repeats (CPython's rule for look-behinds)
      if (groups && size_t(n->group) < groups->size() && (*groups)[size_t(n->group)]) {
        width((*groups)[size_t(n->group)], lo, hi, groups);
        return;
      }
      *lo = 0;
      *hi = kInf;
      return;
    case NK::Seq: {
      ssize l = 0, h = 0;
      for (auto* k : n->kids) {
        ssize a, b;
        width(k, &a, &b, groups);
        l = add(l, a);
        h = add(h, b);
      }
      *lo = l;
      *hi = h;
      return;
    }
    case NK::Alt:
    case NK::Cond: {
      ssize l = kInf, h = 0;
      for (auto* k : n->kids) {
        ssize a, b;
        width(k, &a, &b, groups);
        l = std::min(l, a);
        h = std::max(h, b);
      }
      if (n->kind == NK::Cond && n->kids.size() < 2) l = 0;
      *lo = l;
      *hi = h;
      return;
    }
    case NK::Group:
    case NK::Atomic:
      width(n->kids[0], lo, hi, groups);
      return;
    case NK::Repeat: {
      ssize a, b;
      width(n->kids[0], &a, &b, groups);
      *lo = (a == 0 || n->min == 0) ? 0
                                    : (a >= kInf / std::max<ssize>(n->min, 1) ? kInf : a * n->min);
      if (b == 0)
        *hi = 0;
      else if (n->max >= kInf || b >= kInf || b > kInf / std::max<ssize>(n->max, 1))
        *hi = kInf;
      else
        *hi = b * n->max;
      return;
    }
  }
  *lo = 0;
  *hi = kInf;
}

bool has_capture(const Node* n) {
  if (n->kind == NK::Group && n->group > 0) return true;
  for (auto* k : n->kids)
    if (has_capture(k)) return true;
  return false;
}

class Compiler {
 public:
  Compiler(Program& p, std::vector<CharClass>& classes, bool bytes)
      : p_(p), classes_(classes), bytes_(bytes) {}
  ParseError err;
  bool failed = false;

  void compile(Node* root) {
    collect_groups(root);
    emit({OP_SAVE, 0, 0});
    node(root);
    emit({OP_SAVE, 0, 1});
    emit({OP_MATCH});
  }

 private:
  Program& p_;
  std::vector<CharClass>& classes_;
  bool bytes_;
  std::vector<const Node*> groups_;  // group number -> its Group node's body

  void collect_groups(const Node* n) {
    if (n->kind == NK::Group && n->group > 0) {
      if (groups_.size() <= size_t(n->group)) groups_.resize(size_t(n->group) + 1, nullptr);
      groups_[size_t(n->group)] = n->kids[0];
    }
    for (auto* k : n->kids) collect_groups(k);
  }

  ssize emit(Inst in) {
    p_.code.push_back(in);
    return ssize(p_.code.size() - 1);
  }
  ssize here() const { return ssize(p_.code.size()); }
  bool uni(int fl) const { return !bytes_ && !(fl & kFlagA); }

  bool single(const Node* n) const {
    return n->kind == NK::Char || n->kind == NK::Any || n->kind == NK::Class;
  }

  void single_inst(const Node* n) {
    if (n->kind == NK::Char) {
      if (n->flags & kFlagI) {
        bool un = uni(n->flags);
        uint32_t f = fold(n->ch, un);
        // characters with no other case stay plain
        if (lower_c(n->ch, un) == n->ch && upper_c(n->ch, un) == n->ch && f == n->ch &&
            !(un && n->ch >= 128)) {
          emit({OP_CHAR, 0, ssize(n->ch)});
        } else {
          emit({OP_CHAR_I, uint8_t(un ? 1 : 0), ssize(f)});
        }
      } else {
        emit({OP_CHAR, 0, ssize(n->ch)});
      }
    } else if (n->kind == NK::Any) {
      emit({(n->flags & kFlagS) ? OP_ANY_ALL : OP_ANY});
    } else {
      CharClass& cc = classes_[size_t(n->cls)];
      if (!p_.classes.size() || true) {
        p_.classes.push_back(cc);
        emit({OP_CLASS, 0, ssize(p_.classes.size() - 1)});
      }
    }
  }

  void node(Node* n) {
    switch (n->kind) {
      case NK::Empty:
        return;
      case NK::Char:
      case NK::Any:
      case NK::Class:
        single_inst(n);
        return;
      case NK::Seq: {
        size_t i = 0;
        while (i < n->kids.size()) {
          // runs of case-sensitive characters become one string
          size_t j = i;
          while (j < n->kids.size() && n->kids[j]->kind == NK::Char &&
                 !(n->kids[j]->flags & kFlagI))
            ++j;
          if (j - i >= 2) {
            std::vector<uint32_t> lit;
            for (size_t k = i; k < j; ++k) lit.push_back(n->kids[k]->ch);
            p_.literals.push_back(std::move(lit));
            emit({OP_STRING, 0, ssize(p_.literals.size() - 1)});
            i = j;
            continue;
          }
          node(n->kids[i]);
          ++i;
        }
        return;
      }
      case NK::Alt: {
        std::vector<ssize> jumps;
        for (size_t k = 0; k < n->kids.size(); ++k) {
          if (k + 1 < n->kids.size()) {
            ssize split = emit({OP_SPLIT});
            p_.code[size_t(split)].a = here();
            node(n->kids[k]);
            jumps.push_back(emit({OP_JMP}));
            p_.code[size_t(split)].b = here();
          } else {
            node(n->kids[k]);
          }
        }
        for (ssize j : jumps) p_.code[size_t(j)].a = here();
        return;
      }
      case NK::Group:
        if (n->group > 0) emit({OP_SAVE, 0, ssize(2 * n->group)});
        node(n->kids[0]);
        if (n->group > 0) emit({OP_SAVE, 0, ssize(2 * n->group + 1)});
        return;
      case NK::Assert:
        emit({OP_AT, uint8_t(uni(n->flags) ? 1 : 0), ssize(n->at)});
        return;
      case NK::Backref:
        emit({OP_BACKREF, uint8_t(((n->flags & kFlagI) ? 1 : 0) | (uni(n->flags) ? 2 : 0)),
              ssize(n->group)});
        return;
      case NK::Look: {
        ssize lo = 0, hi = 0;
        if (n->behind) {
          width(n->kids[0], &lo, &hi, &groups_);
          if (lo != hi || hi >= kInf) {
            failed = true;
            err.msg = "look-behind requires fixed-width pattern";
            err.pos = -1;
            return;
          }
        }
        ssize at = emit({OP_LOOK, uint8_t((n->behind ? 1 : 0) | (n->neg ? 2 : 0)), 0, lo});
        node(n->kids[0]);
        emit({OP_LOOK_END});
        p_.code[size_t(at)].a = here();
        return;
      }
      case NK::Atomic:
        emit({OP_ATOMIC});
        node(n->kids[0]);
        emit({OP_ATOMIC_END});
        return;
      case NK::Cond: {
        ssize at = emit({OP_GROUP_EXISTS, 0, ssize(n->group)});
        node(n->kids[0]);
        if (n->kids.size() > 1) {
          ssize j = emit({OP_JMP});
          p_.code[size_t(at)].b = here();
          node(n->kids[1]);
          p_.code[size_t(j)].a = here();
        } else {
          p_.code[size_t(at)].b = here();
        }
        return;
      }
      case NK::Repeat:
        repeat(n);
        return;
    }
  }

  void repeat(Node* n) {
    Node* body = n->kids[0];
    ssize mn = n->min, mx = n->max;
    if (single(body)) {
      emit({OP_REPEAT_ONE, 0, mn, mx, ssize(n->mode)});
      single_inst(body);
      return;
    }
    if (n->mode == kPossessive) {
      emit({OP_ATOMIC});
      Node tmp = *n;
      tmp.mode = kGreedy;
      repeat(&tmp);
      emit({OP_ATOMIC_END});
      return;
    }
    bool greedy = n->mode == kGreedy;
    if (mx == 0) return;
    ssize lo, hi;
    width(body, &lo, &hi, &groups_);
    bool can_be_empty = lo == 0;
    if (mn == 0 && mx == 1) {
      ssize split = emit({OP_SPLIT});
      ssize bodypc = here();
      node(body);
      ssize end = here();
      p_.code[size_t(split)].a = greedy ? bodypc : end;
      p_.code[size_t(split)].b = greedy ? end : bodypc;
      return;
    }
    if (!can_be_empty && mx >= kInf && mn <= 1) {
      // x* : L: SPLIT body, exit; body; JMP L      x+ : body; then x*
      if (mn == 1) node(body);
      ssize split = emit({OP_SPLIT});
      ssize bodypc = here();
      node(body);
      emit({OP_JMP, 0, split});
      ssize end = here();
      p_.code[size_t(split)].a = greedy ? bodypc : end;
      p_.code[size_t(split)].b = greedy ? end : bodypc;
      return;
    }
    int reg = p_.nregs++;
    emit({OP_LOOP_INIT, 0, ssize(reg)});
    ssize loop = emit({OP_LOOP, uint8_t(greedy ? 1 : 0), ssize(reg), mn, mx});
    node(body);
    emit({OP_LOOP_END, 0, ssize(reg), mn, loop});
    p_.code[size_t(loop)].d = here();
  }
};

void find_search_hints(Program& p) {
  size_t pc = 1;  // after SAVE 0
  if (pc < p.code.size() && p.code[pc].op == OP_AT && p.code[pc].a == kAtBeginning) {
    p.anchored = true;
    return;
  }
  // skip capture saves
  while (pc < p.code.size() && p.code[pc].op == OP_SAVE) ++pc;
  if (pc >= p.code.size()) return;
  const Inst& in = p.code[pc];
  if (in.op == OP_STRING) {
    p.prefix = p.literals[size_t(in.a)];
  } else if (in.op == OP_CHAR) {
    p.first_char = int(in.a);
  } else if (in.op == OP_CLASS) {
    p.first_class = int(in.a);
  } else if (in.op == OP_CHAR_I) {
    p.first_fold = int(in.a);
    p.first_fold_uni = in.flag;
  } else if (in.op == OP_REPEAT_ONE && in.a >= 1 && pc + 1 < p.code.size()) {
    const Inst& it = p.code[pc + 1];
    if (it.op == OP_CLASS) p.first_class = int(it.a);
    if (it.op == OP_CHAR) p.first_char = int(it.a);
    if (it.op == OP_CHAR_I) {
      p.first_fold = int(it.a);
      p.first_fold_uni = it.flag;
    }
  }
}

// ---- matcher -----------------------------------------------------------------------------------

enum BtKind : uint8_t {
  BT_BRANCH,      // a = pc, b = pos
  BT_SLOT,        // a = slot, b = old value, c = old lastindex (for end slots)
  BT_REG,         // a = reg index, b = old value
  BT_REP_GREEDY,  // a = pc of REPEAT_ONE, b = lowest end, c = current end
  BT_REP_LAZY,    // a = pc, b = highest end, c = current end
  BT_LOOK,        // a = pc of OP_LOOK, b = original pos
  BT_ATOMIC,      // a = pc, b = pos
  BT_LAZY_LOOP,   // a = pc of OP_LOOP, b = pos
};

struct Bt {
  BtKind kind;
  int32_t a;
  ssize b;
  ssize c;
};

struct MatchState {
  std::vector<ssize> slots;  // 2 * (ngroups + 1); -1 unset
  ssize lastindex = -1;
};

template <class CharT>
class Machine {
 public:
  Machine(const Program& p, const CharT* s, ssize len, ssize endpos)
      : p_(p), s_(s), len_(len), end_(endpos) {
    slots_.assign(size_t(2 * (p.ngroups + 1)), -1);
    regs_.assign(size_t(2 * p.nregs), 0);
  }

  // Tries a match starting exactly at `start`. must_advance: an empty match at start is refused.
  bool run(ssize start, bool must_advance, bool full) {
    stack_.clear();
    std::fill(slots_.begin(), slots_.end(), -1);
    lastindex_ = -1;
    ssize pc = 0, pos = start;
    const Inst* code = p_.code.data();
    for (;;) {
      const Inst& in = code[pc];
      switch (in.op) {
        case OP_CHAR:
          if (pos < end_ && uint32_t(s_[pos]) == uint32_t(in.a)) {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case OP_CHAR_I:
          if (pos < end_ && fold(uint32_t(s_[pos]), in.flag) == uint32_t(in.a)) {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case OP_ANY:
          if (pos < end_ && s_[pos] != '\n') {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case OP_ANY_ALL:
          if (pos < end_) {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case OP_CLASS:
          if (pos < end_ && p_.classes[size_t(in.a)].matches(uint32_t(s_[pos]))) {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case OP_STRING: {
          const auto& lit = p_.literals[size_t(in.a)];
          ssize n = ssize(lit.size());
          if (end_ - pos < n) goto fail;
          for (ssize k = 0; k < n; ++k)
            if (uint32_t(s_[pos + k]) != lit[size_t(k)]) goto fail;
          pos += n;
          ++pc;
          continue;
        }
        case OP_AT:
          if (!at(in, pos)) goto fail;
          ++pc;
          continue;
        case OP_SPLIT:
          stack_.push_back({BT_BRANCH, int32_t(in.b), pos, 0});
          pc = in.a;
          continue;
        case OP_JMP:
          pc = in.a;
          continue;
        case OP_SAVE: {
          ssize slot = in.a;
          if (slot & 1) {
            stack_.push_back({BT_SLOT, int32_t(slot), slots_[size_t(slot)], lastindex_});
            slots_[size_t(slot)] = pos;
            if (slot > 1) lastindex_ = slot / 2;
          } else {
            stack_.push_back({BT_SLOT, int32_t(slot), slots_[size_t(slot)], lastindex_});
            slots_[size_t(slot)] = pos;
          }
          ++pc;
          continue;
        }
        case OP_REPEAT_ONE: {
          const Inst& item = code[pc + 1];
          ssize mn = in.a, mx = in.b;
          ssize limit = (mx >= kInf || mx > end_ - pos) ? end_ : pos + mx;
          if (in.c == kLazy) {
            ssize e = pos;
            ssize need = pos + mn;
            if (need > end_) goto fail;
            while (e < need) {
              if (!single(item, s_[e])) goto fail;
              ++e;
            }
            if (e < limit) stack_.push_back({BT_REP_LAZY, int32_t(pc), limit, e});
            pos = e;
            pc += 2;
            continue;
          }
          ssize e = scan(item, pos, limit);
          if (e - pos < mn) goto fail;
          if (in.c == kGreedy && e > pos + mn)
            stack_.push_back({BT_REP_GREEDY, int32_t(pc), pos + mn, e});
          pos = e;
          pc += 2;
          continue;
        }
        case OP_LOOP_INIT: {
          ssize r = 2 * in.a;
          stack_.push_back({BT_REG, int32_t(r), regs_[size_t(r)], 0});
          stack_.push_back({BT_REG, int32_t(r + 1), regs_[size_t(r + 1)], 0});
          regs_[size_t(r)] = 0;
          regs_[size_t(r + 1)] = -1;
          ++pc;
          continue;
        }
        case OP_LOOP: {
          // Iterations below the minimum are forced. Past it, another iteration is tried only
          // when the position moved since the start of the last optional one (an empty optional
          // iteration ends the loop), as CPython's sre does.
          ssize r = 2 * in.a;
          ssize count = regs_[size_t(r)];
          if (count < in.b) {
            ++pc;
            continue;
          }
          if (in.flag) {  // greedy: body first, the tail on failure
            if (count < in.c && pos != regs_[size_t(r + 1)]) {
              stack_.push_back({BT_BRANCH, int32_t(in.d), pos, 0});
              set_reg(r + 1, pos);
              ++pc;
            } else {
              pc = in.d;
            }
          } else {
            if (count < in.c) stack_.push_back({BT_LAZY_LOOP, int32_t(pc), pos, 0});
            pc = in.d;
          }
          continue;
        }
        case OP_LOOP_END: {
          ssize r = 2 * in.a;
          set_reg(r, regs_[size_t(r)] + 1);
          pc = in.c;
          continue;
        }
        case OP_BACKREF: {
          ssize g = in.a;
          ssize a = slots_[size_t(2 * g)], b = slots_[size_t(2 * g + 1)];
          if (a < 0 || b < 0) goto fail;
          ssize n = b - a;
          if (end_ - pos < n) goto fail;
          if (in.flag & 1) {
            bool un = in.flag & 2;
            for (ssize k = 0; k < n; ++k)
              if (fold(uint32_t(s_[a + k]), un) != fold(uint32_t(s_[pos + k]), un)) goto fail;
          } else {
            for (ssize k = 0; k < n; ++k)
              if (s_[a + k] != s_[pos + k]) goto fail;
          }
          pos += n;
          ++pc;
          continue;
        }
        case OP_LOOK: {
          bool behind = in.flag & 1, neg = in.flag & 2;
          if (behind && pos - in.b < 0) {
            if (neg) {
              pc = in.a;
              continue;
            }
            goto fail;
          }
          stack_.push_back({BT_LOOK, int32_t(pc), pos, 0});
          if (behind) pos -= in.b;
          ++pc;
          continue;
        }
        case OP_LOOK_END: {
          size_t m = find_marker();
          const Inst& look = code[stack_[m].a];
          ssize orig = stack_[m].b;
          if (look.flag & 2) {
            // negative lookaround whose body matched: undo and fail
            while (stack_.size() > m + 1) {
              undo(stack_.back());
              stack_.pop_back();
            }
            stack_.pop_back();
            goto fail;
          }
          cut(m);
          pos = orig;
          pc = look.a;
          continue;
        }
        case OP_ATOMIC:
          stack_.push_back({BT_ATOMIC, int32_t(pc), pos, 0});
          ++pc;
          continue;
        case OP_ATOMIC_END:
          cut(find_marker());
          ++pc;
          continue;
        case OP_GROUP_EXISTS: {
          ssize g = in.a;
          if (g <= p_.ngroups && slots_[size_t(2 * g)] >= 0 && slots_[size_t(2 * g + 1)] >= 0)
            ++pc;
          else
            pc = in.b;
          continue;
        }
        case OP_MATCH:
          if ((must_advance && pos == start) || (full && pos != end_)) goto fail;
          return true;
      }
    fail:
      // backtrack
      for (;;) {
        if (stack_.empty()) return false;
        Bt& t = stack_.back();
        switch (t.kind) {
          case BT_BRANCH:
            pc = t.a;
            pos = t.b;
            stack_.pop_back();
            goto resume;
          case BT_SLOT:
          case BT_REG:
            undo(t);
            stack_.pop_back();
            break;
          case BT_REP_GREEDY: {
            ssize e = t.c - 1;
            const Inst& rep = code[t.a];
            const Inst& next = code[t.a + 2];
            if (next.op == OP_CHAR) {
              // step back to where the following literal can match
              CharT want = CharT(next.a);
              while (e >= t.b && (e >= end_ || s_[e] != want)) --e;
            } else if (next.op == OP_STRING) {
              uint32_t want = p_.literals[size_t(next.a)][0];
              while (e >= t.b && (e >= end_ || uint32_t(s_[e]) != want)) --e;
            }
            (void)rep;
            if (e < t.b) {
              stack_.pop_back();
              break;
            }
            t.c = e;
            pos = e;
            pc = t.a + 2;
            if (e == t.b) stack_.pop_back();
            goto resume;
          }
          case BT_REP_LAZY: {
            ssize e = t.c;
            const Inst& item = code[t.a + 1];
            if (e >= t.b || !single(item, s_[e])) {
              stack_.pop_back();
              break;
            }
            ++e;
            t.c = e;
            pos = e;
            pc = t.a + 2;
            if (e >= t.b) stack_.pop_back();
            goto resume;
          }
          case BT_LOOK: {
            const Inst& look = code[t.a];
            ssize orig = t.b;
            stack_.pop_back();
            if (look.flag & 2) {  // negative lookaround: its body failed, so it holds
              pos = orig;
              pc = look.a;
              goto resume;
            }
            break;
          }
          case BT_ATOMIC:
            stack_.pop_back();
            break;
          case BT_LAZY_LOOP: {
            ssize lpc = t.a;
            ssize at_pos = t.b;
            stack_.pop_back();
            const Inst& loop = code[lpc];
            if (regs_[size_t(2 * loop.a + 1)] == at_pos) break;  // empty iteration: give up
            pos = at_pos;
            set_reg(2 * loop.a + 1, pos);
            pc = lpc + 1;
            goto resume;
          }
        }
      }
    resume:;
    }
  }

  const std::vector<ssize>& slots() const { return slots_; }
  ssize lastindex() const { return lastindex_; }

 private:
  const Program& p_;
  const CharT* s_;
  ssize len_;
  ssize end_;
  std::vector<ssize> slots_;
  std::vector<ssize> regs_;
  ssize lastindex_ = -1;
  std::vector<Bt> stack_;

  void set_reg(ssize r, ssize v) {
    stack_.push_back({BT_REG, int32_t(r), regs_[size_t(r)], 0});
    regs_[size_t(r)] = v;
  }

  void undo(const Bt& t) {
    if (t.kind == BT_SLOT) {
      slots_[size_t(t.a)] = t.b;
      lastindex_ = t.c;
    } else if (t.kind == BT_REG) {
      regs_[size_t(t.a)] = t.b;
    }
  }

  size_t find_marker() const {
    size_t m = stack_.size();
    while (m > 0) {
      --m;
      if (stack_[m].kind == BT_LOOK || stack_[m].kind == BT_ATOMIC) return m;
    }
    return 0;  // not reached: the compiler pairs every end with a start
  }

  // Drops the marker at m and every choice point above it, keeping undo records.
  void cut(size_t m) {
    size_t w = m;
    for (size_t k = m + 1; k < stack_.size(); ++k)
      if (stack_[k].kind == BT_SLOT || stack_[k].kind == BT_REG) stack_[w++] = stack_[k];
    stack_.resize(w);
  }

  bool single(const Inst& item, CharT ch) const {
    uint32_t c = uint32_t(ch);
    switch (item.op) {
      case OP_CHAR:
        return c == uint32_t(item.a);
      case OP_CHAR_I:
        return fold(c, item.flag) == uint32_t(item.a);
      case OP_ANY:
        return c != '\n';
      case OP_ANY_ALL:
        return true;
      case OP_CLASS:
        return p_.classes[size_t(item.a)].matches(c);
      default:
        return false;
    }
  }

  ssize scan(const Inst& item, ssize pos, ssize limit) const {
    ssize e = pos;
    switch (item.op) {
      case OP_ANY_ALL:
        return limit;
      case OP_ANY:
        if constexpr (sizeof(CharT) == 1) {
          const void* nl = std::memchr(s_ + pos, '\n', size_t(limit - pos));
          return nl ? ssize(static_cast<const CharT*>(nl) - s_) : limit;
        }
        while (e < limit && s_[e] != '\n') ++e;
        return e;
      case OP_CHAR: {
        uint32_t c = uint32_t(item.a);
        while (e < limit && uint32_t(s_[e]) == c) ++e;
        return e;
      }
      case OP_CLASS: {
        const CharClass& cc = p_.classes[size_t(item.a)];
        while (e < limit) {
          uint32_t c = uint32_t(s_[e]);
          if (c < 128) {
            if (!((cc.bitmap[c >> 6] >> (c & 63)) & 1)) break;
          } else if (!cc.slow(c)) {
            break;
          }
          ++e;
        }
        return e;
      }
      default:
        while (e < limit && single(item, s_[e])) ++e;
        return e;
    }
  }

  bool at(const Inst& in, ssize pos) const {
    switch (in.a) {
      case kAtBeginning:
        return pos == 0;
      case kAtBeginningLine:
        return pos == 0 || s_[pos - 1] == '\n';
      case kAtEnd:
        return pos == end_ || (pos + 1 == end_ && s_[pos] == '\n');
      case kAtEndLine:
        return pos == end_ || s_[pos] == '\n';
      case kAtEndString:
        return pos == end_;
      case kAtBoundary:
      case kAtNonBoundary: {
        bool un = in.flag;
        bool before = pos > 0 && is_word(uint32_t(s_[pos - 1]), un);
        bool after = pos < end_ && is_word(uint32_t(s_[pos]), un);
        if (pos >= end_ && pos == 0) return false;  // \b and \B never match an empty string
        return (before != after) == (in.a == kAtBoundary);
      }
    }
    return false;
  }
};

// Search: first start >= pos where the program matches. Returns the start or -1.
template <class CharT>
bool search_impl(Machine<CharT>& m, const Program& p, const CharT* s, ssize pos, ssize end,
                 bool must_advance) {
  if (p.anchored) {
    if (pos != 0) return false;
    return m.run(0, must_advance, false);
  }
  ssize start = pos;
  while (start <= end) {
    if (!p.prefix.empty()) {
      ssize n = ssize(p.prefix.size());
      if constexpr (sizeof(CharT) == 1) {
        bool all8 = true;
        for (uint32_t c : p.prefix) all8 = all8 && c < 256;
        if (!all8) return false;
        std::string needle;
        for (uint32_t c : p.prefix) needle.push_back(char(c));
        std::string_view hay(reinterpret_cast<const char*>(s) + start, size_t(end - start));
        size_t f = hay.find(needle);
        if (f == std::string_view::npos) return false;
        start += ssize(f);
      } else {
        uint32_t c0 = p.prefix[0];
        while (start + n <= end) {
          if (uint32_t(s[start]) == c0) {
            ssize k = 1;
            while (k < n && uint32_t(s[start + k]) == p.prefix[size_t(k)]) ++k;
            if (k == n) break;
          }
          ++start;
        }
        if (start + n > end) return false;
      }
    } else if (p.first_char >= 0) {
      uint32_t c0 = uint32_t(p.first_char);
      if constexpr (sizeof(CharT) == 1) {
        if (c0 > 255) return false;
        const void* f = std::memchr(s + start, int(c0), size_t(end - start));
        if (!f) return false;
        start = ssize(static_cast<const CharT*>(f) - s);
      } else {
        while (start < end && uint32_t(s[start]) != c0) ++start;
        if (start >= end) return false;
      }
    } else if (p.first_fold >= 0) {
      uint32_t f = uint32_t(p.first_fold);
      bool un = p.first_fold_uni;
      if (f < 128) {
        while (start < end) {
          uint32_t c = uint32_t(s[start]);
          if (c < 128 ? ascii_lower(c) == f : fold(c, un) == f) break;
          ++start;
        }
      } else {
        while (start < end && fold(uint32_t(s[start]), un) != f) ++start;
      }
      if (start >= end) return false;
    } else if (p.first_class >= 0) {
      const CharClass& cc = p.classes[size_t(p.first_class)];
      while (start < end && !cc.matches(uint32_t(s[start]))) ++start;
      if (start >= end) return false;
    }
    if (m.run(start, must_advance && start == pos, false)) return true;
    ++start;
  }
  return false;
}

// ---- objects ----------------------------------------------------------------------------------

struct PatternObject : Object {
  Program* prog;
  Object* pattern;     // str or bytes (owned)
  Object* groupindex;  // dict name -> index (owned)
  Object* indexgroup;  // tuple: index -> name or None (owned)
  Object* error_cls;   // re.error (owned)
  Object* cache;       // SubjectCacheObject of the _re module (owned, may be nullptr)
  int flags;
  bool bytes;
};

struct MatchObject : Object {
  PatternObject* pattern;  // owned
  Object* string;          // owned
  ssize pos, endpos;
  ssize lastindex;
  ssize nslots;
  ssize* slots;   // code point / byte indices; -1 unset
  ssize* bslots;  // byte offsets in the UTF-8 of a str subject (nullptr for ASCII/bytes)
};

struct ScannerObject : Object {  // finditer's iterator
  PatternObject* pattern;
  Object* string;
  ssize pos, endpos;
  bool must_advance;
  bool done;
  void* subject;  // Subject*
};

extern TypeObject PatternType;
extern TypeObject MatchType;
extern TypeObject ScannerType;

// Code points of a non-ASCII str, with the byte offset of every 256th one.
struct Decoded {
  std::vector<uint32_t> cps;
  std::vector<ssize> checkpoints;
};

// The last few non-ASCII subjects decoded (owned references to the str objects), so a loop of
// p.search(text, pos) over one long text decodes it once. Shared by the patterns of one _re
// module (one per interpreter); re.purge() empties it.
struct SubjectCacheObject : Object {
  std::vector<std::pair<Object*, std::shared_ptr<Decoded>>>* entries;
};
extern TypeObject SubjectCacheType;
constexpr size_t kSubjectCacheSize = 2;
constexpr ssize kSubjectCacheMinLen = 512;

void subject_cache_clear(SubjectCacheObject* c) {
  if (!c->entries) return;
  auto old = std::move(*c->entries);
  c->entries->clear();
  for (auto& e : old) decref(e.first);
}

void subject_cache_dealloc(Object* o) {
  auto* c = static_cast<SubjectCacheObject*>(o);
  subject_cache_clear(c);
  delete c->entries;
  c->entries = nullptr;
  free_object(o);
}

// A subject string as the machine reads it.
struct Subject {
  Object* obj = nullptr;  // borrowed
  bool is_bytes = false;
  bool wide = false;
  const uint8_t* narrow = nullptr;
  std::shared_ptr<Decoded> dec;  // wide only
  const uint32_t* wdata = nullptr;
  std::string copy;  // bytes-like objects other than bytes are copied
  std::string_view utf8;
  ssize len = 0;

  ssize byte_offset(ssize cp) const {
    if (!wide) return cp;
    ssize k = cp >> 8;
    ssize b = dec->checkpoints[size_t(k)];
    for (ssize i = k << 8; i < cp; ++i) {
      uint32_t c = wdata[i];
      b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    return b;
  }
};

std::shared_ptr<Decoded> decode_str(StrObject* s) {
  auto d = std::make_shared<Decoded>();
  d->cps.resize(size_t(s->length) + 1);
  d->checkpoints.reserve(size_t(s->length / 256 + 2));
  std::string_view v = str_view(s);
  size_t i = 0;
  ssize k = 0;
  while (i < v.size()) {
    if ((k & 255) == 0) d->checkpoints.push_back(ssize(i));
    d->cps[size_t(k++)] = u::utf8_next(v, i);
  }
  if ((k & 255) == 0) d->checkpoints.push_back(ssize(i));
  d->cps.resize(size_t(k));
  return d;
}

bool load_subject(ThreadState* ts, PatternObject* p, Object* string, Subject* sub) {
  sub->obj = string;
  if (is_str(string)) {
    if (p->bytes) {
      raise(ts, &exc::TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    auto* s = static_cast<StrObject*>(string);
    sub->len = s->length;
    sub->utf8 = str_view(s);
    if (s->ascii) {
      sub->narrow = reinterpret_cast<const uint8_t*>(s->data);
      return true;
    }
    sub->wide = true;
    auto* cache = static_cast<SubjectCacheObject*>(p->cache);
    if (cache && cache->entries && s->length >= kSubjectCacheMinLen) {
      auto& es = *cache->entries;
      for (size_t i = 0; i < es.size(); ++i) {
        if (es[i].first == string) {
          sub->dec = es[i].second;
          if (i) std::swap(es[i], es[0]);
          break;
        }
      }
      if (!sub->dec) {
        try {
          sub->dec = decode_str(s);
          es.insert(es.begin(), {newref(string), sub->dec});
        } catch (const std::bad_alloc&) {
          raise_object(ts, &exc::MemoryError);
          return false;
        }
        if (es.size() > kSubjectCacheSize) {
          Object* drop = es.back().first;
          es.pop_back();
          decref(drop);
        }
      }
    } else {
      try {
        sub->dec = decode_str(s);
      } catch (const std::bad_alloc&) {
        raise_object(ts, &exc::MemoryError);
        return false;
      }
    }
    sub->wdata = sub->dec->cps.data();
    return true;
  }
  std::string_view data;
  if (is_bytes(string)) {
    data = bytes_view(string);
  } else if (is_bytearray(string) || is_memoryview(string)) {
    if (!buffer_view(ts, string, &data)) return false;
    sub->copy.assign(data);
    data = sub->copy;
  } else {
    raise(ts, &exc::TypeError, "expected string or bytes-like object, got '%s'", type_name(string));
    return false;
  }
  if (!p->bytes) {
    raise(ts, &exc::TypeError, "cannot use a string pattern on a bytes-like object");
    return false;
  }
  sub->is_bytes = true;
  sub->narrow = reinterpret_cast<const uint8_t*>(data.data());
  sub->len = ssize(data.size());
  return true;
}

// Substring [a, b) of the subject as a new str/bytes.
Object* subject_slice(ThreadState* ts, const Subject& sub, ssize a, ssize b) {
  if (sub.is_bytes) {
    if (is_bytes(sub.obj) || true)
      return bytes_from(
          ts, std::string_view(reinterpret_cast<const char*>(sub.narrow) + a, size_t(b - a)));
  }
  if (!sub.wide) {
    if (b - a == 1) return newref(str_ascii_char(sub.narrow[a]));
    if (a == 0 && b == sub.len && is_str_exact(sub.obj)) return newref(sub.obj);
    return str_from_known(
        ts, std::string_view(reinterpret_cast<const char*>(sub.narrow) + a, size_t(b - a)), b - a,
        true);
  }
  if (a == 0 && b == sub.len && is_str_exact(sub.obj)) return newref(sub.obj);
  StrBuilder sb;
  for (ssize i = a; i < b; ++i) sb.append_cp(sub.wdata[i]);
  return sb.build(ts);
}

bool adjust_bounds(ThreadState* ts, Object* pos_o, Object* end_o, ssize len, ssize* pos,
                   ssize* endpos) {
  *pos = 0;
  *endpos = len;
  if (pos_o && !index_as_ssize(ts, pos_o, pos)) return false;
  if (end_o && !index_as_ssize(ts, end_o, endpos)) return false;
  if (*pos < 0) *pos = 0;
  if (*pos > len) *pos = len;
  if (*endpos < 0) *endpos = 0;
  if (*endpos > len) *endpos = len;
  return true;
}

// Runs one match/search; *found false when nothing matched. Fills state.
struct RunResult {
  bool found = false;
  std::vector<ssize> slots;
  ssize lastindex = -1;
};

enum Mode { kMatch, kFull, kSearch };

template <class CharT>
bool run_one(const Program& p, const CharT* s, ssize len, ssize pos, ssize end, Mode mode,
             bool must_advance, RunResult* out) {
  Machine<CharT> m(p, s, len, end);
  bool ok;
  if (mode == kSearch)
    ok = search_impl(m, p, s, pos, end, must_advance);
  else
    ok = m.run(pos, must_advance, mode == kFull);
  out->found = ok;
  if (ok) {
    out->slots = m.slots();
    out->lastindex = m.lastindex();
  }
  return ok;
}

bool run_subject(ThreadState* ts, const Program& p, const Subject& sub, ssize pos, ssize end,
                 Mode mode, bool must_advance, RunResult* out) {
  try {
    if (sub.wide)
      run_one<uint32_t>(p, sub.wdata, sub.len, pos, end, mode, must_advance, out);
    else
      run_one<uint8_t>(p, sub.narrow, sub.len, pos, end, mode, must_advance, out);
  } catch (const std::bad_alloc&) {
    raise_object(ts, &exc::MemoryError);
    return false;
  }
  return true;
}

Object* match_new(ThreadState* ts, PatternObject* p, const Subject& sub, ssize pos, ssize endpos,
                  const RunResult& r) {
  auto* m = alloc<MatchObject>(ts, &MatchType);
  if (!m) return nullptr;
  m->pattern = newref(p);
  m->string = newref(sub.obj);
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = r.lastindex;
  m->nslots = ssize(r.slots.size());
  m->slots = new (std::nothrow) ssize[r.slots.size()];
  if (!m->slots) {
    decref(m);
    return raise_object(ts, &exc::MemoryError);
  }
  std::copy(r.slots.begin(), r.slots.end(), m->slots);
  if (sub.wide) {
    m->bslots = new (std::nothrow) ssize[r.slots.size()];
    if (!m->bslots) {
      decref(m);
      return raise_object(ts, &exc::MemoryError);
    }
    for (size_t i = 0; i < r.slots.size(); ++i)
      m->bslots[i] = r.slots[i] < 0 ? -1 : sub.byte_offset(r.slots[i]);
  }
  return m;
}

// ---- error helper ------------------------------------------------------------------------------

std::nullptr_t raise_re_error(ThreadState* ts, Object* error_cls, const ParseError& e,
                              Object* pattern) {
  if (e.overflow) return raise(ts, &exc::OverflowError, "%s", e.msg.c_str());
  if (e.value_error) return raise(ts, &exc::ValueError, "%s", e.msg.c_str());
  if (e.recursion) return raise(ts, &exc::RecursionError, "%s", e.msg.c_str());
  Ref<> msg = Ref<>::steal(str_from(ts, e.msg));
  if (!msg) return nullptr;
  Ref<> pos = Ref<>::steal(e.pos >= 0 ? int_from(ts, e.pos) : new_none());
  if (!pos) return nullptr;
  Object* args[3] = {msg.get(), (pattern && e.pos >= 0) ? pattern : none(), pos.get()};
  Ref<> ex = Ref<>::steal(call(ts, error_cls, args, 3));
  if (!ex) return nullptr;
  return raise_object(ts, ex.get());
}

Object* get_error_cls(ThreadState* ts, Object* module) {
  ModuleObject* m = static_cast<ModuleObject*>(module);
  Object* e = module_get(ts, m, "error");
  if (!e) return raise(ts, &exc::RuntimeError, "_re.error is not set");
  return e;
}

// ---- compile -----------------------------------------------------------------------------------

Object* re_compile(ThreadState* ts, Object* module, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  Object* a[2] = {};
  if (!parse_args(ts, "compile", args, nargs, kw, {"pattern", "flags"}, 2, a)) return nullptr;
  Object* pattern = a[0];
  ssize flags;
  if (!index_as_ssize(ts, a[1], &flags)) return nullptr;
  Object* error_cls = get_error_cls(ts, module);
  if (!error_cls) return nullptr;
  std::vector<uint32_t> src;
  bool bytes = false;
  if (is_str(pattern)) {
    std::string_view v = str_view(pattern);
    size_t i = 0;
    while (i < v.size()) src.push_back(u::utf8_next(v, i));
    if ((flags & kFlagL))
      return raise(ts, &exc::ValueError, "cannot use LOCALE flag with a str pattern");
    if ((flags & kFlagA) && (flags & kFlagU))
      return raise(ts, &exc::ValueError, "ASCII and UNICODE flags are incompatible");
  } else if (is_bytes(pattern)) {
    bytes = true;
    for (char c : bytes_view(pattern)) src.push_back(uint8_t(c));
    if (flags & kFlagU)
      return raise(ts, &exc::ValueError, "cannot use UNICODE flag with a bytes pattern");
    if ((flags & kFlagL) && (flags & kFlagA))
      return raise(ts, &exc::ValueError, "ASCII and LOCALE flags are incompatible");
  } else {
    return raise(ts, &exc::TypeError, "first argument must be string or compiled pattern");
  }
  Parser parser(src, bytes, int(flags));
  Node* root = parser.parse();
  if (parser.failed) return raise_re_error(ts, error_cls, parser.err, pattern);
  int final_flags = parser.flags();
  if (!bytes && !(final_flags & (kFlagA | kFlagL))) final_flags |= kFlagU;
  auto prog = std::make_unique<Program>();
  prog->ngroups = parser.ngroups;
  Compiler comp(*prog, parser.classes, bytes);
  comp.compile(root);
  if (comp.failed) return raise_re_error(ts, error_cls, comp.err, pattern);
  find_search_hints(*prog);

  Ref<DictObject> gi = Ref<DictObject>::steal(dict_new(ts));
  if (!gi) return nullptr;
  Ref<TupleObject> ig = Ref<TupleObject>::steal(tuple_new(ts, parser.ngroups + 1));
  if (!ig) return nullptr;
  for (ssize i = 0; i <= parser.ngroups; ++i) ig->items[i] = new_none();
  for (auto& [name, g] : parser.names) {
    Ref<> k = Ref<>::steal(str_from(ts, name));
    Ref<> v = Ref<>::steal(int_from(ts, g));
    if (!k || !v || !dict_set(ts, gi.get(), k.get(), v.get())) return nullptr;
    ig->items[g] = k.release();
  }
  auto* po = alloc<PatternObject>(ts, &PatternType);
  if (!po) return nullptr;
  po->prog = prog.release();
  po->pattern = newref(pattern);
  po->groupindex = gi.release();
  po->indexgroup = ig.release();
  po->error_cls = newref(error_cls);
  Object* cache = module_get(ts, static_cast<ModuleObject*>(module), "_subject_cache");
  po->cache = (cache && cache->type == &SubjectCacheType) ? newref(cache) : nullptr;
  po->flags = final_flags;
  po->bytes = bytes;
  return po;
}

// ---- Pattern methods ---------------------------------------------------------------------------

PatternObject* as_pat(Object* o) { return static_cast<PatternObject*>(o); }

Object* pattern_match_common(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                             TupleObject* kw, const char* name, Mode mode) {
  Object* a[3] = {};
  if (!parse_args(ts, name, args, nargs, kw, {"string", "pos", "endpos"}, 1, a)) return nullptr;
  PatternObject* p = as_pat(self);
  Subject sub;
  if (!load_subject(ts, p, a[0], &sub)) return nullptr;
  ssize pos, endpos;
  if (!adjust_bounds(ts, a[1], a[2], sub.len, &pos, &endpos)) return nullptr;
  RunResult r;
  if (pos <= endpos || mode == kSearch) {
    if (pos > endpos) return new_none();
    if (!run_subject(ts, *p->prog, sub, pos, endpos, mode, false, &r)) return nullptr;
  }
  if (!r.found) return new_none();
  return match_new(ts, p, sub, pos, endpos, r);
}

Object* pattern_match(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  return pattern_match_common(ts, self, args, nargs, kw, "match", kMatch);
}
Object* pattern_fullmatch(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                          TupleObject* kw) {
  return pattern_match_common(ts, self, args, nargs, kw, "fullmatch", kFull);
}
Object* pattern_search(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                       TupleObject* kw) {
  return pattern_match_common(ts, self, args, nargs, kw, "search", kSearch);
}

// Iterates the matches of p in sub[pos:endpos] with the 3.7+ empty-match rule; f(RunResult&)
// returns false to stop with an error, or sets *stop.
template <class F>
bool for_each_match(ThreadState* ts, const Program& p, const Subject& sub, ssize pos, ssize endpos,
                    ssize limit, F&& f) {
  bool must_advance = false;
  ssize count = 0;
  try {
    if (sub.wide) {
      Machine<uint32_t> m(p, sub.wdata, sub.len, endpos);
      while (pos <= endpos && (limit <= 0 || count < limit)) {
        if (!search_impl(m, p, sub.wdata, pos, endpos, must_advance)) break;
        RunResult r;
        r.found = true;
        r.slots = m.slots();
        r.lastindex = m.lastindex();
        ++count;
        if (!f(r)) return false;
        must_advance = r.slots[1] == r.slots[0];
        pos = r.slots[1];
      }
    } else {
      Machine<uint8_t> m(p, sub.narrow, sub.len, endpos);
      while (pos <= endpos && (limit <= 0 || count < limit)) {
        if (!search_impl(m, p, sub.narrow, pos, endpos, must_advance)) break;
        RunResult r;
        r.found = true;
        r.slots = m.slots();
        r.lastindex = m.lastindex();
        ++count;
        if (!f(r)) return false;
        must_advance = r.slots[1] == r.slots[0];
        pos = r.slots[1];
      }
    }
  } catch (const std::bad_alloc&) {
    raise_object(ts, &exc::MemoryError);
    return false;
  }
  return true;
}

Object* group_value(ThreadState* ts, const Subject& sub, const RunResult& r, ssize g,
                    Object* dflt) {
  ssize a = r.slots[size_t(2 * g)], b = r.slots[size_t(2 * g + 1)];
  if (a < 0 || b < 0) return newref(dflt);
  return subject_slice(ts, sub, a, b);
}

Object* pattern_findall(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                        TupleObject* kw) {
  Object* a[3] = {};
  if (!parse_args(ts, "findall", args, nargs, kw, {"string", "pos", "endpos"}, 1, a))
    return nullptr;
  PatternObject* p = as_pat(self);
  Subject sub;
  if (!load_subject(ts, p, a[0], &sub)) return nullptr;
  ssize pos, endpos;
  if (!adjust_bounds(ts, a[1], a[2], sub.len, &pos, &endpos)) return nullptr;
  Ref<ListObject> out = Ref<ListObject>::steal(list_new(ts));
  if (!out) return nullptr;
  int ng = p->prog->ngroups;
  Object* empty = p->bytes ? static_cast<Object*>(bytes_from(ts, "")) : newref(str_empty());
  Ref<> empty_ref = Ref<>::steal(empty);
  if (!empty) return nullptr;
  bool ok = for_each_match(ts, *p->prog, sub, pos, endpos, 0, [&](const RunResult& r) {
    Ref<> item;
    if (ng == 0) {
      item = Ref<>::steal(group_value(ts, sub, r, 0, empty));
    } else if (ng == 1) {
      item = Ref<>::steal(group_value(ts, sub, r, 1, empty));
    } else {
      Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_new(ts, ng));
      if (!t) return false;
      for (int g = 1; g <= ng; ++g) {
        Object* v = group_value(ts, sub, r, g, empty);
        if (!v) return false;
        t->items[g - 1] = v;
      }
      item = Ref<>::steal(t.release());
    }
    if (!item) return false;
    return list_append(ts, out.get(), item.get());
  });
  if (!ok) return nullptr;
  return out.release();
}

// ---- replacement templates ----------------------------------------------------------------------

struct TemplatePiece {
  int group;            // -1: literal
  std::string literal;  // UTF-8 (str) or raw bytes
  ssize literal_len;    // code points
};

// Parses a replacement template (CPython's rules). False with an exception set.
bool parse_template(ThreadState* ts, PatternObject* p, Object* tpl,
                    std::vector<TemplatePiece>* out) {
  std::vector<uint32_t> s;
  bool bytes = p->bytes;
  if (is_str(tpl)) {
    std::string_view v = str_view(tpl);
    size_t i = 0;
    while (i < v.size()) s.push_back(u::utf8_next(v, i));
  } else {
    std::string_view v;
    if (!buffer_view(ts, tpl, &v)) return false;
    for (char c : v) s.push_back(uint8_t(c));
  }
  std::string lit;
  ssize litlen = 0;
  auto add_char = [&](uint32_t c) {
    if (bytes)
      lit.push_back(char(c));
    else
      u::utf8_append(lit, c);
    ++litlen;
  };
  auto flush = [&]() {
    if (!lit.empty()) out->push_back({-1, lit, litlen});
    lit.clear();
    litlen = 0;
  };
  auto err = [&](std::string msg, ssize pos) {
    ParseError e;
    e.msg = std::move(msg);
    e.pos = pos;
    raise_re_error(ts, p->error_cls, e, tpl);
    return false;
  };
  int ng = p->prog->ngroups;
  size_t i = 0;
  while (i < s.size()) {
    uint32_t c = s[i];
    if (c != '\\') {
      add_char(c);
      ++i;
      continue;
    }
    size_t esc = i;
    ++i;
    if (i >= s.size()) return err("bad escape (end of pattern)", ssize(esc));
    c = s[i++];
    if (c == 'g') {
      if (i >= s.size() || s[i] != '<') return err("missing <", ssize(i));
      ++i;
      size_t n0 = i;
      while (i < s.size() && s[i] != '>') ++i;
      if (i >= s.size()) {
        if (i == n0) return err("missing group name", ssize(n0));
        return err("missing >, unterminated name", ssize(n0));
      }
      if (i == n0) return err("missing group name", ssize(n0));
      std::vector<uint32_t> name(s.begin() + ssize(n0), s.begin() + ssize(i));
      ++i;
      std::string key = cps_to_utf8(name, 0, name.size(), bytes);
      int g = -1;
      bool alldig = true;
      for (uint32_t ch : name) alldig = alldig && is_dig(ch);
      if (alldig) {
        ssize v = 0;
        for (uint32_t ch : name) v = std::min<ssize>(v * 10 + ssize(ch - '0'), ssize(1) << 40);
        if (v > ng) return err("invalid group reference " + key, ssize(n0));
        g = int(v);
      } else {
        if (!valid_identifier(name, bytes))
          return err("bad character in group name " + quote_name(key), ssize(n0));
        Ref<> k = Ref<>::steal(str_from(ts, key));
        if (!k) return false;
        Object* v = dict_get(ts, static_cast<DictObject*>(p->groupindex), k.get());
        if (!v) {
          if (exc_occurred(ts)) return false;
          raise(ts, &exc::IndexError, "unknown group name %s", quote_name(key).c_str());
          return false;
        }
        ssize gv;
        if (!int_as_ssize(ts, v, &gv)) return false;
        g = int(gv);
      }
      flush();
      out->push_back({g, "", 0});
      continue;
    }
    if (c == '0') {
      uint32_t v = 0;
      int n = 0;
      while (n < 2 && i < s.size() && is_octal(s[i])) v = v * 8 + (s[i++] - '0'), ++n;
      add_char(v);
      continue;
    }
    if (is_dig(c)) {
      if (i < s.size() && is_dig(s[i])) {
        uint32_t d2 = s[i];
        if (is_octal(c) && is_octal(d2) && i + 1 < s.size() && is_octal(s[i + 1])) {
          uint32_t v = (c - '0') * 64 + (d2 - '0') * 8 + (s[i + 1] - '0');
          i += 2;
          if (v > 0377)
            return err(
                "octal escape value " + cps_to_utf8(s, esc, i, bytes) + " outside of range 0-0o377",
                ssize(esc));
          add_char(v);
          continue;
        }
        int g = int(c - '0') * 10 + int(d2 - '0');
        ++i;
        if (g > ng) return err("invalid group reference " + std::to_string(g), ssize(esc + 1));
        flush();
        out->push_back({g, "", 0});
        continue;
      }
      int g = int(c - '0');
      if (g > ng) return err("invalid group reference " + std::to_string(g), ssize(esc + 1));
      flush();
      out->push_back({g, "", 0});
      continue;
    }
    switch (c) {
      case 'a':
        add_char(7);
        continue;
      case 'b':
        add_char(8);
        continue;
      case 'f':
        add_char(12);
        continue;
      case 'n':
        add_char(10);
        continue;
      case 'r':
        add_char(13);
        continue;
      case 't':
        add_char(9);
        continue;
      case 'v':
        add_char(11);
        continue;
      case '\\':
        add_char('\\');
        continue;
      default:
        break;
    }
    if (c < 128 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
      return err("bad escape " + cps_to_utf8(s, esc, i, bytes), ssize(esc));
    add_char('\\');
    add_char(c);
  }
  flush();
  return true;
}

// Appends template expansion for one match.
void expand_into(const std::vector<TemplatePiece>& tpl, const Subject& sub, const ssize* slots,
                 std::string* out, ssize* outlen) {
  for (const auto& piece : tpl) {
    if (piece.group < 0) {
      out->append(piece.literal);
      *outlen += piece.literal_len;
      continue;
    }
    ssize a = slots[2 * piece.group], b = slots[2 * piece.group + 1];
    if (a < 0 || b < 0) continue;
    if (!sub.wide) {
      out->append(reinterpret_cast<const char*>(sub.narrow) + a, size_t(b - a));
    } else {
      for (ssize k = a; k < b; ++k) u::utf8_append(*out, sub.wdata[k]);
    }
    *outlen += b - a;
  }
}

// Appends subject [a, b) to the output buffer.
void append_subject(const Subject& sub, ssize a, ssize b, std::string* out, ssize* outlen) {
  if (b <= a) return;
  if (!sub.wide) {
    out->append(reinterpret_cast<const char*>(sub.narrow) + a, size_t(b - a));
  } else {
    ssize ba = sub.byte_offset(a), bb = sub.byte_offset(b);
    out->append(sub.utf8.data() + ba, size_t(bb - ba));
  }
  *outlen += b - a;
}

Object* subx(ThreadState* ts, PatternObject* p, Object* repl, Object* string, ssize count,
             bool with_count) {
  Subject sub;
  if (!load_subject(ts, p, string, &sub)) return nullptr;
  std::vector<TemplatePiece> tpl;
  bool callable = false;
  bool literal = false;
  if (is_callable(repl)) {
    callable = true;
  } else {
    if (p->bytes) {
      std::string_view v;
      if (is_str(repl)) {
        return raise(ts, &exc::TypeError,
                     "sequence item 1: expected a bytes-like object, str found");
      }
      if (!buffer_view(ts, repl, &v)) return nullptr;
    } else if (!is_str(repl)) {
      return raise(ts, &exc::TypeError, "expected str instance, %s found", type_name(repl));
    }
    if (!parse_template(ts, p, repl, &tpl)) return nullptr;
    literal = tpl.empty() || (tpl.size() == 1 && tpl[0].group < 0);
  }
  (void)literal;
  std::string out;
  ssize outlen = 0;
  ssize last = 0;
  ssize n = 0;
  Ref<> string_ref = Ref<>::borrow(string);
  bool ok = for_each_match(ts, *p->prog, sub, 0, sub.len, count, [&](const RunResult& r) {
    append_subject(sub, last, r.slots[0], &out, &outlen);
    if (callable) {
      Ref<> m = Ref<>::steal(match_new(ts, p, sub, 0, sub.len, r));
      if (!m) return false;
      Ref<> v = Ref<>::steal(call1(ts, repl, m.get()));
      if (!v) return false;
      if (v.get() != none()) {
        if (p->bytes) {
          std::string_view bv;
          if (is_str(v.get()) || !buffer_view(ts, v.get(), &bv)) {
            if (!exc_occurred(ts))
              raise(ts, &exc::TypeError,
                    "sequence item %zd: expected a bytes-like object, %s found", n * 2 + 1,
                    type_name(v.get()));
            else {
              clear_exc(ts);
              raise(ts, &exc::TypeError,
                    "sequence item %zd: expected a bytes-like object, %s found", n * 2 + 1,
                    type_name(v.get()));
            }
            return false;
          }
          out.append(bv);
          outlen += ssize(bv.size());
        } else {
          if (!is_str(v.get())) {
            raise(ts, &exc::TypeError, "sequence item %zd: expected str instance, %s found",
                  n * 2 + (last > 0 || r.slots[0] > 0 ? 1 : 0), type_name(v.get()));
            return false;
          }
          out.append(str_view(v.get()));
          outlen += str_len(v.get());
        }
      }
    } else {
      expand_into(tpl, sub, r.slots.data(), &out, &outlen);
    }
    last = r.slots[1];
    ++n;
    return true;
  });
  if (!ok) return nullptr;
  Ref<> result;
  if (n == 0 &&
      (is_str_exact(string) || (sub.is_bytes && is_bytes(string) && string->type == &BytesType))) {
    result = Ref<>::borrow(string);
  } else {
    append_subject(sub, last, sub.len, &out, &outlen);
    if (sub.is_bytes)
      result = Ref<>::steal(bytes_from(ts, out));
    else
      result = Ref<>::steal(str_from_known(ts, out, outlen, ssize(out.size()) == outlen));
  }
  if (!result) return nullptr;
  if (!with_count) return result.release();
  Ref<> cnt = Ref<>::steal(int_from(ts, n));
  if (!cnt) return nullptr;
  return tuple_pack(ts, {result.get(), cnt.get()});
}

Object* pattern_sub_common(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                           TupleObject* kw, const char* name, bool with_count) {
  Object* a[3] = {};
  if (!parse_args(ts, name, args, nargs, kw, {"repl", "string", "count"}, 2, a)) return nullptr;
  ssize count = 0;
  if (a[2] && !index_as_ssize(ts, a[2], &count)) return nullptr;
  if (count < 0) count = 0;  // CPython treats negative as "all"? no: it replaces none
  return subx(ts, as_pat(self), a[0], a[1], count, with_count);
}

Object* pattern_sub(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kw) {
  return pattern_sub_common(ts, self, args, nargs, kw, "sub", false);
}
Object* pattern_subn(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  return pattern_sub_common(ts, self, args, nargs, kw, "subn", true);
}

Object* pattern_split(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  Object* a[2] = {};
  if (!parse_args(ts, "split", args, nargs, kw, {"string", "maxsplit"}, 1, a)) return nullptr;
  ssize maxsplit = 0;
  if (a[1] && !index_as_ssize(ts, a[1], &maxsplit)) return nullptr;
  PatternObject* p = as_pat(self);
  Subject sub;
  if (!load_subject(ts, p, a[0], &sub)) return nullptr;
  Ref<ListObject> out = Ref<ListObject>::steal(list_new(ts));
  if (!out) return nullptr;
  if (maxsplit < 0) {
    Ref<> whole = Ref<>::steal(subject_slice(ts, sub, 0, sub.len));
    if (!whole || !list_append(ts, out.get(), whole.get())) return nullptr;
    return out.release();
  }
  int ng = p->prog->ngroups;
  ssize last = 0;
  bool ok = for_each_match(ts, *p->prog, sub, 0, sub.len, maxsplit, [&](const RunResult& r) {
    Ref<> piece = Ref<>::steal(subject_slice(ts, sub, last, r.slots[0]));
    if (!piece || !list_append(ts, out.get(), piece.get())) return false;
    for (int g = 1; g <= ng; ++g) {
      Ref<> v = Ref<>::steal(group_value(ts, sub, r, g, none()));
      if (!v || !list_append(ts, out.get(), v.get())) return false;
    }
    last = r.slots[1];
    return true;
  });
  if (!ok) return nullptr;
  Ref<> tail = Ref<>::steal(subject_slice(ts, sub, last, sub.len));
  if (!tail || !list_append(ts, out.get(), tail.get())) return nullptr;
  return out.release();
}

Object* pattern_finditer(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  Object* a[3] = {};
  if (!parse_args(ts, "finditer", args, nargs, kw, {"string", "pos", "endpos"}, 1, a))
    return nullptr;
  PatternObject* p = as_pat(self);
  auto sub = std::make_unique<Subject>();
  if (!load_subject(ts, p, a[0], sub.get())) return nullptr;
  ssize pos, endpos;
  if (!adjust_bounds(ts, a[1], a[2], sub->len, &pos, &endpos)) return nullptr;
  auto* it = alloc<ScannerObject>(ts, &ScannerType);
  if (!it) return nullptr;
  it->pattern = newref(p);
  it->string = newref(a[0]);
  it->pos = pos;
  it->endpos = endpos;
  it->must_advance = false;
  it->done = pos > endpos;
  sub->obj = it->string;
  if (!sub->copy.empty()) sub->narrow = reinterpret_cast<const uint8_t*>(sub->copy.data());
  it->subject = sub.release();
  return it;
}

void scanner_dealloc(Object* o) {
  auto* it = static_cast<ScannerObject*>(o);
  delete static_cast<Subject*>(it->subject);
  it->subject = nullptr;
  clearref(it->pattern);
  clearref(it->string);
  free_object(o);
}

Object* scanner_self(ThreadState*, Object* o) { return newref(o); }

Object* scanner_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<ScannerObject*>(o);
  if (it->done) return nullptr;
  Subject& sub = *static_cast<Subject*>(it->subject);
  RunResult r;
  if (!run_subject(ts, *it->pattern->prog, sub, it->pos, it->endpos, kSearch, it->must_advance, &r))
    return nullptr;
  if (!r.found) {
    it->done = true;
    return nullptr;
  }
  Object* m = match_new(ts, it->pattern, sub, it->pos, it->endpos, r);
  it->must_advance = r.slots[1] == r.slots[0];
  it->pos = r.slots[1];
  return m;
}

Object* pattern_repr(ThreadState* ts, Object* self) {
  PatternObject* p = as_pat(self);
  std::string pr;
  if (!repr_text(ts, p->pattern, &pr)) return nullptr;
  // %.200R: the repr cut to 200 code points
  if (u::utf8_length(pr) > 200) pr = pr.substr(0, u::utf8_offset(pr, 200));
  std::string out = "re.compile(" + pr;
  int flags = p->flags;
  if (!p->bytes && (flags & (kFlagL | kFlagU | kFlagA)) == kFlagU) flags &= ~kFlagU;
  if (flags) {
    static const struct {
      const char* name;
      int bit;
    } kNames[] = {{"re.TEMPLATE", kFlagTemplate}, {"re.IGNORECASE", kFlagI}, {"re.LOCALE", kFlagL},
                  {"re.MULTILINE", kFlagM},       {"re.DOTALL", kFlagS},     {"re.UNICODE", kFlagU},
                  {"re.VERBOSE", kFlagX},         {"re.DEBUG", kFlagDebug},  {"re.ASCII", kFlagA}};
    std::string names;
    for (auto& n : kNames) {
      if (flags & n.bit) {
        if (!names.empty()) names += "|";
        names += n.name;
        flags &= ~n.bit;
      }
    }
    if (flags) {
      char buf[32];
      snprintf(buf, sizeof buf, "0x%x", flags);
      if (!names.empty()) names += "|";
      names += buf;
    }
    out += ", " + names;
  }
  out += ")";
  return str_from(ts, out);
}

void pattern_dealloc(Object* o) {
  PatternObject* p = as_pat(o);
  delete p->prog;
  p->prog = nullptr;
  clearref(p->pattern);
  clearref(p->groupindex);
  clearref(p->indexgroup);
  clearref(p->error_cls);
  clearref(p->cache);
  free_object(o);
}

Object* pattern_get_pattern(ThreadState*, Object* self) { return newref(as_pat(self)->pattern); }
Object* pattern_get_flags(ThreadState* ts, Object* self) {
  return int_from(ts, as_pat(self)->flags);
}
Object* pattern_get_groups(ThreadState* ts, Object* self) {
  return int_from(ts, as_pat(self)->prog->ngroups);
}
Object* pattern_get_groupindex(ThreadState* ts, Object* self) {
  Ref<DictObject> d =
      Ref<DictObject>::steal(dict_copy(ts, static_cast<DictObject*>(as_pat(self)->groupindex)));
  if (!d) return nullptr;
  return mappingproxy_new(ts, d.get());
}

int64_t pattern_hash(ThreadState* ts, Object* self) {
  PatternObject* p = as_pat(self);
  int64_t h = hash(ts, p->pattern);
  if (h == -1) return -1;
  h ^= int64_t(p->flags) * 1000003;
  if (h == -1) h = -2;
  return h;
}

Object* pattern_richcompare(ThreadState* ts, Object* a, Object* b, CmpOp op) {
  if ((op != CmpOp::EQ && op != CmpOp::NE) || a->type != &PatternType || b->type != &PatternType)
    return not_implemented();
  PatternObject* x = as_pat(a);
  PatternObject* y = as_pat(b);
  bool eq = a == b;
  if (!eq && x->flags == y->flags && x->bytes == y->bytes) {
    int r = richcompare_bool(ts, x->pattern, y->pattern, CmpOp::EQ);
    if (r < 0) return nullptr;
    eq = r;
  }
  return bool_from(op == CmpOp::EQ ? eq : !eq);
}

Object* pattern_copy(ThreadState*, Object* self, Object* const*, size_t, TupleObject*) {
  return newref(self);
}

Object* pattern_scanner(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                        TupleObject* kw) {
  return pattern_finditer(ts, self, args, nargs, kw);
}

Object* class_getitem(ThreadState* ts, Object* cls, Object* const* args, size_t nargs,
                      TupleObject*) {
  if (nargs != 1) return raise(ts, &exc::TypeError, "__class_getitem__ expects 1 argument");
  return generic_alias_new(ts, cls, args[0]);
}

// ---- Match methods -----------------------------------------------------------------------------

MatchObject* as_match(Object* o) { return static_cast<MatchObject*>(o); }

void match_dealloc(Object* o) {
  MatchObject* m = as_match(o);
  delete[] m->slots;
  delete[] m->bslots;
  m->slots = m->bslots = nullptr;
  clearref(m->pattern);
  clearref(m->string);
  free_object(o);
}

// Resolves a group index (int or name). -1 with IndexError set.
ssize match_group_index(ThreadState* ts, MatchObject* m, Object* key) {
  ssize ng = m->nslots / 2;
  if (is_int(key)) {
    ssize g;
    if (!int_as_ssize(ts, key, &g)) {
      clear_exc(ts);
      raise(ts, &exc::IndexError, "no such group");
      return -1;
    }
    if (g < 0 || g >= ng) {
      raise(ts, &exc::IndexError, "no such group");
      return -1;
    }
    return g;
  }
  if (is_str(key) || is_bytes(key)) {
    if (is_str(key)) {
      Object* v = dict_get(ts, static_cast<DictObject*>(m->pattern->groupindex), key);
      if (v) {
        ssize g;
        if (int_as_ssize(ts, v, &g)) return g;
        return -1;
      }
      if (exc_occurred(ts)) return -1;
    }
    raise(ts, &exc::IndexError, "no such group");
    return -1;
  }
  if (key->type->nb_index) {
    ssize g;
    if (!index_as_ssize(ts, key, &g)) return -1;
    if (g < 0 || g >= ng) {
      raise(ts, &exc::IndexError, "no such group");
      return -1;
    }
    return g;
  }
  raise(ts, &exc::IndexError, "no such group");
  return -1;
}

Object* match_slice(ThreadState* ts, MatchObject* m, ssize g, Object* dflt) {
  ssize a = m->slots[2 * g], b = m->slots[2 * g + 1];
  if (a < 0 || b < 0) return newref(dflt);
  Object* s = m->string;
  if (is_str(s)) {
    auto* so = static_cast<StrObject*>(s);
    if (so->ascii) {
      if (b - a == 1) return newref(str_ascii_char(uint8_t(so->data[a])));
      if (a == 0 && b == so->length && is_str_exact(s)) return newref(s);
      return str_from_known(ts, std::string_view(so->data + a, size_t(b - a)), b - a, true);
    }
    ssize ba = m->bslots[2 * g], bb = m->bslots[2 * g + 1];
    if (a == 0 && b == so->length && is_str_exact(s)) return newref(s);
    return str_from_known(ts, std::string_view(so->data + ba, size_t(bb - ba)), b - a, false);
  }
  std::string_view data;
  if (!buffer_view(ts, s, &data)) return nullptr;
  if (b > ssize(data.size())) b = ssize(data.size());
  if (a > b) a = b;
  return bytes_from(ts, data.substr(size_t(a), size_t(b - a)));
}

Object* match_group(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kw) {
  if (!no_kwargs(ts, "group", kw)) return nullptr;
  MatchObject* m = as_match(self);
  if (nargs == 0) return match_slice(ts, m, 0, none());
  if (nargs == 1) {
    ssize g = match_group_index(ts, m, args[0]);
    if (g < 0) return nullptr;
    return match_slice(ts, m, g, none());
  }
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_new(ts, ssize(nargs)));
  if (!t) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    ssize g = match_group_index(ts, m, args[i]);
    if (g < 0) return nullptr;
    Object* v = match_slice(ts, m, g, none());
    if (!v) return nullptr;
    t->items[i] = v;
  }
  return t.release();
}

Object* match_getitem(ThreadState* ts, Object* self, Object* key) {
  MatchObject* m = as_match(self);
  ssize g = match_group_index(ts, m, key);
  if (g < 0) return nullptr;
  return match_slice(ts, m, g, none());
}

Object* match_groups(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  Object* a[1] = {};
  if (!parse_args(ts, "groups", args, nargs, kw, {"default"}, 0, a)) return nullptr;
  Object* dflt = a[0] ? a[0] : none();
  MatchObject* m = as_match(self);
  ssize ng = m->nslots / 2 - 1;
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_new(ts, ng));
  if (!t) return nullptr;
  for (ssize g = 1; g <= ng; ++g) {
    Object* v = match_slice(ts, m, g, dflt);
    if (!v) return nullptr;
    t->items[g - 1] = v;
  }
  return t.release();
}

Object* match_groupdict(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                        TupleObject* kw) {
  Object* a[1] = {};
  if (!parse_args(ts, "groupdict", args, nargs, kw, {"default"}, 0, a)) return nullptr;
  Object* dflt = a[0] ? a[0] : none();
  MatchObject* m = as_match(self);
  Ref<DictObject> d = Ref<DictObject>::steal(dict_new(ts));
  if (!d) return nullptr;
  DictObject* gi = static_cast<DictObject*>(m->pattern->groupindex);
  ssize it = 0;
  Object *k, *v;
  while (dict_next(gi, &it, &k, &v)) {
    ssize g;
    if (!int_as_ssize(ts, v, &g)) return nullptr;
    Ref<> val = Ref<>::steal(match_slice(ts, m, g, dflt));
    if (!val || !dict_set(ts, d.get(), k, val.get())) return nullptr;
  }
  return d.release();
}

Object* match_pos_common(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kw, const char* name, int which) {
  if (!no_kwargs(ts, name, kw) || !check_nargs(ts, name, nargs, 0, 1)) return nullptr;
  MatchObject* m = as_match(self);
  ssize g = 0;
  if (nargs == 1) {
    g = match_group_index(ts, m, args[0]);
    if (g < 0) return nullptr;
  }
  ssize a = m->slots[2 * g], b = m->slots[2 * g + 1];
  if (a < 0 || b < 0) a = b = -1;
  if (which == 0) return int_from(ts, a);
  if (which == 1) return int_from(ts, b);
  Ref<> x = Ref<>::steal(int_from(ts, a));
  Ref<> y = Ref<>::steal(int_from(ts, b));
  if (!x || !y) return nullptr;
  return tuple_pack(ts, {x.get(), y.get()});
}

Object* match_start(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kw) {
  return match_pos_common(ts, self, args, nargs, kw, "start", 0);
}
Object* match_end(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  return match_pos_common(ts, self, args, nargs, kw, "end", 1);
}
Object* match_span(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  return match_pos_common(ts, self, args, nargs, kw, "span", 2);
}

Object* match_expand(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  Object* a[1] = {};
  if (!parse_args(ts, "expand", args, nargs, kw, {"template"}, 1, a)) return nullptr;
  MatchObject* m = as_match(self);
  std::vector<TemplatePiece> tpl;
  if (!m->pattern->bytes && !is_str(a[0]))
    return raise(ts, &exc::TypeError, "expected str instance, %s found", type_name(a[0]));
  if (!parse_template(ts, m->pattern, a[0], &tpl)) return nullptr;
  Subject sub;
  if (!load_subject(ts, m->pattern, m->string, &sub)) return nullptr;
  std::string out;
  ssize outlen = 0;
  expand_into(tpl, sub, m->slots, &out, &outlen);
  if (sub.is_bytes) return bytes_from(ts, out);
  return str_from_known(ts, out, outlen, ssize(out.size()) == outlen);
}

Object* match_repr(ThreadState* ts, Object* self) {
  MatchObject* m = as_match(self);
  Ref<> g0 = Ref<>::steal(match_slice(ts, m, 0, none()));
  if (!g0) return nullptr;
  std::string r;
  if (!repr_text(ts, g0.get(), &r)) return nullptr;
  if (u::utf8_length(r) > 50) r = r.substr(0, u::utf8_offset(r, 50));
  return str_format(ts, "<re.Match object; span=(%zd, %zd), match=%s>", m->slots[0], m->slots[1],
                    r.c_str());
}

int match_bool(ThreadState*, Object*) { return 1; }

Object* match_get_lastindex(ThreadState* ts, Object* self) {
  MatchObject* m = as_match(self);
  if (m->lastindex < 0) return new_none();
  return int_from(ts, m->lastindex);
}
Object* match_get_lastgroup(ThreadState*, Object* self) {
  MatchObject* m = as_match(self);
  if (m->lastindex < 0) return new_none();
  Object* name = tuple_item(m->pattern->indexgroup, m->lastindex);
  return newref(name);
}
Object* match_get_re(ThreadState*, Object* self) { return newref(as_match(self)->pattern); }
Object* match_get_string(ThreadState*, Object* self) { return newref(as_match(self)->string); }
Object* match_get_pos(ThreadState* ts, Object* self) { return int_from(ts, as_match(self)->pos); }
Object* match_get_endpos(ThreadState* ts, Object* self) {
  return int_from(ts, as_match(self)->endpos);
}
Object* match_get_regs(ThreadState* ts, Object* self) {
  MatchObject* m = as_match(self);
  ssize ng = m->nslots / 2;
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_new(ts, ng));
  if (!t) return nullptr;
  for (ssize g = 0; g < ng; ++g) {
    ssize a = m->slots[2 * g], b = m->slots[2 * g + 1];
    if (a < 0 || b < 0) a = b = -1;
    Ref<> x = Ref<>::steal(int_from(ts, a));
    Ref<> y = Ref<>::steal(int_from(ts, b));
    if (!x || !y) return nullptr;
    Object* pair = tuple_pack(ts, {x.get(), y.get()});
    if (!pair) return nullptr;
    t->items[g] = pair;
  }
  return t.release();
}

Object* match_copy(ThreadState*, Object* self, Object* const*, size_t, TupleObject*) {
  return newref(self);
}

int match_traverse(Object* o, visitproc visit, void* arg) {
  MatchObject* m = as_match(o);
  if (m->pattern && visit(m->pattern, arg)) return 1;
  if (m->string && visit(m->string, arg)) return 1;
  return 0;
}

const MethodDef kPatternMethods[] = {
    {"match", pattern_match, 0, "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, 0, "Matches against all of the string."},
    {"search", pattern_search, 0,
     "Scan through string looking for a match, and return a corresponding match object instance."},
    {"findall", pattern_findall, 0,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"finditer", pattern_finditer, 0,
     "Return an iterator over all non-overlapping matches for the RE pattern in string."},
    {"sub", pattern_sub, 0,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern "
     "in string by the replacement repl."},
    {"subn", pattern_subn, 0,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"split", pattern_split, 0, "Split string by the occurrences of pattern."},
    {"scanner", pattern_scanner, 0, nullptr},
    {"__copy__", pattern_copy, 0, nullptr},
    {"__deepcopy__", pattern_copy, 0, nullptr},
    {"__class_getitem__", class_getitem, kMethClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kPatternGetSets[] = {
    {"pattern", pattern_get_pattern, nullptr},
    {"flags", pattern_get_flags, nullptr},
    {"groups", pattern_get_groups, nullptr},
    {"groupindex", pattern_get_groupindex, nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kMatchMethods[] = {
    {"group", match_group, 0, nullptr},
    {"groups", match_groups, 0, nullptr},
    {"groupdict", match_groupdict, 0, nullptr},
    {"start", match_start, 0, nullptr},
    {"end", match_end, 0, nullptr},
    {"span", match_span, 0, nullptr},
    {"expand", match_expand, 0, nullptr},
    {"__copy__", match_copy, 0, nullptr},
    {"__deepcopy__", match_copy, 0, nullptr},
    {"__class_getitem__", class_getitem, kMethClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kMatchGetSets[] = {
    {"lastindex", match_get_lastindex, nullptr},
    {"lastgroup", match_get_lastgroup, nullptr},
    {"re", match_get_re, nullptr},
    {"string", match_get_string, nullptr},
    {"pos", match_get_pos, nullptr},
    {"endpos", match_get_endpos, nullptr},
    {"regs", match_get_regs, nullptr},
    {nullptr, nullptr, nullptr},
};

int pattern_traverse(Object* o, visitproc visit, void* arg) {
  PatternObject* p = as_pat(o);
  if (p->groupindex && visit(p->groupindex, arg)) return 1;
  if (p->error_cls && visit(p->error_cls, arg)) return 1;
  return 0;
}

int scanner_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<ScannerObject*>(o);
  if (it->pattern && visit(it->pattern, arg)) return 1;
  if (it->string && visit(it->string, arg)) return 1;
  return 0;
}

TypeObject PatternType = [] {
  TypeObject t = stdlib_static_type("re.Pattern", sizeof(PatternObject), kHaveGC);
  t.doc = "Compiled regular expression object.";
  t.dealloc = pattern_dealloc;
  t.traverse = pattern_traverse;
  t.repr = pattern_repr;
  t.hash = pattern_hash;
  t.richcompare = pattern_richcompare;
  t.methods = kPatternMethods;
  t.getsets = kPatternGetSets;
  return t;
}();

TypeObject MatchType = [] {
  TypeObject t = stdlib_static_type("re.Match", sizeof(MatchObject), kHaveGC);
  t.doc = "The result of re.match() and re.search().";
  t.dealloc = match_dealloc;
  t.traverse = match_traverse;
  t.repr = match_repr;
  t.boolean = match_bool;
  t.getitem = match_getitem;
  t.methods = kMatchMethods;
  t.getsets = kMatchGetSets;
  return t;
}();

TypeObject ScannerType = [] {
  TypeObject t = stdlib_static_type("_re.SRE_Scanner", sizeof(ScannerObject), kHaveGC);
  t.dealloc = scanner_dealloc;
  t.traverse = scanner_traverse;
  t.iter = scanner_self;
  t.iternext = scanner_next;
  return t;
}();

TypeObject SubjectCacheType = [] {
  TypeObject t = stdlib_static_type("_re._SubjectCache", sizeof(SubjectCacheObject), 0);
  t.dealloc = subject_cache_dealloc;
  return t;
}();

Object* re_clear_cache(ThreadState* ts, Object* module, Object* const*, size_t nargs,
                       TupleObject* kw) {
  if (!no_kwargs(ts, "_clear_subject_cache", kw) ||
      !check_nargs(ts, "_clear_subject_cache", nargs, 0, 0))
    return nullptr;
  Object* cache = module_get(ts, static_cast<ModuleObject*>(module), "_subject_cache");
  if (cache && cache->type == &SubjectCacheType)
    subject_cache_clear(static_cast<SubjectCacheObject*>(cache));
  return new_none();
}

// _re.escape is in Python; the module exposes compile, the types and constants.
const MethodDef kReFunctions[] = {
    {"compile", re_compile, 0, "compile(pattern, flags) -> Pattern"},
    {"_clear_subject_cache", re_clear_cache, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_re(ThreadState* ts, ModuleObject* m) {
  if (!ready_stdlib_type(ts, &PatternType) || !ready_stdlib_type(ts, &MatchType) ||
      !ready_stdlib_type(ts, &ScannerType) || !ready_stdlib_type(ts, &SubjectCacheType))
    return false;
  auto* cache = alloc<SubjectCacheObject>(ts, &SubjectCacheType);
  if (!cache) return false;
  cache->entries = new (std::nothrow) std::vector<std::pair<Object*, std::shared_ptr<Decoded>>>();
  if (!cache->entries) {
    decref(cache);
    raise_object(ts, &exc::MemoryError);
    return false;
  }
  return module_add(ts, m, "_subject_cache", cache) && module_add_functions(ts, m, kReFunctions) &&
         module_add(ts, m, "Pattern", newref(static_cast<Object*>(&PatternType))) &&
         module_add(ts, m, "Match", newref(static_cast<Object*>(&MatchType))) &&
         module_add(ts, m, "MAXREPEAT", int_from(ts, kMaxRepeat)) &&
         module_add(ts, m, "MAXGROUPS", int_from(ts, 1073741823));
}

}  // namespace gp
