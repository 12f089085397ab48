// A StrictMode value that is not a bool gets clang-tidy's own invalid-value
// warning, and the option keeps its default (false): held locks are still
// reported, a guard that does not own its lock is not.
// RUN: %check_corolock --config="{CheckOptions: {corolock-sync-lock-across-suspend.StrictMode: 'maybe'}}" corolock-sync-lock-across-suspend %s -- %mocks
// CHECK-NOTES: warning: invalid configuration value 'maybe' for option 'corolock-sync-lock-across-suspend.StrictMode'; expected a bool [clang-tidy-config]

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
}

task<void> unlocked() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  co_await send(1);
}
