// The tokenizer. Follows CPython 3.11's Parser/tokenizer.c behaviour (indentation with tabs to
// multiples of 8 plus the tab-size-1 consistency check, numeric literal validation, bracket
// matching, error messages and their positions), written from the language reference.
#include "interp/lexer.h"

#include <cstdio>
#include <cstring>

#include "runtime/unicode.h"

namespace gp {

namespace {

constexpr const char* kTokNames[] = {
    "ENDMARKER", "NAME",     "NUMBER",   "STRING", "NEWLINE", "INDENT", "DEDENT", "ERRORTOKEN",
    "(",         ")",        "[",        "]",      "{",       "}",      ":",      ",",
    ";",         "+",        "-",        "*",      "/",       "|",      "&",      "<",
    ">",         "=",        ".",        "%",      "==",      "!=",     "<=",     ">=",
    "~",         "^",        "<<",       ">>",     "**",      "+=",     "-=",     "*=",
    "/=",        "%=",       "&=",       "|=",     "^=",      "<<=",    ">>=",    "**=",
    "//",        "//=",      "@",        "@=",     "->",      "...",    ":=",     "!",
    "False",     "None",     "True",     "and",    "as",      "assert", "async",  "await",
    "break",     "class",    "continue", "def",    "del",     "elif",   "else",   "except",
    "finally",   "for",      "from",     "global", "if",      "import", "in",     "is",
    "lambda",    "nonlocal", "not",      "or",     "pass",    "raise",  "return", "try",
    "while",     "with",     "yield",
};
static_assert(sizeof(kTokNames) / sizeof(kTokNames[0]) == static_cast<size_t>(Tok::Count));

struct Keyword {
  const char* text;
  Tok tok;
};
constexpr Keyword kKeywords[] = {
    {"False", Tok::KwFalse},
    {"None", Tok::KwNone},
    {"True", Tok::KwTrue},
    {"and", Tok::KwAnd},
    {"as", Tok::KwAs},
    {"assert", Tok::KwAssert},
    {"async", Tok::KwAsync},
    {"await", Tok::KwAwait},
    {"break", Tok::KwBreak},
    {"class", Tok::KwClass},
    {"continue", Tok::KwContinue},
    {"def", Tok::KwDef},
    {"del", Tok::KwDel},
    {"elif", Tok::KwElif},
    {"else", Tok::KwElse},
    {"except", Tok::KwExcept},
    {"finally", Tok::KwFinally},
    {"for", Tok::KwFor},
    {"from", Tok::KwFrom},
    {"global", Tok::KwGlobal},
    {"if", Tok::KwIf},
    {"import", Tok::KwImport},
    {"in", Tok::KwIn},
    {"is", Tok::KwIs},
    {"lambda", Tok::KwLambda},
    {"nonlocal", Tok::KwNonlocal},
    {"not", Tok::KwNot},
    {"or", Tok::KwOr},
    {"pass", Tok::KwPass},
    {"raise", Tok::KwRaise},
    {"return", Tok::KwReturn},
    {"try", Tok::KwTry},
    {"while", Tok::KwWhile},
    {"with", Tok::KwWith},
    {"yield", Tok::KwYield},
};

bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_id_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_potential_id_char(int c) { return is_ascii_id_start(c) || is_digit(c) || c >= 128; }

// Code points that are not printable (Python's str.isprintable false) among the ones that can
// appear in source by accident.
bool is_nonprintable(uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 ||
         cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFB) || (cp >= 0xE000 && cp <= 0xF8FF);
}

}  // namespace

const char* tok_name(Tok t) { return kTokNames[static_cast<size_t>(t)]; }

// ---- Unicode ------------------------------------------------------------------------------------

