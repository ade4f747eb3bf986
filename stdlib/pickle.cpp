// _pickle: the native accelerator of stdlib/py/pickle.py (CPython's pickle format).
//  - dumps/dump: writes protocols 2 to 5 (default 4) with CPython's opcode choices, batching
//    (1000 items per APPENDS/SETITEMS/ADDITEMS) and framing (protocol 4+: one FRAME per 64 KiB,
//    frames under 4 bytes left out, payloads of 64 KiB or more written outside frames), so the
//    output equals CPython's for the common values. Objects without a native writer (instances of
//    classes, functions, classes, exceptions...) get their reduction from pickle.py's module-level
//    policy (_reduce_value, _global_name); this file writes GLOBAL/STACK_GLOBAL, NEWOBJ(_EX)/
//    REDUCE, BUILD and the list/dict items with pickle.py's save_reduce rules.
//  - loads/load: every opcode of protocols 0 to 5 that pickle.py's Unpickler reads; find_class
//    and the protocol-0 INST/OBJ instantiation are pickle.py's module-level functions.
// pickle.py hands its globals to _init() once; the helpers are looked up there when needed.
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "interp/vm.h"
#include "runtime/bigint.h"
#include "runtime/runtime.h"
#include "stdlib/modules.h"

namespace gp {
namespace {

constexpr size_t kFrameTarget = 64 * 1024;
constexpr size_t kFrameHeader = 9;
constexpr size_t kFrameMin = 4;
constexpr int kBatch = 1000;
constexpr int kHighestProtocol = 5;
constexpr int kDefaultProtocol = 4;

enum Op : unsigned char {
  MARK = '(',
  STOP = '.',
  POP = '0',
  POP_MARK = '1',
  DUP = '2',
  FLOAT = 'F',
  INT = 'I',
  BININT = 'J',
  BININT1 = 'K',
  LONG = 'L',
  BININT2 = 'M',
  NONE = 'N',
  PERSID = 'P',
  BINPERSID = 'Q',
  REDUCE = 'R',
  STRING = 'S',
  BINSTRING = 'T',
  SHORT_BINSTRING = 'U',
  UNICODE = 'V',
  BINUNICODE = 'X',
  APPEND = 'a',
  BUILD = 'b',
  GLOBAL = 'c',
  DICT = 'd',
  EMPTY_DICT = '}',
  APPENDS = 'e',
  GET = 'g',
  BINGET = 'h',
  INST = 'i',
  LONG_BINGET = 'j',
  LIST = 'l',
  EMPTY_LIST = ']',
  OBJ = 'o',
  PUT = 'p',
  BINPUT = 'q',
  LONG_BINPUT = 'r',
  SETITEM = 's',
  TUPLE = 't',
  EMPTY_TUPLE = ')',
  SETITEMS = 'u',
  BINFLOAT = 'G',
  PROTO = 0x80,
  NEWOBJ = 0x81,
  EXT1 = 0x82,
  EXT2 = 0x83,
  EXT4 = 0x84,
  TUPLE1 = 0x85,
  TUPLE2 = 0x86,
  TUPLE3 = 0x87,
  NEWTRUE = 0x88,
  NEWFALSE = 0x89,
  LONG1 = 0x8a,
  LONG4 = 0x8b,
  BINBYTES = 'B',
  SHORT_BINBYTES = 'C',
  SHORT_BINUNICODE = 0x8c,
  BINUNICODE8 = 0x8d,
  BINBYTES8 = 0x8e,
  EMPTY_SET = 0x8f,
  ADDITEMS = 0x90,
  FROZENSET = 0x91,
  NEWOBJ_EX = 0x92,
  STACK_GLOBAL = 0x93,
  MEMOIZE = 0x94,
  FRAME = 0x95,
  BYTEARRAY8 = 0x96,
  NEXT_BUFFER = 0x97,
  READONLY_BUFFER = 0x98,
};

// ---- pickle.py's helpers ------------------------------------------------------------------------

// pickle.py's globals (set by _init), borrowed from the _pickle module's dict.
DictObject* py_globals(ThreadState* ts, Object* module) {
  Object* g = dict_get_cstr(ts, static_cast<ModuleObject*>(module)->dict, "_py_globals");
  if (!g || !is_dict(g)) {
    raise(ts, &exc::RuntimeError, "_pickle is not initialised (pickle._init not called)");
    return nullptr;
  }
  return static_cast<DictObject*>(g);
}

// A name from pickle.py's globals (borrowed); raises when missing.
Object* py_helper(ThreadState* ts, DictObject* g, const char* name) {
  Object* o = dict_get_cstr(ts, g, name);
  if (!o) raise(ts, &exc::RuntimeError, "pickle.%s is missing", name);
  return o;
}

std::nullptr_t raise_py(ThreadState* ts, DictObject* g, const char* cls, const char* fmt, ...)
    __attribute__((format(printf, 4, 5)));
std::nullptr_t raise_py(ThreadState* ts, DictObject* g, const char* cls, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  Object* type = g ? dict_get_cstr(ts, g, cls) : nullptr;
  if (!type || !is_type(type)) return raise(ts, &exc::RuntimeError, "%s", buf);
  Ref<> msg = Ref<>::steal(str_from(ts, buf));
  if (!msg) return nullptr;
  return raise_with(ts, static_cast<TypeObject*>(type), msg.get());
}

// ---- identity memo of the pickler ---------------------------------------------------------------

class MemoTable {
 public:
  MemoTable() { slots_.assign(64, Slot{nullptr, 0}); }
  ~MemoTable() {
    for (Object* o : owned_) decref(o);
  }
  // Index of o, or -1.
  int64_t find(Object* o) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash(o) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.key == o) return s.idx;
      if (!s.key) return -1;
    }
  }
  // Adds o (not present) under the next index; keeps o alive.
  uint32_t add(Object* o) {
    uint32_t idx = static_cast<uint32_t>(owned_.size());
    add_at(o, idx);
    return idx;
  }
  void add_at(Object* o, uint32_t idx) {
    if ((count_ + 1) * 3 >= slots_.size() * 2) grow();
    insert(o, idx);
    ++count_;
    incref(o);
    owned_.push_back(o);
  }
  size_t size() const { return owned_.size(); }
  const std::vector<Object*>& objects() const { return owned_; }

 private:
  struct Slot {
    Object* key;
    uint32_t idx;
  };
  static size_t hash(const Object* o) {
    uint64_t h = reinterpret_cast<uintptr_t>(o) >> 4;
    h *= 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 20);
  }
  void insert(Object* o, uint32_t idx) {
    size_t mask = slots_.size() - 1;
    size_t i = hash(o) & mask;
    while (slots_[i].key) i = (i + 1) & mask;
    slots_[i] = Slot{o, idx};
  }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, Slot{nullptr, 0});
    for (const Slot& s : old)
      if (s.key) insert(s.key, s.idx);
  }
  std::vector<Slot> slots_;
  size_t count_ = 0;
  std::vector<Object*> owned_;
};

// ---- the pickler --------------------------------------------------------------------------------

class Pickler {
 public:
  Pickler(ThreadState* ts, Object* module, int proto, bool fix_imports)
      : ts_(ts), module_(module), proto_(proto), fix_imports_(fix_imports) {
    out_.reserve(256);
  }

  MemoTable memo;

  bool dump(Object* obj) {
    out_.push_back(static_cast<char>(PROTO));
    out_.push_back(static_cast<char>(proto_));
    if (proto_ >= 4) {
      framing_ = true;
      open_frame();
    }
    if (!save(obj)) return false;
    put(STOP);
    if (framing_) commit_frame();
    return true;
  }
  const std::string& output() const { return out_; }

 private:
  ThreadState* ts_;
  Object* module_;
  DictObject* g_ = nullptr;
  int proto_;
  bool fix_imports_;
  bool framing_ = false;
  size_t frame_start_ = 0;  // offset of the reserved frame header
  std::string out_;

  DictObject* globals() {
    if (!g_) g_ = py_globals(ts_, module_);
    return g_;
  }
  Object* helper(const char* name) {
    DictObject* g = globals();
    return g ? py_helper(ts_, g, name) : nullptr;
  }

  // -- output --
  void put(unsigned char c) { out_.push_back(static_cast<char>(c)); }
  void put2(unsigned char a, unsigned char b) {
    char buf[2] = {static_cast<char>(a), static_cast<char>(b)};
    out_.append(buf, 2);
  }
  void put_le(uint64_t v, int n) {
    char buf[8];
    for (int i = 0; i < n; ++i) buf[i] = static_cast<char>((v >> (8 * i)) & 0xff);
    out_.append(buf, static_cast<size_t>(n));
  }
  void open_frame() {
    frame_start_ = out_.size();
    out_.append(kFrameHeader, '\0');
  }
  void commit_frame() {
    size_t len = out_.size() - frame_start_ - kFrameHeader;
    if (len >= kFrameMin) {
      char* h = out_.data() + frame_start_;
      h[0] = static_cast<char>(FRAME);
      for (int i = 0; i < 8; ++i) h[1 + i] = static_cast<char>((len >> (8 * i)) & 0xff);
    } else {
      out_.erase(frame_start_, kFrameHeader);
    }
  }
  // A header and its payload; payloads of 64 KiB or more go outside frames.
  void write_payload(const char* header, size_t hlen, std::string_view data) {
    if (__builtin_expect(data.size() < kFrameTarget, 1)) {
      size_t at = out_.size();
      out_.resize(at + hlen + data.size());
      std::memcpy(out_.data() + at, header, hlen);
      std::memcpy(out_.data() + at + hlen, data.data(), data.size());
      return;
    }
    if (framing_) {
      commit_frame();
      out_.append(header, hlen);
      out_.append(data);
      open_frame();
      return;
    }
    out_.append(header, hlen);
    out_.append(data);
  }

  // -- memo --
  void memoize(Object* o) {
    uint32_t idx = memo.add(o);
    write_put(idx);
  }
  void write_put(uint32_t idx) {
    if (proto_ >= 4) {
      put(MEMOIZE);
    } else if (idx < 256) {
      put2(BINPUT, static_cast<unsigned char>(idx));
    } else {
      put(LONG_BINPUT);
      put_le(idx, 4);
    }
  }
  void write_get(uint64_t idx) {
    if (idx < 256) {
      put2(BINGET, static_cast<unsigned char>(idx));
    } else {
      put(LONG_BINGET);
      put_le(idx, 4);
    }
  }

