// `co_yield co_await f();` has two suspension points, the co_await in the
// operand and the co_yield itself: each is reported while a lock is held (a
// warning at the first, a note at the other), neither after unlock().
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  co_yield co_await fetch(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_yield' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-4]]:12: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
}

task<void> released() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  co_yield co_await fetch(1);
}
