// Sanitizer defaults of the unit-test binary (read by ASan/LSan at startup; unused otherwise).
// Every test creates an Interpreter and drops it: the Interpreter is process-lifetime by design
// (destroy_interpreter finalises but never frees it, interp/lifecycle.cpp), so what hangs off it
// is not a leak; anything else unreachable is. Huge mallocs return nullptr (MemoryError), as
// glibc's do in a release build. Same settings as tests/lsan.supp and tests/CMakeLists.txt.
extern "C" const char* __lsan_default_suppressions() { return "leak:gp::create_interpreter\n"; }
extern "C" const char* __asan_default_options() { return "allocator_may_return_null=1"; }
