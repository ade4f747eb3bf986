#include "interp/traceback.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "interp/parser.h"
#include "interp/vm.h"
#include "stdlib/modules.h"

namespace gp {

namespace {

void tb_dealloc(Object* o) {
  auto* t = static_cast<TracebackObject*>(o);
  gc_untrack(o);
  xdecref(t->next);
  xdecref(t->code);
  xdecref(t->globals);
  xdecref(t->frame);
  free_object(o);
}
int tb_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = static_cast<TracebackObject*>(o);
  Object* fields[] = {t->next, t->globals, t->frame};
  for (Object* x : fields)
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}
void tb_clear(Object* o) {
  auto* t = static_cast<TracebackObject*>(o);
  clearref(t->next);
  clearref(t->globals);
  clearref(t->frame);
}

Object* tb_get_frame(ThreadState* ts, Object* o) {
  auto* t = static_cast<TracebackObject*>(o);
  if (!t->frame) {
    auto* fo = alloc<FrameObject>(ts, &FrameType);
    if (!fo) return nullptr;
    fo->code = newref(t->code);
    fo->globals = t->globals ? newref(t->globals) : nullptr;
    fo->lineno = t->lineno;
    fo->lasti = t->lasti;
    t->frame = fo;
  }
  return newref(t->frame);
}

const GetSetDef kTbGetSets[] = {
    {"tb_next",
     [](ThreadState*, Object* o) -> Object* {
       Object* n = static_cast<TracebackObject*>(o)->next;
       return newref(n ? n : none());
     },
     [](ThreadState* ts, Object* o, Object* v) -> bool {
       if (v && is_none(v)) v = nullptr;
       if (v && v->type != &TracebackType) {
         raise(ts, &exc::TypeError, "expected traceback object or None, got '%s'", type_name(v));
         return false;
       }
       setref(static_cast<TracebackObject*>(o)->next, v ? newref(v) : nullptr);
       return true;
     }},
    {"tb_frame", tb_get_frame, nullptr},
    {"tb_lineno",
     [](ThreadState* ts, Object* o) -> Object* {
       return int_from(ts, static_cast<TracebackObject*>(o)->lineno);
     },
     nullptr},
    {"tb_lasti",
     [](ThreadState* ts, Object* o) -> Object* {
       return int_from(ts, static_cast<TracebackObject*>(o)->lasti * 2);
     },
     nullptr},
    {nullptr, nullptr, nullptr},
};

// ---- output ----
void write_stderr(ThreadState* ts, const std::string& text) {
  Object* err = ts->interp->sys ? module_get(ts, ts->interp->sys, "stderr") : nullptr;
  if (err && !is_none(err)) {
    Object* saved = fetch_exc(ts);
    Ref<> s = Ref<>::steal(str_from(ts, text));
    bool ok = false;
    if (s) {
      Object* r = call_method(ts, err, "write", {s.get()});
      if (r) {
        decref(r);
        ok = true;
        Object* f = call_method(ts, err, "flush");
        xdecref(f);
      }
    }
    clear_exc(ts);
    if (saved) restore_exc(ts, saved);
    if (ok) return;
  }
  size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(2, text.data() + off, text.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
}

std::string strip(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f' || s[b] == '\r' || s[b] == '\n'))
    ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n' ||
                   s[e - 1] == '\f'))
    --e;
  return std::string(s.substr(b, e - b));
}