  // -- atoms --
  void save_long(Object* o) {
    auto* io = static_cast<IntObject*>(o);
    if (!io->big) {
      int64_t v = io->value;
      if (v >= 0 && v <= 0xff) {
        put2(BININT1, static_cast<unsigned char>(v));
        return;
      }
      if (v >= 0 && v <= 0xffff) {
        put(BININT2);
        put_le(static_cast<uint64_t>(v), 2);
        return;
      }
      if (v >= -0x80000000LL && v <= 0x7fffffffLL) {
        put(BININT);
        put_le(static_cast<uint64_t>(v), 4);
        return;
      }
    }
    limb_t buf;
    BigView view = int_view(o, &buf);
    // Bit length of |x|, then (bits >> 3) + 1 bytes of two's complement (CPython's LONG1 rule).
    uint64_t bits = 0;
    if (view.n) bits = (view.n - 1) * 64 + (64 - __builtin_clzll(view.d[view.n - 1]));
    size_t nbytes = static_cast<size_t>(bits >> 3) + 1;
    std::string enc(nbytes, '\0');
    for (size_t i = 0; i < nbytes; ++i) {
      size_t limb = i / 8;
      if (limb < view.n) enc[i] = static_cast<char>((view.d[limb] >> (8 * (i % 8))) & 0xff);
    }
    if (view.neg) {
      unsigned carry = 1;
      for (size_t i = 0; i < nbytes; ++i) {
        unsigned b = static_cast<unsigned char>(~static_cast<unsigned char>(enc[i])) + carry;
        enc[i] = static_cast<char>(b & 0xff);
        carry = b >> 8;
      }
      if (nbytes > 1 && static_cast<unsigned char>(enc[nbytes - 1]) == 0xff &&
          (static_cast<unsigned char>(enc[nbytes - 2]) & 0x80))
        enc.pop_back();
    }
    size_t n = enc.size();
    if (n < 256) {
      put2(LONG1, static_cast<unsigned char>(n));
    } else {
      put(LONG4);
      put_le(n, 4);
    }
    out_.append(enc);
  }

  void save_float(Object* o) {
    double d = float_value(o);
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    char buf[9];
    buf[0] = static_cast<char>(BINFLOAT);
    for (int i = 0; i < 8; ++i) buf[1 + i] = static_cast<char>((bits >> (56 - 8 * i)) & 0xff);
    out_.append(buf, 9);
  }

  void save_str(Object* o) {
    std::string_view s = str_view(o);
    size_t n = s.size();
    char h[9];
    size_t hl;
    if (n <= 0xff && proto_ >= 4) {
      h[0] = static_cast<char>(SHORT_BINUNICODE);
      h[1] = static_cast<char>(n);
      hl = 2;
    } else if (n > 0xffffffffull && proto_ >= 4) {
      h[0] = static_cast<char>(BINUNICODE8);
      for (int i = 0; i < 8; ++i) h[1 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
      hl = 9;
    } else {
      h[0] = static_cast<char>(BINUNICODE);
      for (int i = 0; i < 4; ++i) h[1 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
      hl = 5;
    }
    write_payload(h, hl, s);
    memoize(o);
  }

  bool save_bytes(Object* o) {
    std::string_view b = bytes_view(o);
    if (proto_ < 3) {
      if (b.empty()) {
        Ref<TupleObject> args = Ref<TupleObject>::steal(tuple_new(ts_, 0));
        return args &&
               save_reduce_parts(&BytesType, args.get(), nullptr, nullptr, nullptr, nullptr, o);
      }
      StrBuilder sb;
      sb.reserve(b.size() * 2);
      for (unsigned char c : b) sb.append_cp(c);
      Ref<> text = Ref<>::steal(sb.build(ts_));
      if (!text) return false;
      Ref<> enc = Ref<>::steal(intern(ts_, "latin1"));
      if (!enc) return false;
      Ref<TupleObject> args = Ref<TupleObject>::steal(tuple_pack(ts_, {text.get(), enc.get()}));
      Object* func = helper("_codecs_encode");
      if (!args || !func) return false;
      return save_reduce_parts(func, args.get(), nullptr, nullptr, nullptr, nullptr, o);
    }
    size_t n = b.size();
    char h[9];
    size_t hl;
    if (n <= 0xff) {
      h[0] = static_cast<char>(SHORT_BINBYTES);
      h[1] = static_cast<char>(n);
      hl = 2;
    } else if (n > 0xffffffffull && proto_ >= 4) {
      h[0] = static_cast<char>(BINBYTES8);
      for (int i = 0; i < 8; ++i) h[1 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
      hl = 9;
    } else {
      h[0] = static_cast<char>(BINBYTES);
      for (int i = 0; i < 4; ++i) h[1 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
      hl = 5;
    }
    write_payload(h, hl, b);
    memoize(o);
    return true;
  }

  bool save_bytearray(Object* o) {
    auto* ba = static_cast<ByteArrayObject*>(o);
    std::string_view data(ba->data ? ba->data : "", static_cast<size_t>(ba->size));
    if (proto_ < 5) {
      // CPython's reduction: (bytearray, ()) when empty, else (bytearray, (bytes(obj),))
      Ref<> b = Ref<>::steal(bytes_from(ts_, data));
      if (!b) return false;
      Ref<TupleObject> args =
          Ref<TupleObject>::steal(data.empty() ? tuple_new(ts_, 0) : tuple_pack(ts_, {b.get()}));
      if (!args) return false;
      return save_reduce_parts(&ByteArrayType, args.get(), nullptr, nullptr, nullptr, nullptr, o);
    }
    std::string copy(data);  // the payload may be resized by code run while memoizing (never)
    char h[9];
    h[0] = static_cast<char>(BYTEARRAY8);
    for (int i = 0; i < 8; ++i) h[1 + i] = static_cast<char>((copy.size() >> (8 * i)) & 0xff);
    write_payload(h, 9, copy);
    memoize(o);
    return true;
  }

  // -- containers --
  bool save_tuple(Object* o) {
    ssize n = tuple_size(o);
    if (n == 0) {
      put(EMPTY_TUPLE);
      return true;
    }
    if (n <= 3) {
      for (ssize i = 0; i < n; ++i)
        if (!save(tuple_item(o, i))) return false;
      int64_t idx = memo.find(o);
      if (idx >= 0) {  // a recursive tuple: its items are dropped for the memoized copy
        for (ssize i = 0; i < n; ++i) put(POP);
        write_get(static_cast<uint64_t>(idx));
        return true;
      }
      put(static_cast<unsigned char>(TUPLE1 + (n - 1)));
      memoize(o);
      return true;
    }
    put(MARK);
    for (ssize i = 0; i < n; ++i)
      if (!save(tuple_item(o, i))) return false;
    int64_t idx = memo.find(o);
    if (idx >= 0) {
      put(POP_MARK);
      write_get(static_cast<uint64_t>(idx));
      return true;
    }
    put(TUPLE);
    memoize(o);
    return true;
  }

  bool save_list(Object* o) {
    put(EMPTY_LIST);
    memoize(o);
    auto* l = static_cast<ListObject*>(o);
    if (l->size == 0) return true;
    if (l->size == 1) {
      Ref<> item = Ref<>::borrow(l->items[0]);
      if (!save(item.get())) return false;
      put(APPEND);
      return true;
    }
    ssize total = 0;
    do {
      int batch = 0;
      put(MARK);
      while (total < l->size) {
        Ref<> item = Ref<>::borrow(l->items[total]);
        if (!save(item.get())) return false;
        ++total;
        if (++batch == kBatch) break;
      }
      put(APPENDS);
    } while (total < l->size);
    return true;
  }

  bool save_dict(Object* o) {
    put(EMPTY_DICT);
    memoize(o);
    auto* d = static_cast<DictObject*>(o);
    ssize size = d->used;
    if (size == 0) return true;
    ssize pos = 0;
    Object *k, *v;
    if (size == 1) {
      if (!dict_next(d, &pos, &k, &v)) return true;
      Ref<> key = Ref<>::borrow(k), value = Ref<>::borrow(v);
      if (!save(key.get()) || !save(value.get())) return false;
      put(SETITEM);
      return true;
    }
    int batch;
    do {
      batch = 0;
      put(MARK);
      while (dict_next(d, &pos, &k, &v)) {
        Ref<> key = Ref<>::borrow(k), value = Ref<>::borrow(v);
        if (!save(key.get()) || !save(value.get())) return false;
        if (d->used != size) {
          raise(ts_, &exc::RuntimeError, "dictionary changed size during iteration");
          return false;
        }
        if (++batch == kBatch) break;
      }
      put(SETITEMS);
      if (d->used != size) {
        raise(ts_, &exc::RuntimeError, "dictionary changed size during iteration");
        return false;
      }
    } while (batch == kBatch);
    return true;
  }

  // The items of a set, each referenced (the set may change while they are pickled).
  static void set_items(SetObject* s, std::vector<Ref<>>* out) {
    out->reserve(static_cast<size_t>(s->used));
    ssize pos = 0;
    Object* k;
    while (set_next(s, &pos, &k)) out->push_back(Ref<>::borrow(k));
  }

  bool save_set(Object* o) {
    auto* s = static_cast<SetObject*>(o);
    std::vector<Ref<>> items;
    set_items(s, &items);
    if (proto_ < 4) {
      Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts_, static_cast<ssize>(items.size())));
      if (!l) return false;
      for (auto& it : items)
        if (!list_append(ts_, l.get(), it.get())) return false;
      Ref<TupleObject> args = Ref<TupleObject>::steal(tuple_pack(ts_, {l.get()}));
      if (!args) return false;
      return save_reduce_parts(&SetType, args.get(), nullptr, nullptr, nullptr, nullptr, o);
    }
    put(EMPTY_SET);
    memoize(o);
    if (items.empty()) return true;
    size_t i = 0;
    int batch;
    do {
      batch = 0;
      put(MARK);
      while (i < items.size()) {
        if (!save(items[i++].get())) return false;
        if (++batch == kBatch) break;
      }
      put(ADDITEMS);
      if (s->used != static_cast<ssize>(items.size())) {
        raise(ts_, &exc::RuntimeError, "set changed size during iteration");
        return false;
      }
    } while (batch == kBatch);
    return true;
  }

  bool save_frozenset(Object* o) {
    std::vector<Ref<>> items;
    set_items(static_cast<SetObject*>(o), &items);
    if (proto_ < 4) {
      Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts_, static_cast<ssize>(items.size())));
      if (!l) return false;
      for (auto& it : items)
        if (!list_append(ts_, l.get(), it.get())) return false;
      Ref<TupleObject> args = Ref<TupleObject>::steal(tuple_pack(ts_, {l.get()}));
      if (!args) return false;
      return save_reduce_parts(&FrozenSetType, args.get(), nullptr, nullptr, nullptr, nullptr, o);
    }
    put(MARK);
    for (auto& it : items)
      if (!save(it.get())) return false;
    int64_t idx = memo.find(o);
    if (idx >= 0) {
      put(POP_MARK);
      write_get(static_cast<uint64_t>(idx));
      return true;
    }
    put(FROZENSET);
    memoize(o);
    return true;
  }

