// Mutexes the lock model knows from thread-safety attributes or from the
// shared options (AsyncMutexes, AsyncGuards) lock and unlock as the presets
// do.
// RUN: %check_corolock --config="{CheckOptions: {corolock-read-release-write.AsyncMutexes: 'app::FairMutex', corolock-read-release-write.AsyncGuards: 'app::FairGuard'}}" corolock-read-release-write %s -- %mocks

#include "std_coroutine.h"
#include "task.h"

class __attribute__((capability("mutex"))) SpinLock {
public:
  void Acquire() __attribute__((acquire_capability()));
  void Release() __attribute__((release_capability()));
};

namespace app {
class FairMutex {
public:
  struct Acquire {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() noexcept {}
  };
  Acquire lock();
  void unlock();
};
class FairGuard {
public:
  explicit FairGuard(FairMutex &m);
  ~FairGuard();
};
} // namespace app

SpinLock spin;
app::FairMutex fair;
int counter;

task<void> spin_locked() {
  spin.Acquire();
  int v = counter;
  spin.Release();
  co_await send(v);
  spin.Acquire();
  counter = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'counter' is written under 'spin' based on 'counter'{{.*}} [corolock-read-release-write]
  spin.Release();
}

task<void> fair_locked() {
  co_await fair.lock();
  int v = counter;
  fair.unlock();
  co_await send(v);
  app::FairGuard g(fair);
  counter = v + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'counter' is written under 'fair' based on 'counter'{{.*}} [corolock-read-release-write]
}
