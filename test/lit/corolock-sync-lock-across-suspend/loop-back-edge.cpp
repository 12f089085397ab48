// A lock taken at the end of a loop body is still held when the next
// iteration suspends at its top: that co_await is reported as "possibly held"
// (not held on the first iteration), "held from the previous iteration", and
// the acquisition's note says it is held into the next iteration. Unlocking
// before the back edge fixes it.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> locked_at_end(int n) {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  for (int i = 0; i < n; ++i) {
    co_await send(i);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is possibly held by 'lk' across 'co_await' (held from the previous iteration) [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE+2]]:8: note: sync mutex 'mu' locked here, then held into the next iteration
    compute(i);
    lk.lock();
  }
}

task<void> unlocked_before_back_edge(int n) {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  for (int i = 0; i < n; ++i) {
    co_await send(i);
    lk.lock();
    compute(i);
    lk.unlock();
  }
}

task<void> manual_at_end(int n) {
  while (n-- > 0) {
    co_await send(n);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is possibly held across 'co_await' (held from the previous iteration) [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE+1]]:8: note: sync mutex 'mu' locked here, then held into the next iteration
    mu.lock();
  }
  mu.unlock();
}