  // -- globals and reductions --
  bool save_global(Object* o, Object* name) {
    Object* fn = helper("_global_name");
    if (!fn) return false;
    Ref<> proto = Ref<>::steal(int_from(ts_, proto_));
    Object* args[4] = {o, name ? name : none(), proto.get(), py_bool(fix_imports_)};
    Ref<> r = Ref<>::steal(call(ts_, fn, args, 4));
    if (!r) return false;
    if (!is_tuple(r.get()) || tuple_size(r.get()) != 2 || !is_str(tuple_item(r.get(), 0)) ||
        !is_str(tuple_item(r.get(), 1))) {
      raise(ts_, &exc::TypeError, "pickle._global_name must return (module, name)");
      return false;
    }
    Object* mod = tuple_item(r.get(), 0);
    Object* qual = tuple_item(r.get(), 1);
    if (proto_ >= 4) {
      if (!save(mod) || !save(qual)) return false;
      put(STACK_GLOBAL);
    } else {
      put(GLOBAL);
      out_.append(str_view(mod));
      out_.push_back('\n');
      out_.append(str_view(qual));
      out_.push_back('\n');
    }
    // Saving the names may have memoized o already (never for well-behaved names).
    if (memo.find(o) < 0) memoize(o);
    return true;
  }

  bool save_type(Object* o) {
    Object* singleton = nullptr;
    if (o == &NoneType)
      singleton = none();
    else if (o == &NotImplementedType)
      singleton = not_implemented();
    else if (o == &EllipsisType)
      singleton = &EllipsisObject;
    if (singleton) {
      Ref<TupleObject> args = Ref<TupleObject>::steal(tuple_pack(ts_, {singleton}));
      if (!args) return false;
      return save_reduce_parts(&TypeType, args.get(), nullptr, nullptr, nullptr, nullptr, o);
    }
    return save_global(o, nullptr);
  }

  bool save_reduce_value(Object* o, Object* rv) {
    if (is_str(rv)) return save_global(o, rv);
    if (!is_tuple(rv)) {
      raise_py(ts_, globals(), "PicklingError", "%s must return a string or tuple", "__reduce__");
      return false;
    }
    ssize n = tuple_size(rv);
    if (n < 2 || n > 6) {
      raise_py(ts_, globals(), "PicklingError",
               "tuple returned by %s must contain 2 through 6 elements", "__reduce__");
      return false;
    }
    auto item = [&](ssize i) -> Object* {
      if (i >= n) return nullptr;
      Object* x = tuple_item(rv, i);
      return is_none(x) ? nullptr : x;
    };
    return save_reduce_parts(tuple_item(rv, 0), tuple_item(rv, 1), item(2), item(3), item(4),
                             item(5), o);
  }

  // pickle.py's save_reduce (absent parts are nullptr).
  bool save_reduce_parts(Object* func, Object* args, Object* state, Object* listitems,
                         Object* dictitems, Object* state_setter, Object* obj) {
    if (!is_tuple(args)) {
      raise_py(ts_, globals(), "PicklingError",
               "second item of the tuple returned by __reduce__ must be a tuple");
      return false;
    }
    if (!is_callable(func)) {
      raise_py(ts_, globals(), "PicklingError",
               "first item of the tuple returned by __reduce__ must be callable");
      return false;
    }
    DictObject* g = globals();
    if (!g) return false;
    Object* newobj = dict_get_cstr(ts_, g, "__newobj__");
    Object* newobj_ex = dict_get_cstr(ts_, g, "__newobj_ex__");
    bool is_newobj = func == newobj, is_newobj_ex = func == newobj_ex;
    if (!is_newobj && !is_newobj_ex && !is_type(func)) {
      Ref<> fname = Ref<>::steal(getattr_opt(ts_, func, names.__name__));
      if (!fname && exc_occurred(ts_)) return false;
      if (fname && is_str(fname.get())) {
        if (proto_ >= 4 && str_eq(fname.get(), "__newobj_ex__"))
          is_newobj_ex = true;
        else if (str_eq(fname.get(), "__newobj__"))
          is_newobj = true;
      }
    }
    if (is_newobj_ex) {
      if (tuple_size(args) != 3) {
        raise(ts_, &exc::ValueError, "%s values to unpack (expected 3, got %zd)",
              tuple_size(args) < 3 ? "not enough" : "too many", tuple_size(args));
        return false;
      }
      if (!save(tuple_item(args, 0)) || !save(tuple_item(args, 1)) || !save(tuple_item(args, 2)))
        return false;
      put(NEWOBJ_EX);
    } else if (is_newobj) {
      if (tuple_size(args) < 1) {
        raise(ts_, &exc::IndexError, "tuple index out of range");
        return false;
      }
      Object* cls = tuple_item(args, 0);
      Ref<> has_new = Ref<>::steal(getattr_opt(ts_, cls, names.__new__));
      if (!has_new) {
        if (exc_occurred(ts_)) return false;
        raise_py(ts_, g, "PicklingError", "args[0] from __newobj__ args has no __new__");
        return false;
      }
      if (!save(cls)) return false;
      Ref<TupleObject> rest = Ref<TupleObject>::steal(
          tuple_slice(ts_, static_cast<TupleObject*>(args), 1, tuple_size(args)));
      if (!rest || !save(rest.get())) return false;
      put(NEWOBJ);
    } else {
      if (!save(func) || !save(args)) return false;
      put(REDUCE);
    }
    if (obj) {
      int64_t idx = memo.find(obj);
      if (idx >= 0) {
        put(POP);
        write_get(static_cast<uint64_t>(idx));
      } else {
        memoize(obj);
      }
    }
    if (listitems && !batch_appends(listitems)) return false;
    if (dictitems && !batch_setitems(dictitems)) return false;
    if (state) {
      if (!state_setter) {
        if (!save(state)) return false;
        put(BUILD);
      } else {
        if (!save(state_setter) || !save(obj ? obj : none()) || !save(state)) return false;
        put(TUPLE2);
        put(REDUCE);
        put(POP);
      }
    }
    return true;
  }

  // Items of an iterator in batches: one APPEND for a lone item, else MARK ... APPENDS.
  bool batch_appends(Object* items) {
    Ref<> it = Ref<>::steal(get_iter(ts_, items));
    if (!it) return false;
    for (;;) {
      Ref<> first = Ref<>::steal(iter_next(ts_, it.get()));
      if (!first) return !exc_occurred(ts_);
      Ref<> second = Ref<>::steal(iter_next(ts_, it.get()));
      if (!second) {
        if (exc_occurred(ts_)) return false;
        if (!save(first.get())) return false;
        put(APPEND);
        return true;
      }
      put(MARK);
      if (!save(first.get())) return false;
      int n = 1;
      Ref<> x = std::move(second);
      while (x) {
        if (!save(x.get())) return false;
        if (++n == kBatch) break;
        x = Ref<>::steal(iter_next(ts_, it.get()));
        if (!x && exc_occurred(ts_)) return false;
      }
      put(APPENDS);
      if (n < kBatch) return true;
    }
  }

  bool save_pair(Object* item) {
    if (!is_tuple(item) || tuple_size(item) != 2) {
      raise(ts_, &exc::TypeError, "dict items iterator must return 2-tuples");
      return false;
    }
    return save(tuple_item(item, 0)) && save(tuple_item(item, 1));
  }

  bool batch_setitems(Object* items) {
    Ref<> it = Ref<>::steal(get_iter(ts_, items));
    if (!it) return false;
    for (;;) {
      Ref<> first = Ref<>::steal(iter_next(ts_, it.get()));
      if (!first) return !exc_occurred(ts_);
      Ref<> second = Ref<>::steal(iter_next(ts_, it.get()));
      if (!second) {
        if (exc_occurred(ts_)) return false;
        if (!save_pair(first.get())) return false;
        put(SETITEM);
        return true;
      }
      put(MARK);
      if (!save_pair(first.get())) return false;
      int n = 1;
      Ref<> x = std::move(second);
      while (x) {
        if (!save_pair(x.get())) return false;
        if (++n == kBatch) break;
        x = Ref<>::steal(iter_next(ts_, it.get()));
        if (!x && exc_occurred(ts_)) return false;
      }
      put(SETITEMS);
      if (n < kBatch) return true;
    }
  }

