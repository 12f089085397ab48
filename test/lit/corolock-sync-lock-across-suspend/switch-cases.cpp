// Each switch case is its own path: a lock taken in one case (and released
// at its end) is not held in the others; falling through from a case that
// keeps its lock reaches the next case's co_await possibly held.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> separate_cases(int op) {
  switch (op) {
  case 0: {
    std::lock_guard<std::mutex> lk(mu);
    compute(0);
    break;
  }
  case 1:
    co_await send(1);
    break;
  default:
    co_await send(2);
  }
}

task<void> falls_through(int op) {
  switch (op) {
  case 0:
    mu.lock();
    [[fallthrough]];
  case 1:
    co_await send(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is possibly held across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-6]]:8: note: sync mutex 'mu' locked here
    break;
  }
  mu.unlock();
}