uint32_t utf8_decode(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (n < 0 || i + static_cast<size_t>(n) >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = c & (0x3F >> n);
  for (int k = 1; k <= n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += n + 1;
  return cp;
}

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// An approximation of XID_Continue for non-ASCII code points: everything except the symbol,
// punctuation, space and private-use blocks.
bool is_id_continue(uint32_t cp) {
  if (cp < 128) return is_ascii_id_start(static_cast<int>(cp)) || is_digit(static_cast<int>(cp));
  if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA || cp == 0xB7;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return cp == 0x203F || cp == 0x2040 || cp == 0x2054;
  if (cp >= 0x20A0 && cp <= 0x20CF) return false;  // currency
  if (cp >= 0x2190 && cp <= 0x2BFF) return false;  // arrows, math, technical, boxes, dingbats
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;  // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x3004) return false;
  if (cp >= 0x3008 && cp <= 0x3020) return false;
  if (cp == 0x3030 || cp == 0x303D) return false;
  if (cp >= 0xD800 && cp <= 0xF8FF) return false;  // surrogates, private use
  if (cp >= 0xFE10 && cp <= 0xFE6F)
    return cp == 0xFE33 || cp == 0xFE34 || cp == 0xFE4D || cp == 0xFE4E || cp == 0xFE4F;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return false;
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;
  if (cp >= 0xFF3B && cp <= 0xFF40) return cp == 0xFF3F;
  if (cp >= 0xFF5B && cp <= 0xFF65) return false;
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
  if (cp == 0xFEFF) return false;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji, symbols
  if (cp >= 0xF0000) return false;
  return true;
}

bool is_id_start(uint32_t cp) {
  if (cp < 128) return is_ascii_id_start(static_cast<int>(cp));
  if (!is_id_continue(cp)) return false;
  if (cp == 0xB7) return false;
  if (cp >= 0x300 && cp <= 0x36F) return false;  // combining diacritics
  if (cp >= 0x203F && cp <= 0x2054) return false;
  if (cp >= 0x0660 && cp <= 0x0669) return false;  // Arabic-Indic digits
  if (cp >= 0x06F0 && cp <= 0x06F9) return false;
  if (cp >= 0x0966 && cp <= 0x096F) return false;
  if (cp >= 0xFF10 && cp <= 0xFF19) return false;  // fullwidth digits
  if (cp == 0xFF3F) return false;
  return true;
}

// ---- string prefixes and escapes ----------------------------------------------------------------

StringPrefix string_prefix(std::string_view t) {
  StringPrefix p;
  size_t i = 0;
  while (i < t.size() && t[i] != '\'' && t[i] != '"') {
    char c = static_cast<char>(t[i] | 0x20);
    if (c == 'r') p.raw = true;
    if (c == 'b') p.bytes = true;
    if (c == 'f') p.fstr = true;
    if (c == 'u') p.u = true;
    ++i;
  }
  p.prefix_len = i;
  p.quote_len =
      (i + 2 < t.size() && t[i + 1] == t[i] && t[i + 2] == t[i] && t.size() - i >= 6) ? 3 : 1;
  return p;
}

bool decode_escapes(std::string_view s, bool bytes, std::string& out, std::string& msg,
                    size_t& err_pos) {
  out.reserve(out.size() + s.size());
  size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    size_t esc = i;
    ++i;
    if (i >= n) {  // a lone trailing backslash cannot happen in a complete literal
      out += '\\';
      break;
    }
    c = s[i++];
    switch (c) {
      case '\n':
        break;
      case '\r':
        if (i < n && s[i] == '\n') ++i;
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        unsigned v = static_cast<unsigned>(c - '0');
        for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; ++k)
          v = v * 8 + (s[i++] - '0');
        if (bytes)
          out += static_cast<char>(v & 0xFF);
        else
          utf8_append(out, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if ((c == 'u' || c == 'U') && bytes) {
          out += '\\';
          out += c;
          break;
        }
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        int k = 0;
        for (; k < digits && i < n && is_xdigit(s[i]); ++k, ++i) {
          char d = s[i];
          v = v * 16 + static_cast<uint32_t>(is_digit(d) ? d - '0' : (d | 0x20) - 'a' + 10);
        }
        if (k < digits) {
          char buf[200];
          if (bytes) {
            std::snprintf(buf, sizeof buf, "(value error) invalid \\x escape at position %zu", esc);
          } else {
            std::snprintf(buf, sizeof buf,
                          "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                          "%zu-%zu: truncated \\%s escape",
                          esc, i - 1,
                          c == 'x'   ? "xXX"
                          : c == 'u' ? "uXXXX"
                                     : "UXXXXXXXX");
          }
          msg = buf;
          err_pos = esc;
          return false;
        }
        if (bytes) {
          out += static_cast<char>(v);
        } else if (v > 0x10FFFF) {
          char buf[200];
          std::snprintf(buf, sizeof buf,
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "%zu-%zu: illegal Unicode character",
                        esc, i - 1);
          msg = buf;
          err_pos = esc;
          return false;
        } else {
          utf8_append(out, v);
        }
        break;
      }
      case 'N': {
        if (bytes) {
          out += "\\N";
          break;
        }
        size_t end = i;
        if (end < n && s[end] == '{') {
          while (end < n && s[end] != '}') ++end;
        }
        uint32_t named;
        if (end < n && end > i + 1 &&
            gp::unicode::lookup_name(s.substr(i + 1, end - i - 1), &named)) {
          utf8_append(out, named);
          i = end + 1;
          break;
        }
        // CPython's positions: the error ends before the scan point (after '}' for an unknown
        // name, at '}' for an empty one, at the end for a missing '}', after N otherwise).
        size_t stop = i;
        bool unknown = false;
        if (i < n && s[i] == '{') {
          stop = end < n ? (end > i + 1 ? end + 1 : end) : n;
          unknown = end < n && end > i + 1;
        }
        char buf[200];
        std::snprintf(
            buf, sizeof buf,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position "
            "%zu-%zu: %s",
            esc, stop - 1,
            unknown ? "unknown Unicode character name" : "malformed \\N character escape");
        msg = buf;
        err_pos = esc;
        return false;
      }
      default:
        // Invalid escapes are kept (CPython warns with a DeprecationWarning).
        out += '\\';
        --i;
        break;
    }
  }
  return true;
}