  // True for a class whose instances _reduce_value would give pickle.py's default reduction
  // with no __getnewargs(_ex)__ and the __dict__ as state: Python classes all the way down to
  // object, no __reduce_ex__/__reduce__/__getstate__/__getattr__ of their own, the plain
  // metaclass.
  static bool plain_instance_type(TypeObject* t) {
    if (t->type != &TypeType || (t->flags & kBaseExcSubclass) || !t->mro) return false;
    ssize n = tuple_size(t->mro);
    if (n < 2 || tuple_item(t->mro, n - 1) != &ObjectType) return false;
    for (ssize i = 0; i < n - 1; ++i) {
      auto* c = static_cast<TypeObject*>(tuple_item(t->mro, i));
      if (!(c->flags & kHeapType) || (c->flags & kImmutableType)) return false;
    }
    return type_lookup(t, names.__reduce_ex__) == type_lookup(&ObjectType, names.__reduce_ex__) &&
           type_lookup(t, names.__reduce__) == type_lookup(&ObjectType, names.__reduce__) &&
           type_lookup(t, names.__getstate__) == type_lookup(&ObjectType, names.__getstate__) &&
           !type_lookup(t, names.__getnewargs_ex__) && !type_lookup(t, names.__getnewargs__) &&
           !type_lookup(t, names.__getattr__) &&
           type_lookup(t, names.__getattribute__) ==
               type_lookup(&ObjectType, names.__getattribute__);
  }

  // pickle.py's default reduction of such an instance, (__newobj__, (cls,), __dict__ or None),
  // written without the round trip through Python.
  bool save_plain_instance(Object* o) {
    Object** dp = instance_dict_slot(o);
    Ref<> state;
    if (dp && *dp) {
      if (!is_dict_exact(*dp)) return save_reduce_default(o);
      if (static_cast<DictObject*>(*dp)->used) state = Ref<>::borrow(*dp);
    }
    if (!save(o->type)) return false;
    put(EMPTY_TUPLE);
    put(NEWOBJ);
    int64_t idx = memo.find(o);
    if (idx >= 0) {
      put(POP);
      write_get(static_cast<uint64_t>(idx));
    } else {
      memoize(o);
    }
    if (state) {
      if (!save(state.get())) return false;
      put(BUILD);
    }
    return true;
  }

  bool save_reduce_default(Object* o) {
    Object* fn = helper("_reduce_value");
    if (!fn) return false;
    Ref<> proto = Ref<>::steal(int_from(ts_, proto_));
    Ref<> rv = Ref<>::steal(call2(ts_, fn, o, proto.get()));
    if (!rv) return false;
    return save_reduce_value(o, rv.get());
  }

  bool save_other(Object* o) {
    TypeObject* t = o->type;
    if (t == &DictType) return save_dict(o);
    if (t == &ListType) return save_list(o);
    if (t == &TupleType) return save_tuple(o);
    if (t == &SetType) return save_set(o);
    if (t == &FrozenSetType) return save_frozenset(o);
    if (t == &ByteArrayType) return save_bytearray(o);
    if (t == &TypeType) return save_type(o);
    if (o == &EllipsisObject || o == &NotImplementedObject) {
      Ref<> name =
          Ref<>::steal(str_from(ts_, o == &EllipsisObject ? "Ellipsis" : "NotImplemented"));
      return name && save_global(o, name.get());
    }
    if (is_type(o)) return save_global(o, nullptr);
    if ((t->flags & kHeapType) && plain_instance_type(t)) return save_plain_instance(o);
    Object* fn = helper("_reduce_value");
    if (!fn) return false;
    Ref<> proto = Ref<>::steal(int_from(ts_, proto_));
    Ref<> rv = Ref<>::steal(call2(ts_, fn, o, proto.get()));
    if (!rv) return false;
    return save_reduce_value(o, rv.get());
  }

 public:
  bool save(Object* o) {
    if (framing_ && out_.size() - frame_start_ - kFrameHeader >= kFrameTarget) {
      commit_frame();
      open_frame();
    }
    TypeObject* t = o->type;
    if (o == &NoneObject) {
      put(NONE);
      return true;
    }
    if (t == &BoolType) {
      put(o == &TrueObject ? NEWTRUE : NEWFALSE);
      return true;
    }
    if (t == &IntType) {
      save_long(o);
      return true;
    }
    if (t == &FloatType) {
      save_float(o);
      return true;
    }
    int64_t idx = memo.find(o);
    if (idx >= 0) {
      write_get(static_cast<uint64_t>(idx));
      return true;
    }
    if (t == &StrType) {
      save_str(o);
      return true;
    }
    if (t == &BytesType) return save_bytes(o);
    if (!vm_enter_recursive_call(ts_, " while pickling an object")) return false;
    bool ok = save_other(o);
    vm_leave_recursive_call(ts_);
    return ok;
  }
};

// parse_args with a fast path for positional arguments (pickle.py's wrappers pass them so).
bool bind_args(ThreadState* ts, const char* fname, Object* const* args, size_t nargs,
               TupleObject* kw, std::initializer_list<const char*> names, size_t required,
               Object** out) {
  if (!kw && nargs >= required && nargs <= names.size()) {
    for (size_t i = 0; i < names.size(); ++i) out[i] = i < nargs ? args[i] : nullptr;
    return true;
  }
  return parse_args(ts, fname, args, nargs, kw, names, required, out);
}

bool parse_protocol(ThreadState* ts, Object* o, int* out) {
  if (!o || is_none(o)) {
    *out = kDefaultProtocol;
    return true;
  }
  ssize p;
  if (!int_as_ssize(ts, o, &p)) return false;
  if (p < 0)
    p = kHighestProtocol;
  else if (p > kHighestProtocol)
    return raise(ts, &exc::ValueError, "pickle protocol must be <= %d", kHighestProtocol), false;
  if (p < 2) p = 2;  // gilpy writes protocols 2 to 5
  *out = static_cast<int>(p);
  return true;
}

// Adds the pickler's memo to a pickle.py-style memo dict {id(obj): (index, obj)}.
bool export_pickler_memo(ThreadState* ts, const MemoTable& memo, Object* dict) {
  const auto& objs = memo.objects();
  for (size_t i = 0; i < objs.size(); ++i) {
    Ref<> id = Ref<>::steal(int_from_u64(ts, reinterpret_cast<uintptr_t>(objs[i])));
    Ref<> idx = Ref<>::steal(int_from(ts, static_cast<int64_t>(i)));
    if (!id || !idx) return false;
    Ref<TupleObject> pair = Ref<TupleObject>::steal(tuple_pack(ts, {idx.get(), objs[i]}));
    if (!pair || !setitem(ts, dict, id.get(), pair.get())) return false;
  }
  return true;
}

// dumps(obj, protocol=None, fix_imports=True, memo=None)
Object* pk_dumps(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  Object* a[4];
  if (!bind_args(ts, "dumps", args, nargs, kw, {"obj", "protocol", "fix_imports", "memo"}, 1, a))
    return nullptr;
  int proto;
  if (!parse_protocol(ts, a[1], &proto)) return nullptr;
  int fix = a[2] ? truthy(ts, a[2]) : 1;
  if (fix < 0) return nullptr;
  Pickler p(ts, self, proto, fix != 0);
  if (!p.dump(a[0])) return nullptr;
  if (a[3] && !is_none(a[3]) && !export_pickler_memo(ts, p.memo, a[3])) return nullptr;
  return bytes_from(ts, p.output());
}

// dump(obj, file, protocol=None, fix_imports=True, memo=None)
Object* pk_dump(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[5];
  if (!bind_args(ts, "dump", args, nargs, kw, {"obj", "file", "protocol", "fix_imports", "memo"}, 2,
                 a))
    return nullptr;
  Ref<> write = Ref<>::steal(getattr(ts, a[1], names.write));
  if (!write) {
    if (exc_matches(ts, &exc::AttributeError)) {
      clear_exc(ts);
      return raise(ts, &exc::TypeError, "file must have a 'write' attribute");
    }
    return nullptr;
  }
  int proto;
  if (!parse_protocol(ts, a[2], &proto)) return nullptr;
  int fix = a[3] ? truthy(ts, a[3]) : 1;
  if (fix < 0) return nullptr;
  Pickler p(ts, self, proto, fix != 0);
  if (!p.dump(a[0])) return nullptr;
  if (a[4] && !is_none(a[4]) && !export_pickler_memo(ts, p.memo, a[4])) return nullptr;
  Ref<> data = Ref<>::steal(bytes_from(ts, p.output()));
  if (!data) return nullptr;
  Ref<> r = Ref<>::steal(call1(ts, write.get(), data.get()));
  if (!r) return nullptr;
  return new_none();
}

// ---- the unpickler ------------------------------------------------------------------------------

// Counts the code points of UTF-8 that may hold surrogates (as 'surrogatepass' decodes); false
// when the bytes are not valid.
bool utf8_surrogatepass_length(std::string_view s, ssize* length, bool* ascii) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  ssize n = 0;
  bool asc = true;
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (end - p < 2 || (p[1] & 0xC0) != 0x80) return false;
      p += 2;
      asc = false;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
      if (c == 0xE0 && p[1] < 0xA0) return false;  // overlong
      p += 3;
      asc = false;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return false;
      if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)) return false;
      p += 4;
      asc = false;
    } else {
      return false;
    }
    ++n;
  }
  *length = n;
  *ascii = asc;
  return true;
}

Object* decode_utf8_pass(ThreadState* ts, std::string_view s) {
  ssize len;
  bool ascii;
  if (utf8_surrogatepass_length(s, &len, &ascii)) return str_from_known(ts, s, len, ascii);
  return str_decode_utf8(ts, s, "strict");  // raises the UnicodeDecodeError
}

int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// 'raw-unicode-escape' decoding (the UNICODE opcode of protocol 0).
Object* decode_raw_unicode_escape(ThreadState* ts, std::string_view s) {
  StrBuilder sb;
  sb.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c != '\\') {
      sb.append_cp(c);
      ++i;
      continue;
    }
    // A run of backslashes: only an odd-length run escapes a following u/U.
    size_t j = i;
    while (j < s.size() && s[j] == '\\') ++j;
    size_t run = j - i;
    for (size_t k = 0; k + 1 < run; ++k) sb.append_cp('\\');
    i = j - 1;
    bool odd = run % 2 == 1;
    if (!odd || j >= s.size() || (s[j] != 'u' && s[j] != 'U')) {
      sb.append_cp('\\');
      ++i;
      continue;
    }
    int digits = s[j] == 'u' ? 4 : 8;
    if (j + 1 + digits > s.size())
      return raise(ts, &exc::UnicodeDecodeError,
                   "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX");
    uint32_t cp = 0;
    for (int k = 0; k < digits; ++k) {
      int h = hexval(static_cast<unsigned char>(s[j + 1 + k]));
      if (h < 0)
        return raise(ts, &exc::UnicodeDecodeError,
                     "'rawunicodeescape' codec can't decode bytes: truncated \\uXXXX");
      cp = cp * 16 + static_cast<uint32_t>(h);
    }
    if (cp > 0x10FFFF)
      return raise(ts, &exc::UnicodeDecodeError,
                   "'rawunicodeescape' codec can't decode bytes: \\Uxxxxxxxx out of range");
    sb.append_cp(cp);
    i = j + 1 + digits;
  }
  return sb.build(ts);
}