// The line without its line break (a "\r\n" file read in text mode).
std::string chomp(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string exc_type_name(ThreadState* ts, Object* e) {
  TypeObject* t = e->type;
  if (!(t->flags & kHeapType)) return t->name;
  std::string qn = t->qualname ? std::string(str_view(t->qualname)) : std::string(t->name);
  Ref<> mod = Ref<>::steal(type_module(ts, t));
  if (!mod) {
    clear_exc(ts);
    return qn;
  }
  if (is_str(mod.get())) {
    std::string m(str_view(mod.get()));
    if (m != "builtins" && m != "__main__") return m + "." + qn;
  }
  return qn;
}

std::string exc_message(ThreadState* ts, Object* e) {
  Object* s = str(ts, e);
  if (!s) {
    clear_exc(ts);
    return "<exception str() failed>";
  }
  std::string r(str_view(s));
  decref(s);
  return r;
}

std::string obj_text(ThreadState* ts, Object* o) {
  if (!o || is_none(o)) return "";
  if (is_str(o)) return std::string(str_view(o));
  std::string r;
  if (!str_text(ts, o, &r)) clear_exc(ts);
  return r;
}

void format_syntax_error(ThreadState* ts, Object* e, std::string& out) {
  auto* se = static_cast<SyntaxErrorObject*>(e);
  std::string filename =
      se->filename && is_str(se->filename) ? std::string(str_view(se->filename)) : "<string>";
  int64_t lineno = 0;
  if (se->lineno && is_int(se->lineno)) int_to_i64(se->lineno, &lineno);
  out += "  File \"" + filename + "\", line " + std::to_string(lineno) + "\n";
  if (se->text && is_str(se->text)) {
    std::string text(str_view(se->text));
    // Only the first line of the text.
    size_t nl = text.find('\n');
    if (nl != std::string::npos && nl + 1 < text.size()) text = text.substr(0, nl + 1);
    int64_t offset = 0, end_offset = 0, end_lineno = 0;
    if (se->offset && is_int(se->offset)) int_to_i64(se->offset, &offset);
    if (se->end_offset && is_int(se->end_offset)) int_to_i64(se->end_offset, &end_offset);
    if (se->end_lineno && is_int(se->end_lineno)) int_to_i64(se->end_lineno, &end_lineno);
    size_t lead = 0;
    while (lead < text.size() && (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\f'))
      ++lead;
    std::string line = strip(text);
    out += "    " + line + "\n";
    // No caret when the offset points into the stripped indentation (as CPython).
    if (offset > 0 && offset - 1 >= static_cast<int64_t>(lead)) {
      // Offsets count characters; the text is UTF-8.
      auto chars = [](const std::string& s) {
        int64_t n = 0;
        for (unsigned char c : s)
          if ((c & 0xC0) != 0x80) ++n;
        return n;
      };
      int64_t lead_chars = chars(text.substr(0, lead));
      int64_t col = offset - 1 - lead_chars;
      int64_t linelen = chars(line);
      if (col < 0) col = 0;
      if (col > linelen) col = linelen;
      int64_t width = 1;
      if (end_offset > offset && (end_lineno == 0 || end_lineno == lineno)) {
        width = end_offset - offset;
        if (col + width > linelen + 1) width = linelen + 1 - col;
        if (width < 1) width = 1;
      }
      out += "    " + std::string(static_cast<size_t>(col), ' ') +
             std::string(static_cast<size_t>(width), '^') + "\n";
    }
  }
  std::string msg = obj_text(ts, se->msg);
  out += exc_type_name(ts, e) + ": " + msg + "\n";
}

// The printer of CPython's pythonrun.c: chained exceptions, and exception groups drawn as nested
// boxes ("  + Exception Group Traceback", "+-+---- 1 ----", "| " margins), at most 15
// sub-exceptions per group and 10 levels deep.
std::string nth_line(std::string_view text, int lineno);

struct PrintCtx {
  std::string out;
  std::unordered_set<Object*> seen;
  int group_depth = 0;
  bool need_close = false;
  int chain_depth = 0;
};
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

std::string indent_of(const PrintCtx& c) { return std::string(size_t(2 * c.group_depth), ' '); }
const char* margin_of(const PrintCtx& c) { return c.group_depth ? "| " : ""; }
void write_margin(PrintCtx& c) {
  c.out += indent_of(c);
  c.out += margin_of(c);
}

bool is_group(Object* e) { return isinstance_of(e, &exc::BaseExceptionGroup); }

std::string source_line_raw(ThreadState* ts, std::string_view filename, int lineno);

// The source line of a frame (as in the file, without its line break): files on disk, in-memory
// sources, and the embedded stdlib (whose files are "<gilpy-stdlib>/name.py"); nothing for
// "<string>"/"<stdin>", as CPython 3.11.
std::string frame_source(ThreadState* ts, const std::string& file, int lineno) {
  static constexpr std::string_view kStdlib = "<gilpy-stdlib>/";
  if (file.compare(0, kStdlib.size(), kStdlib) == 0) {
    std::string mod = file.substr(kStdlib.size());
    if (mod.size() > 12 && mod.compare(mod.size() - 12, 12, "/__init__.py") == 0)
      mod.resize(mod.size() - 12);
    else if (mod.size() > 3 && mod.compare(mod.size() - 3, 3, ".py") == 0)
      mod.resize(mod.size() - 3);
    for (char& ch : mod)
      if (ch == '/') ch = '.';
    const EmbeddedModule* em = find_embedded_module(mod);
    return em && em->source ? chomp(nth_line(em->source, lineno)) : std::string();
  }
  if (!file.empty() && file[0] == '<') return "";
  return source_line_raw(ts, file, lineno);
}

// ---- position carets (CPython 3.11's tb_displayline) ----
// Each traceback entry's source line is followed, when the failing instruction's position is
// known, by a line of carets under its range:
//     return 10 / x
//            ~~~^~~
// Columns come from co_positions (UTF-8 byte offsets) converted to characters of the line. A
// range on several lines is drawn up to the last non-blank character of the first line; a range
// covering the whole stripped line draws nothing, unless it has anchors. Anchors come from
// parsing the range alone: a binary operation gets `~` under the operands and `^` under the
// operator, a subscript `~` under the value and `^` under `[...]`.

bool is_ws(char ch) { return ch == ' ' || ch == '\t' || ch == '\f'; }

// Characters in the first `off` bytes of s (CPython's _PyPegen_byte_offset_to_character_offset:
// a cut multi-byte sequence counts as one replacement character, past the end clamps to len+1).
int64_t byte_to_char(std::string_view s, int64_t off) {
  if (off < 0) return -1;
  int64_t len = static_cast<int64_t>(s.size());
  bool past = off > len;
  if (off > len) off = len;
  int64_t n = 0;
  for (int64_t i = 0; i < off; ++i)
    if ((static_cast<unsigned char>(s[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++n;
  return past ? n + 1 : n;
}

// Byte offset of character index `ch` of s.
size_t char_to_byte(std::string_view s, int64_t ch) {
  size_t i = 0;
  for (int64_t n = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == ch) return i;
      ++n;
    }
  }
  return s.size();
}

struct CodeRange {
  uint32_t first, last;
};
constexpr CodeRange kWideRanges[] = {
#include "interp/east_asian_width.inc"
};

bool is_wide(uint32_t cp) {
  size_t lo = 0, hi = sizeof(kWideRanges) / sizeof(kWideRanges[0]);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < kWideRanges[mid].first)
      hi = mid;
    else if (cp > kWideRanges[mid].last)
      lo = mid + 1;
    else
      return true;
  }
  return false;
}

}  // namespace

// Terminal columns of the first `nchars` characters of UTF-8 text s: East Asian wide and
// full-width characters take two (CPython 3.11.7 places carets by display width); characters
// past the end count one each.
int64_t traceback_display_width(std::string_view s, int64_t nchars) {
  int64_t width = 0, n = 0;
  size_t i = 0;
  while (n < nchars && i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    uint32_t cp = b;
    size_t len = 1;
    if (b >= 0xF0) {
      cp = b & 0x07;
      len = 4;
    } else if (b >= 0xE0) {
      cp = b & 0x0F;
      len = 3;
    } else if (b >= 0xC0) {
      cp = b & 0x1F;
      len = 2;
    }
    size_t k = 1;
    for (; k < len && i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
         ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (k < len || (b >= 0x80 && b < 0xC0)) cp = 0xFFFD;  // as decoding with "replace"
    i += k;
    width += is_wide(cp) ? 2 : 1;
    ++n;
  }
  return width + (nchars - n);
}

namespace {

// Anchors of a one-line segment (byte offsets in the segment): true when found.
bool segment_anchors(std::string_view seg, int64_t* left, int64_t* right, char* primary,
                     char* secondary) {
  int64_t a = 0, b = 0;
  int kind = traceback_anchor_node(seg, &a, &b);
  int64_t len = static_cast<int64_t>(seg.size());
  auto at = [&](int64_t i) { return i >= 0 && i < len ? seg[static_cast<size_t>(i)] : '\0'; };
  if (kind == 1) {
    int64_t rstart = b;
    for (int64_t i = a; i < rstart; ++i) {
      if (is_ws(at(i))) continue;
      *left = i;
      *right = i + 1;
      if (i + 1 < rstart && !is_ws(at(i + 1))) ++*right;  // two-character operator
      if (i + 1 < rstart && at(i) == ')') continue;  // a closing parenthesis of the left operand
      *primary = '~';
      *secondary = '^';
      break;
    }
    return true;
  }
  if (kind == 2) {
    *left = a;
    *right = b + 1;
    while (*left < len && at(*left) != '[') ++*left;
    while (*right < len && at(*right) != ']') ++*right;
    if (*right < len) ++*right;
    *primary = '~';
    *secondary = '^';
    return true;
  }
  return false;
}

// The caret line (without the margin) for instruction `lasti` of co on source line `line` (as in
// the file, without its newline); empty when nothing is drawn.
std::string caret_line(CodeObject* co, int lasti, const std::string& line) {
  int start_line, end_line, col, end_col;
  if (!code_position(co, lasti, &start_line, &end_line, &col, &end_col)) return "";
  if (start_line < 0 || end_line < 0 || col < 0 || end_col < 0) return "";
  int64_t start = byte_to_char(line, col);
  int64_t end = byte_to_char(line, end_col);
  int64_t left_end = -1, right_start = -1;
  char primary = '^', secondary = '^';
  if (start_line == end_line) {
    if (start < end) {
      size_t b0 = char_to_byte(line, start), b1 = char_to_byte(line, end);
      std::string_view seg = std::string_view(line).substr(b0, b1 - b0);
      int64_t l = -1, r = -1;
      if (segment_anchors(seg, &l, &r, &primary, &secondary)) {
        left_end = byte_to_char(seg, l) + start;
        right_start = byte_to_char(seg, r) + start;
      }
    }
  } else {
    // Up to the last non-blank character (CPython indexes the UTF-8 bytes with a character count).
    int64_t nchars = byte_to_char(line, static_cast<int64_t>(line.size()));
    int64_t i = nchars;
    while (--i >= 0)
      if (!is_ws(i < static_cast<int64_t>(line.size()) ? line[static_cast<size_t>(i)] : '\0'))
        break;
    end = i + 1;
  }
  int64_t lead = 0;
  while (lead < static_cast<int64_t>(line.size()) && is_ws(line[static_cast<size_t>(lead)])) ++lead;
  int64_t stripped_len = byte_to_char(line, static_cast<int64_t>(line.size())) - lead;
  bool special = left_end != -1 || right_start != -1;
  if (end - start == stripped_len && !special) return "";
  // Characters to terminal columns (the indentation is ASCII: the same in both).
  auto width = [&](int64_t chars) {
    return chars < 0 ? chars : traceback_display_width(line, chars);
  };
  start = width(start);
  end = width(end);
  left_end = width(left_end);
  right_start = width(right_start);
  std::string out;
  for (int64_t off = lead - 4 + 1; off <= end; ++off) {
    if (off <= start)
      out += ' ';
    else if (special && left_end < off && off <= right_start)
      out += secondary;
    else
      out += primary;
  }
  return out;
}

void format_one(ThreadState* ts, PrintCtx& c, Object* e) {
  auto* be = static_cast<BaseExceptionObject*>(e);
  std::string ind = indent_of(c);
  std::string line_prefix = ind + margin_of(c);
  if (be->traceback && be->traceback->type == &TracebackType) {
    const char* header_margin = margin_of(c);
    const char* header = "Traceback (most recent call last):\n";
    if (is_group(e)) {
      header = "Exception Group Traceback (most recent call last):\n";
      if (c.group_depth == 1) header_margin = "+ ";
    }
    c.out += ind + header_margin + header;
    std::string last_file, last_name;
    int last_line = -1, repeat = 0;
    auto flush_repeat = [&]() {
      if (repeat > 3) {
        int more = repeat - 3;
        c.out += line_prefix + "  [Previous line repeated " + std::to_string(more) + " more time" +
                 (more > 1 ? "s" : "") + "]\n";
      }
    };
    for (Object* t = be->traceback; t && t->type == &TracebackType;
         t = static_cast<TracebackObject*>(t)->next) {
      auto* tb = static_cast<TracebackObject*>(t);
      std::string file(str_view(tb->code->filename));
      std::string name(str_view(tb->code->name));
      if (file == last_file && name == last_name && tb->lineno == last_line) {
        ++repeat;
        if (repeat > 3) continue;
      } else {
        flush_repeat();
        repeat = 1;
        last_file = file;
        last_name = name;
        last_line = tb->lineno;
      }
      c.out += line_prefix + "  File \"" + file + "\", line " + std::to_string(tb->lineno) +
               ", in " + name + "\n";
      std::string raw = frame_source(ts, file, tb->lineno);
      size_t lead = 0;
      while (lead < raw.size() && is_ws(raw[lead])) ++lead;
      if (lead < raw.size()) {
        // As CPython's printer: the line without its indentation (trailing blanks kept).
        c.out += line_prefix + "    " + raw.substr(lead) + "\n";
        std::string carets = caret_line(tb->code, tb->lasti, raw);
        if (!carets.empty()) c.out += line_prefix + carets + "\n";
      }
    }
    flush_repeat();
  }
  if (isinstance_of(e, &exc::SyntaxError)) {
    std::string text;
    format_syntax_error(ts, e, text);
    size_t pos = 0;  // every line of the block gets the margin
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size() - 1;
      c.out += line_prefix + text.substr(pos, nl + 1 - pos);
      pos = nl + 1;
    }
  } else {
    std::string name = exc_type_name(ts, e);
    std::string msg = exc_message(ts, e);
    c.out += line_prefix + (msg.empty() ? name : name + ": " + msg) + "\n";
  }
  if (be->notes && is_list(be->notes)) {
    for (ssize i = 0; i < list_size(be->notes); ++i) {
      Object* n = list_item(be->notes, i);
      if (!is_str(n)) {
        c.out += line_prefix + "<note str() failed>\n";
        continue;
      }
      std::string_view note = str_view(n);
      size_t pos = 0;
      do {  // one margin per line of the note
        size_t nl = note.find('\n', pos);
        size_t end = nl == std::string_view::npos ? note.size() : nl;
        c.out += line_prefix + std::string(note.substr(pos, end - pos)) + "\n";
        pos = nl == std::string_view::npos ? std::string_view::npos : nl + 1;
      } while (pos != std::string_view::npos && pos < note.size());
    }
  }
}

void format_recursive(ThreadState* ts, PrintCtx& c, Object* e);

void format_chained(ThreadState* ts, PrintCtx& c, Object* e, const char* message) {
  bool need_close = c.need_close;
  ++c.chain_depth;
  format_recursive(ts, c, e);
  --c.chain_depth;
  c.need_close = need_close;
  write_margin(c);
  c.out += "\n";
  write_margin(c);
  c.out += message;
  write_margin(c);
  c.out += "\n";
}

void format_group(ThreadState* ts, PrintCtx& c, Object* e) {
  if (c.group_depth > kMaxGroupDepth) {
    write_margin(c);
    c.out += "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
    return;
  }
  if (c.group_depth == 0) c.group_depth += 1;
  format_one(ts, c, e);
  Object* excs = static_cast<ExceptionGroupObject*>(e)->excs;
  ssize num = excs && is_tuple(excs) ? tuple_size(excs) : 0;
  ssize n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
  c.need_close = false;
  for (ssize i = 0; i < n; ++i) {
    bool last = i == n - 1;
    if (last) c.need_close = true;
    bool truncated = i >= kMaxGroupWidth;
    c.out += indent_of(c) + (i == 0 ? "+-" : "  ") + "+---------------- " +
             (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
    c.group_depth += 1;
    if (!truncated) {
      format_recursive(ts, c, tuple_item(excs, i));
    } else {
      ssize remaining = num - kMaxGroupWidth;
      write_margin(c);
      c.out += "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") +
               "\n";
    }
    if (last && c.need_close) {
      c.out += indent_of(c) + "+------------------------------------\n";
      c.need_close = false;
    }
    c.group_depth -= 1;
  }
  if (c.group_depth == 1) c.group_depth -= 1;
}

void format_recursive(ThreadState* ts, PrintCtx& c, Object* e) {
  c.seen.insert(e);
  auto* be = static_cast<BaseExceptionObject*>(e);
  if (c.chain_depth < 100) {
    if (be->cause && is_exception(be->cause) && !c.seen.count(be->cause)) {
      format_chained(ts, c, be->cause,
                     "The above exception was the direct cause of the following exception:\n");
    } else if (be->context && is_exception(be->context) && !be->suppress_context &&
               !c.seen.count(be->context)) {
      format_chained(ts, c, be->context,
                     "During handling of the above exception, another exception occurred:\n");
    }
  }
  if (is_group(e))
    format_group(ts, c, e);
  else
    format_one(ts, c, e);
}

DictObject* source_registry(ThreadState* ts, bool create) {
  if (!ts->interp->sys) return nullptr;
  DictObject* sd = ts->interp->sys->dict;
  Object* r = dict_get_cstr(ts, sd, "__gilpy_sources__");
  if (r && is_dict(r)) return static_cast<DictObject*>(r);
  if (!create) return nullptr;
  DictObject* d = dict_new(ts);
  if (!d) return nullptr;
  bool ok = dict_set_cstr(ts, sd, "__gilpy_sources__", d);
  decref(d);
  return ok ? d : nullptr;
}

std::string nth_line(std::string_view text, int lineno) {
  int cur = 1;
  size_t pos = 0;
  while (cur < lineno) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return "";
    pos = nl + 1;
    ++cur;
  }
  size_t nl = text.find('\n', pos);
  return std::string(text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos));
}

}  // namespace