// ---- the lexer ----------------------------------------------------------------------------------

Lexer::Lexer(std::string_view source) : src_(source) {
  // A UTF-8 BOM is skipped.
  if (src_.size() >= 3 && static_cast<unsigned char>(src_[0]) == 0xEF &&
      static_cast<unsigned char>(src_[1]) == 0xBB && static_cast<unsigned char>(src_[2]) == 0xBF) {
    pos_ = 3;
  }
  line_starts_.reserve(src_.size() / 30 + 4);
  line_starts_.push_back(0);
  for (size_t i = 0; i < src_.size(); ++i) {
    if (src_[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  if (line_starts_.size() > 1 && line_starts_.back() == src_.size()) line_starts_.pop_back();
  line_start_ = 0;
  toks_.reserve(src_.size() / 3 + 8);
}

std::string_view Lexer::line_text(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  size_t b = line_starts_[line - 1];
  size_t e = line < static_cast<int>(line_starts_.size()) ? line_starts_[line] : src_.size();
  while (e > b && (src_[e - 1] == '\n' || src_[e - 1] == '\r')) --e;
  return src_.substr(b, e - b);
}

int Lexer::char_offset(int line, int byte_col) const {
  std::string_view t = line_text(line);
  int chars = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(t.size()); ++i) {
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) ++chars;
  }
  if (byte_col > static_cast<int>(t.size())) chars += byte_col - static_cast<int>(t.size());
  return chars + 1;
}

void Lexer::add(Tok k, size_t start, size_t end, int line, int col, int end_line, int end_col) {
  Token t;
  t.kind = k;
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(end);
  t.line = line;
  t.col = col;
  t.end_line = end_line;
  t.end_col = end_col;
  toks_.push_back(t);
}

// offset/end_offset are CPython's 1-based character offsets (-1: end_offset = offset).
void Lexer::error_at(ErrorKind kind, const char* type, std::string msg, int line, int offset,
                     int end_offset) {
  err_kind_ = kind;
  err_.type = type;
  err_.msg = std::move(msg);
  err_.lineno = line;
  err_.offset = offset;
  err_.end_lineno = line;
  err_.end_offset = end_offset < 0 ? offset : end_offset;
  err_.text = std::string(line_text(line)) + "\n";
  add(Tok::Error, pos_, pos_, line, 0, line, 0);
}

void Lexer::newline_at(size_t pos) {
  ++line_;
  line_start_ = pos + 1;
}

bool Lexer::run() {
  while (true) {
    if (at_bol_ && parens_.empty()) {
      if (!lex_line_start()) return false;
      if (pos_ >= src_.size()) break;
    }
    at_bol_ = false;
    // skip whitespace
    while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\f'))
      ++pos_;
    if (pos_ >= src_.size()) break;
    char c = src_[pos_];
    if (c == '#') {
      while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '\r' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '\n') {
      ++pos_;
      c = '\n';
    }
    if (c == '\n' || c == '\r') {
      if (parens_.empty()) {
        add(Tok::Newline, pos_, pos_ + 1, line_, col_of(pos_), line_, col_of(pos_));
        at_bol_ = true;
      }
      newline_at(pos_);
      ++pos_;
      continue;
    }
    if (c == '\\') {
      size_t p = pos_ + 1;
      if (p < src_.size() && src_[p] == '\r' && p + 1 < src_.size() && src_[p + 1] == '\n') ++p;
      if (p >= src_.size()) {
        pos_ = p;
        error_at(ErrorKind::Eof, "SyntaxError", "unexpected EOF while parsing", line_, cb(p) + 1,
                 0);
        err_.incomplete = true;
        return false;
      }
      if (src_[p] != '\n') {
        pos_ = p + 1;
        error_at(ErrorKind::Hard, "SyntaxError",
                 "unexpected character after line continuation character", line_, cb(p + 1), 0);
        return false;
      }
      newline_at(p);
      pos_ = p + 1;
      if (pos_ >= src_.size()) {
        error_at(ErrorKind::Eof, "SyntaxError", "unexpected EOF while parsing", line_ - 1,
                 char_offset(line_ - 1, static_cast<int>(line_text(line_ - 1).size())) + 1, 0);
        err_.incomplete = true;
        return false;
      }
      continue;
    }
    size_t start = pos_;
    unsigned char uc = static_cast<unsigned char>(c);
    if (is_digit(c) || (c == '.' && pos_ + 1 < src_.size() && is_digit(src_[pos_ + 1]))) {
      if (!lex_number(start)) return false;
      continue;
    }
    if (c == '\'' || c == '"') {
      if (!lex_string(start, start)) return false;
      continue;
    }
    if (is_ascii_id_start(c) || uc >= 128) {
      // string prefix?
      size_t p = pos_;
      while (p < src_.size() && p - pos_ < 3 && is_ascii_id_start(src_[p]) && src_[p] != '_') ++p;
      if (p < src_.size() && (src_[p] == '\'' || src_[p] == '"') && p > pos_) {
        std::string_view pre = src_.substr(pos_, p - pos_);
        bool ok = false;
        if (pre.size() == 1) {
          char l = static_cast<char>(pre[0] | 0x20);
          ok = l == 'r' || l == 'b' || l == 'u' || l == 'f';
        } else if (pre.size() == 2) {
          char a = static_cast<char>(pre[0] | 0x20), b = static_cast<char>(pre[1] | 0x20);
          ok = (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
        }
        if (ok) {
          if (!lex_string(start, p)) return false;
          continue;
        }
      }
      if (!lex_name(start)) return false;
      continue;
    }
    if (!lex_op(start)) return false;
  }
  // end of input
  if (!parens_.empty()) {
    const Paren& p = parens_.back();
    char buf[64];
    std::snprintf(buf, sizeof buf, "'%c' was never closed", p.ch);
    err_paren_line_ = p.line;
    error_at(ErrorKind::EofInParen, "SyntaxError", buf, p.line, char_offset(p.line, p.col), 0);
    err_.incomplete = true;
    return false;
  }
  if (!toks_.empty() && toks_.back().kind != Tok::Newline && toks_.back().kind != Tok::Dedent &&
      toks_.back().kind != Tok::Indent) {
    int c = col_of(pos_);
    add(Tok::Newline, pos_, pos_, line_, c, line_, c);
  }
  // DEDENTs and ENDMARKER sit at the end of the last line (where CPython reports errors at EOF).
  int last = num_lines();
  int ec = static_cast<int>(line_text(last).size());
  while (indents_.size() > 1) {
    indents_.pop_back();
    add(Tok::Dedent, pos_, pos_, last, ec, last, ec);
  }
  add(Tok::EndMarker, pos_, pos_, last, ec, last, ec);
  return true;
}

// At the beginning of a line outside brackets: measure indentation, skip blank and comment-only
// lines, emit INDENT/DEDENT.
bool Lexer::lex_line_start() {
  while (true) {
    int col = 0, altcol = 0;
    size_t p = pos_;
    while (p < src_.size()) {
      char c = src_[p];
      if (c == ' ') {
        ++col;
        ++altcol;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
        ++altcol;
      } else if (c == '\f') {
        col = altcol = 0;
      } else {
        break;
      }
      ++p;
    }
    if (p >= src_.size()) {
      pos_ = p;
      return true;
    }
    char c = src_[p];
    if (c == '#' || c == '\n' || c == '\r') {
      // blank or comment-only line: no indentation processing
      while (p < src_.size() && src_[p] != '\n') ++p;
      if (p >= src_.size()) {
        pos_ = p;
        return true;
      }
      newline_at(p);
      pos_ = p + 1;
      continue;
    }
    if (c == '\\') {
      // a continuation right after indentation: CPython still measures it; keep simple
    }
    pos_ = p;
    int icol = col_of(p);
    if (col == indents_.back()) {
      if (altcol != altindents_.back()) {
        error_at(ErrorKind::Indent, "TabError",
                 "inconsistent use of tabs and spaces in indentation", line_, 1, 0);
        return false;
      }
    } else if (col > indents_.back()) {
      if (indents_.size() >= 100) {
        error_at(ErrorKind::Indent, "IndentationError", "too many levels of indentation", line_, 1,
                 0);
        return false;
      }
      if (altcol <= altindents_.back()) {
        error_at(ErrorKind::Indent, "TabError",
                 "inconsistent use of tabs and spaces in indentation", line_, 1, 0);
        return false;
      }
      indents_.push_back(col);
      altindents_.push_back(altcol);
      add(Tok::Indent, line_start_, p, line_, 0, line_, icol);
    } else {
      while (indents_.size() > 1 && col < indents_.back()) {
        indents_.pop_back();
        altindents_.pop_back();
        add(Tok::Dedent, p, p, line_, icol, line_, icol);
      }
      if (col != indents_.back()) {
        error_at(ErrorKind::Indent, "IndentationError",
                 "unindent does not match any outer indentation level", line_,
                 char_offset(line_, static_cast<int>(line_text(line_).size())), 0);
        return false;
      }
      if (altcol != altindents_.back()) {
        error_at(ErrorKind::Indent, "TabError",
                 "inconsistent use of tabs and spaces in indentation", line_, 1, 0);
        return false;
      }
    }
    return true;
  }
}

bool Lexer::lex_name(size_t start) {
  size_t p = start;
  bool ascii = true;
  while (p < src_.size() && is_potential_id_char(static_cast<unsigned char>(src_[p]))) {
    if (static_cast<unsigned char>(src_[p]) >= 128) ascii = false;
    ++p;
  }
  if (!ascii) {
    // validate each code point
    size_t i = start;
    bool first = true;
    while (i < p) {
      size_t cstart = i;
      uint32_t cp = utf8_decode(src_, i);
      bool ok = first ? is_id_start(cp) : is_id_continue(cp);
      if (!ok) {
        pos_ = i;
        char buf[128];
        if (is_nonprintable(cp)) {
          std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
        } else {
          std::string ch(src_.substr(cstart, i - cstart));
          std::snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", ch.c_str(), cp);
        }
        error_at(ErrorKind::Hard, "SyntaxError", buf, line_, cb(i));
        return false;
      }
      first = false;
    }
  }
  pos_ = p;
  Tok kind = Tok::Name;
  size_t len = p - start;
  if (ascii && len >= 2 && len <= 8) {
    std::string_view w = src_.substr(start, len);
    for (const Keyword& k : kKeywords) {
      if (w == k.text) {
        kind = k.tok;
        break;
      }
    }
  }
  add(kind, start, p, line_, col_of(start), line_, col_of(p));
  return true;
}

// After a numeric literal: c = src_[p] (the next char, already "consumed" in CPython terms means
// the cursor is at p + 1). Mirrors verify_end_of_number.
bool Lexer::verify_end_of_number(size_t& p, const char* kind) {
  if (p >= src_.size()) return true;
  char c = src_[p];
  auto la = [&](const char* rest) {
    size_t n = std::strlen(rest);
    return src_.substr(p + 1, n) == rest;
  };
  bool r = false;
  if (c == 'a') {
    r = la("nd");
  } else if (c == 'e') {
    r = la("lse");
  } else if (c == 'f') {
    r = la("or");
  } else if (c == 'i') {
    r = p + 1 < src_.size() && (src_[p + 1] == 'f' || src_[p + 1] == 'n' || src_[p + 1] == 's');
  } else if (c == 'o') {
    r = la("r");
  } else if (c == 'n') {
    r = la("ot");
  }
  if (r) return true;  // CPython only warns
  if (is_potential_id_char(static_cast<unsigned char>(c))) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid %s literal", kind);
    pos_ = p;
    error_at(ErrorKind::Hard, "SyntaxError", buf, line_, cb(p));
    return false;
  }
  return true;
}

bool Lexer::lex_number(size_t start) {
  const size_t n = src_.size();
  size_t p = start;
  auto at = [&](size_t i) -> int { return i < n ? static_cast<unsigned char>(src_[i]) : -1; };
  // error "at cursor" where the cursor is index i (the offending char): offset = i chars
  auto fail = [&](size_t i, const std::string& msg) {
    pos_ = i;
    error_at(ErrorKind::Hard, "SyntaxError", msg, line_, cb(i));
    return false;
  };
  // digits with single underscores between them; p at first char after a consumed digit.
  auto decimal_tail = [&](size_t& q) -> bool {
    while (true) {
      while (is_digit(at(q))) ++q;
      if (at(q) != '_') return true;
      ++q;
      if (!is_digit(at(q))) return fail(q, "invalid decimal literal");
    }
  };
  bool is_float_or_imag = false;
  if (at(p) == '0' && (at(p + 1) | 0x20) == 'x') {
    p += 2;
    do {
      if (at(p) == '_') ++p;
      if (!is_xdigit(at(p))) return fail(p, "invalid hexadecimal literal");
      while (is_xdigit(at(p))) ++p;
    } while (at(p) == '_');
    if (!verify_end_of_number(p, "hexadecimal")) return false;
  } else if (at(p) == '0' && ((at(p + 1) | 0x20) == 'o' || (at(p + 1) | 0x20) == 'b')) {
    bool octal = (at(p + 1) | 0x20) == 'o';
    const char* kind = octal ? "octal" : "binary";
    auto ok = [&](int c) { return octal ? (c >= '0' && c <= '7') : (c == '0' || c == '1'); };
    p += 2;
    do {
      if (at(p) == '_') ++p;
      if (!ok(at(p))) {
        char buf[64];
        if (is_digit(at(p))) {
          std::snprintf(buf, sizeof buf, "invalid digit '%c' in %s literal", at(p), kind);
          return fail(p + 1, buf);
        }
        std::snprintf(buf, sizeof buf, "invalid %s literal", kind);
        return fail(p, buf);
      }
      while (ok(at(p))) ++p;
    } while (at(p) == '_');
    if (is_digit(at(p))) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid digit '%c' in %s literal", at(p), kind);
      return fail(p + 1, buf);
    }
    if (!verify_end_of_number(p, kind)) return false;
  } else {
    bool fraction = false, exponent = false, imag = false;
    if (at(p) == '0') {
      ++p;
      bool nonzero = false;
      while (true) {
        if (at(p) == '_') {
          ++p;
          if (!is_digit(at(p))) return fail(p, "invalid decimal literal");
        }
        if (at(p) != '0') break;
        ++p;
      }
      size_t zeros_end = p;
      if (is_digit(at(p))) {
        nonzero = true;
        ++p;
        zeros_end = p;
        if (!decimal_tail(p)) return false;
      }
      if (at(p) == '.') {
        ++p;
        fraction = true;
      } else if ((at(p) | 0x20) == 'e') {
        exponent = true;
      } else if ((at(p) | 0x20) == 'j') {
        imag = true;
      } else if (nonzero) {
        pos_ = p;
        error_at(ErrorKind::Hard, "SyntaxError",
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                 "for octal integers",
                 line_, cb(start) + 1, cb(zeros_end));
        return false;
      }
    } else {
      if (at(p) == '.') {
        fraction = true;
        ++p;
      } else {
        ++p;
        if (!decimal_tail(p)) return false;
        if (at(p) == '.') {
          ++p;
          fraction = true;
        } else if ((at(p) | 0x20) == 'e') {
          exponent = true;
        }
      }
    }
    if (fraction) {
      is_float_or_imag = true;
      if (is_digit(at(p))) {
        ++p;
        if (!decimal_tail(p)) return false;
      }
      if ((at(p) | 0x20) == 'e') exponent = true;
    }
    if (exponent) {
      is_float_or_imag = true;
      size_t e = p;
      ++p;
      if (at(p) == '+' || at(p) == '-') {
        ++p;
        if (!is_digit(at(p))) return fail(p, "invalid decimal literal");
      } else if (!is_digit(at(p))) {
        // "1e" followed by a non-digit: the number ends before the 'e'
        p = e;
        if (!verify_end_of_number(p, "decimal")) return false;
        pos_ = p;
        add(Tok::Number, start, p, line_, col_of(start), line_, col_of(p));
        return true;
      }
      ++p;
      if (!decimal_tail(p)) return false;
    }
    if ((at(p) | 0x20) == 'j') {
      imag = true;
    }
    if (imag) {
      ++p;
      if (!verify_end_of_number(p, "imaginary")) return false;
    } else if (!verify_end_of_number(p, "decimal")) {
      return false;
    }
  }
  (void)is_float_or_imag;
  pos_ = p;
  add(Tok::Number, start, p, line_, col_of(start), line_, col_of(p));
  return true;
}

