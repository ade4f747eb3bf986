// The REPL. Each statement is compiled in Single mode so expression values are echoed through
// sys.displayhook. The parser's `incomplete` flag (a block header without body, an open bracket
// or string) means "read another line with the '... ' prompt"; a compound statement ends with an
// empty line. With a terminal, input goes through GNU readline's callback interface: the wait for
// input is a select() with the GIL released (other Python threads keep running) and a SIGINT
// handler of our own, so Ctrl-C cancels the line ("KeyboardInterrupt") instead of killing gilpy.
// The file-scope statics below are the host's only mutable state: readline's callbacks carry no
// context pointer and signal handlers cannot either; they are not part of the embeddable library.
#include "interp/cli/repl.h"

#include <readline/history.h>
#include <readline/readline.h>
#include <sys/select.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "gil/gil.h"
#include "interp/parser.h"
#include "interp/vm.h"
#include "stdlib/io.h"

namespace gp::cli {

namespace {

enum class ReadStatus { Line, Eof, Interrupt };

volatile sig_atomic_t g_sigint = 0;
char* g_line = nullptr;
bool g_line_ready = false;
ThreadState* g_ts = nullptr;  // for the completion callback

void on_sigint(int) { g_sigint = 1; }

void on_line(char* line) {
  rl_callback_handler_remove();
  g_line = line;
  g_line_ready = true;
}

const char* const kKeywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

// Adds the names of dict_or_list that start with prefix; as CPython's rlcompleter, a name whose
// value (in the dict, or as an attribute of owner) is callable gets a "(".
void add_names(ThreadState* ts, Object* dict_or_list, const std::string& prefix,
               const std::string& lead, std::set<std::string>* out, Object* owner = nullptr) {
  Ref<> it = Ref<>::steal(get_iter(ts, dict_or_list));
  if (!it) {
    clear_exc(ts);
    return;
  }
  while (Object* raw = iter_next(ts, it.get())) {
    Ref<> k = Ref<>::steal(raw);
    if (!is_str(k.get())) continue;
    std::string name(str_view(k.get()));
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    if (!lead.empty() && name.rfind("_", 0) == 0 && (prefix.empty() || prefix[0] != '_')) continue;
    Object* value = nullptr;
    Ref<> attr;
    if (owner) {
      attr = Ref<>::steal(getattr_opt(ts, owner, static_cast<StrObject*>(k.get())));
      if (!attr) clear_exc(ts);
      value = attr.get();
    } else if (is_dict(dict_or_list)) {
      value = dict_get(ts, static_cast<DictObject*>(dict_or_list), k.get());
      if (!value) clear_exc(ts);
    }
    out->insert(lead + name + (value && is_callable(value) ? "(" : ""));
  }
  if (exc_occurred(ts)) clear_exc(ts);
}

std::vector<std::string> complete(ThreadState* ts, const std::string& text) {
  std::set<std::string> found;
  auto* main = static_cast<ModuleObject*>(ts->interp->main_module);
  size_t dot = text.rfind('.');
  if (dot == std::string::npos) {
    for (const char* kw : kKeywords)
      if (std::string(kw).compare(0, text.size(), text) == 0) found.insert(kw);
    add_names(ts, main->dict, text, "", &found);
    add_names(ts, ts->interp->builtins, text, "", &found);
  } else {
    std::string expr = text.substr(0, dot), prefix = text.substr(dot + 1);
    if (expr.find('(') != std::string::npos) return {};  // never call code while completing
    Ref<> code = Ref<>::steal(compile_source(ts, expr, "<completion>", CompileMode::Eval));
    if (!code) {
      clear_exc(ts);
      return {};
    }
    Ref<> obj = Ref<>::steal(eval_code(ts, code.get(), main->dict, nullptr));
    if (!obj) {
      clear_exc(ts);
      return {};
    }
    Object* dir = dict_get_cstr(ts, ts->interp->builtins, "dir");
    if (!dir) return {};
    Ref<> names_list = Ref<>::steal(call1(ts, dir, obj.get()));
    if (!names_list) {
      clear_exc(ts);
      return {};
    }
    add_names(ts, names_list.get(), prefix, expr + ".", &found, obj.get());
  }
  return {found.begin(), found.end()};
}

char* completion_generator(const char* text, int state) {
  static std::vector<std::string> matches;
  static size_t index;
  if (state == 0) {
    matches = g_ts ? complete(g_ts, text) : std::vector<std::string>{};
    index = 0;
  }
  if (index < matches.size()) return ::strdup(matches[index++].c_str());
  return nullptr;
}

char** attempted_completion(const char* text, int, int) {
  rl_attempted_completion_over = 1;       // no filename completion
  rl_completion_append_character = '\0';  // "math.sqrt(" rather than "math.sqrt "
  return rl_completion_matches(text, completion_generator);
}

ReadStatus read_tty(ThreadState* ts, const std::string& prompt, std::string* out) {
  struct sigaction sa {
  }, old{};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: select() must return EINTR
  ::sigaction(SIGINT, &sa, &old);
  g_sigint = 0;
  g_line_ready = false;
  g_line = nullptr;
  rl_callback_handler_install(prompt.c_str(), on_line);
  ReadStatus status = ReadStatus::Line;
  for (;;) {
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(0, &fds);
    int r;
    {
      gil::Released unlocked(ts);
      r = ::select(1, &fds, nullptr, nullptr, nullptr);
    }
    if (r < 0) {
      if (errno == EINTR && g_sigint) {
        g_sigint = 0;
        rl_free_line_state();
        rl_callback_sigcleanup();
        rl_cleanup_after_signal();
        rl_callback_handler_remove();
        status = ReadStatus::Interrupt;
        break;
      }
      if (errno == EINTR) continue;
      status = ReadStatus::Eof;
      rl_callback_handler_remove();
      break;
    }
    rl_callback_read_char();
    if (g_line_ready) {
      if (!g_line) {
        status = ReadStatus::Eof;
      } else {
        *out = g_line;
        if (*g_line) add_history(g_line);
        std::free(g_line);
      }
      break;
    }
  }
  ::sigaction(SIGINT, &old, nullptr);
  return status;
}

ReadStatus read_plain(ThreadState* ts, const std::string& prompt, std::string* out) {
  std::fputs(prompt.c_str(), stderr);
  std::fflush(stderr);
  std::string line;
  bool ok;
  {
    gil::Released unlocked(ts);
    ok = static_cast<bool>(std::getline(std::cin, line));
  }
  if (!ok) return ReadStatus::Eof;
  *out = line;
  return ReadStatus::Line;
}

std::string prompt_from_sys(ThreadState* ts, const char* name, const char* fallback) {
  Object* p = dict_get_cstr(ts, ts->interp->sys->dict, name);
  if (!p) return fallback;
  std::string text;
  if (!str_text(ts, p, &text)) {
    clear_exc(ts);
    return fallback;
  }
  return text;
}

// True when a line opens a block: it ends with ':' (ignoring a trailing comment) or is a
// decorator.
bool opens_block(const std::string& line) {
  std::string s = line;
  size_t hash = s.find('#');
  if (hash != std::string::npos && s.find_first_of("'\"") == std::string::npos) s.resize(hash);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  size_t first = s.find_first_not_of(" \t");
  if (first != std::string::npos && s[first] == '@') return true;
  return !s.empty() && s.back() == ':';
}

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r\f") == std::string::npos;
}

std::string history_file() {
  const char* home = std::getenv("HOME");
  return std::string(home ? home : ".") + "/.gilpy_history";
}

}  // namespace

