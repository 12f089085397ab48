// A co_await in a switch condition is a suspension point: reported while a
// lock is held, not when the lock is taken in a case.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  switch (co_await fetch(1)) {
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  case 0:
    compute(0);
    break;
  default:
    break;
  }
}

task<void> locked_in_case() {
  switch (co_await fetch(1)) {
  case 0: {
    std::lock_guard<std::mutex> lk(mu);
    compute(0);
    break;
  }
  default:
    break;
  }
}
