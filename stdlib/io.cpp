// The _io module: open(), FileIO, BufferedReader/BufferedWriter/BufferedRandom, TextIOWrapper,
// and sys.stdin/stdout/stderr. io.py (stdlib/py) re-exports them with StringIO and BytesIO.
//
// The three layers of CPython's io stack are kept as three objects (f.buffer.raw works) sharing
// one C++ struct, FileObject: a FileIO owns the fd; a Buffered object keeps a read buffer and a
// write buffer in front of its FileIO; a TextIOWrapper encodes/decodes (UTF-8 fast path, other
// codecs through str.encode/bytes.decode) and translates newlines in front of its Buffered
// object. Every read()/write() syscall runs with the GIL released (gil::Released); the buffers are
// moved out of the object first so no Python object is touched without the GIL. Open writable
// buffered files are linked into a per-interpreter list so the shutdown can flush them, as
// CPython's finalisation flushes file objects that are still alive.
#include "stdlib/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "gil/gil.h"
#include "interp/vm.h"
#include "stdlib/modules.h"
#include "stdlib/native_util.h"

namespace gp {

namespace {

constexpr ssize kDefaultBufferSize = 8192;

enum class Kind : uint8_t { Raw, Buffered, Text };
enum class Newline : uint8_t { Universal, Untranslated, LF, CR, CRLF };

struct FileObject;

// Per-interpreter state of _io (ModuleObject::state of the _io module).
struct IoState {
  TypeObject* unsupported = nullptr;  // io.UnsupportedOperation (owned)
  FileObject* files = nullptr;        // open writable Buffered objects
};

struct FileObject : Object {
  Kind kind;
  int fd;
  bool readable, writable, appending, created, closefd, closed;
  bool line_buffering, write_through, utf8, seekable_cache_set, seekable_cache;
  bool eof;
  Newline newline;
  Object* name;      // owned; may be nullptr
  Object* mode;      // owned str
  Object* inner;     // Buffered: its FileIO; Text: its Buffered (owned)
  Object* encoding;  // Text (owned str)
  Object* errors;    // Text (owned str)
  Object* dict;      // instance __dict__ (owned)
  std::string* wbuf;
  std::string* rbuf;
  size_t rpos;
  ssize bufsize;
  IoState* state;
  Interpreter* interp;  // for the close on dealloc
  FileObject* next;     // in state->files
  FileObject* prev;
};

extern TypeObject FileIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType,
    TextIOWrapperType;

FileObject* as_file(Object* o) { return static_cast<FileObject*>(o); }
FileObject* inner(FileObject* f) { return static_cast<FileObject*>(f->inner); }

IoState* io_state(ThreadState* ts) {
  Object* m = dict_get_cstr(ts, ts->interp->modules, "_io");
  if (!m) return nullptr;
  return static_cast<IoState*>(static_cast<ModuleObject*>(m)->state);
}

std::nullptr_t unsupported(ThreadState* ts, FileObject* f, const char* what) {
  if (f->state && f->state->unsupported) return raise(ts, f->state->unsupported, "%s", what);
  return raise(ts, &exc::OSError, "%s", what);
}

std::nullptr_t closed_error(ThreadState* ts) {
  return raise(ts, &exc::ValueError, "I/O operation on closed file.");
}

bool check_open(ThreadState* ts, FileObject* f) {
  if (f->closed) {
    closed_error(ts);
    return false;
  }
  return true;
}

void link_file(FileObject* f) {
  IoState* s = f->state;
  if (!s) return;
  f->prev = nullptr;
  f->next = s->files;
  if (s->files) s->files->prev = f;
  s->files = f;
}

void unlink_file(FileObject* f) {
  IoState* s = f->state;
  if (!s) return;
  if (f->prev) {
    f->prev->next = f->next;
  } else if (s->files == f) {
    s->files = f->next;
  }
  if (f->next) f->next->prev = f->prev;
  f->next = f->prev = nullptr;
}

// ---- syscalls with the GIL released ------------------------------------------------------------

bool write_all(ThreadState* ts, int fd, const std::string& data) {
  size_t off = 0;
  int err = 0;
  {
    gil::Released unlocked(ts);
    while (off < data.size()) {
      ssize_t n = ::write(fd, data.data() + off, data.size() - off);
      if (n < 0) {
        if (errno == EINTR) continue;
        err = errno;
        break;
      }
      off += static_cast<size_t>(n);
    }
  }
  if (err) {
    raise_errno(ts, err);
    return false;
  }
  return true;
}

// Reads up to n bytes appended to *out; returns bytes read (0 at EOF) or -1 with an exception.
ssize read_some(ThreadState* ts, int fd, size_t n, std::string* out) {
  std::string chunk(n, '\0');
  ssize_t got;
  int err = 0;
  for (;;) {
    {
      gil::Released unlocked(ts);
      got = ::read(fd, chunk.data(), n);
      if (got < 0) err = errno;
    }
    if (got < 0 && err == EINTR) {
      // Let a pending KeyboardInterrupt through, else retry.
      if (ts->interp->signals_pending.load() && !handle_eval_breaker(ts)) return -1;
      continue;
    }
    break;
  }
  if (got < 0) {
    raise_errno(ts, err);
    return -1;
  }
  out->append(chunk.data(), static_cast<size_t>(got));
  return got;
}

// ---- buffered layer
// -------------------------------------------------------------------------------

bool buf_flush(ThreadState* ts, FileObject* b) {
  if (!b->wbuf || b->wbuf->empty()) return true;
  std::string data;
  data.swap(*b->wbuf);
  return write_all(ts, b->fd, data);
}

// Drops read-ahead so the OS position matches the logical one (before writes and seeks).
bool buf_drop_readahead(ThreadState* ts, FileObject* b) {
  if (!b->rbuf) return true;
  size_t unread = b->rbuf->size() - b->rpos;
  b->rbuf->clear();
  b->rpos = 0;
  if (unread && ::lseek(b->fd, -static_cast<off_t>(unread), SEEK_CUR) < 0 && errno != ESPIPE) {
    raise_errno(ts, errno);
    return false;
  }
  return true;
}

bool buf_write(ThreadState* ts, FileObject* b, std::string_view data) {
  if (!check_open(ts, b)) return false;
  if (!b->writable) {  // BufferedReader.write: CPython names the operation
    unsupported(ts, b, "write");
    return false;
  }
  if (b->rbuf && b->rbuf->size() > b->rpos && !buf_drop_readahead(ts, b)) return false;
  b->wbuf->append(data);
  if (static_cast<ssize>(b->wbuf->size()) >= b->bufsize) return buf_flush(ts, b);
  return true;
}

size_t buf_available(FileObject* b) { return b->rbuf->size() - b->rpos; }

// Reads more into the read buffer; returns bytes added, 0 at EOF, -1 on error.
ssize buf_fill(ThreadState* ts, FileObject* b) {
  if (b->rpos > 0) {
    b->rbuf->erase(0, b->rpos);
    b->rpos = 0;
  }
  if (!buf_flush(ts, b)) return -1;
  return read_some(ts, b->fd, static_cast<size_t>(b->bufsize), b->rbuf);
}

bool buf_check_readable(ThreadState* ts, FileObject* b) {
  if (!check_open(ts, b)) return false;
  if (!b->readable) {  // BufferedWriter.read: CPython names the operation
    unsupported(ts, b, "read");
    return false;
  }
  return true;
}

// Reads n bytes (n < 0: to EOF) into *out.
bool buf_read(ThreadState* ts, FileObject* b, ssize n, std::string* out) {
  if (!buf_check_readable(ts, b)) return false;
  if (n < 0) {
    out->append(*b->rbuf, b->rpos, std::string::npos);
    b->rbuf->clear();
    b->rpos = 0;
    if (!buf_flush(ts, b)) return false;
    for (;;) {
      ssize got = read_some(ts, b->fd, 65536, out);
      if (got < 0) return false;
      if (got == 0) break;
    }
    return true;
  }
  while (static_cast<ssize>(buf_available(b)) < n) {
    ssize got = buf_fill(ts, b);
    if (got < 0) return false;
    if (got == 0) break;
  }
  size_t take = std::min(static_cast<size_t>(n), buf_available(b));
  out->append(*b->rbuf, b->rpos, take);
  b->rpos += take;
  return true;
}

// One line ending with '\n' (or the rest at EOF); limit < 0 for no limit.
bool buf_readline(ThreadState* ts, FileObject* b, ssize limit, std::string* out) {
  if (!buf_check_readable(ts, b)) return false;
  size_t scanned = 0;
  for (;;) {
    const std::string& r = *b->rbuf;
    size_t nl = r.find('\n', b->rpos + scanned);
    if (nl != std::string::npos) {
      size_t len = nl + 1 - b->rpos;
      if (limit >= 0 && static_cast<ssize>(len) > limit) len = static_cast<size_t>(limit);
      out->append(r, b->rpos, len);
      b->rpos += len;
      return true;
    }
    if (limit >= 0 && static_cast<ssize>(buf_available(b)) >= limit) {
      out->append(r, b->rpos, static_cast<size_t>(limit));
      b->rpos += static_cast<size_t>(limit);
      return true;
    }
    scanned = buf_available(b);
    ssize got = buf_fill(ts, b);
    if (got < 0) return false;
    if (got == 0) {
      out->append(*b->rbuf, b->rpos, std::string::npos);
      b->rpos = b->rbuf->size();
      return true;
    }
  }
}

ssize buf_tell(ThreadState* ts, FileObject* b) {
  off_t pos = ::lseek(b->fd, 0, SEEK_CUR);
  if (pos < 0) {
    raise_errno(ts, errno);
    return -1;
  }
  ssize p = static_cast<ssize>(pos);
  if (b->rbuf) p -= static_cast<ssize>(buf_available(b));
  if (b->wbuf) p += static_cast<ssize>(b->wbuf->size());
  return p;
}

ssize buf_seek(ThreadState* ts, FileObject* b, ssize off, int whence) {
  if (!check_open(ts, b)) return -1;
  if (whence == SEEK_CUR && b->rbuf) off -= static_cast<ssize>(buf_available(b));
  if (b->rbuf) {
    b->rbuf->clear();
    b->rpos = 0;
  }
  if (!buf_flush(ts, b)) return -1;
  off_t pos = ::lseek(b->fd, static_cast<off_t>(off), whence);
  if (pos < 0) {
    raise_errno(ts, errno);
    return -1;
  }
  b->eof = false;
  return static_cast<ssize>(pos);
}

// Closes a file of any layer: flushes, closes the layers below, closes the fd of a FileIO.
bool file_close(ThreadState* ts, FileObject* f) {
  if (f->closed) return true;
  bool ok = true;
  Object* saved = nullptr;
  if (f->kind == Kind::Text) {
    ok = buf_flush(ts, inner(f)) && ok;
    if (!ok) saved = fetch_exc(ts);
    f->closed = true;
    if (!file_close(ts, inner(f)) && !saved) saved = fetch_exc(ts);
  } else if (f->kind == Kind::Buffered) {
    if (!buf_flush(ts, f)) saved = fetch_exc(ts);
    f->closed = true;
    unlink_file(f);
    if (f->inner && !file_close(ts, inner(f)) && !saved) saved = fetch_exc(ts);
  } else {
    f->closed = true;
    if (f->closefd && f->fd >= 0) {
      int r = ::close(f->fd);
      if (r < 0 && errno != EINTR && !saved) {
        raise_errno(ts, errno);
        saved = fetch_exc(ts);
      }
    }
    f->fd = -1;
  }
  if (saved) {
    restore_exc(ts, saved);
    return false;
  }
  return true;
}

// ---- object basics
// ---------------------------------------------------------------------------------

FileObject* new_file(ThreadState* ts, TypeObject* type, Kind kind) {
  auto* f = alloc<FileObject>(ts, type);
  if (!f) return nullptr;
  f->kind = kind;
  f->fd = -1;
  f->closefd = true;
  f->bufsize = kDefaultBufferSize;
  f->state = io_state(ts);
  f->interp = ts->interp;
  if (kind == Kind::Buffered) {
    f->wbuf = new std::string();
    f->rbuf = new std::string();
  }
  return f;
}

void file_dealloc(Object* o) {
  FileObject* f = as_file(o);
  if (!f->closed && f->interp && f->interp->current) {
    // Close on the last reference (flushing), as CPython's IOBase finalizer does; errors are
    // dropped. The thread running this dealloc holds the GIL: it is interp->current.
    ThreadState* ts = f->interp->current;
    Object* saved = fetch_exc(ts);
    if (!file_close(ts, f)) clear_exc(ts);
    if (saved) restore_exc(ts, saved);
  }
  unlink_file(f);
  if (!f->closed && f->kind == Kind::Raw && f->closefd && f->fd >= 0) ::close(f->fd);
  clearref(f->name);
  clearref(f->mode);
  clearref(f->inner);
  clearref(f->encoding);
  clearref(f->errors);
  clearref(f->dict);
  delete f->wbuf;
  delete f->rbuf;
  free_object(o);
}

int file_traverse(Object* o, visitproc visit, void* arg) {
  FileObject* f = as_file(o);
  if (f->inner && visit(f->inner, arg)) return 1;
  if (f->dict && visit(f->dict, arg)) return 1;
  return 0;
}

void file_clear(Object* o) {
  FileObject* f = as_file(o);
  clearref(f->dict);
}

// ---- argument helpers
// -------------------------------------------------------------------------------

FileObject* self_file(Object* self) { return as_file(self); }

bool size_arg(ThreadState* ts, Object* const* args, size_t nargs, ssize* n, const char* fname) {
  *n = -1;
  if (nargs == 0 || is_none(args[0])) return true;
  return index_as_ssize(ts, args[0], n);
}

// ---- FileIO / Buffered methods (binary)
// ----------------------------------------------------------

FileObject* buffer_of(FileObject* f) {
  if (f->kind == Kind::Text) return inner(f);
  return f;
}

Object* bin_read(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  if (!no_kwargs(ts, "read", kw) || !check_nargs(ts, "read", nargs, 0, 1)) return nullptr;
  FileObject* f = self_file(self);
  ssize n;
  if (!size_arg(ts, args, nargs, &n, "read")) return nullptr;
  std::string out;
  if (f->kind == Kind::Raw) {
    if (!check_open(ts, f)) return nullptr;
    if (!f->readable) return unsupported(ts, f, "File not open for reading");
    if (n < 0) {
      for (;;) {
        ssize got = read_some(ts, f->fd, 65536, &out);
        if (got < 0) return nullptr;
        if (got == 0) break;
      }
    } else if (read_some(ts, f->fd, static_cast<size_t>(n), &out) < 0) {
      return nullptr;
    }
  } else if (!buf_read(ts, f, n, &out)) {
    return nullptr;
  }
  return bytes_from(ts, out);
}

Object* bin_read1(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  FileObject* f = self_file(self);
  ssize n;
  if (!size_arg(ts, args, nargs, &n, "read1")) return nullptr;
  if (f->kind != Kind::Buffered) return bin_read(ts, self, args, nargs, kw);
  if (!buf_check_readable(ts, f)) return nullptr;
  if (buf_available(f) == 0 && buf_fill(ts, f) < 0) return nullptr;
  size_t take = buf_available(f);
  if (n >= 0 && static_cast<size_t>(n) < take) take = static_cast<size_t>(n);
  std::string out(*f->rbuf, f->rpos, take);
  f->rpos += take;
  return bytes_from(ts, out);
}

Object* bin_readline(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!no_kwargs(ts, "readline", kw) || !check_nargs(ts, "readline", nargs, 0, 1)) return nullptr;
  FileObject* f = self_file(self);
  ssize n;
  if (!size_arg(ts, args, nargs, &n, "readline")) return nullptr;
  std::string out;
  if (f->kind == Kind::Raw) {
    if (!check_open(ts, f)) return nullptr;
    // Unbuffered: one byte at a time, as CPython's RawIOBase.readline.
    while (n < 0 || static_cast<ssize>(out.size()) < n) {
      ssize got = read_some(ts, f->fd, 1, &out);
      if (got < 0) return nullptr;
      if (got == 0 || out.back() == '\n') break;
    }
  } else if (!buf_readline(ts, f, n, &out)) {
    return nullptr;
  }
  return bytes_from(ts, out);
}

Object* bin_write(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  if (!no_kwargs(ts, "write", kw) || !check_nargs(ts, "write", nargs, 1, 1)) return nullptr;
  FileObject* f = self_file(self);
  if (is_str(args[0]))
    return raise(ts, &exc::TypeError, "a bytes-like object is required, not 'str'");
  std::string_view data;
  if (!buffer_view(ts, args[0], &data)) return nullptr;
  if (f->kind == Kind::Raw) {
    if (!check_open(ts, f)) return nullptr;
    if (!f->writable) return unsupported(ts, f, "File not open for writing");
    if (!write_all(ts, f->fd, std::string(data))) return nullptr;
  } else if (!buf_write(ts, f, data)) {
    return nullptr;
  }
  return int_from(ts, static_cast<int64_t>(data.size()));
}

Object* bin_readinto(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!check_nargs(ts, "readinto", nargs, 1, 1)) return nullptr;
  if (!is_bytearray(args[0]))
    return raise(ts, &exc::TypeError, "readinto() argument must be read-write bytes-like object");
  auto* ba = static_cast<ByteArrayObject*>(args[0]);
  FileObject* f = self_file(self);
  std::string out;
  if (f->kind == Kind::Raw) {
    if (!check_open(ts, f)) return nullptr;
    if (read_some(ts, f->fd, static_cast<size_t>(ba->size), &out) < 0) return nullptr;
  } else if (!buf_read(ts, f, ba->size, &out)) {
    return nullptr;
  }
  std::memcpy(ba->data, out.data(), out.size());
  return int_from(ts, static_cast<int64_t>(out.size()));
}

