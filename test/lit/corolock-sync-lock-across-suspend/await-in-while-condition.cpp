// A co_await in a while or do-while condition suspends on every iteration:
// reported while a lock taken before the loop is held; a guard scoped to the
// loop body is destroyed before the condition is evaluated again.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held_while() {
  std::lock_guard<std::mutex> lk(mu);
  while (co_await fetch(1))
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
    compute(1);
}

task<void> held_do_while() {
  std::lock_guard<std::mutex> lk(mu);
  do {
    compute(1);
  } while (co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-6]]:31: note: sync mutex 'mu' locked here
}

task<void> scoped_to_body() {
  while (co_await fetch(1)) {
    std::lock_guard<std::mutex> lk(mu);
    compute(1);
  }
}