bool Lexer::lex_string(size_t start, size_t q) {
  const size_t n = src_.size();
  char quote = src_[q];
  int start_line = line_;
  size_t start_line_start = line_start_;
  bool triple = q + 2 < n && src_[q + 1] == quote && src_[q + 2] == quote;
  size_t p = q + (triple ? 3 : 1);
  int start_col = static_cast<int>(start - start_line_start);
  while (true) {
    if (p >= n || (!triple && (src_[p] == '\n' || src_[p] == '\r'))) {
      char buf[96];
      if (triple) {
        // the line of the last character read
        int last = line_;
        if (p >= n && n > 0 && src_[n - 1] == '\n' && line_ > start_line) last = line_ - 1;
        std::snprintf(buf, sizeof buf,
                      "unterminated triple-quoted string literal (detected at line %d)", last);
        pos_ = p;
        error_at(ErrorKind::Hard, "SyntaxError", buf, start_line,
                 char_offset(start_line, start_col));
        err_.incomplete = true;
      } else {
        int last = line_;
        if (p >= n && n > 0 && src_[n - 1] == '\n' && line_ > start_line) last = line_ - 1;
        std::snprintf(buf, sizeof buf, "unterminated string literal (detected at line %d)", last);
        pos_ = p;
        error_at(ErrorKind::Hard, "SyntaxError", buf, start_line,
                 char_offset(start_line, start_col));
      }
      return false;
    }
    char c = src_[p];
    if (c == '\\') {
      if (p + 1 < n) {
        if (src_[p + 1] == '\n') {
          newline_at(p + 1);
        } else if (src_[p + 1] == '\r') {
          if (p + 2 < n && src_[p + 2] == '\n') ++p;
          newline_at(p + 1);
        }
        p += 2;
      } else {
        p += 1;
      }
      continue;
    }
    if (c == '\n') {
      newline_at(p);
      ++p;
      continue;
    }
    if (c == quote) {
      if (!triple) {
        ++p;
        break;
      }
      if (p + 2 < n && src_[p + 1] == quote && src_[p + 2] == quote) {
        p += 3;
        break;
      }
    }
    ++p;
  }
  pos_ = p;
  add(Tok::String, start, p, start_line, start_col, line_, col_of(p));
  return true;
}

