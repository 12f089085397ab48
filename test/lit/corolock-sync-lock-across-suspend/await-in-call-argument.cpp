// A co_await in a call argument suspends while the enclosing lock is held and
// is reported; the same call after unlock() is not.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::unique_lock<std::mutex> lk(mu);
  compute(co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
}

task<void> released() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  compute(co_await fetch(1));
}