// The escapes of a bytes literal (the STRING opcode's argument): \\ \' \" \a \b \f \n \r
// \t \v \xhh \ooo and backslash-newline; other backslashes stay.
bool unescape_bytes(ThreadState* ts, std::string_view s, std::string* out) {
  out->reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      if (c == '\\') return raise(ts, &exc::ValueError, "Trailing \\ in string"), false;
      out->push_back(c);
      continue;
    }
    char e = s[++i];
    switch (e) {
      case '\n':
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '\'':
        out->push_back('\'');
        break;
      case '"':
        out->push_back('"');
        break;
      case 'a':
        out->push_back('\a');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'v':
        out->push_back('\v');
        break;
      case 'x': {
        int h1 = i + 1 < s.size() ? hexval(static_cast<unsigned char>(s[i + 1])) : -1;
        int h2 = i + 2 < s.size() ? hexval(static_cast<unsigned char>(s[i + 2])) : -1;
        if (h1 < 0 || h2 < 0)
          return raise(ts, &exc::ValueError, "invalid \\x escape at position %zu", i - 1), false;
        out->push_back(static_cast<char>(h1 * 16 + h2));
        i += 2;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0';
          for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k)
            v = v * 8 + (s[++i] - '0');
          out->push_back(static_cast<char>(v & 0xff));
        } else {
          out->push_back('\\');
          out->push_back(e);
        }
    }
  }
  return true;
}

Object* decode_long_bytes(ThreadState* ts, const unsigned char* p, size_t n) {
  if (n == 0) return int_from(ts, 0);
  bool neg = p[n - 1] & 0x80;
  if (n <= 8) {
    uint64_t v = neg ? ~0ull : 0;
    for (size_t i = 0; i < n; ++i) {
      v &= ~(0xffull << (8 * i));
      v |= static_cast<uint64_t>(p[i]) << (8 * i);
    }
    return int_from(ts, static_cast<int64_t>(v));
  }
  BigInt b;
  b.mag.assign((n + 7) / 8, 0);
  for (size_t i = 0; i < n; ++i) b.mag[i / 8] |= static_cast<uint64_t>(p[i]) << (8 * (i % 8));
  if (neg) {
    // Sign-extend the top limb, then negate the two's complement value to get the magnitude.
    size_t top_bytes = n % 8;
    if (top_bytes) b.mag.back() |= ~0ull << (8 * top_bytes);
    unsigned __int128 carry = 1;
    for (auto& limb : b.mag) {
      unsigned __int128 x = static_cast<unsigned __int128>(~limb) + carry;
      limb = static_cast<uint64_t>(x);
      carry = x >> 64;
    }
    b.neg = true;
  }
  b.normalize();
  return int_from_bigint(ts, std::move(b));
}

class Unpickler {
 public:
  Unpickler(ThreadState* ts, Object* module) : ts_(ts), module_(module) {
    stack_.reserve(32);
    marks_.reserve(8);
  }
  ~Unpickler() {
    for (Object* o : stack_) decref(o);
    for (Object* o : memo_) xdecref(o);
  }

  // Input: a whole buffer, or a file read exactly as far as the pickle goes.
  void set_buffer(std::string_view data) {
    p_ = data.data();
    end_ = p_ + data.size();
    start_ = p_;
  }
  bool set_file(Object* file) {
    read_ = Ref<>::steal(getattr(ts_, file, names.read));
    if (!read_) return false;
    readline_ = Ref<>::steal(getattr(ts_, file, names.readline));
    if (!readline_) return false;
    p_ = end_ = start_ = nullptr;
    return true;
  }
  size_t consumed() const { return static_cast<size_t>(p_ - start_); }

  std::string encoding = "ASCII";
  std::string errors = "strict";
  bool fix_imports = true;
  Ref<> buffers;  // iterator or null

  bool import_memo(Object* d) {
    if (!is_dict(d)) return true;
    ssize pos = 0;
    Object *k, *v;
    while (dict_next(static_cast<DictObject*>(d), &pos, &k, &v)) {
      ssize idx;
      if (!int_as_ssize(ts_, k, &idx)) return false;
      if (idx < 0) continue;
      if (!memo_put(static_cast<uint64_t>(idx), v)) return false;
    }
    return true;
  }
  bool export_memo(Object* d) {
    for (size_t i = 0; i < memo_.size(); ++i) {
      if (!memo_[i]) continue;
      Ref<> idx = Ref<>::steal(int_from(ts_, static_cast<int64_t>(i)));
      if (!idx || !setitem(ts_, d, idx.get(), memo_[i])) return false;
    }
    return true;
  }

  Object* load();

 private:
  ThreadState* ts_;
  Object* module_;
  DictObject* g_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  const char* start_ = nullptr;
  Ref<> read_, readline_;
  std::string own_;  // file mode: bytes read for the current opcode
  std::vector<Object*> stack_;
  std::vector<size_t> marks_;
  std::vector<Object*> memo_;
  size_t memo_count_ = 0;
  int proto_ = 0;

  DictObject* globals() {
    if (!g_) g_ = py_globals(ts_, module_);
    return g_;
  }
  std::nullptr_t error(const char* fmt, ...) __attribute__((format(printf, 2, 3))) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return raise_py(ts_, globals(), "UnpicklingError", "%s", buf);
  }

  // -- input --
  // Makes n bytes available at p_.
  bool need(size_t n) {
    if (__builtin_expect(static_cast<size_t>(end_ - p_) >= n, 1)) return true;
    return need_slow(n);
  }
  __attribute__((noinline)) bool need_slow(size_t n) {
    if (!read_) {
      error("pickle data was truncated");
      return false;
    }
    std::string rest(p_, end_);
    Ref<> size = Ref<>::steal(int_from(ts_, static_cast<int64_t>(n - rest.size())));
    if (!size) return false;
    Ref<> data = Ref<>::steal(call1(ts_, read_.get(), size.get()));
    if (!data) return false;
    std::string_view v;
    if (!buffer_view(ts_, data.get(), &v)) return false;
    own_ = std::move(rest);
    own_.append(v);
    p_ = start_ = own_.data();
    end_ = p_ + own_.size();
    if (own_.size() < n) {
      error("pickle data was truncated");
      return false;
    }
    return true;
  }
  bool read(size_t n, const unsigned char** out) {
    if (!need(n)) return false;
    *out = reinterpret_cast<const unsigned char*>(p_);
    p_ += n;
    return true;
  }
  // A line without its '\n'.
  bool readline(std::string_view* out) {
    const void* nl = p_ < end_ ? std::memchr(p_, '\n', static_cast<size_t>(end_ - p_)) : nullptr;
    if (nl) {
      const char* e = static_cast<const char*>(nl);
      *out = std::string_view(p_, static_cast<size_t>(e - p_));
      p_ = e + 1;
      return true;
    }
    if (!readline_) {
      error("pickle data was truncated");
      return false;
    }
    std::string rest(p_, end_);
    Ref<> data = Ref<>::steal(call0(ts_, readline_.get()));
    if (!data) return false;
    std::string_view v;
    if (!buffer_view(ts_, data.get(), &v)) return false;
    own_ = std::move(rest);
    own_.append(v);
    p_ = start_ = own_.data();
    end_ = p_ + own_.size();
    if (own_.empty() || own_.back() != '\n') {
      error("pickle data was truncated");
      return false;
    }
    *out = std::string_view(own_.data(), own_.size() - 1);
    p_ = end_;
    return true;
  }
  static uint64_t le(const unsigned char* p, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
    return v;
  }

  // -- stack --
  size_t fence() const { return marks_.empty() ? 0 : marks_.back(); }
  bool push(Object* o) {  // steals o; nullptr is an error passed through
    if (!o) return false;
    stack_.push_back(o);
    return true;
  }
  bool underflow() {
    error("unpickling stack underflow");
    return false;
  }
  Object* pop() {  // new reference or nullptr (underflow raised)
    if (stack_.size() <= fence()) {
      underflow();
      return nullptr;
    }
    Object* o = stack_.back();
    stack_.pop_back();
    return o;
  }
  Object* top() {  // borrowed or nullptr (underflow raised)
    if (stack_.size() <= fence()) {
      underflow();
      return nullptr;
    }
    return stack_.back();
  }
  // Pops back to the last mark; *start is where the items begin in stack_ (caller pops them).
  bool pop_mark(size_t* start) {
    if (marks_.empty()) {
      error("could not find MARK");
      return false;
    }
    *start = marks_.back();
    marks_.pop_back();
    return true;
  }
  void drop_from(size_t start) {
    while (stack_.size() > start) {
      decref(stack_.back());
      stack_.pop_back();
    }
  }

  // -- memo --
  bool memo_put(uint64_t idx, Object* o) {
    if (idx >= (1ull << 31)) {
      raise(ts_, &exc::MemoryError, "memo index too large");
      return false;
    }
    if (idx >= memo_.size()) memo_.resize(std::max<size_t>(idx + 1, memo_.size() * 2), nullptr);
    if (!memo_[idx]) ++memo_count_;
    incref(o);
    setref(memo_[idx], o);
    return true;
  }
  bool memo_get(uint64_t idx) {
    if (idx >= memo_.size() || !memo_[idx]) {
      error("Memo value not found at index %llu", static_cast<unsigned long long>(idx));
      return false;
    }
    stack_.push_back(newref(memo_[idx]));
    return true;
  }

  // -- helpers --
  Object* find_class(Object* module, Object* name) {
    DictObject* g = globals();
    if (!g) return nullptr;
    Object* fn = py_helper(ts_, g, "_find_class");
    if (!fn) return nullptr;
    Ref<> proto = Ref<>::steal(int_from(ts_, proto_));
    Object* args[4] = {module, name, proto.get(), py_bool(fix_imports)};
    return call(ts_, fn, args, 4);
  }
  Object* decode_string(std::string_view data) {
    if (encoding == "bytes") return bytes_from(ts_, data);
    return str_decode(ts_, data, encoding.c_str(), errors.c_str());
  }
  bool load_text_int(bool is_long);
  bool load_build();
  bool instantiate(Object* klass, size_t start, size_t first);
  bool load_global();
  bool load_string();
};

