// m.try_lock() in a condition holds the mutex only on the success branch:
// a co_await there is reported as held; on the failure branch, and after the
// success branch unlocks, nothing is reported. An unchecked try_lock() is
// "possibly held".
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> checked() {
  if (mu.try_lock()) {
    co_await send(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: sync mutex 'mu' locked here
    mu.unlock();
  } else {
    co_await send(2);
  }
  co_await send(3);
}

task<void> negated() {
  if (!mu.try_lock())
    co_return;
  mu.unlock();
  co_await send(1);
}

task<void> unchecked() {
  (void)mu.try_lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:12: note: sync mutex 'mu' locked here
  mu.unlock();
}
