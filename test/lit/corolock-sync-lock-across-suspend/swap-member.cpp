// unique_lock::swap exchanges ownership: after swapping with an empty guard
// the other guard holds the mutex (reported by its name), and swapping back
// an empty guard leaves nothing held.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> swapped_out() {
  std::unique_lock<std::mutex> lk(mu);
  std::unique_lock<std::mutex> other;
  lk.swap(other);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'other' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-6]]:32: note: sync mutex 'mu' locked here
}

task<void> swapped_into_dead_scope() {
  std::unique_lock<std::mutex> lk(mu);
  {
    std::unique_lock<std::mutex> other;
    other.swap(lk);
  }
  co_await send(1);
}
