// co_yield suspends the coroutine: reported, naming 'co_yield', while a lock
// is held; not after unlock().
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::unique_lock<std::mutex> lk(mu);
  co_yield 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_yield' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
}

task<void> released() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  co_yield 1;
}
