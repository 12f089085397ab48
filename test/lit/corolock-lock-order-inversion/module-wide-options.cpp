// The lock model's options are the other checks': a user async mutex named by
// the module-wide corolock.AsyncMutexes takes part in orders; the check's own
// value wins. An invalid RequireSameObject gets clang-tidy's own warning and
// keeps its default.
// RUN: %check_corolock --check-suffix=MODULE --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex'}}" corolock-lock-order-inversion %s -- %mocks
// RUN: %check_corolock --check-suffix=OWN --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex', corolock-lock-order-inversion.AsyncMutexes: 'my::Other'}}" corolock-lock-order-inversion %s -- %mocks
// RUN: %check_corolock --check-suffix=BAD --config="{CheckOptions: {corolock.AsyncMutexes: 'my::AsyncMutex', corolock-lock-order-inversion.RequireSameObject: 'maybe'}}" corolock-lock-order-inversion %s -- %mocks
// CHECK-MESSAGES-BAD: warning: invalid configuration value 'maybe' for option 'corolock-lock-order-inversion.RequireSameObject'; expected a bool [clang-tidy-config]

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

my::AsyncMutex x, y;

task<void> xy() {
  co_await x.lock();
  co_await y.lock();
  y.unlock();
  x.unlock();
}
task<void> yx() {
  co_await y.lock();
  co_await x.lock();
  // CHECK-MESSAGES-MODULE: :[[@LINE-1]]:14: warning: mutex 'x' is locked while 'y' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  // CHECK-MESSAGES-BAD: :[[@LINE-2]]:14: warning: mutex 'x' is locked while 'y' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
  x.unlock();
  y.unlock();
}
