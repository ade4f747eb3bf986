#include "stdlib/modules.h"

namespace gp {

// One line per native module; Python-source modules in stdlib/py/ need no entry (os, posixpath,
// itertools, operator, functools, collections... are Python modules over these natives).
const NativeModule kNativeModules[] = {
    {"builtins", init_builtins},
    {"sys", init_sys},
    {"posix", init_os},
    {"time", init_time},
    {"math", init_math},
    {"_random", init_random},
    {"_io", init_io},
    {"gc", init_gc},
    {"_dis", init_dis},
    {"_thread", init_thread},
    {"_signal", init_signal},
    {"_gilpy", init_gilpy},
    {"errno", init_errno},
    {"_multiprocessing", init_multiprocessing},
    {"_collections", init_collections},
    {"_re", init_re},
    {"_pickle", init_pickle},
    {nullptr, nullptr},
};

const NativeModule* find_native_module(std::string_view name) {
  for (const NativeModule* m = kNativeModules; m->name; ++m)
    if (name == m->name) return m;
  return nullptr;
}

}  // namespace gp
