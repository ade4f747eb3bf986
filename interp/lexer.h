// The tokenizer: the whole source is tokenised once, up front, into a vector of Tokens (with
// NEWLINE/INDENT/DEDENT as in CPython's tokenizer). A lexical error stops tokenisation: the last
// token is then Tok::Error and error() describes it. Strings are returned undecoded (the parser
// calls decode_string_literal / f-string helpers on the token text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interp/token.h"

namespace gp {

class Lexer {
 public:
  // How a lexical error interacts with parser errors earlier in the file (CPython semantics).
  enum class ErrorKind : uint8_t {
    None,
    Hard,        // raised by CPython's tokenizer itself: wins over an earlier parser error
    Indent,      // IndentationError/TabError from the tokenizer: only when the parser gets there
    EofInParen,  // end of input inside brackets: "'(' was never closed"
    Eof,         // end of input after a backslash: "unexpected EOF while parsing"
  };

  explicit Lexer(std::string_view source);
  // Tokenises everything. Returns false when it stopped at an error.
  bool run();

  const std::vector<Token>& tokens() const { return toks_; }
  std::vector<Token>& mutable_tokens() { return toks_; }
  ErrorKind error_kind() const { return err_kind_; }
  const SyntaxErrorInfo& error() const { return err_; }
  int error_paren_line() const { return err_paren_line_; }  // EofInParen: line of the bracket

  std::string_view source() const { return src_; }
  std::string_view text(const Token& t) const { return src_.substr(t.start, t.end - t.start); }
  // Source line n (1-based) without its line ending; empty when out of range.
  std::string_view line_text(int line) const;
  // 1-based character offset for a 0-based byte column on a line (CPython's SyntaxError.offset).
  int char_offset(int line, int byte_col) const;
  int num_lines() const { return static_cast<int>(line_starts_.size()); }

 private:
  void add(Tok k, size_t start, size_t end, int line, int col, int end_line, int end_col);
  void error_at(ErrorKind kind, const char* type, std::string msg, int line, int offset,
                int end_offset = -1);
  // Characters before byte position pos on the current line (CPython's offset for an error
  // detected with the tokenizer's cursor at pos).
  int cb(size_t pos) const { return char_offset(line_, col_of(pos)) - 1; }
  bool lex_line_start();  // indentation at the beginning of a logical line
  bool lex_number(size_t start);
  bool lex_string(size_t start, size_t quote_pos);
  bool lex_name(size_t start);
  bool lex_op(size_t start);
  bool verify_end_of_number(size_t& p, const char* kind);
  int col_of(size_t pos) const { return static_cast<int>(pos - line_start_); }
  void newline_at(size_t pos);  // pos is the '\n' just consumed

  std::string_view src_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  std::vector<uint32_t> line_starts_;
  std::vector<Token> toks_;
  struct Paren {
    char ch;
    int line, col;
  };
  std::vector<Paren> parens_;
  std::vector<int> indents_{0}, altindents_{0};
  bool at_bol_ = true;
  bool cont_line_ = false;  // previous physical line ended in a backslash
  ErrorKind err_kind_ = ErrorKind::None;
  SyntaxErrorInfo err_;
  int err_paren_line_ = 0;
};

// ---- string literal helpers (used by the parser) ------------------------------------------------
struct StringPrefix {
  bool raw = false, bytes = false, fstr = false, u = false;
  size_t prefix_len = 0;  // letters before the quote
  size_t quote_len = 0;   // 1 or 3
};
StringPrefix string_prefix(std::string_view tok_text);

// Decodes the escapes of a (non-raw) str or bytes literal body. On error returns false with msg
// and the byte offset (within body) of the bad escape.
bool decode_escapes(std::string_view body, bool bytes, std::string& out, std::string& msg,
                    size_t& err_pos);

// Unicode helpers.
bool is_id_start(uint32_t cp);
bool is_id_continue(uint32_t cp);
// Decodes one UTF-8 sequence at s[i]; advances i. Returns 0xFFFD for malformed input.
uint32_t utf8_decode(std::string_view s, size_t& i);
void utf8_append(std::string& out, uint32_t cp);

}  // namespace gp
