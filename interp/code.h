// Code objects: the compiler's output, immutable once built. Instructions are 32-bit words
// (interp/opcodes.h) with one line number each. LOAD_GLOBAL instructions own a cache slot each.
//
// Positions (CPython's co_positions): every instruction also has an end line and start/end
// columns (0-based UTF-8 byte offsets, as the ast) of the node it was compiled for; tracebacks
// draw their carets from them. They are stored compactly in `positions`, one entry per
// instruction, decoded sequentially (only tracebacks and co_positions() read them):
//   byte 0                      same entry as the previous instruction
//   varint 1                    columns unknown (end line = line)
//   varint 2+d, varint c, varint e   end line = line + d, col = c, end col = e
// Varints are little-endian base-128. co_positions() yields one tuple per gilpy instruction
// (CPython: per 2-byte code unit); offsets (co_lines, f_lasti, tb_lasti) count an instruction
// as 2 bytes, so positions[tb_lasti // 2] is the instruction's entry, as in CPython.
#pragma once

#include <string>
#include <vector>

#include "interp/opcodes.h"
#include "runtime/runtime.h"

namespace gp {

enum CodeFlags : int {
  kCoOptimized = 0x1,
  kCoNewLocals = 0x2,
  kCoVarargs = 0x4,
  kCoVarkeywords = 0x8,
  kCoNested = 0x10,
  kCoGenerator = 0x20,
  kCoNoFree = 0x40,
  kCoCoroutine = 0x80,
  kCoIterableCoroutine = 0x100,
  kCoAsyncGenerator = 0x200,
};

// LOAD_GLOBAL cache: valid while globals is the same dict at the same version (and, for a value
// found in builtins, builtins at bversion). value is borrowed: an unchanged dict still holds it,
// and every dict's versions lie in a range of its own (dict_init_version), so a dict freed and
// reallocated at the same address never matches. Borrowing keeps `v = None` freeing the old
// value at once, as CPython.
struct GlobalCache {
  DictObject* globals;
  DictObject* builtins;
  uint64_t gversion;
  uint64_t bversion;
  Object* value;
  uint32_t name;  // index into co_names
};

// Attribute cache of one LOAD_ATTR / LOAD_METHOD / STORE_ATTR instruction: valid while the
// owner's type is `type` with TypeObject::version_tag == version (static immutable types: tag 0).
// descr is borrowed from a dict of the type's MRO, which the tag keeps unchanged.
enum class AttrKind : uint8_t {
  None,      // not filled
  Instance,  // no class attribute: the instance __dict__ only (dict_offset > 0)
  Data,      // a data descriptor (property, slot member): descr_get
  NonData,   // a non-data class attribute: instance __dict__ first, then descr (bound by descr_get)
  Method,    // LOAD_METHOD of a function / method descriptor not shadowed by the instance dict
  Store,     // STORE_ATTR into the instance __dict__ (no data descriptor on the type)
};
struct AttrCache {
  TypeObject* type;
  Object* descr;
  uint32_t version;
  uint32_t hint;  // index in the instance dict's entries where the name was last seen
  AttrKind kind;
};

struct InstrPos {
  int end_line, col, end_col;  // col/end_col -1: unknown
};

struct CodeObject : Object {
  Instr* code;
  int* lines;  // line number per instruction
  ssize ncode;
  TupleObject* consts;
  TupleObject* names;     // interned str
  TupleObject* varnames;  // interned str
  TupleObject* cellvars;
  TupleObject* freevars;
  StrObject* filename;
  StrObject* name;
  StrObject* qualname;
  int firstlineno;
  int argcount;
  int posonlyargcount;
  int kwonlyargcount;
  int nlocals;
  int ncells;
  int nfrees;
  int flags;
  int stacksize;
  int maxblocks;
  int framesize;  // nlocals + ncells + nfrees + stacksize
  int* cell2arg;  // per cellvar: index of the argument it starts with, or -1 (nullptr: none)
  GlobalCache* gcache;
  int ngcache;
  bool simple_args;    // no *args/**kwargs/kw-only/cells from args: positional calls copy straight
  Object* co_code;     // cached bytes of co_code (lazy)
  AttrCache* acache;   // one per instruction, allocated at the first attribute instruction run
  uint8_t* positions;  // encoded positions (see above), nullptr: none known
  size_t npositions;   // bytes
};

extern TypeObject CodeType;
inline bool is_code(const Object* o) { return o->type == &CodeType; }

// What the compiler hands over to make a code object.
struct CodeSpec {
  std::vector<Instr> code;
  std::vector<int> lines;
  std::vector<InstrPos> positions;  // per instruction, or empty (unknown)
  std::vector<Object*> consts;      // owned references, moved into the code object
  std::vector<std::string> names, varnames, cellvars, freevars;
  std::vector<uint32_t> gcache_names;  // per LOAD_GLOBAL slot, the name index
  std::string filename, name, qualname;
  int firstlineno = 1, argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int flags = 0, stacksize = 0, maxblocks = 0;
};
CodeObject* code_new(ThreadState* ts, CodeSpec& spec);
// Source range of instruction index i: false when its columns are unknown (line and end line
// are still set).
bool code_position(const CodeObject* co, ssize i, int* line, int* end_line, int* col, int* end_col);
// Line number of instruction index i.
inline int code_line(const CodeObject* co, ssize i) {
  if (i < 0) i = 0;
  if (i >= co->ncode) i = co->ncode - 1;
  return co->ncode ? co->lines[i] : co->firstlineno;
}

}  // namespace gp
