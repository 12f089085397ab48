// A co_await in an if condition (plain, or after an init-statement) is a
// suspension point: reported while a lock is held; a lock taken only inside
// the branch is not held at the condition.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  if (co_await fetch(1))
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
    compute(1);
  if (int v = 2; v < co_await fetch(v))
  // CHECK-NOTES: :[[@LINE-1]]:22: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
    compute(2);
}

task<void> locked_in_branch() {
  if (co_await fetch(1)) {
    std::lock_guard<std::mutex> lk(mu);
    compute(1);
  }
}