int run_repl(ThreadState* ts, bool quiet) {
  bool tty = ::isatty(0);
  g_ts = ts;
  std::string hist = history_file();
  if (tty) {
    rl_readline_name = "gilpy";
    rl_attempted_completion_function = attempted_completion;
    rl_completer_word_break_characters = const_cast<char*>(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
    rl_catch_signals = 0;
    using_history();
    read_history(hist.c_str());
  }
  if (!quiet) {
    std::fprintf(
        stderr, "gilpy " GILPY_VERSION
                " (Python 3.11 compatible) on linux\n"
                "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
  }
  Ref<> flag = Ref<>::steal(int_from(ts, 1));
  auto* main = static_cast<ModuleObject*>(ts->interp->main_module);
  int rc = 0;
  std::string buffer;
  bool need_blank = false;
  for (;;) {
    io_flush_std_streams(ts);
    std::string prompt =
        buffer.empty() ? prompt_from_sys(ts, "ps1", ">>> ") : prompt_from_sys(ts, "ps2", "... ");
    std::string line;
    ReadStatus st = tty ? read_tty(ts, prompt, &line) : read_plain(ts, prompt, &line);
    if (st == ReadStatus::Eof) {
      if (tty) std::fputs("\n", stderr);
      break;
    }
    if (st == ReadStatus::Interrupt) {
      io_flush_std_streams(ts);
      std::fputs("\nKeyboardInterrupt\n", stderr);
      buffer.clear();
      need_blank = false;
      continue;
    }
    if (buffer.empty() && is_blank(line)) continue;
    bool blank = is_blank(line);
    buffer += line;
    buffer += "\n";
    if (opens_block(line)) need_blank = true;
    ParseResult parsed = parse_interactive(buffer, "<stdin>");
    if (!parsed.ok() && parsed.error.incomplete && !blank) continue;
    if (parsed.ok() && need_blank && !blank) continue;
    std::string source = std::move(buffer);
    buffer.clear();
    need_blank = false;
    Ref<> code = Ref<>::steal(compile_source(ts, source, "<stdin>", CompileMode::Single));
    Ref<> result;
    if (code) result = Ref<>::steal(eval_code(ts, code.get(), main->dict, nullptr));
    if (!result) {
      if (exc_matches(ts, &exc::SystemExit)) {
        rc = handle_uncaught(ts);
        break;
      }
      Object* e = fetch_exc(ts);
      if (e) {
        io_flush_std_streams(ts);
        // sys.last_value etc., as CPython's REPL sets them.
        dict_set_cstr(ts, ts->interp->sys->dict, "last_value", e);
        dict_set_cstr(ts, ts->interp->sys->dict, "last_type", e->type);
        if (exc_occurred(ts)) clear_exc(ts);
        print_exception(ts, e);
        decref(e);
      }
    }
  }
  if (tty) {
    write_history(hist.c_str());
    history_truncate_file(hist.c_str(), 1000);
  }
  g_ts = nullptr;
  io_flush_std_streams(ts);
  return rc;
}

}  // namespace gp::cli
