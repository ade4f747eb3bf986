// Generators: a heap frame owned by a generator object, resumed by a nested run of the eval loop
// (send/next/throw/close, FOR_ITER, yield from's SEND).
#pragma once

#include "interp/frame.h"
#include "interp/function.h"

namespace gp {

struct GeneratorObject : Object {
  Frame* frame;  // owned heap frame; nullptr once finished
  CodeObject* code;
  StrObject* name;
  StrObject* qualname;
  Interpreter* interp;
  bool running;
  bool started;
};

extern TypeObject GeneratorType;
inline bool is_generator(const Object* o) { return o->type == &GeneratorType; }

// Makes the generator for a call of a generator function (args bound into a fresh heap frame).
Object* generator_from_call(ThreadState* ts, FunctionObject* func, Object* const* args,
                            size_t nargs, TupleObject* kwnames);

enum class GenStatus { Yielded, Returned, Error };
// Resumes gen with value (send) or, when exc is non-null, by raising exc in it (steals exc).
// *result receives the yielded or returned value (new reference) unless Error.
GenStatus gen_send_ex(ThreadState* ts, GeneratorObject* gen, Object* value, Object* exc,
                      Object** result);
// gen.send(value) semantics for the VM's SEND: Returned leaves a StopIteration unset.
Object* gen_throw_obj(ThreadState* ts, GeneratorObject* gen, Object* typ, Object* val, Object* tb);

}  // namespace gp
