// AddressSanitizer builds only: operator new through malloc, throwing std::bad_alloc when it fails.
// ASan's own operator new aborts the process on a failed allocation whatever the options, while a
// release build throws std::bad_alloc, which the natives turn into MemoryError
// (vm_catch_bad_alloc): "{:99999999999}".format(1) must raise MemoryError in both builds.
// (With ASAN_OPTIONS=allocator_may_return_null=1, as tests/CMakeLists.txt sets, malloc returns
// nullptr instead of aborting.)
#if defined(__SANITIZE_ADDRESS__)
#include <cstdlib>
#include <new>

void* operator new(std::size_t n) {
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return std::malloc(n ? n : 1); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  return std::malloc(n ? n : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
#endif
