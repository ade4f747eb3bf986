// String formatting: str.format / format_map (the replacement-field language of PEP 3101),
// str.__format__, and printf-style `%` formatting for str and bytes. Messages follow CPython 3.11
// (Objects/stringlib/unicode_format.h, Objects/unicodeobject.c PyUnicode_Format,
// Objects/bytesobject.c _PyBytes_FormatEx).
#include <cstring>
#include <string>

#include "interp/vm.h"
#include "runtime/format_spec.h"
#include "runtime/runtime.h"
#include "runtime/str_internal.h"
#include "runtime/unicode.h"

namespace gp {

namespace u = unicode;

// ---- str.__format__ -----------------------------------------------------------------------------

Object* str_format_spec(ThreadState* ts, Object* s, std::string_view spec) {
  if (spec.empty()) {
    if (is_str_exact(s)) return newref(s);
    return gp::str(ts, s);  // a subclass formats as its str() (its __str__ may be overridden)
  }
  FormatSpec fs;
  if (!parse_format_spec(ts, spec, &fs, '<', 's', "str")) return nullptr;
  if (fs.type && fs.type != 's') return raise_unknown_format_code(ts, fs.type, "str");
  std::string out;
  if (!format_str_body(ts, fs, str_view(s), &out)) return nullptr;
  return str_from(ts, out);
}

// ---- str.format ---------------------------------------------------------------------------------

namespace {

struct FormatState {
  Object* const* args;
  size_t nargs;
  Object* kwargs;       // dict or any mapping (format_map); may be nullptr
  bool is_map;          // format_map: positional fields are an error
  int auto_number = 0;  // 0 unknown, 1 automatic, 2 manual
  ssize next_auto = 0;
};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool parse_index(std::string_view s, ssize* out) {
  ssize v = 0;
  for (char c : s) {
    if (v > (PTRDIFF_MAX - 9) / 10) return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

Object* get_positional(ThreadState* ts, FormatState* st, ssize i) {
  if (st->is_map) return raise(ts, &exc::ValueError, "Format string contains positional fields");
  if (i < 0 || static_cast<size_t>(i) >= st->nargs)
    return raise(ts, &exc::IndexError,
                 "Replacement index %zd out of range for positional args tuple", i);
  return newref(st->args[i]);
}

Object* get_keyword(ThreadState* ts, FormatState* st, std::string_view name) {
  Ref<Object> key = Ref<Object>::steal(str_from(ts, name));
  if (!key) return nullptr;
  if (!st->kwargs) return raise_with(ts, &exc::KeyError, key.get());
  if (is_dict_exact(st->kwargs)) {
    Object* v = dict_get(ts, static_cast<DictObject*>(st->kwargs), key.get());
    if (!v) {
      if (exc_occurred(ts)) return nullptr;
      return raise_with(ts, &exc::KeyError, key.get());
    }
    return newref(v);
  }
  return getitem(ts, st->kwargs, key.get());
}

// Resolves a field name ("0", "name", "0.attr[1]", "" for automatic) to the object.
Object* get_field(ThreadState* ts, FormatState* st, std::string_view field) {
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  std::string_view first = field.substr(0, i);
  Ref<Object> obj;
  if (first.empty()) {
    if (st->auto_number == 2)
      return raise(ts, &exc::ValueError,
                   "cannot switch from manual field specification to automatic field numbering");
    st->auto_number = 1;
    obj = Ref<Object>::steal(get_positional(ts, st, st->next_auto++));
  } else if (all_digits(first)) {
    if (st->auto_number == 1)
      return raise(ts, &exc::ValueError,
                   "cannot switch from automatic field numbering to manual field specification");
    st->auto_number = 2;
    ssize idx;
    if (!parse_index(first, &idx))
      return raise(ts, &exc::ValueError, "Too many decimal digits in format string");
    obj = Ref<Object>::steal(get_positional(ts, st, idx));
  } else {
    obj = Ref<Object>::steal(get_keyword(ts, st, first));
  }
  if (!obj) return nullptr;
  while (i < field.size()) {
    char c = field[i++];
    if (c == '.') {
      size_t j = i;
      while (j < field.size() && field[j] != '.' && field[j] != '[') ++j;
      if (j == i) return raise(ts, &exc::ValueError, "Empty attribute in format string");
      Ref<StrObject> name = Ref<StrObject>::steal(intern(ts, field.substr(i, j - i)));
      if (!name) return nullptr;
      obj = Ref<Object>::steal(getattr(ts, obj.get(), name.get()));
      if (!obj) return nullptr;
      i = j;
    } else if (c == '[') {
      size_t j = i;
      while (j < field.size() && field[j] != ']') ++j;
      if (j >= field.size()) return raise(ts, &exc::ValueError, "Missing ']' in format string");
      std::string_view key = field.substr(i, j - i);
      if (key.empty()) return raise(ts, &exc::ValueError, "Empty attribute in format string");
      Ref<Object> k;
      ssize idx;
      if (all_digits(key) && parse_index(key, &idx))
        k = Ref<Object>::steal(int_from(ts, idx));
      else
        k = Ref<Object>::steal(str_from(ts, key));
      if (!k) return nullptr;
      obj = Ref<Object>::steal(getitem(ts, obj.get(), k.get()));
      if (!obj) return nullptr;
      i = j + 1;
      if (i < field.size() && field[i] != '.' && field[i] != '[')
        return raise(ts, &exc::ValueError,
                     "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      return raise(ts, &exc::ValueError,
                   "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj.release();
}

bool render(ThreadState* ts, FormatState* st, std::string_view fmt, int depth, std::string* out);

// One replacement field (the text between the braces).
bool render_field(ThreadState* ts, FormatState* st, std::string_view field, int depth,
                  std::string* out) {
  // Field name ends at '!' or ':' outside brackets.
  size_t i = 0;
  while (i < field.size()) {
    char c = field[i];
    if (c == '[') {
      while (i < field.size() && field[i] != ']') ++i;
      if (i < field.size()) ++i;
      continue;
    }
    if (c == '!' || c == ':') break;
    if (c == '{') {
      raise(ts, &exc::ValueError, "unexpected '{' in field name");
      return false;
    }
    ++i;
  }
  std::string_view name = field.substr(0, i);
  char conversion = 0;
  std::string_view spec;
  if (i < field.size() && field[i] == '!') {
    if (i + 1 >= field.size()) {
      raise(ts, &exc::ValueError, "unmatched '{' in format spec");
      return false;
    }
    conversion = field[i + 1];
    i += 2;
    if (i < field.size()) {
      if (field[i] != ':') {
        raise(ts, &exc::ValueError, "expected ':' after conversion specifier");
        return false;
      }
    }
  }
  if (i < field.size() && field[i] == ':') spec = field.substr(i + 1);

  Ref<Object> obj = Ref<Object>::steal(get_field(ts, st, name));
  if (!obj) return false;
  switch (conversion) {
    case 0:
      break;
    case 'r':
      obj = Ref<Object>::steal(repr(ts, obj.get()));
      break;
    case 's':
      obj = Ref<Object>::steal(str(ts, obj.get()));
      break;
    case 'a':
      obj = Ref<Object>::steal(ascii(ts, obj.get()));
      break;
    default:
      if (static_cast<unsigned char>(conversion) >= 0x20 &&
          static_cast<unsigned char>(conversion) < 0x7F)
        raise(ts, &exc::ValueError, "Unknown conversion specifier %c", conversion);
      else
        raise(ts, &exc::ValueError, "Unknown conversion specifier \\x%02x",
              static_cast<unsigned char>(conversion));
      return false;
  }
  if (!obj) return false;

  std::string expanded;
  if (spec.find('{') != std::string_view::npos) {
    if (!render(ts, st, spec, depth - 1, &expanded)) return false;
    spec = expanded;
  }
  Object* o = obj.get();
  if (spec.empty() && is_str_exact(o)) {
    out->append(str_view(o));
    return true;
  }
  Ref<Object> specobj = Ref<Object>::steal(str_from(ts, spec));
  if (!specobj) return false;
  Ref<Object> r = Ref<Object>::steal(format(ts, o, specobj.get()));
  if (!r) return false;
  out->append(str_view(r.get()));
  return true;
}

bool render(ThreadState* ts, FormatState* st, std::string_view fmt, int depth, std::string* out) {
  if (depth <= 0) {
    raise(ts, &exc::ValueError, "Max string recursion exceeded");
    return false;
  }
  size_t i = 0, n = fmt.size();
  while (i < n) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < n && fmt[i + 1] == '}') {
        out->push_back('}');
        i += 2;
        continue;
      }
      raise(ts, &exc::ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      size_t j = i;
      while (j < n && fmt[j] != '{' && fmt[j] != '}') ++j;
      out->append(fmt.substr(i, j - i));
      i = j;
      continue;
    }
    if (i + 1 < n && fmt[i + 1] == '{') {
      out->push_back('{');
      i += 2;
      continue;
    }
    if (i + 1 >= n) {
      raise(ts, &exc::ValueError, "Single '{' encountered in format string");
      return false;
    }
    // Find the matching '}' (nested braces belong to the format spec; brackets in the field name
    // may contain braces).
    size_t j = i + 1;
    int count = 1;
    bool in_spec = false;
    while (j < n) {
      char d = fmt[j];
      if (!in_spec && d == '[') {
        while (j < n && fmt[j] != ']') ++j;
        if (j < n) ++j;
        continue;
      }
      if (d == ':' || d == '!') in_spec = true;
      if (d == '{') {
        ++count;
      } else if (d == '}') {
        if (--count == 0) break;
      }
      ++j;
    }
    if (j >= n) {
      raise(ts, &exc::ValueError,
            in_spec ? "unmatched '{' in format spec" : "expected '}' before end of string");
      return false;
    }
    if (!render_field(ts, st, fmt.substr(i + 1, j - i - 1), depth, out)) return false;
    i = j + 1;
  }
  return true;
}

}  // namespace

Object* str_format_method(ThreadState* ts, Object* fmt, Object* const* args, size_t nargs,
                          DictObject* kwargs) {
  FormatState st{args, nargs, kwargs, false};
  std::string out;
  if (!render(ts, &st, str_view(fmt), 2, &out)) return nullptr;
  return str_from(ts, out);
}

Object* str_format_map_impl(ThreadState* ts, Object* fmt, Object* mapping) {
  FormatState st{nullptr, 0, mapping, true};
  std::string out;
  if (!render(ts, &st, str_view(fmt), 2, &out)) return nullptr;
  return str_from(ts, out);
}

// ---- printf-style formatting -------------------------------------------------------------------

namespace {

enum Flags { kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

// Text width in code points (bytes mode: bytes).
ssize text_width(std::string_view s, bool bytes) {
  return bytes ? static_cast<ssize>(s.size()) : static_cast<ssize>(u::utf8_length(s));
}

void pad_append(std::string* out, std::string_view body, ssize body_w, ssize width, int flags) {
  if (width > body_w && !(flags & kLeft)) out->append(static_cast<size_t>(width - body_w), ' ');
  out->append(body);
  if (width > body_w && (flags & kLeft)) out->append(static_cast<size_t>(width - body_w), ' ');
}

// Decimal/hex/octal digits of an int object's absolute value, and its sign.
bool int_digits(ThreadState* ts, Object* v, char type, std::string* digits, bool* neg) {
  const char* spec = type == 'x' ? "x" : type == 'X' ? "X" : type == 'o' ? "o" : "d";
  if (int_is_small(v)) {
    int64_t x = static_cast<IntObject*>(v)->value;
    *neg = x < 0;
    uint64_t ux = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
    char buf[32];
    const char* f = type == 'x' ? "%llx" : type == 'X' ? "%llX" : type == 'o' ? "%llo" : "%llu";
    std::snprintf(buf, sizeof buf, f, static_cast<unsigned long long>(ux));
    *digits = buf;
    return true;
  }
  Ref<Object> r = Ref<Object>::steal(int_format(ts, v, spec));
  if (!r) return false;
  std::string_view t = str_view(r.get());
  *neg = !t.empty() && t[0] == '-';
  *digits = std::string(*neg ? t.substr(1) : t);
  return true;
}

bool format_int(ThreadState* ts, Object* v, char type, int flags, ssize width, ssize prec,
                std::string* out) {
  std::string digits;
  bool neg;
  if (!int_digits(ts, v, type, &digits, &neg)) return false;
  if (prec >= 0 && static_cast<ssize>(digits.size()) < prec)
    digits.insert(0, static_cast<size_t>(prec - static_cast<ssize>(digits.size())), '0');
  std::string prefix;
  if (neg)
    prefix = "-";
  else if (flags & kSign)
    prefix = "+";
  else if (flags & kBlank)
    prefix = " ";
  if (flags & kAlt) {
    if (type == 'x') prefix += "0x";
    if (type == 'X') prefix += "0X";
    if (type == 'o') prefix += "0o";
  }
  ssize len = static_cast<ssize>(prefix.size() + digits.size());
  if ((flags & kZero) && !(flags & kLeft) && width > len) {
    out->append(prefix);
    out->append(static_cast<size_t>(width - len), '0');
    out->append(digits);
    return true;
  }
  pad_append(out, prefix + digits, len, width, flags);
  return true;
}

bool format_float(ThreadState* ts, Object* v, char type, int flags, ssize width, ssize prec,
                  std::string* out) {
  double d;
  if (!is_float(v) && !is_int(v) && !v->type->nb_float && !v->type->nb_index) {
    raise(ts, &exc::TypeError, "must be real number, not %s", type_name(v));
    return false;
  }
  if (!as_double(ts, v, &d)) return false;
  if (prec < 0) prec = 6;
  std::string spec;
  if (flags & kSign)
    spec += '+';
  else if (flags & kBlank)
    spec += ' ';
  if (flags & kAlt) spec += '#';
  spec += '.';
  spec += std::to_string(prec);
  spec += type;
  Ref<Object> f = Ref<Object>::steal(float_from(ts, d));
  if (!f) return false;
  Ref<Object> r = Ref<Object>::steal(float_format(ts, f.get(), spec));
  if (!r) return false;
  std::string_view body = str_view(r.get());
  ssize len = static_cast<ssize>(body.size());
  if ((flags & kZero) && !(flags & kLeft) && width > len) {
    size_t signlen =
        (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) ? 1 : 0;
    out->append(body.substr(0, signlen));
    out->append(static_cast<size_t>(width - len), '0');
    out->append(body.substr(signlen));
    return true;
  }
  pad_append(out, body, len, width, flags);
  return true;
}

// Text for %s/%r/%a/%b in bytes mode: raw bytes.
bool bytes_arg_text(ThreadState* ts, Object* v, char type, std::string* text) {
  if (type == 'r' || type == 'a') {
    Ref<Object> r = Ref<Object>::steal(ascii(ts, v));
    if (!r) return false;
    *text = std::string(str_view(r.get()));
    return true;
  }
  std::string_view data;
  if (is_bytes(v) || is_bytearray(v)) {
    if (!buffer_view(ts, v, &data)) return false;
    *text = std::string(data);
    return true;
  }
  Ref<StrObject> name = Ref<StrObject>::steal(intern(ts, "__bytes__"));
  if (!name) return false;
  Object* meth = type_lookup(v->type, name.get());
  if (meth) {
    Ref<Object> r = Ref<Object>::steal(call_method(ts, v, "__bytes__"));
    if (!r) return false;
    if (!is_bytes(r.get())) {
      raise(ts, &exc::TypeError, "__bytes__ returned non-bytes (type %s)", type_name(r.get()));
      return false;
    }
    *text = std::string(bytes_view(r.get()));
    return true;
  }
  raise(ts, &exc::TypeError,
        "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
        type_name(v));
  return false;
}

bool percent_format(ThreadState* ts, std::string_view fmt, Object* args, bool bytes_mode,
                    std::string* out) {
  ssize arglen, argidx;
  Object* dict = nullptr;
  if (is_tuple(args)) {
    arglen = tuple_size(args);
    argidx = 0;
  } else {
    arglen = -1;
    argidx = -2;
  }
  if (!is_tuple(args) && !is_str(args) && args->type->getitem &&
      !(bytes_mode && (is_bytes(args) || is_bytearray(args))))
    dict = args;
  auto next_arg = [&]() -> Object* {
    if (argidx < arglen) {
      if (arglen < 0) {
        argidx = -1;
        return args;
      }
      return tuple_item(args, argidx++);
    }
    raise(ts, &exc::TypeError, "not enough arguments for format string");
    return nullptr;
  };

  size_t i = 0, n = fmt.size();
  out->reserve(n + 16);
  while (i < n) {
    if (fmt[i] != '%') {
      size_t j = fmt.find('%', i);
      if (j == std::string_view::npos) j = n;
      out->append(fmt.substr(i, j - i));
      i = j;
      continue;
    }
    size_t pct = i;
    ++i;
    if (i >= n) {
      raise(ts, &exc::ValueError, "incomplete format");
      return false;
    }
    Ref<Object> keyed;  // value from %(key)
    if (fmt[i] == '(') {
      if (!dict) {
        raise(ts, &exc::TypeError, "format requires a mapping");
        return false;
      }
      size_t j = i + 1;
      int depth = 1;
      while (j < n && depth > 0) {
        if (fmt[j] == '(')
          ++depth;
        else if (fmt[j] == ')')
          --depth;
        if (depth > 0) ++j;
      }
      if (j >= n) {
        raise(ts, &exc::ValueError, "incomplete format key");
        return false;
      }
      std::string_view keytext = fmt.substr(i + 1, j - i - 1);
      Ref<Object> key = Ref<Object>::steal(
          bytes_mode ? static_cast<Object*>(bytes_from(ts, keytext)) : str_from(ts, keytext));
      if (!key) return false;
      keyed = Ref<Object>::steal(getitem(ts, dict, key.get()));
      if (!keyed) return false;
      arglen = -1;
      argidx = -1;
      i = j + 1;
    }
    int flags = 0;
    for (; i < n; ++i) {
      char c = fmt[i];
      if (c == '-')
        flags |= kLeft;
      else if (c == '+')
        flags |= kSign;
      else if (c == ' ')
        flags |= kBlank;
      else if (c == '#')
        flags |= kAlt;
      else if (c == '0')
        flags |= kZero;
      else
        break;
    }
    ssize width = -1, prec = -1;
    if (i < n && fmt[i] == '*') {
      Object* w = next_arg();
      if (!w) return false;
      if (!is_int(w)) {
        raise(ts, &exc::TypeError, "* wants int");
        return false;
      }
      if (!int_as_ssize(ts, w, &width)) return false;
      if (width < 0) {
        flags |= kLeft;
        width = -width;
      }
      ++i;
    } else {
      while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
        if (width < 0) width = 0;
        if (width > (PTRDIFF_MAX - 9) / 10) {
          raise(ts, &exc::ValueError, "width too big");
          return false;
        }
        width = width * 10 + (fmt[i] - '0');
        ++i;
      }
    }
    if (i < n && fmt[i] == '.') {
      ++i;
      prec = 0;
      if (i < n && fmt[i] == '*') {
        Object* p = next_arg();
        if (!p) return false;
        if (!is_int(p)) {
          raise(ts, &exc::TypeError, "* wants int");
          return false;
        }
        if (!int_as_ssize(ts, p, &prec)) return false;
        if (prec < 0) prec = 0;
        ++i;
      } else {
        while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
          if (prec > (PTRDIFF_MAX - 9) / 10) {
            raise(ts, &exc::ValueError, "precision too big");
            return false;
          }
          prec = prec * 10 + (fmt[i] - '0');
          ++i;
        }
      }
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= n) {
      raise(ts, &exc::ValueError, "incomplete format");
      return false;
    }
    char type = fmt[i];
    size_t type_pos = i;
    ++i;
    if (type == '%' && type_pos == pct + 1) {
      out->push_back('%');
      continue;
    }
    Object* v = keyed ? keyed.get() : next_arg();
    if (!v) return false;
    if (type == '%') goto unsupported;
    switch (type) {
      case 's':
      case 'r':
      case 'a':
      case 'b': {
        std::string text;
        if (bytes_mode) {
          if (type == 'b' || type == 's' || type == 'r' || type == 'a') {
            if (!bytes_arg_text(ts, v, type, &text)) return false;
          }
        } else {
          if (type == 'b') goto unsupported;
          Ref<Object> r = Ref<Object>::steal(type == 's'   ? str(ts, v)
                                             : type == 'r' ? repr(ts, v)
                                                           : ascii(ts, v));
          if (!r) return false;
          text = std::string(str_view(r.get()));
        }
        if (prec >= 0) {
          if (bytes_mode) {
            if (static_cast<ssize>(text.size()) > prec) text.resize(static_cast<size_t>(prec));
          } else {
            text.resize(u::utf8_offset(text, static_cast<size_t>(prec)));
          }
        }
        pad_append(out, text, text_width(text, bytes_mode), width, flags);
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        Ref<Object> iv;
        if (is_int(v)) {
          iv = Ref<Object>::borrow(v);
        } else if (type == 'd' || type == 'i' || type == 'u') {
          if (v->type->nb_index) {
            iv = Ref<Object>::steal(number_index(ts, v));
          } else if (v->type->nb_int || is_float(v)) {
            iv = Ref<Object>::steal(number_int(ts, v));
          } else {
            raise(ts, &exc::TypeError, "%%%c format: a real number is required, not %s", type,
                  type_name(v));
            return false;
          }
        } else {
          if (!v->type->nb_index) {
            raise(ts, &exc::TypeError, "%%%c format: an integer is required, not %s", type,
                  type_name(v));
            return false;
          }
          iv = Ref<Object>::steal(number_index(ts, v));
        }
        if (!iv) return false;
        if (!format_int(ts, iv.get(), type == 'i' || type == 'u' ? 'd' : type, flags, width, prec,
                        out))
          return false;
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
        if (!format_float(ts, v, type, flags, width, prec, out)) return false;
        break;
      case 'c': {
        std::string text;
        if (bytes_mode) {
          if ((is_bytes(v) || is_bytearray(v))) {
            std::string_view d;
            if (!buffer_view(ts, v, &d)) return false;
            if (d.size() != 1) {
              raise(ts, &exc::TypeError, "%%c requires an integer in range(256) or a single byte");
              return false;
            }
            text = std::string(d);
          } else if (is_int(v) || v->type->nb_index) {
            ssize c;
            if (!index_as_ssize(ts, v, &c)) return false;
            if (c < 0 || c > 255) {
              raise(ts, &exc::OverflowError, "%%c arg not in range(256)");
              return false;
            }
            text.push_back(static_cast<char>(c));
          } else {
            raise(ts, &exc::TypeError, "%%c requires an integer in range(256) or a single byte");
            return false;
          }
        } else {
          if (is_str(v)) {
            if (str_len(v) != 1) {
              raise(ts, &exc::TypeError, "%%c requires int or char");
              return false;
            }
            text = std::string(str_view(v));
          } else if (is_int(v)) {
            int64_t c;
            if (!int_to_i64(v, &c) || c < 0 || c > 0x10FFFF) {
              raise(ts, &exc::OverflowError, "%%c arg not in range(0x110000)");
              return false;
            }
            u::utf8_append(text, static_cast<uint32_t>(c));
          } else {
            raise(ts, &exc::TypeError, "%%c requires int or char");
            return false;
          }
        }
        pad_append(out, text, text_width(text, bytes_mode), width, flags);
        break;
      }
      default:
      unsupported : {
        ssize index = bytes_mode ? static_cast<ssize>(type_pos)
                                 : static_cast<ssize>(u::utf8_length(fmt.substr(0, type_pos)));
        unsigned char tc = static_cast<unsigned char>(type);
        if (tc >= 0x20 && tc < 0x7F) {
          raise(ts, &exc::ValueError, "unsupported format character '%c' (0x%x) at index %zd", type,
                tc, index);
        } else {
          size_t k = type_pos;
          uint32_t cp = bytes_mode ? tc : u::utf8_next(fmt, k);
          raise(ts, &exc::ValueError, "unsupported format character '\\x%x' (0x%x) at index %zd",
                cp, cp, index);
        }
        return false;
      }
    }
  }
  if (argidx < arglen && !dict) {
    raise(ts, &exc::TypeError,
          bytes_mode ? "not all arguments converted during bytes formatting"
                     : "not all arguments converted during string formatting");
    return false;
  }
  return true;
}

}  // namespace

Object* str_mod_format(ThreadState* ts, Object* fmt, Object* args) {
  std::string out;
  if (!vm_catch_bad_alloc(ts, false,
                          [&] { return percent_format(ts, str_view(fmt), args, false, &out); }))
    return nullptr;
  return str_from(ts, out);
}

Object* bytes_mod_format(ThreadState* ts, Object* fmt, Object* args) {
  std::string_view f;
  if (!buffer_view(ts, fmt, &f)) return nullptr;
  std::string out;
  if (!vm_catch_bad_alloc(ts, false, [&] { return percent_format(ts, f, args, true, &out); }))
    return nullptr;
  if (is_bytearray(fmt)) return bytearray_from(ts, out);
  return bytes_from(ts, out);
}

}  // namespace gp
