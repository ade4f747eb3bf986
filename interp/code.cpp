#include "interp/code.h"

#include <cstdio>
#include <cstring>
#include <vector>

#include "interp/frame.h"

namespace gp {

namespace {

TupleObject* str_tuple(ThreadState* ts, const std::vector<std::string>& v) {
  TupleObject* t = tuple_new(ts, static_cast<ssize>(v.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < v.size(); ++i) {
    StrObject* s = intern(ts, v[i]);
    if (!s) {
      decref(t);
      return nullptr;
    }
    t->items[i] = s;
  }
  return t;
}

void code_dealloc(Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  delete[] c->code;
  delete[] c->lines;
  delete[] c->cell2arg;
  delete[] c->gcache;
  delete[] c->acache;
  delete[] c->positions;
  xdecref(c->consts);
  xdecref(c->names);
  xdecref(c->varnames);
  xdecref(c->cellvars);
  xdecref(c->freevars);
  xdecref(c->filename);
  xdecref(c->name);
  xdecref(c->qualname);
  xdecref(c->co_code);
  free_object(o);
}

Object* code_repr(ThreadState* ts, Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  return str_format(ts, "<code object %s at %p, file \"%s\", line %d>", str_cstr(c->name),
                    static_cast<void*>(o), str_cstr(c->filename), c->firstlineno);
}

#define CODE_GET_OBJ(field)                                                  \
  [](ThreadState*, Object* o) -> Object* {                                   \
    return newref(static_cast<Object*>(static_cast<CodeObject*>(o)->field)); \
  }
#define CODE_GET_INT(field)                                  \
  [](ThreadState* ts, Object* o) -> Object* {                \
    return int_from(ts, static_cast<CodeObject*>(o)->field); \
  }

Object* code_get_code(ThreadState* ts, Object* o) {
  auto* c = static_cast<CodeObject*>(o);
  if (!c->co_code) {
    std::string bytes(static_cast<size_t>(c->ncode) * sizeof(Instr), '\0');
    if (c->ncode) std::memcpy(bytes.data(), c->code, bytes.size());
    c->co_code = bytes_from(ts, bytes);
    if (!c->co_code) return nullptr;
  }
  return newref(c->co_code);
}

Object* code_get_lines(ThreadState* ts, Object* o) {
  // co_lines(): (start, end, line) triples in offsets (index * 2).
  auto* c = static_cast<CodeObject*>(o);
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  ssize i = 0;
  while (i < c->ncode) {
    ssize j = i;
    while (j < c->ncode && c->lines[j] == c->lines[i]) ++j;
    Ref<> a = Ref<>::steal(int_from(ts, i * 2));
    Ref<> b = Ref<>::steal(int_from(ts, j * 2));
    Ref<> n = Ref<>::steal(int_from(ts, c->lines[i]));
    if (!a || !b || !n) return nullptr;
    Ref<> t = Ref<>::steal(tuple_pack(ts, {a.get(), b.get(), n.get()}));
    if (!t || !list_append(ts, l.get(), t.get())) return nullptr;
    i = j;
  }
  return get_iter(ts, l.get());
}

Object* code_co_lines(ThreadState* ts, Object* self, Object* const*, size_t nargs, TupleObject*) {
  return code_get_lines(ts, self);
}

void put_varint(std::vector<uint8_t>& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

uint32_t get_varint(const uint8_t*& p) {
  uint32_t v = 0;
  int shift = 0;
  for (;;) {
    uint8_t b = *p++;
    v |= static_cast<uint32_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
    shift += 7;
  }
}

// Sequential decoder of CodeObject::positions.
struct PosReader {
  const uint8_t* p;
  const uint8_t* end;
  uint32_t d = 0;  // end line - line; state 1: columns unknown
  int col = -1, end_col = -1;
  bool known = false;
  void next() {
    if (p >= end) {
      known = false;
      d = 0;
      return;
    }
    uint32_t tag = get_varint(p);
    if (tag == 0) return;
    if (tag == 1) {
      known = false;
      d = 0;
      col = end_col = -1;
      return;
    }
    d = tag - 2;
    col = static_cast<int>(get_varint(p));
    end_col = static_cast<int>(get_varint(p));
    known = true;
  }
};

// co_positions(): (lineno, end_lineno, col, end_col) per instruction, None where unknown.
Object* code_co_positions(ThreadState* ts, Object* self, Object* const*, size_t, TupleObject*) {
  auto* c = static_cast<CodeObject*>(self);
  Ref<ListObject> l = Ref<ListObject>::steal(list_new(ts));
  if (!l) return nullptr;
  PosReader r{c->positions, c->positions + c->npositions};
  for (ssize i = 0; i < c->ncode; ++i) {
    r.next();
    int line = c->lines[i];
    Ref<> t;
    if (r.known) {
      Ref<> a = Ref<>::steal(int_from(ts, line));
      Ref<> b = Ref<>::steal(int_from(ts, line + static_cast<int>(r.d)));
      Ref<> x = Ref<>::steal(int_from(ts, r.col));
      Ref<> y = Ref<>::steal(int_from(ts, r.end_col));
      if (!a || !b || !x || !y) return nullptr;
      t = Ref<>::steal(tuple_pack(ts, {a.get(), b.get(), x.get(), y.get()}));
    } else {
      Ref<> a = Ref<>::steal(int_from(ts, line));
      if (!a) return nullptr;
      t = Ref<>::steal(tuple_pack(ts, {a.get(), a.get(), none(), none()}));
    }
    if (!t || !list_append(ts, l.get(), t.get())) return nullptr;
  }
  return get_iter(ts, l.get());
}

const GetSetDef kCodeGetSets[] = {
    {"co_code", code_get_code, nullptr},
    {"co_consts", CODE_GET_OBJ(consts), nullptr},
    {"co_names", CODE_GET_OBJ(names), nullptr},
    {"co_varnames", CODE_GET_OBJ(varnames), nullptr},
    {"co_cellvars", CODE_GET_OBJ(cellvars), nullptr},
    {"co_freevars", CODE_GET_OBJ(freevars), nullptr},
    {"co_filename", CODE_GET_OBJ(filename), nullptr},
    {"co_name", CODE_GET_OBJ(name), nullptr},
    {"co_qualname", CODE_GET_OBJ(qualname), nullptr},
    {"co_firstlineno", CODE_GET_INT(firstlineno), nullptr},
    {"co_argcount", CODE_GET_INT(argcount), nullptr},
    {"co_posonlyargcount", CODE_GET_INT(posonlyargcount), nullptr},
    {"co_kwonlyargcount", CODE_GET_INT(kwonlyargcount), nullptr},
    {"co_nlocals", CODE_GET_INT(nlocals), nullptr},
    {"co_flags", CODE_GET_INT(flags), nullptr},
    {"co_stacksize", CODE_GET_INT(stacksize), nullptr},
    {nullptr, nullptr, nullptr},
};

const MethodDef kCodeMethods[] = {
    {"co_lines", code_co_lines, 0, nullptr},
    {"co_positions", code_co_positions, 0, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject CodeType = vm_static_type("code", sizeof(CodeObject), 0, [](TypeObject& t) {
  t.dealloc = code_dealloc;
  t.repr = code_repr;
  t.getsets = kCodeGetSets;
  t.methods = kCodeMethods;
});

CodeObject* code_new(ThreadState* ts, CodeSpec& spec) {
  auto* c = alloc<CodeObject>(ts, &CodeType);
  if (!c) {
    for (Object* o : spec.consts) decref(o);
    spec.consts.clear();
    return nullptr;
  }
  Ref<CodeObject> guard = Ref<CodeObject>::steal(c);
  c->ncode = static_cast<ssize>(spec.code.size());
  c->code = new Instr[spec.code.size() + 1];
  c->lines = new int[spec.code.size() + 1];
  if (!spec.code.empty()) {
    std::memcpy(c->code, spec.code.data(), spec.code.size() * sizeof(Instr));
    std::memcpy(c->lines, spec.lines.data(), spec.code.size() * sizeof(int));
  }
  if (!spec.positions.empty() && spec.positions.size() == spec.code.size()) {
    std::vector<uint8_t> enc;
    enc.reserve(spec.code.size() + 16);
    uint32_t prev_tag = 1;
    int prev_col = -1, prev_end = -1;
    for (size_t i = 0; i < spec.code.size(); ++i) {
      const InstrPos& p = spec.positions[i];
      int line = spec.lines[i];
      uint32_t tag = 1;
      if (p.col >= 0 && p.end_col >= 0 && p.end_line >= line)
        tag = 2 + static_cast<uint32_t>(p.end_line - line);
      if (i > 0 && tag == prev_tag && (tag == 1 || (p.col == prev_col && p.end_col == prev_end))) {
        enc.push_back(0);
        continue;
      }
      put_varint(enc, tag);
      if (tag >= 2) {
        put_varint(enc, static_cast<uint32_t>(p.col));
        put_varint(enc, static_cast<uint32_t>(p.end_col));
      }
      prev_tag = tag;
      prev_col = p.col;
      prev_end = p.end_col;
    }
    c->positions = new uint8_t[enc.size()];
    std::memcpy(c->positions, enc.data(), enc.size());
    c->npositions = enc.size();
  }
  c->consts = tuple_new(ts, static_cast<ssize>(spec.consts.size()));
  if (!c->consts) {
    for (Object* o : spec.consts) decref(o);
    spec.consts.clear();
    return nullptr;
  }
  for (size_t i = 0; i < spec.consts.size(); ++i) c->consts->items[i] = spec.consts[i];
  spec.consts.clear();
  if (!(c->names = str_tuple(ts, spec.names)) || !(c->varnames = str_tuple(ts, spec.varnames)) ||
      !(c->cellvars = str_tuple(ts, spec.cellvars)) ||
      !(c->freevars = str_tuple(ts, spec.freevars)))
    return nullptr;
  if (!(c->filename = intern(ts, spec.filename)) || !(c->name = intern(ts, spec.name)) ||
      !(c->qualname = intern(ts, spec.qualname)))
    return nullptr;
  c->firstlineno = spec.firstlineno;
  c->argcount = spec.argcount;
  c->posonlyargcount = spec.posonlyargcount;
  c->kwonlyargcount = spec.kwonlyargcount;
  c->nlocals = static_cast<int>(spec.varnames.size());
  c->ncells = static_cast<int>(spec.cellvars.size());
  c->nfrees = static_cast<int>(spec.freevars.size());
  c->flags = spec.flags;
  if (c->ncells == 0 && c->nfrees == 0) c->flags |= kCoNoFree;
  c->stacksize = spec.stacksize;
  c->maxblocks = spec.maxblocks;
  c->framesize = c->nlocals + c->ncells + c->nfrees + c->stacksize;
  int total_args = c->argcount + c->kwonlyargcount + ((c->flags & kCoVarargs) ? 1 : 0) +
                   ((c->flags & kCoVarkeywords) ? 1 : 0);
  bool any_cell_arg = false;
  if (c->ncells) {
    c->cell2arg = new int[c->ncells];
    for (int i = 0; i < c->ncells; ++i) {
      c->cell2arg[i] = -1;
      for (int a = 0; a < total_args && a < c->nlocals; ++a) {
        if (spec.cellvars[i] == spec.varnames[a]) {
          c->cell2arg[i] = a;
          any_cell_arg = true;
          break;
        }
      }
    }
  }
  c->simple_args =
      !(c->flags & (kCoVarargs | kCoVarkeywords)) && c->kwonlyargcount == 0 && !any_cell_arg;
  c->ngcache = static_cast<int>(spec.gcache_names.size());
  if (c->ngcache) {
    c->gcache = new GlobalCache[c->ngcache];
    for (int i = 0; i < c->ngcache; ++i) {
      c->gcache[i] = GlobalCache{nullptr, nullptr, 0, 0, nullptr, spec.gcache_names[i]};
    }
  }
  return guard.release();
}

bool code_position(const CodeObject* co, ssize i, int* line, int* end_line, int* col,
                   int* end_col) {
  *line = *end_line = code_line(co, i);
  *col = *end_col = -1;
  if (i < 0 || i >= co->ncode || !co->positions) return false;
  PosReader r{co->positions, co->positions + co->npositions};
  for (ssize k = 0; k <= i; ++k) r.next();
  if (!r.known) return false;
  *end_line = *line + static_cast<int>(r.d);
  *col = r.col;
  *end_col = r.end_col;
  return true;
}

}  // namespace gp