TypeObject TracebackType =
    vm_static_type("traceback", sizeof(TracebackObject), kHaveGC, [](TypeObject& t) {
      t.dealloc = tb_dealloc;
      t.traverse = tb_traverse;
      t.clear = tb_clear;
      t.getsets = kTbGetSets;
    });

void traceback_add(ThreadState* ts, Frame* f) {
  Object* e = ts->exc;
  if (!e || !is_exception(e)) return;
  auto* be = static_cast<BaseExceptionObject*>(e);
  Object* saved = fetch_exc(ts);
  auto* tb = alloc<TracebackObject>(ts, &TracebackType);
  clear_exc(ts);
  restore_exc(ts, saved);
  if (!tb) return;
  tb->next = be->traceback && be->traceback->type == &TracebackType ? be->traceback : nullptr;
  if (!tb->next) xdecref(be->traceback);
  be->traceback = tb;
  tb->code = newref(f->code);
  tb->globals = newref(f->globals);
  tb->lasti = static_cast<int>(f->lasti());
  tb->lineno = f->lineno();
}

void register_source(ThreadState* ts, std::string_view filename, std::string_view source) {
  Object* saved = fetch_exc(ts);
  DictObject* d = source_registry(ts, true);
  if (d) {
    Ref<> k = Ref<>::steal(str_from(ts, filename));
    Ref<> v = Ref<>::steal(str_from(ts, source));
    if (k && v) dict_set(ts, d, k.get(), v.get());
  }
  clear_exc(ts);
  if (saved) restore_exc(ts, saved);
}