bool Lexer::lex_op(size_t start) {
  const size_t n = src_.size();
  auto at = [&](size_t i) -> char { return i < n ? src_[i] : '\0'; };
  char c = src_[start], c2 = at(start + 1), c3 = at(start + 2);
  Tok k;
  size_t len = 1;
  switch (c) {
    case '(':
    case '[':
    case '{': {
      k = c == '(' ? Tok::LPar : c == '[' ? Tok::LSqb : Tok::LBrace;
      if (parens_.size() >= 200) {
        pos_ = start + 1;
        error_at(ErrorKind::Hard, "SyntaxError", "too many nested parentheses", line_,
                 cb(start + 1));
        return false;
      }
      parens_.push_back({c, line_, col_of(start)});
      break;
    }
    case ')':
    case ']':
    case '}': {
      k = c == ')' ? Tok::RPar : c == ']' ? Tok::RSqb : Tok::RBrace;
      if (parens_.empty()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "unmatched '%c'", c);
        pos_ = start + 1;
        error_at(ErrorKind::Hard, "SyntaxError", buf, line_, cb(start + 1));
        return false;
      }
      Paren open = parens_.back();
      char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
      if (want != c) {
        char buf[128];
        if (open.line != line_) {
          std::snprintf(buf, sizeof buf,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' on line "
                        "%d",
                        c, open.ch, open.line);
        } else {
          std::snprintf(buf, sizeof buf,
                        "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                        open.ch);
        }
        pos_ = start + 1;
        error_at(ErrorKind::Hard, "SyntaxError", buf, line_, cb(start + 1));
        return false;
      }
      parens_.pop_back();
      break;
    }
    case ':':
      if (c2 == '=') {
        k = Tok::ColonEqual;
        len = 2;
      } else {
        k = Tok::Colon;
      }
      break;
    case ',':
      k = Tok::Comma;
      break;
    case ';':
      k = Tok::Semi;
      break;
    case '+':
      k = c2 == '=' ? (len = 2, Tok::PlusEqual) : Tok::Plus;
      break;
    case '-':
      k = c2 == '=' ? (len = 2, Tok::MinEqual) : c2 == '>' ? (len = 2, Tok::RArrow) : Tok::Minus;
      break;
    case '*':
      if (c2 == '*') {
        k = c3 == '=' ? (len = 3, Tok::DoubleStarEqual) : (len = 2, Tok::DoubleStar);
      } else {
        k = c2 == '=' ? (len = 2, Tok::StarEqual) : Tok::Star;
      }
      break;
    case '/':
      if (c2 == '/') {
        k = c3 == '=' ? (len = 3, Tok::DoubleSlashEqual) : (len = 2, Tok::DoubleSlash);
      } else {
        k = c2 == '=' ? (len = 2, Tok::SlashEqual) : Tok::Slash;
      }
      break;
    case '|':
      k = c2 == '=' ? (len = 2, Tok::VBarEqual) : Tok::VBar;
      break;
    case '&':
      k = c2 == '=' ? (len = 2, Tok::AmperEqual) : Tok::Amper;
      break;
    case '<':
      if (c2 == '<') {
        k = c3 == '=' ? (len = 3, Tok::LeftShiftEqual) : (len = 2, Tok::LeftShift);
      } else if (c2 == '=') {
        k = Tok::LessEqual;
        len = 2;
      } else if (c2 == '>') {
        k = Tok::NotEqual;  // "<>": rejected by the parser
        len = 2;
      } else {
        k = Tok::Less;
      }
      break;
    case '>':
      if (c2 == '>') {
        k = c3 == '=' ? (len = 3, Tok::RightShiftEqual) : (len = 2, Tok::RightShift);
      } else {
        k = c2 == '=' ? (len = 2, Tok::GreaterEqual) : Tok::Greater;
      }
      break;
    case '=':
      k = c2 == '=' ? (len = 2, Tok::EqEqual) : Tok::Equal;
      break;
    case '!':
      k = c2 == '=' ? (len = 2, Tok::NotEqual) : Tok::Bang;
      break;
    case '.':
      if (c2 == '.' && c3 == '.') {
        k = Tok::Ellipsis;
        len = 3;
      } else {
        k = Tok::Dot;
      }
      break;
    case '%':
      k = c2 == '=' ? (len = 2, Tok::PercentEqual) : Tok::Percent;
      break;
    case '~':
      k = Tok::Tilde;
      break;
    case '^':
      k = c2 == '=' ? (len = 2, Tok::CircumflexEqual) : Tok::Circumflex;
      break;
    case '@':
      k = c2 == '=' ? (len = 2, Tok::AtEqual) : Tok::At;
      break;
    default: {
      unsigned char uc = static_cast<unsigned char>(c);
      if (uc < 32 && c != '\0') {
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", uc);
        pos_ = start + 1;
        error_at(ErrorKind::Hard, "SyntaxError", buf, line_, cb(start + 1));
        return false;
      }
      if (c == '\0') {
        pos_ = start + 1;
        error_at(ErrorKind::Hard, "SyntaxError", "source code cannot contain null bytes", line_,
                 cb(start) + 1);
        return false;
      }
      // '$', '?', '`': an operator the grammar never accepts -> "invalid syntax" there.
      k = Tok::Bang;
      break;
    }
  }
  pos_ = start + len;
  add(k, start, pos_, line_, col_of(start), line_, col_of(pos_));
  return true;
}

}  // namespace gp
