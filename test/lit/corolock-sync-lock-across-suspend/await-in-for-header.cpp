// A co_await in a for loop's condition or increment is a suspension point:
// reported while a lock taken before the loop is held; a guard scoped to the
// loop body is gone when the header runs.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  for (int i = 0; i < co_await fetch(1); i += co_await fetch(2))
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:23: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-4]]:47: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
    compute(i);
}

task<void> scoped_to_body() {
  for (int i = 0; i < co_await fetch(1); i += co_await fetch(2)) {
    std::lock_guard<std::mutex> lk(mu);
    compute(i);
  }
}