// ---- methods common to every layer
// ----------------------------------------------------------------

Object* io_close(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  if (!file_close(ts, self_file(self))) return nullptr;
  return new_none();
}

Object* io_flush(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* f = self_file(self);
  if (f->closed) return raise(ts, &exc::ValueError, "I/O operation on closed file.");
  FileObject* b = buffer_of(f);
  if (b->kind == Kind::Buffered && !buf_flush(ts, b)) return nullptr;
  return new_none();
}

Object* io_fileno(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  return int_from(ts, f->fd);
}

Object* io_isatty(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  return bool_from(::isatty(f->fd) == 1);
}

Object* io_readable(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  return bool_from(f->readable);
}

Object* io_writable(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  return bool_from(f->writable);
}

Object* io_seekable(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  return bool_from(::lseek(f->fd, 0, SEEK_CUR) >= 0);
}

Object* io_tell(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  FileObject* b = buffer_of(f);
  ssize pos;
  if (b->kind == Kind::Buffered) {
    pos = buf_tell(ts, b);
  } else {
    off_t p = ::lseek(b->fd, 0, SEEK_CUR);
    if (p < 0) return raise_errno(ts, errno);
    pos = static_cast<ssize>(p);
  }
  if (pos < 0) return nullptr;
  return int_from(ts, pos);
}

