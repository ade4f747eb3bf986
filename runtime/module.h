#pragma once

#include "runtime/object.h"

namespace gp {

struct ModuleObject : Object {
  DictObject* dict;  // __dict__: __name__, __doc__, __file__, ... and the module's globals
  void* state;       // native modules' per-module data (freed by the module's own code)
};

extern TypeObject ModuleType;

ModuleObject* module_new(ThreadState* ts, std::string_view name);
// Adds value under name (steals value; returns false and releases it on error).
bool module_add(ThreadState* ts, ModuleObject* m, const char* name, Object* value);
// Adds one builtin function per MethodDef (the table must outlive the interpreter: static).
bool module_add_functions(ThreadState* ts, ModuleObject* m, const MethodDef* defs);
Object* module_get(ThreadState* ts, ModuleObject* m, const char* name);  // borrowed or nullptr

}  // namespace gp