std::string source_line(ThreadState* ts, std::string_view filename, int lineno) {
  return strip(source_line_raw(ts, filename, lineno));
}

std::string traceback_source_line(ThreadState* ts, std::string_view filename, int lineno) {
  return frame_source(ts, std::string(filename), lineno);
}

int traceback_anchor_node(std::string_view seg, int64_t* a, int64_t* b) {
  ParseResult r = parse_module(seg, "<traceback>");
  if (!r.ok() || r.mod->body.size() != 1 || r.mod->body[0]->kind != ast::StmtKind::Expr) return 0;
  ast::Expr* e = r.mod->body[0]->as<ast::ExprStmt>()->value;
  if (e->kind == ast::ExprKind::BinOp) {
    auto* bo = e->as<ast::BinOp>();
    *a = bo->left->end_col;
    *b = bo->right->col;
    return 1;
  }
  if (e->kind == ast::ExprKind::Subscript) {
    auto* sb = e->as<ast::Subscript>();
    *a = sb->value->end_col;
    *b = sb->slice->end_col;
    return 2;
  }
  return 0;
}

namespace {

std::string source_line_raw(ThreadState* ts, std::string_view filename, int lineno) {
  if (lineno <= 0) return "";
  DictObject* d = source_registry(ts, false);
  if (d) {
    Ref<> k = Ref<>::steal(str_from(ts, filename));
    Object* v = k ? dict_get(ts, d, k.get()) : nullptr;
    clear_exc(ts);
    if (v && is_str(v)) return chomp(nth_line(str_view(v), lineno));
  }
  if (filename.empty() || filename[0] == '<') return "";
  std::ifstream in{std::string(filename)};
  if (!in) return "";
  std::string line;
  for (int i = 1; std::getline(in, line); ++i)
    if (i == lineno) return chomp(line);
  return "";
}

}  // namespace

void print_exception(ThreadState* ts, Object* exc) {
  if (!exc) return;
  if (!is_exception(exc)) {
    std::string s = obj_text(ts, exc);
    write_stderr(ts, "TypeError: print_exception(): Exception expected for value, " +
                         std::string(type_name(exc)) + " found\n");
    (void)s;
    return;
  }
  incref(exc);
  Object* saved = fetch_exc(ts);
  PrintCtx c;
  format_recursive(ts, c, exc);
  clear_exc(ts);
  if (saved) restore_exc(ts, saved);
  write_stderr(ts, c.out);
  decref(exc);
}

}  // namespace gp