Object* io_seek(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "seek", kw) || !check_nargs(ts, "seek", nargs, 1, 2)) return nullptr;
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  if (is_float(args[0]))
    return raise(ts, &exc::TypeError, "'float' object cannot be interpreted as an integer");
  ssize off, whence = 0;
  if (!index_as_ssize(ts, args[0], &off)) return nullptr;
  if (nargs > 1 && !index_as_ssize(ts, args[1], &whence)) return nullptr;
  if (whence < 0 || whence > 2)
    return raise(ts, &exc::ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
  if (f->kind == Kind::Text) {
    if (whence == 1 && off != 0) return unsupported(ts, f, "can't do nonzero cur-relative seeks");
    if (whence == 2 && off != 0) return unsupported(ts, f, "can't do nonzero end-relative seeks");
    if (off < 0) return raise(ts, &exc::ValueError, "negative seek position %zd", off);
  }
  FileObject* b = buffer_of(f);
  ssize pos;
  if (b->kind == Kind::Buffered) {
    pos = buf_seek(ts, b, off, static_cast<int>(whence));
    if (pos < 0) return nullptr;
  } else {
    off_t p = ::lseek(b->fd, static_cast<off_t>(off), static_cast<int>(whence));
    if (p < 0) return raise_errno(ts, errno);
    pos = p;
  }
  return int_from(ts, pos);
}

Object* io_truncate(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                    TupleObject* kw) {
  if (!check_nargs(ts, "truncate", nargs, 0, 1)) return nullptr;
  FileObject* f = self_file(self);
  if (!check_open(ts, f)) return nullptr;
  FileObject* b = buffer_of(f);
  if (!b->writable)  // FileIO says "File not open for writing", the layers above "truncate"
    return unsupported(ts, f, f->kind == Kind::Raw ? "File not open for writing" : "truncate");
  if (b->kind == Kind::Buffered && !buf_flush(ts, b)) return nullptr;
  ssize size;
  if (nargs == 0 || is_none(args[0])) {
    size = b->kind == Kind::Buffered ? buf_tell(ts, b) : ::lseek(b->fd, 0, SEEK_CUR);
    if (size < 0) return nullptr;
  } else if (!index_as_ssize(ts, args[0], &size)) {
    return nullptr;
  }
  if (::ftruncate(b->fd, static_cast<off_t>(size)) < 0) return raise_errno(ts, errno);
  return int_from(ts, size);
}

Object* io_enter(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  if (!check_open(ts, self_file(self))) return nullptr;
  return newref(self);
}

Object* io_exit(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  if (!file_close(ts, self_file(self))) return nullptr;
  return new_none();
}

Object* io_iter(ThreadState* ts, Object* self) {
  if (!check_open(ts, self_file(self))) return nullptr;
  return newref(self);
}

Object* text_readline_impl(ThreadState* ts, FileObject* t, ssize limit);

Object* io_iternext(ThreadState* ts, Object* self) {
  FileObject* f = self_file(self);
  Ref<> line;
  if (f->kind == Kind::Text) {
    line = Ref<>::steal(text_readline_impl(ts, f, -1));
  } else {
    if (f->kind == Kind::Raw) {
      line = Ref<>::steal(bin_readline(ts, self, nullptr, 0, nullptr));
    } else {
      std::string out;
      if (!buf_readline(ts, f, -1, &out)) return nullptr;
      line = Ref<>::steal(bytes_from(ts, out));
    }
  }
  if (!line) return nullptr;
  if (length(ts, line.get()) == 0) return nullptr;  // exhausted
  return line.release();
}

