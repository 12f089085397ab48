// A guard built with std::adopt_lock takes over a mutex the coroutine locked
// with m.lock(): a co_await while the guard lives is reported once, by the
// guard, with the note at the m.lock() call; after the guard's scope ends
// the mutex is unlocked and nothing is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> adopted() {
  mu.lock();
  std::lock_guard<std::mutex> lk(mu, std::adopt_lock);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:6: note: sync mutex 'mu' locked here
}

task<void> adopted_in_scope() {
  mu.lock();
  {
    std::lock_guard<std::mutex> lk(mu, std::adopt_lock);
    compute(1);
  }
  co_await send(1);
}
