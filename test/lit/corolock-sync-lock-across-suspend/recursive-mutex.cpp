// std::recursive_mutex is a sync mutex like any other (recursion does not
// help another thread unlock it): reported across co_await while held.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::recursive_mutex mu;

task<void> held() {
  std::lock_guard<std::recursive_mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:41: note: sync mutex 'mu' locked here
}

task<void> released() {
  std::unique_lock<std::recursive_mutex> lk(mu);
  lk.unlock();
  co_await send(1);
}
