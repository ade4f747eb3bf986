// The builtin modules: native ones (one file each in stdlib/, registered in stdlib/modules.cpp)
// and Python-source ones (stdlib/py/**.py, embedded into the binary at build time).
#pragma once

#include <string_view>

#include "runtime/runtime.h"

namespace gp {

struct NativeModule {
  const char* name;
  // Fills the freshly created module (its __name__ is set); returns false with an exception set.
  bool (*init)(ThreadState* ts, ModuleObject* module);
};

// nullptr-name-terminated table in stdlib/modules.cpp.
extern const NativeModule kNativeModules[];
const NativeModule* find_native_module(std::string_view name);

struct EmbeddedModule {
  const char* name;    // dotted name: "threading", "concurrent.futures"
  const char* source;  // UTF-8 Python source
  bool is_package;     // came from an __init__.py
};
// Init functions of the native modules (each defined in the file named after its module).
bool init_builtins(ThreadState* ts, ModuleObject* m);   // stdlib/builtins.cpp
bool init_sys(ThreadState* ts, ModuleObject* m);        // stdlib/sys.cpp
bool init_os(ThreadState* ts, ModuleObject* m);         // stdlib/os.cpp (also os.path)
bool init_posixpath(ThreadState* ts, ModuleObject* m);  // stdlib/os.cpp
bool init_time(ThreadState* ts, ModuleObject* m);       // stdlib/time.cpp
bool init_math(ThreadState* ts, ModuleObject* m);       // stdlib/math.cpp
bool init_random(ThreadState* ts,
                 ModuleObject* m);                // stdlib/random.cpp (_random: Mersenne Twister)
bool init_io(ThreadState* ts, ModuleObject* m);   // stdlib/io.cpp
bool init_gc(ThreadState* ts, ModuleObject* m);   // stdlib/gc.cpp
bool init_dis(ThreadState* ts, ModuleObject* m);  // stdlib/dis.cpp
bool init_thread(ThreadState* ts, ModuleObject* m);  // stdlib/thread.cpp (_thread)
bool init_signal(ThreadState* ts, ModuleObject* m);  // stdlib/signal.cpp
bool init_gilpy(ThreadState* ts, ModuleObject* m);   // stdlib/gilpy.cpp (_gilpy: GIL policy, stats)
bool init_itertools(ThreadState* ts, ModuleObject* m);    // stdlib/itertools.cpp
bool init_operator(ThreadState* ts, ModuleObject* m);     // stdlib/operator.cpp (_operator)
bool init_functools(ThreadState* ts, ModuleObject* m);    // stdlib/functools.cpp (_functools)
bool init_collections(ThreadState* ts, ModuleObject* m);  // stdlib/collections.cpp (_collections)
bool init_errno(ThreadState* ts, ModuleObject* m);        // stdlib/errno.cpp
bool init_multiprocessing(ThreadState* ts, ModuleObject* m);  // stdlib/multiprocessing.cpp
bool init_re(ThreadState* ts, ModuleObject* m);      // stdlib/re.cpp (_re: the regex engine)
bool init_pickle(ThreadState* ts, ModuleObject* m);  // stdlib/pickle.cpp (_pickle accelerator)

// Generated at build time from stdlib/py (build/embedded_modules.cpp).
const EmbeddedModule* find_embedded_module(std::string_view name);

}  // namespace gp
