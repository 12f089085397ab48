// The lock model's options are the other checks': a user async mutex named by
// the module-wide corolock.AsyncMutexes is checked; the check's own value
// wins over it.
// RUN: %check_corolock --check-suffix=MODULE --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex'}}" corolock-lock-reentry %s -- %mocks
// RUN: %check_corolock --check-suffix=OWN --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex', corolock-lock-reentry.AsyncMutexes: 'my::Other'}}" corolock-lock-reentry %s -- %mocks

#include "task.h"

namespace my {
struct Awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
class AsyncMutex {
public:
  Awaiter lock();
  void unlock();
};
} // namespace my

struct Cache {
  my::AsyncMutex mu;
  task<void> put() {
    co_await mu.lock();
    mu.unlock();
  }
  task<void> refresh() {
    co_await mu.lock();
    co_await put();
    // CHECK-MESSAGES-MODULE: :[[@LINE-1]]:14: warning: 'Cache::put' locks async mutex 'mu', which this coroutine already holds here [corolock-lock-reentry]
    mu.unlock();
  }
};