Object* io_readlines(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  if (!check_nargs(ts, "readlines", nargs, 0, 1)) return nullptr;
  ssize hint = -1;
  if (nargs && !is_none(args[0]) && !index_as_ssize(ts, args[0], &hint)) return nullptr;
  Ref<ListObject> out = Ref<ListObject>::steal(list_new(ts));
  if (!out) return nullptr;
  if (!check_open(ts, self_file(self))) return nullptr;
  ssize total = 0;
  for (;;) {
    Object* line = io_iternext(ts, self);
    if (!line) {
      if (exc_occurred(ts)) return nullptr;
      break;
    }
    total += length(ts, line);
    bool ok = list_append(ts, out.get(), line);
    decref(line);
    if (!ok) return nullptr;
    if (hint > 0 && total >= hint) break;
  }
  return out.release();
}

Object* io_writelines(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  if (!check_nargs(ts, "writelines", nargs, 1, 1)) return nullptr;
  if (!check_open(ts, self_file(self))) return nullptr;
  Ref<> it = Ref<>::steal(get_iter(ts, args[0]));
  if (!it) return nullptr;
  while (Object* raw = iter_next(ts, it.get())) {
    Ref<> item = Ref<>::steal(raw);
    Ref<> r = Ref<>::steal(call_method(ts, self, "write", {item.get()}));
    if (!r) return nullptr;
  }
  if (exc_occurred(ts)) return nullptr;
  return new_none();
}

// ---- text layer
// ------------------------------------------------------------------------------------

bool is_utf8_name(std::string_view e) {
  std::string s;
  for (char c : e) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s == "utf-8" || s == "utf8" || s == "u8" || s == "utf_8" || s == "cp65001";
}

Object* text_decode(ThreadState* ts, FileObject* t, const std::string& data) {
  if (t->utf8) return str_decode_utf8(ts, data, str_cstr(t->errors));
  Ref<> b = Ref<>::steal(bytes_from(ts, data));
  if (!b) return nullptr;
  return call_method(ts, b.get(), "decode", {t->encoding, t->errors});
}

