// Checking a try_to_lock guard with owns_lock() or its bool conversion makes
// the lock definitely held on the true branch (reported as "held") and not
// held on the false branch (silent).
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> owns_lock() {
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  if (lk.owns_lock()) {
    co_await send(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-5]]:32: note: sync mutex 'mu' locked here
  } else {
    co_await send(2);
  }
}

task<void> bool_conversion() {
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  if (!lk) {
    co_await send(2);
    co_return;
  }
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-8]]:32: note: sync mutex 'mu' locked here
}