bool Unpickler::load_text_int(bool is_long) {
  std::string_view line;
  if (!readline(&line)) return false;
  if (!is_long) {
    if (line == "00") return push(bool_from(false));
    if (line == "01") return push(bool_from(true));
  } else if (!line.empty() && line.back() == 'L') {
    line.remove_suffix(1);
  }
  return push(int_from_string(ts_, line, 0));
}

bool Unpickler::load_string() {
  std::string_view line;
  if (!readline(&line)) return false;
  if (line.size() >= 2 && line.front() == line.back() &&
      (line.front() == '"' || line.front() == '\'')) {
    line = line.substr(1, line.size() - 2);
  } else {
    error("the STRING opcode argument must be quoted");
    return false;
  }
  std::string raw;
  if (!unescape_bytes(ts_, line, &raw)) return false;
  return push(decode_string(raw));
}

bool Unpickler::load_global() {
  std::string_view a, b;
  if (!readline(&a)) return false;
  std::string mod(a);
  if (!readline(&b)) return false;
  Ref<> m = Ref<>::steal(str_decode_utf8(ts_, mod));
  if (!m) return false;
  Ref<> n = Ref<>::steal(str_decode_utf8(ts_, b));
  if (!n) return false;
  return push(find_class(m.get(), n.get()));
}

// klass(*args) or klass.__new__(klass) as pickle.py's _instantiate; the args are
// stack_[first:] and everything from `start` is dropped afterwards.
bool Unpickler::instantiate(Object* klass, size_t start, size_t first) {
  DictObject* g = globals();
  Object* fn = g ? py_helper(ts_, g, "_instantiate") : nullptr;
  if (!fn) return false;
  Ref<ListObject> args = Ref<ListObject>::steal(
      list_from_array(ts_, stack_.data() + first, static_cast<ssize>(stack_.size() - first)));
  if (!args) return false;
  Ref<> keep = Ref<>::borrow(klass);
  drop_from(start);
  return push(call2(ts_, fn, keep.get(), args.get()));
}

bool Unpickler::load_build() {
  Ref<> state = Ref<>::steal(pop());
  if (!state) return false;
  Object* inst = top();
  if (!inst) return false;
  // Without __setstate__ on the class (or its metaclass) pickle.py never calls one: skip the
  // failing instance lookup.
  bool may_setstate = type_lookup(inst->type, names.__setstate__) ||
                      type_lookup(inst->type->type, names.__setstate__) ||
                      inst->type->type != &TypeType;
  Ref<> setstate;
  if (may_setstate) setstate = Ref<>::steal(getattr_opt(ts_, inst, names.__setstate__));
  if (!setstate && exc_occurred(ts_)) return false;
  if (setstate) {
    Ref<> on_type = Ref<>::steal(getattr_opt(ts_, inst->type, names.__setstate__));
    if (!on_type && exc_occurred(ts_)) return false;
    if (on_type) {
      Ref<> r = Ref<>::steal(call1(ts_, setstate.get(), state.get()));
      return static_cast<bool>(r);
    }
  }
  Object* st = state.get();
  Object* slotstate = nullptr;
  if (is_tuple(st) && tuple_size(st) == 2) {
    slotstate = tuple_item(st, 1);
    st = tuple_item(st, 0);
  }
  int t = truthy(ts_, st);
  if (t < 0) return false;
  if (t) {
    Ref<> inst_dict;
    Object** dp = instance_dict_slot(inst);
    Object* descr =
        dp && *dp && is_dict_exact(*dp) ? type_lookup(inst->type, names.__dict__) : nullptr;
    if (descr && descr->type == &GetSetDescrType) {  // the class's own __dict__ getset
      inst_dict = Ref<>::borrow(*dp);
    } else {
      inst_dict = Ref<>::steal(getattr(ts_, inst, names.__dict__));
    }
    if (!inst_dict) return false;
    auto set_one = [&](Object* k, Object* v) -> bool {
      Ref<> key = Ref<>::borrow(k);
      if (is_str_exact(k)) key = Ref<>::steal(intern_str(ts_, static_cast<StrObject*>(newref(k))));
      if (!key) return false;
      if (is_dict_exact(inst_dict.get()))
        return dict_set(ts_, static_cast<DictObject*>(inst_dict.get()), key.get(), v);
      return setitem(ts_, inst_dict.get(), key.get(), v);
    };
    if (is_dict_exact(st)) {
      ssize pos = 0;
      Object *k, *v;
      auto* d = static_cast<DictObject*>(st);
      while (dict_next(d, &pos, &k, &v)) {
        Ref<> kk = Ref<>::borrow(k), vv = Ref<>::borrow(v);
        if (!set_one(kk.get(), vv.get())) return false;
      }
    } else {
      Ref<> items = Ref<>::steal(call_method(ts_, st, "items"));
      if (!items) return false;
      Ref<> it = Ref<>::steal(get_iter(ts_, items.get()));
      if (!it) return false;
      while (Ref<> pair = Ref<>::steal(iter_next(ts_, it.get()))) {
        if (!is_tuple(pair.get()) || tuple_size(pair.get()) != 2) {
          raise(ts_, &exc::ValueError, "too many values to unpack (expected 2)");
          return false;
        }
        if (!set_one(tuple_item(pair.get(), 0), tuple_item(pair.get(), 1))) return false;
      }
      if (exc_occurred(ts_)) return false;
    }
  }
  if (slotstate) {
    int s = truthy(ts_, slotstate);
    if (s < 0) return false;
    if (s) {
      Ref<> items = Ref<>::steal(call_method(ts_, slotstate, "items"));
      if (!items) return false;
      Ref<> it = Ref<>::steal(get_iter(ts_, items.get()));
      if (!it) return false;
      while (Ref<> pair = Ref<>::steal(iter_next(ts_, it.get()))) {
        if (!is_tuple(pair.get()) || tuple_size(pair.get()) != 2) {
          raise(ts_, &exc::ValueError, "too many values to unpack (expected 2)");
          return false;
        }
        Object* k = tuple_item(pair.get(), 0);
        if (!is_str(k)) {
          raise(ts_, &exc::TypeError, "attribute name must be string, not '%s'", type_name(k));
          return false;
        }
        if (!setattr(ts_, inst, static_cast<StrObject*>(k), tuple_item(pair.get(), 1)))
          return false;
      }
      if (exc_occurred(ts_)) return false;
    }
  }
  return true;
}