// Newline translation of decoded text read with newline=None: \r\n and \r become \n.
std::string translate_universal(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool text_check_readable(ThreadState* ts, FileObject* t) {
  if (!check_open(ts, t)) return false;
  if (!inner(t)->readable) {
    unsupported(ts, t, "not readable");
    return false;
  }
  return true;
}

// Makes sure a trailing '\r' in the read-ahead is followed by its '\n' (if any) before
// translating, so a "\r\n" split across reads stays one newline.
bool text_complete_cr(ThreadState* ts, FileObject* b, std::string* data) {
  if (data->empty() || data->back() != '\r') return true;
  if (buf_available(b) == 0) {
    ssize got = buf_fill(ts, b);
    if (got < 0) return false;
  }
  if (buf_available(b) > 0 && (*b->rbuf)[b->rpos] == '\n') {
    data->push_back('\n');
    b->rpos++;
  }
  return true;
}

// Completes a UTF-8 sequence cut at the end of data.
bool text_complete_utf8(ThreadState* ts, FileObject* b, std::string* data) {
  size_t n = data->size();
  size_t i = n;
  int back = 0;
  while (i > 0 && back < 4 && (static_cast<unsigned char>((*data)[i - 1]) & 0xC0) == 0x80) {
    --i;
    ++back;
  }
  if (i == 0) return true;
  unsigned char lead = static_cast<unsigned char>((*data)[i - 1]);
  size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  size_t have = n - (i - 1);
  if (have >= need) return true;
  std::string more;
  if (!buf_read(ts, b, static_cast<ssize>(need - have), &more)) return false;
  data->append(more);
  return true;
}

Object* text_read(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                  TupleObject* kw) {
  if (!no_kwargs(ts, "read", kw) || !check_nargs(ts, "read", nargs, 0, 1)) return nullptr;
  FileObject* t = self_file(self);
  ssize n;
  if (!size_arg(ts, args, nargs, &n, "read")) return nullptr;
  if (!text_check_readable(ts, t)) return nullptr;
  FileObject* b = inner(t);
  std::string data;
  if (n < 0) {
    if (!buf_read(ts, b, -1, &data)) return nullptr;
  } else {
    // n characters: read bytes until they hold n code points.
    ssize chars = 0;
    while (chars < n) {
      std::string chunk;
      if (!buf_read(ts, b, n - chars, &chunk)) return nullptr;
      if (chunk.empty()) break;
      if (t->utf8 && !text_complete_utf8(ts, b, &chunk)) return nullptr;
      for (unsigned char c : chunk)
        if ((c & 0xC0) != 0x80) ++chars;
      data += chunk;
      if (!t->utf8) break;
    }
  }
  if (t->newline == Newline::Universal) {
    if (n >= 0 && !text_complete_cr(ts, b, &data)) return nullptr;
    Ref<> s = Ref<>::steal(text_decode(ts, t, data));
    if (!s) return nullptr;
    if (str_view(s.get()).find('\r') == std::string_view::npos) return s.release();
    return str_from(ts, translate_universal(str_view(s.get())));
  }
  return text_decode(ts, t, data);
}

Object* text_readline_impl(ThreadState* ts, FileObject* t, ssize limit) {
  if (!text_check_readable(ts, t)) return nullptr;
  FileObject* b = inner(t);
  std::string line;
  if (t->newline == Newline::LF || t->newline == Newline::CRLF) {
    if (!buf_readline(ts, b, -1, &line)) return nullptr;
  } else {
    // Universal / untranslated / CR: a line ends at \n, \r or \r\n.
    bool cr_only = t->newline == Newline::CR;
    for (;;) {
      const std::string& r = *b->rbuf;
      size_t end = cr_only ? r.find('\r', b->rpos) : r.find_first_of("\r\n", b->rpos);
      if (end != std::string::npos) {
        if (r[end] == '\r' && !cr_only) {
          if (end + 1 == r.size()) {
            // Need one more byte to know whether this is \r\n.
            size_t keep = end - b->rpos;
            std::string head(r, b->rpos, keep + 1);
            b->rpos = r.size();
            ssize got = buf_fill(ts, b);
            if (got < 0) return nullptr;
            line += head;
            if (got > 0 && (*b->rbuf)[b->rpos] == '\n') {
              line += '\n';
              b->rpos++;
            }
            break;
          }
          if (r[end + 1] == '\n') ++end;
        }
        line.append(r, b->rpos, end + 1 - b->rpos);
        b->rpos = end + 1;
        break;
      }
      line.append(r, b->rpos, std::string::npos);
      b->rpos = r.size();
      ssize got = buf_fill(ts, b);
      if (got < 0) return nullptr;
      if (got == 0) break;
    }
  }
  if (t->newline == Newline::Universal && !line.empty()) {
    if (line.back() == '\n' && line.size() >= 2 && line[line.size() - 2] == '\r') {
      line.erase(line.size() - 2, 1);
    } else if (line.back() == '\r') {
      line.back() = '\n';
    }
  } else if (t->newline == Newline::CRLF && line.size() >= 2 && line.back() == '\n' &&
             line[line.size() - 2] == '\r') {
    // Written as \r\n, read back as \n.
    line.erase(line.size() - 2, 1);
  }
  Ref<> s = Ref<>::steal(text_decode(ts, t, line));
  if (!s) return nullptr;
  if (limit >= 0 && reinterpret_cast<StrObject*>(s.get())->length > limit) {
    // Hand back the characters beyond limit: put their bytes in front of the read-ahead.
    std::string_view v = str_view(s.get());
    size_t byte = 0;
    ssize chars = 0;
    while (byte < v.size() && chars < limit) {
      unsigned char c = static_cast<unsigned char>(v[byte]);
      byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++chars;
    }
    std::string rest(v.substr(byte));
    b->rbuf->insert(b->rpos, rest);
    return str_from(ts, v.substr(0, byte));
  }
  return s.release();
}

Object* text_readline(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                      TupleObject* kw) {
  if (!no_kwargs(ts, "readline", kw) || !check_nargs(ts, "readline", nargs, 0, 1)) return nullptr;
  ssize n;
  if (!size_arg(ts, args, nargs, &n, "readline")) return nullptr;
  return text_readline_impl(ts, self_file(self), n);
}

Object* text_write(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  if (!no_kwargs(ts, "write", kw) || !check_nargs(ts, "write", nargs, 1, 1)) return nullptr;
  FileObject* t = self_file(self);
  Object* s = args[0];
  if (!is_str(s))
    return raise(ts, &exc::TypeError, "write() argument must be str, not %s", type_name(s));
  if (!check_open(ts, t)) return nullptr;
  FileObject* b = inner(t);
  if (!b->writable) return unsupported(ts, t, "not writable");
  std::string_view text = str_view(s);
  bool has_nl = text.find('\n') != std::string_view::npos;
  std::string translated;
  if (has_nl && (t->newline == Newline::CRLF || t->newline == Newline::CR)) {
    const char* rep = t->newline == Newline::CRLF ? "\r\n" : "\r";
    for (char c : text) {
      if (c == '\n') {
        translated += rep;
      } else {
        translated += c;
      }
    }
    text = translated;
  }
  if (t->utf8) {
    if (!buf_write(ts, b, text)) return nullptr;
  } else {
    Ref<> tmp = Ref<>::steal(str_from(ts, text));
    if (!tmp) return nullptr;
    Ref<> enc = Ref<>::steal(call_method(ts, tmp.get(), "encode", {t->encoding, t->errors}));
    if (!enc) return nullptr;
    std::string_view bytes;
    if (!buffer_view(ts, enc.get(), &bytes) || !buf_write(ts, b, bytes)) return nullptr;
  }
  if (t->write_through ||
      (t->line_buffering && (has_nl || text.find('\r') != std::string_view::npos))) {
    if (!buf_flush(ts, b)) return nullptr;
  }
  return int_from(ts, static_cast<StrObject*>(s)->length);
}

Object* text_detach(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  FileObject* t = self_file(self);
  if (!check_open(ts, t)) return nullptr;
  if (!buf_flush(ts, inner(t))) return nullptr;
  Object* b = t->inner;
  incref(b);
  t->closed = true;
  return b;
}

Object* text_reconfigure(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                         TupleObject* kw) {
  FileObject* t = self_file(self);
  Object* a[5] = {};
  if (nargs) return raise(ts, &exc::TypeError, "reconfigure() takes no positional arguments");
  if (!parse_args(ts, "reconfigure", args, nargs, kw,
                  {"encoding", "errors", "newline", "line_buffering", "write_through"}, 0, a))
    return nullptr;
  if (a[0] && !is_none(a[0])) {
    if (!is_str(a[0]))
      return raise(ts, &exc::TypeError,
                   "reconfigure() argument 'encoding' must be str or None, not %s",
                   type_name(a[0]));
    setref(t->encoding, newref(a[0]));
    t->utf8 = is_utf8_name(str_view(a[0]));
  }
  if (a[1] && !is_none(a[1])) setref(t->errors, newref(a[1]));
  if (a[3] && !is_none(a[3])) {
    int v = truthy(ts, a[3]);
    if (v < 0) return nullptr;
    t->line_buffering = v;
  }
  if (a[4] && !is_none(a[4])) {
    int v = truthy(ts, a[4]);
    if (v < 0) return nullptr;
    t->write_through = v;
  }
  return new_none();
}

// ---- getters ------------------------------------------------------------------------------------

Object* get_closed(ThreadState* ts, Object* self) { return bool_from(self_file(self)->closed); }
Object* get_name(ThreadState* ts, Object* self) {
  FileObject* f = self_file(self);
  while (!f->name && f->inner) f = inner(f);
  if (!f->name)
    return raise(ts, &exc::AttributeError, "'%s' object has no attribute 'name'", type_name(self));
  return newref(f->name);
}
bool set_name(ThreadState* ts, Object* self, Object* v) {
  if (!v) {
    raise(ts, &exc::AttributeError, "can't delete attribute");
    return false;
  }
  setref(self_file(self)->name, newref(v));
  return true;
}
Object* get_mode(ThreadState* ts, Object* self) {
  FileObject* f = self_file(self);
  while (!f->mode && f->inner) f = inner(f);
  if (!f->mode)
    return raise(ts, &exc::AttributeError, "'%s' object has no attribute 'mode'", type_name(self));
  return newref(f->mode);
}
bool set_mode(ThreadState* ts, Object* self, Object* v) {
  if (!v) {
    raise(ts, &exc::AttributeError, "can't delete attribute");
    return false;
  }
  setref(self_file(self)->mode, newref(v));
  return true;
}
Object* get_encoding(ThreadState* ts, Object* self) { return newref(self_file(self)->encoding); }
Object* get_errors(ThreadState* ts, Object* self) { return newref(self_file(self)->errors); }
Object* get_inner(ThreadState* ts, Object* self) { return newref(self_file(self)->inner); }
Object* get_line_buffering(ThreadState* ts, Object* self) {
  return bool_from(self_file(self)->line_buffering);
}
Object* get_write_through(ThreadState* ts, Object* self) {
  return bool_from(self_file(self)->write_through);
}
Object* get_closefd(ThreadState* ts, Object* self) { return bool_from(self_file(self)->closefd); }
Object* get_newlines(ThreadState* ts, Object* self) { return new_none(); }
Object* get_dict(ThreadState* ts, Object* self) {
  FileObject* f = self_file(self);
  if (!f->dict) {
    f->dict = dict_new(ts);
    if (!f->dict) return nullptr;
  }
  return newref(f->dict);
}

// ---- reprs -------------------------------------------------------------------------------------

bool append_repr(ThreadState* ts, std::string* out, const char* label, Object* v) {
  if (!v) return true;
  std::string r;
  if (!repr_text(ts, v, &r)) return false;
  *out += " ";
  *out += label;
  *out += "=";
  *out += r;
  return true;
}

Object* file_repr(ThreadState* ts, Object* self) {
  FileObject* f = self_file(self);
  std::string out = "<";
  out += self->type->name;
  if (f->kind == Kind::Raw && f->closed) return str_from(ts, out + " [closed]>");
  FileObject* named = f;
  while (!named->name && named->inner) named = inner(named);
  if (!append_repr(ts, &out, "name", named->name)) return nullptr;
  if (f->kind != Kind::Buffered) {
    FileObject* moded = f;
    while (!moded->mode && moded->inner) moded = inner(moded);
    if (!append_repr(ts, &out, "mode", moded->mode)) return nullptr;
  }
  if (f->kind == Kind::Text && !append_repr(ts, &out, "encoding", f->encoding)) return nullptr;
  if (f->kind == Kind::Raw) out += f->closefd ? " closefd=True" : " closefd=False";
  out += ">";
  return str_from(ts, out);
}

// ---- construction ------------------------------------------------------------------------------

struct ModeInfo {
  bool reading = false, writing = false, appending = false, creating = false, updating = false;
  bool text = false, binary = false;
};

bool parse_mode(ThreadState* ts, std::string_view mode, ModeInfo* mi) {
  std::string seen;
  for (char c : mode) {
    if (std::string_view("rwxabt+").find(c) == std::string_view::npos ||
        seen.find(c) != std::string::npos) {
      raise(ts, &exc::ValueError, "invalid mode: '%.*s'", static_cast<int>(mode.size()),
            mode.data());
      return false;
    }
    seen += c;
    switch (c) {
      case 'r':
        mi->reading = true;
        break;
      case 'w':
        mi->writing = true;
        break;
      case 'a':
        mi->appending = true;
        break;
      case 'x':
        mi->creating = true;
        break;
      case '+':
        mi->updating = true;
        break;
      case 't':
        mi->text = true;
        break;
      case 'b':
        mi->binary = true;
        break;
    }
  }
  int kinds = mi->reading + mi->writing + mi->appending + mi->creating;
  if (mi->text && mi->binary) {
    raise(ts, &exc::ValueError, "can't have text and binary mode at once");
    return false;
  }
  if (kinds != 1) {
    raise(ts, &exc::ValueError, "must have exactly one of create/read/write/append mode");
    return false;
  }
  return true;
}

// FileIO's own mode string, as CPython normalises it.
std::string raw_mode(const ModeInfo& mi) {
  if (mi.creating) return mi.updating ? "xb+" : "xb";
  if (mi.appending) return mi.updating ? "ab+" : "ab";
  if (mi.writing) return mi.updating ? "rb+" : "wb";
  return mi.updating ? "rb+" : "rb";
}

FileObject* make_raw(ThreadState* ts, int fd, const ModeInfo& mi, Object* name, bool closefd) {
  FileObject* r = new_file(ts, &FileIOType, Kind::Raw);
  if (!r) return nullptr;
  r->fd = fd;
  r->readable = mi.reading || mi.updating;
  r->writable = mi.writing || mi.appending || mi.creating || mi.updating;
  r->appending = mi.appending;
  r->created = mi.creating;
  r->closefd = closefd;
  r->name = newref(name);
  r->mode = str_from(ts, raw_mode(mi));
  if (!r->mode) {
    decref(r);
    return nullptr;
  }
  return r;
}

FileObject* make_buffered(ThreadState* ts, FileObject* raw, ssize bufsize) {
  TypeObject* type = raw->readable && raw->writable ? &BufferedRandomType
                     : raw->writable                ? &BufferedWriterType
                                                    : &BufferedReaderType;
  FileObject* b = new_file(ts, type, Kind::Buffered);
  if (!b) return nullptr;
  b->fd = raw->fd;
  b->readable = raw->readable;
  b->writable = raw->writable;
  b->appending = raw->appending;
  b->inner = newref(static_cast<Object*>(raw));
  if (bufsize > 0) b->bufsize = bufsize;
  if (b->writable) link_file(b);
  return b;
}

std::string default_encoding() {
  const char* u = std::getenv("PYTHONUTF8");
  if (u && std::strcmp(u, "1") == 0) return "utf-8";
  return "UTF-8";
}

FileObject* make_text(ThreadState* ts, FileObject* buffer, Object* encoding, Object* errors,
                      Object* newline, bool line_buffering, bool write_through) {
  FileObject* t = new_file(ts, &TextIOWrapperType, Kind::Text);
  if (!t) return nullptr;
  Ref<FileObject> guard = Ref<FileObject>::steal(t);
  t->fd = buffer->fd;
  t->readable = buffer->readable;
  t->writable = buffer->writable;
  t->inner = newref(static_cast<Object*>(buffer));
  if (encoding && !is_none(encoding)) {
    if (!is_str(encoding)) {
      raise(ts, &exc::TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s",
            type_name(encoding));
      return nullptr;
    }
    t->encoding = newref(encoding);
  } else {
    t->encoding = str_from(ts, default_encoding());
    if (!t->encoding) return nullptr;
  }
  t->utf8 = is_utf8_name(str_view(t->encoding));
  if (!t->utf8) {
    // Check that the codec exists now, as CPython does ("unknown encoding: xyz").
    Ref<> probe = Ref<>::steal(str_from(ts, ""));
    Ref<> r = Ref<>::steal(call_method(ts, probe.get(), "encode", {t->encoding}));
    if (!r) {
      if (exc_matches(ts, &exc::LookupError)) {
        clear_exc(ts);
        raise(ts, &exc::LookupError, "unknown encoding: %s", str_cstr(t->encoding));
      }
      return nullptr;
    }
  }
  if (errors && !is_none(errors)) {
    if (!is_str(errors)) {
      raise(ts, &exc::TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s",
            type_name(errors));
      return nullptr;
    }
    t->errors = newref(errors);
  } else {
    t->errors = str_from(ts, "strict");
    if (!t->errors) return nullptr;
  }
  t->newline = Newline::Universal;
  if (newline && !is_none(newline)) {
    if (!is_str(newline)) {
      raise(ts, &exc::TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %s",
            type_name(newline));
      return nullptr;
    }
    std::string_view nl = str_view(newline);
    if (nl.empty()) {
      t->newline = Newline::Untranslated;
    } else if (nl == "\n") {
      t->newline = Newline::LF;
    } else if (nl == "\r") {
      t->newline = Newline::CR;
    } else if (nl == "\r\n") {
      t->newline = Newline::CRLF;
    } else {
      std::string r = str_repr_text(nl);
      raise(ts, &exc::ValueError, "illegal newline value: %s", r.c_str());
      return nullptr;
    }
  }
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  return guard.release();
}

Object* io_open(ThreadState* ts, Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[8] = {};
  if (!parse_args(
          ts, "open", args, nargs, kw,
          {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1,
          a))
    return nullptr;
  Object* file = a[0];
  std::string mode = "r";
  if (a[1]) {
    if (!is_str(a[1]))
      return raise(ts, &exc::TypeError, "open() argument 'mode' must be str, not %s",
                   type_name(a[1]));
    mode = std::string(str_view(a[1]));
  }
  ssize buffering = -1;
  if (a[2] && !index_as_ssize(ts, a[2], &buffering)) return nullptr;
  bool closefd = true;
  if (a[6]) {
    int v = truthy(ts, a[6]);
    if (v < 0) return nullptr;
    closefd = v;
  }
  ModeInfo mi;
  if (!parse_mode(ts, mode, &mi)) return nullptr;
  if (mi.binary && a[3] && !is_none(a[3]))
    return raise(ts, &exc::ValueError, "binary mode doesn't take an encoding argument");
  if (mi.binary && a[4] && !is_none(a[4]))
    return raise(ts, &exc::ValueError, "binary mode doesn't take an errors argument");
  if (mi.binary && a[5] && !is_none(a[5]))
    return raise(ts, &exc::ValueError, "binary mode doesn't take a newline argument");
  if (mi.binary && buffering == 1) buffering = -1;  // CPython warns and ignores
  if (buffering == 0 && !mi.binary)
    return raise(ts, &exc::ValueError, "can't have unbuffered text I/O");

  int fd = -1;
  Ref<> name;
  if (is_int(file) && !is_bool(file)) {
    int64_t v;
    if (!int_to_i64(file, &v) || v < 0 || v > INT32_MAX)
      return raise(ts, &exc::ValueError, "negative file descriptor");
    fd = static_cast<int>(v);
    name = Ref<>::borrow(file);
  } else {
    if (!closefd) return raise(ts, &exc::ValueError, "Cannot use closefd=False with file name");
    std::string path;
    if (!path_arg(ts, file, &path, "open")) {
      if (exc_matches(ts, &exc::TypeError)) {
        clear_exc(ts);
        return raise(ts, &exc::TypeError, "expected str, bytes or os.PathLike object, not %s",
                     type_name(file));
      }
      return nullptr;
    }
    if (std::strlen(path.c_str()) != path.size())
      return raise(ts, &exc::ValueError, "embedded null byte");
    int flags = O_CLOEXEC;
    if (mi.updating) {
      flags |= O_RDWR;
    } else if (mi.reading) {
      flags |= O_RDONLY;
    } else {
      flags |= O_WRONLY;
    }
    if (mi.writing) flags |= O_CREAT | O_TRUNC;
    if (mi.appending) flags |= O_CREAT | O_APPEND;
    if (mi.creating) flags |= O_CREAT | O_EXCL;
    name = Ref<>::borrow(file);
    if (a[7] && !is_none(a[7])) {
      Ref<> fl = Ref<>::steal(int_from(ts, flags));
      Ref<> r = Ref<>::steal(call2(ts, a[7], file, fl.get()));
      if (!r) return nullptr;
      ssize v;
      if (!index_as_ssize(ts, r.get(), &v)) return nullptr;
      if (v < 0) return raise(ts, &exc::ValueError, "opener returned %zd", v);
      fd = static_cast<int>(v);
    } else {
      int err = 0;
      {
        gil::Released unlocked(ts);
        do {
          fd = ::open(path.c_str(), flags, 0666);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0) err = errno;
      }
      if (fd < 0) return raise_errno(ts, err, file);
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return raise_errno(ts, EISDIR, file);
    }
  }
  if (mi.appending) ::lseek(fd, 0, SEEK_END);
  Ref<FileObject> raw = Ref<FileObject>::steal(make_raw(ts, fd, mi, name.get(), closefd));
  if (!raw) {
    if (closefd) ::close(fd);
    return nullptr;
  }
  if (buffering == 0) return raw.release();
  bool line_buffering = buffering == 1 || (buffering < 0 && ::isatty(fd) == 1 && !mi.binary);
  ssize bufsize = buffering > 1 ? buffering : kDefaultBufferSize;
  Ref<FileObject> buffered = Ref<FileObject>::steal(make_buffered(ts, raw.get(), bufsize));
  if (!buffered) return nullptr;
  if (mi.binary) return buffered.release();
  FileObject* t = make_text(ts, buffered.get(), a[3], a[4], a[5], line_buffering, false);
  if (!t) {
    Object* e = fetch_exc(ts);
    file_close(ts, buffered.get());
    if (exc_occurred(ts)) clear_exc(ts);
    restore_exc(ts, e);
    return nullptr;
  }
  t->mode = str_from(ts, mode);
  if (!t->mode) {
    decref(t);
    return nullptr;
  }
  return t;
}

// FileIO(name, mode='r', closefd=True)
Object* fileio_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                   TupleObject* kw) {
  Object* a[4] = {};
  if (!parse_args(ts, "FileIO", args, nargs, kw, {"file", "mode", "closefd", "opener"}, 1, a))
    return nullptr;
  std::string mode = a[1] && is_str(a[1]) ? std::string(str_view(a[1])) : "r";
  if (mode.find('b') == std::string::npos) mode += "b";
  Ref<> m = Ref<>::steal(str_from(ts, mode));
  Ref<> zero = Ref<>::steal(int_from(ts, 0));
  Object* call_args[8] = {a[0],
                          m.get(),
                          zero.get(),
                          none(),
                          none(),
                          none(),
                          a[2] ? a[2] : py_bool(true),
                          a[3] ? a[3] : none()};
  return io_open(ts, nullptr, call_args, 8, nullptr);
}

// BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE) and friends.
Object* buffered_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                     TupleObject* kw) {
  Object* a[2] = {};
  if (!parse_args(ts, type->name, args, nargs, kw, {"raw", "buffer_size"}, 1, a)) return nullptr;
  if (!isinstance_of(a[0], &FileIOType))
    return raise(ts, &exc::TypeError, "gilpy: %s() needs an io.FileIO object", type->name);
  ssize size = kDefaultBufferSize;
  if (a[1] && !index_as_ssize(ts, a[1], &size)) return nullptr;
  FileObject* b = make_buffered(ts, as_file(a[0]), size);
  return b;
}

// TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
// write_through=False)
Object* text_new(ThreadState* ts, TypeObject* type, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  Object* a[6] = {};
  if (!parse_args(ts, "TextIOWrapper", args, nargs, kw,
                  {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1,
                  a))
    return nullptr;
  Object* buf = a[0];
  if (buf->type != &BufferedReaderType && buf->type != &BufferedWriterType &&
      buf->type != &BufferedRandomType)
    return raise(ts, &exc::TypeError, "gilpy: TextIOWrapper() needs a buffered binary file");
  int lb = a[4] ? truthy(ts, a[4]) : 0;
  int wt = a[5] ? truthy(ts, a[5]) : 0;
  if (lb < 0 || wt < 0) return nullptr;
  return make_text(ts, as_file(buf), a[1], a[2], a[3], lb, wt);
}

// ---- type tables ------------------------------------------------------------------------------

#define COMMON_METHODS                                                                    \
  {"close", io_close, 0, nullptr}, {"flush", io_flush, 0, nullptr},                       \
      {"fileno", io_fileno, 0, nullptr}, {"isatty", io_isatty, 0, nullptr},               \
      {"readable", io_readable, 0, nullptr}, {"writable", io_writable, 0, nullptr},       \
      {"seekable", io_seekable, 0, nullptr}, {"tell", io_tell, 0, nullptr},               \
      {"seek", io_seek, 0, nullptr}, {"truncate", io_truncate, 0, nullptr},               \
      {"readlines", io_readlines, 0, nullptr}, {"writelines", io_writelines, 0, nullptr}, \
      {"__enter__", io_enter, 0, nullptr}, {                                              \
    "__exit__", io_exit, 0, nullptr                                                       \
  }

const MethodDef kBinaryMethods[] = {
    COMMON_METHODS,
    {"read", bin_read, 0, nullptr},
    {"read1", bin_read1, 0, nullptr},
    {"readall", bin_read, 0, nullptr},
    {"readline", bin_readline, 0, nullptr},
    {"readinto", bin_readinto, 0, nullptr},
    {"write", bin_write, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kTextMethods[] = {
    COMMON_METHODS,
    {"read", text_read, 0, nullptr},
    {"readline", text_readline, 0, nullptr},
    {"write", text_write, 0, nullptr},
    {"detach", text_detach, 0, nullptr},
    {"reconfigure", text_reconfigure, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kRawGetSets[] = {
    {"closed", get_closed, nullptr}, {"name", get_name, set_name},
    {"mode", get_mode, set_mode},    {"closefd", get_closefd, nullptr},
    {"__dict__", get_dict, nullptr}, {nullptr, nullptr, nullptr},
};
const GetSetDef kBufferedGetSets[] = {
    {"closed", get_closed, nullptr}, {"name", get_name, set_name},    {"mode", get_mode, set_mode},
    {"raw", get_inner, nullptr},     {"__dict__", get_dict, nullptr}, {nullptr, nullptr, nullptr},
};
const GetSetDef kTextGetSets[] = {
    {"closed", get_closed, nullptr},
    {"name", get_name, set_name},
    {"mode", get_mode, set_mode},
    {"buffer", get_inner, nullptr},
    {"encoding", get_encoding, nullptr},
    {"errors", get_errors, nullptr},
    {"line_buffering", get_line_buffering, nullptr},
    {"write_through", get_write_through, nullptr},
    {"newlines", get_newlines, nullptr},
    {"__dict__", get_dict, nullptr},
    {nullptr, nullptr, nullptr},
};

TypeObject make_file_type(const char* name, const MethodDef* methods, const GetSetDef* getsets,
                          newfunc new_) {
  TypeObject t = stdlib_static_type(name, sizeof(FileObject), kHaveGC | kBaseType);
  t.dealloc = file_dealloc;
  t.traverse = file_traverse;
  t.clear = file_clear;
  t.repr = file_repr;
  t.iter = io_iter;
  t.iternext = io_iternext;
  t.methods = methods;
  t.getsets = getsets;
  t.new_ = new_;
  t.dict_offset = offsetof(FileObject, dict);
  return t;
}

TypeObject FileIOType = make_file_type("_io.FileIO", kBinaryMethods, kRawGetSets, fileio_new);
TypeObject BufferedReaderType =
    make_file_type("_io.BufferedReader", kBinaryMethods, kBufferedGetSets, buffered_new);
TypeObject BufferedWriterType =
    make_file_type("_io.BufferedWriter", kBinaryMethods, kBufferedGetSets, buffered_new);
TypeObject BufferedRandomType =
    make_file_type("_io.BufferedRandom", kBinaryMethods, kBufferedGetSets, buffered_new);
TypeObject TextIOWrapperType =
    make_file_type("_io.TextIOWrapper", kTextMethods, kTextGetSets, text_new);

const MethodDef kIoFunctions[] = {
    {"open", io_open, 0,
     "open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, "
     "closefd=True, opener=None)"},
    {nullptr, nullptr, 0, nullptr},
};

// A standard stream: fd, name '<stdout>', text mode, never closing the fd.
Object* std_stream(ThreadState* ts, int fd, const char* name, bool write, bool line_buffered,
                   bool write_through) {
  ModeInfo mi;
  if (write) {
    mi.writing = true;
  } else {
    mi.reading = true;
  }
  Ref<> n = Ref<>::steal(str_from(ts, name));
  if (!n) return nullptr;
  Ref<FileObject> raw = Ref<FileObject>::steal(make_raw(ts, fd, mi, n.get(), false));
  if (!raw) return nullptr;
  Ref<FileObject> b = Ref<FileObject>::steal(make_buffered(ts, raw.get(), kDefaultBufferSize));
  if (!b) return nullptr;
  Ref<> enc = Ref<>::steal(str_from(ts, "utf-8"));
  Ref<> errors = Ref<>::steal(str_from(ts, write ? "strict" : "strict"));
  if (!enc || !errors) return nullptr;
  if (const char* pe = std::getenv("PYTHONIOENCODING"); pe && *pe) {
    std::string v = pe;
    size_t colon = v.find(':');
    std::string e = v.substr(0, colon);
    if (!e.empty()) enc = Ref<>::steal(str_from(ts, e));
    if (colon != std::string::npos) errors = Ref<>::steal(str_from(ts, v.substr(colon + 1)));
  }
  if (fd == 2) errors = Ref<>::steal(str_from(ts, "backslashreplace"));
  FileObject* t =
      make_text(ts, b.get(), enc.get(), errors.get(), nullptr, line_buffered, write_through);
  if (!t) return nullptr;
  t->mode = str_from(ts, write ? "w" : "r");
  return t;
}

}  // namespace

bool init_io(ThreadState* ts, ModuleObject* m) {
  TypeObject* types[] = {&FileIOType, &BufferedReaderType, &BufferedWriterType, &BufferedRandomType,
                         &TextIOWrapperType};
  for (TypeObject* t : types)
    if (!ready_stdlib_type(ts, t)) return false;
  auto* state = new IoState();
  m->state = state;
  // io.UnsupportedOperation(OSError, ValueError)
  Ref<StrObject> uname = Ref<StrObject>::steal(str_from(ts, "UnsupportedOperation"));
  Ref<TupleObject> bases = Ref<TupleObject>::steal(tuple_pack(
      ts, {static_cast<Object*>(&exc::OSError), static_cast<Object*>(&exc::ValueError)}));
  Ref<DictObject> ns = Ref<DictObject>::steal(dict_new(ts));
  Ref<> modname = Ref<>::steal(str_from(ts, "io"));
  if (!uname || !bases || !ns || !modname ||
      !dict_set(ts, ns.get(), names.__module__, modname.get()))
    return false;
  Object* unsupported_type = type_new(ts, &TypeType, uname.get(), bases.get(), ns.get());
  if (!unsupported_type) return false;
  state->unsupported = static_cast<TypeObject*>(unsupported_type);
  if (!module_add(ts, m, "UnsupportedOperation", newref(unsupported_type))) return false;
  if (!module_add_functions(ts, m, kIoFunctions)) return false;
  for (TypeObject* t : types) {
    const char* dot = std::strrchr(t->name, '.');
    if (!module_add(ts, m, dot + 1, newref(static_cast<Object*>(t)))) return false;
  }
  return module_add(ts, m, "DEFAULT_BUFFER_SIZE", int_from(ts, kDefaultBufferSize));
}

bool io_init_std_streams(ThreadState* ts) {
  Ref<> io = Ref<>::steal(import_module(ts, "_io"));
  if (!io) return false;
  const char* unbuf = std::getenv("PYTHONUNBUFFERED");
  bool unbuffered = unbuf && *unbuf;
  struct Std {
    int fd;
    const char* name;
    const char* attr;
    const char* dunder;
    bool write;
  } streams[] = {{0, "<stdin>", "stdin", "__stdin__", false},
                 {1, "<stdout>", "stdout", "__stdout__", true},
                 {2, "<stderr>", "stderr", "__stderr__", true}};
  for (const Std& s : streams) {
    bool tty = ::isatty(s.fd) == 1;
    bool line = s.fd == 2 || (s.fd == 1 && tty);
    Ref<> f = Ref<>::steal(std_stream(ts, s.fd, s.name, s.write, line, unbuffered && s.write));
    if (!f) return false;
    if (!dict_set_cstr(ts, ts->interp->sys->dict, s.attr, f.get()) ||
        !dict_set_cstr(ts, ts->interp->sys->dict, s.dunder, f.get()))
      return false;
  }
  return true;
}

void io_flush_std_streams(ThreadState* ts) {
  Object* saved = fetch_exc(ts);
  for (const char* name : {"stdout", "stderr"}) {
    Object* f = dict_get_cstr(ts, ts->interp->sys->dict, name);
    if (!f || is_none(f)) continue;
    if (isinstance_of(f, &TextIOWrapperType)) {
      FileObject* t = as_file(f);
      if (!t->closed && !buf_flush(ts, inner(t))) clear_exc(ts);
      continue;
    }
    Ref<> r = Ref<>::steal(call_method(ts, f, "flush"));
    if (!r) clear_exc(ts);
  }
  if (saved) restore_exc(ts, saved);
}

void io_flush_all(ThreadState* ts) {
  IoState* s = io_state(ts);
  if (!s) return;
  Object* saved = fetch_exc(ts);
  for (FileObject* f = s->files; f; f = f->next)
    if (!f->closed && !buf_flush(ts, f)) clear_exc(ts);
  if (saved) restore_exc(ts, saved);
}

}  // namespace gp
