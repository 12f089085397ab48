// A loop condition refines a try_to_lock guard like an if does: inside
// `while (!lk.owns_lock())` the lock is not held (silent); after the loop it
// is, acquired by the constructor or by the lk.try_lock() in the loop
// (reported with both notes).
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> retry() {
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  while (!lk.owns_lock()) {
    co_await sleep_for(1);
    lk.try_lock();
  }
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-8]]:32: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-6]]:8: note: sync mutex 'mu' locked here
}