Object* Unpickler::load() {
  for (;;) {
    if (p_ >= end_) {
      if (!read_) return raise(ts_, &exc::EOFError, "Ran out of input");
      Ref<> one = Ref<>::steal(int_from(ts_, 1));
      Ref<> data = Ref<>::steal(call1(ts_, read_.get(), one.get()));
      if (!data) return nullptr;
      std::string_view v;
      if (!buffer_view(ts_, data.get(), &v)) return nullptr;
      if (v.empty()) return raise(ts_, &exc::EOFError, "Ran out of input");
      own_.assign(v);
      p_ = start_ = own_.data();
      end_ = p_ + own_.size();
    }
    unsigned char op = static_cast<unsigned char>(*p_++);
    const unsigned char* d;
    bool ok = true;
    switch (op) {
      case PROTO: {
        if (!read(1, &d)) return nullptr;
        if (d[0] > kHighestProtocol)
          return raise(ts_, &exc::ValueError, "unsupported pickle protocol: %d", d[0]);
        proto_ = d[0];
        break;
      }
      case FRAME:
        ok = read(8, &d);
        break;
      case STOP: {
        Object* v = pop();
        return v;
      }
      case MARK:
        marks_.push_back(stack_.size());
        break;
      case POP:
        if (stack_.size() > fence()) {
          decref(stack_.back());
          stack_.pop_back();
        } else if (!marks_.empty()) {
          size_t start;
          pop_mark(&start);
          drop_from(start);
        } else {
          ok = underflow();
        }
        break;
      case POP_MARK: {
        size_t start;
        ok = pop_mark(&start);
        if (ok) drop_from(start);
        break;
      }
      case DUP: {
        Object* t = top();
        ok = t && push(newref(t));
        break;
      }
      case NONE:
        stack_.push_back(new_none());
        break;
      case NEWTRUE:
        stack_.push_back(bool_from(true));
        break;
      case NEWFALSE:
        stack_.push_back(bool_from(false));
        break;
      case BININT:
        ok = read(4, &d) &&
             push(int_from(ts_, static_cast<int32_t>(static_cast<uint32_t>(le(d, 4)))));
        break;
      case BININT1:
        ok = read(1, &d) && push(int_from(ts_, d[0]));
        break;
      case BININT2:
        ok = read(2, &d) && push(int_from(ts_, static_cast<int64_t>(le(d, 2))));
        break;
      case INT:
        ok = load_text_int(false);
        break;
      case LONG:
        ok = load_text_int(true);
        break;
      case LONG1: {
        if (!read(1, &d)) return nullptr;
        size_t n = d[0];
        ok = read(n, &d) && push(decode_long_bytes(ts_, d, n));
        break;
      }
      case LONG4: {
        if (!read(4, &d)) return nullptr;
        int32_t n = static_cast<int32_t>(static_cast<uint32_t>(le(d, 4)));
        if (n < 0) return error("LONG pickle has negative byte count");
        ok = read(static_cast<size_t>(n), &d) &&
             push(decode_long_bytes(ts_, d, static_cast<size_t>(n)));
        break;
      }
      case FLOAT: {
        std::string_view line;
        if (!readline(&line)) return nullptr;
        double v;
        std::string text(line);
        if (!float_parse(text, &v))
          return raise(ts_, &exc::ValueError, "could not convert string to float: %s",
                       str_repr_text(text).c_str());
        ok = push(float_from(ts_, v));
        break;
      }
      case BINFLOAT: {
        if (!read(8, &d)) return nullptr;
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits = (bits << 8) | d[i];
        double v;
        std::memcpy(&v, &bits, 8);
        ok = push(float_from(ts_, v));
        break;
      }
      case STRING:
        ok = load_string();
        break;
      case BINSTRING: {
        if (!read(4, &d)) return nullptr;
        int32_t n = static_cast<int32_t>(static_cast<uint32_t>(le(d, 4)));
        if (n < 0) return error("BINSTRING pickle has negative byte count");
        ok = read(static_cast<size_t>(n), &d) &&
             push(decode_string(
                 std::string_view(reinterpret_cast<const char*>(d), static_cast<size_t>(n))));
        break;
      }
      case SHORT_BINSTRING: {
        if (!read(1, &d)) return nullptr;
        size_t n = d[0];
        ok = read(n, &d) &&
             push(decode_string(std::string_view(reinterpret_cast<const char*>(d), n)));
        break;
      }
      case BINBYTES:
      case SHORT_BINBYTES:
      case BINBYTES8:
      case BYTEARRAY8: {
        int w = op == SHORT_BINBYTES ? 1 : op == BINBYTES ? 4 : 8;
        if (!read(static_cast<size_t>(w), &d)) return nullptr;
        uint64_t n = le(d, w);
        if (n > static_cast<uint64_t>(PTRDIFF_MAX))
          return raise(ts_, &exc::OverflowError, "BINBYTES exceeds system's maximum size");
        if (!read(static_cast<size_t>(n), &d)) return nullptr;
        std::string_view v(reinterpret_cast<const char*>(d), static_cast<size_t>(n));
        ok = push(op == BYTEARRAY8 ? static_cast<Object*>(bytearray_from(ts_, v))
                                   : static_cast<Object*>(bytes_from(ts_, v)));
        break;
      }
      case BINUNICODE:
      case SHORT_BINUNICODE:
      case BINUNICODE8: {
        int w = op == SHORT_BINUNICODE ? 1 : op == BINUNICODE ? 4 : 8;
        if (!read(static_cast<size_t>(w), &d)) return nullptr;
        uint64_t n = le(d, w);
        if (n > static_cast<uint64_t>(PTRDIFF_MAX))
          return raise(ts_, &exc::OverflowError, "BINUNICODE exceeds system's maximum size");
        if (!read(static_cast<size_t>(n), &d)) return nullptr;
        ok = push(decode_utf8_pass(
            ts_, std::string_view(reinterpret_cast<const char*>(d), static_cast<size_t>(n))));
        break;
      }
      case UNICODE: {
        std::string_view line;
        ok = readline(&line) && push(decode_raw_unicode_escape(ts_, line));
        break;
      }
      case EMPTY_TUPLE:
        ok = push(tuple_new(ts_, 0));
        break;
      case TUPLE1:
      case TUPLE2:
      case TUPLE3: {
        size_t n = static_cast<size_t>(op - TUPLE1 + 1);
        if (stack_.size() < fence() + n) return error("unpickling stack underflow");
        TupleObject* t = tuple_new(ts_, static_cast<ssize>(n));
        if (!t) return nullptr;
        size_t base = stack_.size() - n;
        for (size_t i = 0; i < n; ++i) t->items[i] = stack_[base + i];  // moves the references
        stack_.resize(base);
        stack_.push_back(t);
        break;
      }
      case TUPLE: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        size_t n = stack_.size() - start;
        TupleObject* t = tuple_new(ts_, static_cast<ssize>(n));
        if (!t) return nullptr;
        for (size_t i = 0; i < n; ++i) t->items[i] = stack_[start + i];
        stack_.resize(start);
        stack_.push_back(t);
        break;
      }
      case EMPTY_LIST:
        ok = push(list_new(ts_));
        break;
      case LIST: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        ListObject* l =
            list_from_array(ts_, stack_.data() + start, static_cast<ssize>(stack_.size() - start));
        if (!l) return nullptr;
        drop_from(start);
        stack_.push_back(l);
        break;
      }
      case EMPTY_DICT:
        ok = push(dict_new(ts_));
        break;
      case DICT: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        Ref<DictObject> dct = Ref<DictObject>::steal(dict_new(ts_));
        if (!dct) return nullptr;
        for (size_t i = start; i + 1 < stack_.size(); i += 2)
          if (!dict_set(ts_, dct.get(), stack_[i], stack_[i + 1])) return nullptr;
        drop_from(start);
        stack_.push_back(dct.release());
        break;
      }
      case EMPTY_SET:
        ok = push(set_new(ts_));
        break;
      case FROZENSET: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        Ref<SetObject> fs = Ref<SetObject>::steal(frozenset_new(ts_));
        if (!fs) return nullptr;
        for (size_t i = start; i < stack_.size(); ++i)
          if (!set_add(ts_, fs.get(), stack_[i])) return nullptr;
        drop_from(start);
        stack_.push_back(fs.release());
        break;
      }
      case APPEND: {
        Ref<> v = Ref<>::steal(pop());
        if (!v) return nullptr;
        Object* l = top();
        if (!l) return nullptr;
        if (is_list_exact(l)) {
          ok = list_append(ts_, static_cast<ListObject*>(l), v.get());
        } else {
          Ref<> r = Ref<>::steal(call_method(ts_, l, "append", {v.get()}));
          ok = static_cast<bool>(r);
        }
        break;
      }
      case APPENDS: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        if (start == 0 || start <= fence()) return error("unpickling stack underflow");
        Object* l = stack_[start - 1];
        if (is_list_exact(l)) {
          for (size_t i = start; i < stack_.size(); ++i)
            if (!list_append(ts_, static_cast<ListObject*>(l), stack_[i])) return nullptr;
        } else {
          Ref<ListObject> items = Ref<ListObject>::steal(list_from_array(
              ts_, stack_.data() + start, static_cast<ssize>(stack_.size() - start)));
          if (!items) return nullptr;
          Ref<StrObject> extend_name = Ref<StrObject>::steal(intern(ts_, "extend"));
          if (!extend_name) return nullptr;
          Ref<> extend = Ref<>::steal(getattr_opt(ts_, l, extend_name.get()));
          if (!extend && exc_occurred(ts_)) return nullptr;
          if (extend) {
            Ref<> r = Ref<>::steal(call1(ts_, extend.get(), items.get()));
            if (!r) return nullptr;
          } else {
            Ref<> append = Ref<>::steal(getattr(ts_, l, names.append));
            if (!append) return nullptr;
            for (ssize i = 0; i < items->size; ++i) {
              Ref<> r = Ref<>::steal(call1(ts_, append.get(), items->items[i]));
              if (!r) return nullptr;
            }
          }
        }
        drop_from(start);
        break;
      }
      case SETITEM: {
        Ref<> v = Ref<>::steal(pop());
        if (!v) return nullptr;
        Ref<> k = Ref<>::steal(pop());
        if (!k) return nullptr;
        Object* dct = top();
        if (!dct) return nullptr;
        ok = is_dict_exact(dct) ? dict_set(ts_, static_cast<DictObject*>(dct), k.get(), v.get())
                                : setitem(ts_, dct, k.get(), v.get());
        break;
      }
      case SETITEMS: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        if (start == 0 || start <= fence()) return error("unpickling stack underflow");
        Object* dct = stack_[start - 1];
        bool exact = is_dict_exact(dct);
        for (size_t i = start; i + 1 < stack_.size(); i += 2) {
          bool r = exact ? dict_set(ts_, static_cast<DictObject*>(dct), stack_[i], stack_[i + 1])
                         : setitem(ts_, dct, stack_[i], stack_[i + 1]);
          if (!r) return nullptr;
        }
        drop_from(start);
        break;
      }
      case ADDITEMS: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        if (start == 0 || start <= fence()) return error("unpickling stack underflow");
        Object* s = stack_[start - 1];
        if (isinstance_of(s, &SetType)) {
          for (size_t i = start; i < stack_.size(); ++i)
            if (!set_add(ts_, static_cast<SetObject*>(s), stack_[i])) return nullptr;
        } else {
          for (size_t i = start; i < stack_.size(); ++i) {
            Ref<> r = Ref<>::steal(call_method(ts_, s, "add", {stack_[i]}));
            if (!r) return nullptr;
          }
        }
        drop_from(start);
        break;
      }
      case BUILD:
        ok = load_build();
        break;
      case GLOBAL:
        ok = load_global();
        break;
      case STACK_GLOBAL: {
        Ref<> name = Ref<>::steal(pop());
        if (!name) return nullptr;
        Ref<> mod = Ref<>::steal(pop());
        if (!mod) return nullptr;
        if (!is_str_exact(name.get()) || !is_str_exact(mod.get()))
          return error("STACK_GLOBAL requires str");
        ok = push(find_class(mod.get(), name.get()));
        break;
      }
      case REDUCE: {
        Ref<> args = Ref<>::steal(pop());
        if (!args) return nullptr;
        Object* func = top();
        if (!func) return nullptr;
        Object* r;
        if (is_tuple(args.get())) {
          auto* t = static_cast<TupleObject*>(args.get());
          r = call(ts_, func, t->items, static_cast<size_t>(t->size));
        } else {
          Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_from_iterable(ts_, args.get()));
          if (!t) return nullptr;
          r = call(ts_, func, t->items, static_cast<size_t>(t->size));
        }
        if (!r) return nullptr;
        setref(stack_.back(), r);
        break;
      }
      case NEWOBJ:
      case NEWOBJ_EX: {
        Ref<> kwargs;
        if (op == NEWOBJ_EX) {
          kwargs = Ref<>::steal(pop());
          if (!kwargs) return nullptr;
        }
        Ref<> args = Ref<>::steal(pop());
        if (!args) return nullptr;
        Ref<> cls = Ref<>::steal(pop());
        if (!cls) return nullptr;
        Ref<> new_ = Ref<>::steal(getattr(ts_, cls.get(), names.__new__));
        if (!new_) return nullptr;
        Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_from_iterable(ts_, args.get()));
        if (!t) return nullptr;
        std::vector<Object*> argv;
        argv.reserve(static_cast<size_t>(t->size) + 1);
        argv.push_back(cls.get());
        for (ssize i = 0; i < t->size; ++i) argv.push_back(t->items[i]);
        if (op == NEWOBJ) {
          ok = push(call(ts_, new_.get(), argv.data(), argv.size()));
        } else {
          Ref<TupleObject> all =
              Ref<TupleObject>::steal(tuple_from_array(ts_, argv.data(), argv.size()));
          if (!all) return nullptr;
          if (!is_dict(kwargs.get()))
            return raise(ts_, &exc::TypeError, "argument after ** must be a mapping, not %s",
                         type_name(kwargs.get()));
          ok = push(
              call_tuple_dict(ts_, new_.get(), all.get(), static_cast<DictObject*>(kwargs.get())));
        }
        break;
      }
      case INST: {
        std::string_view a, b;
        if (!readline(&a)) return nullptr;
        std::string mod(a);
        if (!readline(&b)) return nullptr;
        Ref<> m = Ref<>::steal(str_decode(ts_, mod, "ascii", "strict"));
        if (!m) return nullptr;
        Ref<> n = Ref<>::steal(str_decode(ts_, b, "ascii", "strict"));
        if (!n) return nullptr;
        Ref<> klass = Ref<>::steal(find_class(m.get(), n.get()));
        if (!klass) return nullptr;
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        ok = instantiate(klass.get(), start, start);
        break;
      }
      case OBJ: {
        size_t start;
        if (!pop_mark(&start)) return nullptr;
        if (stack_.size() <= start) return error("unpickling stack underflow");
        ok = instantiate(stack_[start], start, start + 1);
        break;
      }
      case PERSID:
      case BINPERSID:
        return error("unsupported persistent id encountered");
      case EXT1:
      case EXT2:
      case EXT4:
        return error("extension codes are not supported");
      case GET:
      case PUT: {
        std::string_view line;
        if (!readline(&line)) return nullptr;
        Ref<> idx = Ref<>::steal(int_from_string(ts_, line, 10));
        if (!idx) return nullptr;
        ssize i;
        if (!int_as_ssize(ts_, idx.get(), &i)) return nullptr;
        if (op == GET) {
          if (i < 0) return error("Memo value not found at index %zd", i);
          ok = memo_get(static_cast<uint64_t>(i));
        } else {
          if (i < 0) return raise(ts_, &exc::ValueError, "negative PUT argument");
          Object* t = top();
          ok = t && memo_put(static_cast<uint64_t>(i), t);
        }
        break;
      }
      case BINGET:
        ok = read(1, &d) && memo_get(d[0]);
        break;
      case LONG_BINGET:
        ok = read(4, &d) && memo_get(le(d, 4));
        break;
      case BINPUT:
      case LONG_BINPUT: {
        if (!read(op == BINPUT ? 1 : 4, &d)) return nullptr;
        Object* t = top();
        ok = t && memo_put(le(d, op == BINPUT ? 1 : 4), t);
        break;
      }
      case MEMOIZE: {
        Object* t = top();
        ok = t && memo_put(memo_count_, t);
        break;
      }
      case NEXT_BUFFER: {
        if (!buffers)
          return error(
              "pickle stream refers to out-of-band data but no *buffers* argument was given");
        Object* b = iter_next(ts_, buffers.get());
        if (!b) {
          if (exc_occurred(ts_)) return nullptr;
          return error("not enough out-of-band buffers");
        }
        stack_.push_back(b);
        break;
      }
      case READONLY_BUFFER:
        break;
      default: {
        if (op >= 0x20 && op <= 0x7e && op != '\'' && op != '\\')
          return error("invalid load key, '%c'.", op);
        return error("invalid load key, '\\x%02x'.", op);
      }
    }
    if (!ok) return nullptr;
  }
}

