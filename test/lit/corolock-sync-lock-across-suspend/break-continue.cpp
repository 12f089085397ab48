// break and continue leave the loop body's scope and destroy its guards: a
// co_await after the loop, or at the top of the next iteration, is not
// reported. A guard from outside the loop is still held after break.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> body_guard(int n) {
  for (int i = 0; i < n; ++i) {
    co_await send(i);
    std::lock_guard<std::mutex> lk(mu);
    if (compute(i) == 0)
      continue;
    if (compute(i) == 1)
      break;
  }
  co_await send(n);
}

task<void> outer_guard(int n) {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  for (int i = 0; i < n; ++i) {
    if (compute(i) == 0) {
      lk.lock();
      break;
    }
  }
  co_await send(n);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-7]]:10: note: sync mutex 'mu' locked here
}
