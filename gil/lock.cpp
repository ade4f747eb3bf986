// gil::Lock, the primitive behind _thread.lock: a flag guarded by a mutex and a condition
// variable, so that waits can time out and (on the main thread) be cut into slices that notice
// pending signals. acquire tries first without releasing the GIL, as CPython does.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "gil/gil.h"

namespace gp::gil {

struct Lock::Impl {
  std::mutex mu;
  std::condition_variable cv;
  bool locked = false;
};

Lock::Lock() : impl_(new Impl) {}
Lock::~Lock() { delete impl_; }

bool Lock::try_acquire() {
  std::lock_guard lk(impl_->mu);
  if (impl_->locked) return false;
  impl_->locked = true;
  return true;
}

bool Lock::release() {
  {
    std::lock_guard lk(impl_->mu);
    if (!impl_->locked) return false;
    impl_->locked = false;
  }
  impl_->cv.notify_one();
  return true;
}

bool Lock::locked() const {
  std::lock_guard lk(impl_->mu);
  return impl_->locked;
}

int Lock::acquire(ThreadState* ts, bool blocking, double timeout) {
  if (try_acquire()) return 1;
  if (!blocking || timeout == 0) return 0;
  double deadline = timeout < 0 ? -1 : monotonic() + timeout;
  bool main = ts && is_main_thread(ts);
  for (;;) {
    bool got = false, interrupted = false;
    {
      std::optional<Released> released;
      if (ts) released.emplace(ts);
      std::unique_lock lk(impl_->mu);
      while (impl_->locked) {
        if (main && ts->interp->signals_pending.load(std::memory_order_relaxed)) {
          interrupted = true;
          break;
        }
        double slice = 3600;
        if (deadline >= 0) {
          double left = deadline - monotonic();
          if (left <= 0) break;
          slice = std::min(slice, left);
        }
        if (main) slice = std::min(slice, 0.02);
        impl_->cv.wait_for(lk, std::chrono::duration<double>(slice));
      }
      if (!impl_->locked) {
        impl_->locked = true;
        got = true;
      }
    }
    if (got) return 1;
    if (!interrupted) return 0;
    if (!check_signals(ts)) return -1;
  }
}

}  // namespace gp::gil
