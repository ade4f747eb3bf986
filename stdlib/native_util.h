// Small helpers shared by the host+stdlib area's native modules (io, os, time, random...).
#pragma once

#include <mutex>
#include <string>

#include "runtime/runtime.h"

namespace gp {

// A zeroed static type of a stdlib module ("_io.FileIO"), immortal; callers fill the slots and
// make it ready with ready_stdlib_type in the module's init.
inline TypeObject stdlib_static_type(const char* name, ssize basicsize, uint64_t flags,
                                     TypeObject* base = &ObjectType) {
  TypeObject t{};
  t.refcnt = kImmortalRefcnt;
  t.type = &TypeType;
  t.name = name;
  t.basicsize = basicsize;
  t.flags = flags | kImmutableType;
  t.base = base;
  return t;
}

// type_ready once per process (stdlib types are static and shared by every interpreter).
inline bool ready_stdlib_type(ThreadState* ts, TypeObject* t) {
  static std::mutex* m = new std::mutex();
  std::lock_guard<std::mutex> lock(*m);
  if (t->flags & kReady) return true;
  return type_ready(ts, t);
}

// str / bytes / os.PathLike -> the path as a std::string (os.fspath rules). False with TypeError.
bool path_arg(ThreadState* ts, Object* o, std::string* out, const char* fname,
              bool allow_fd = false, int* fd = nullptr);

}  // namespace gp