bool parse_load_options(ThreadState* ts, Unpickler* u, Object* fix, Object* encoding,
                        Object* errors, Object* buffers) {
  if (fix) {
    int t = truthy(ts, fix);
    if (t < 0) return false;
    u->fix_imports = t != 0;
  }
  if (encoding) {
    if (!is_str(encoding))
      return raise(ts, &exc::TypeError, "argument 'encoding' must be str, not %s",
                   type_name(encoding)),
             false;
    u->encoding = std::string(str_view(encoding));
  }
  if (errors) {
    if (!is_str(errors))
      return raise(ts, &exc::TypeError, "argument 'errors' must be str, not %s", type_name(errors)),
             false;
    u->errors = std::string(str_view(errors));
  }
  if (buffers && !is_none(buffers)) {
    u->buffers = Ref<>::steal(get_iter(ts, buffers));
    if (!u->buffers) return false;
  }
  return true;
}

// loads(data, fix_imports=True, encoding="ASCII", errors="strict", buffers=None, memo=None)
Object* pk_loads(ThreadState* ts, Object* self, Object* const* args, size_t nargs,
                 TupleObject* kw) {
  Object* a[6];
  if (!bind_args(ts, "loads", args, nargs, kw,
                 {"data", "fix_imports", "encoding", "errors", "buffers", "memo"}, 1, a))
    return nullptr;
  if (is_str(a[0])) return raise(ts, &exc::TypeError, "a bytes-like object is required, not 'str'");
  Ref<> keep = Ref<>::borrow(a[0]);
  std::string copy;
  std::string_view data;
  if (is_bytes(a[0])) {
    data = bytes_view(a[0]);
  } else {
    // bytearray/memoryview may be resized by code the pickle runs: load from a copy
    std::string_view v;
    if (!buffer_view(ts, a[0], &v)) {
      if (!is_memoryview(a[0])) return nullptr;
      clear_exc(ts);
      if (!memoryview_copy(ts, a[0], &copy)) return nullptr;
    } else {
      copy.assign(v);
    }
    data = copy;
  }
  Unpickler u(ts, self);
  if (!parse_load_options(ts, &u, a[1], a[2], a[3], a[4])) return nullptr;
  if (a[5] && !is_none(a[5]) && !u.import_memo(a[5])) return nullptr;
  u.set_buffer(data);
  Ref<> r = Ref<>::steal(u.load());
  if (!r) return nullptr;
  if (a[5] && !is_none(a[5]) && !u.export_memo(a[5])) return nullptr;
  return r.release();
}

// load(file, fix_imports=True, encoding="ASCII", errors="strict", buffers=None, memo=None)
Object* pk_load(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[6];
  if (!bind_args(ts, "load", args, nargs, kw,
                 {"file", "fix_imports", "encoding", "errors", "buffers", "memo"}, 1, a))
    return nullptr;
  Object* file = a[0];
  Unpickler u(ts, self);
  if (!parse_load_options(ts, &u, a[1], a[2], a[3], a[4])) return nullptr;
  if (a[5] && !is_none(a[5]) && !u.import_memo(a[5])) return nullptr;
  // A seekable file is read to its end and put back just after the pickle; any other file is
  // read exactly as far as the pickle goes.
  bool seekable = false;
  Ref<StrObject> seekable_name = Ref<StrObject>::steal(intern(ts, "seekable"));
  if (!seekable_name) return nullptr;
  Ref<> seekable_fn = Ref<>::steal(getattr_opt(ts, file, seekable_name.get()));
  if (!seekable_fn && exc_occurred(ts)) return nullptr;
  if (seekable_fn) {
    Ref<> r = Ref<>::steal(call0(ts, seekable_fn.get()));
    if (!r) return nullptr;
    int t = truthy(ts, r.get());
    if (t < 0) return nullptr;
    seekable = t != 0;
  }
  Ref<> result;
  if (seekable) {
    Ref<> pos = Ref<>::steal(call_method(ts, file, "tell"));
    if (!pos) return nullptr;
    Ref<> data = Ref<>::steal(call_method(ts, file, "read"));
    if (!data) return nullptr;
    std::string_view v;
    if (!buffer_view(ts, data.get(), &v)) return nullptr;
    u.set_buffer(v);
    result = Ref<>::steal(u.load());
    if (!result) return nullptr;
    Ref<> consumed = Ref<>::steal(int_from(ts, static_cast<int64_t>(u.consumed())));
    if (!consumed) return nullptr;
    Ref<> target = Ref<>::steal(binary_op(ts, pos.get(), consumed.get(), BinOp::Add));
    if (!target) return nullptr;
    Ref<> r = Ref<>::steal(call_method(ts, file, "seek", {target.get()}));
    if (!r) return nullptr;
  } else {
    if (!u.set_file(file)) {
      if (exc_matches(ts, &exc::AttributeError)) {
        clear_exc(ts);
        return raise(ts, &exc::TypeError, "file must have 'read' and 'readline' attributes");
      }
      return nullptr;
    }
    result = Ref<>::steal(u.load());
    if (!result) return nullptr;
  }
  if (a[5] && !is_none(a[5]) && !u.export_memo(a[5])) return nullptr;
  return result.release();
}

// _init(pickle_globals): pickle.py's namespace, where the helpers live.
Object* pk_init(ThreadState* ts, Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_kwargs(ts, "_init", kw) || !check_nargs(ts, "_init", nargs, 1, 1)) return nullptr;
  if (!is_dict(args[0])) return raise(ts, &exc::TypeError, "_init() expects a dict");
  if (!dict_set_cstr(ts, static_cast<ModuleObject*>(self)->dict, "_py_globals", args[0]))
    return nullptr;
  return new_none();
}

const MethodDef module_functions[] = {
    {"dumps", pk_dumps, 0, nullptr}, {"dump", pk_dump, 0, nullptr},
    {"loads", pk_loads, 0, nullptr}, {"load", pk_load, 0, nullptr},
    {"_init", pk_init, 0, nullptr},  {nullptr, nullptr, 0, nullptr},
};

}  // namespace

bool init_pickle(ThreadState* ts, ModuleObject* m) {
  if (!module_add_functions(ts, m, module_functions)) return false;
  if (!module_add(ts, m, "HIGHEST_PROTOCOL", int_from(ts, kHighestProtocol))) return false;
  if (!module_add(ts, m, "DEFAULT_PROTOCOL", int_from(ts, kDefaultProtocol))) return false;
  return true;
}

}  // namespace gp
