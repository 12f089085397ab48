// A guard copy-initialized from a prvalue (`auto lk = std::unique_lock(m);`,
// with or without class template argument deduction) is one guard variable
// (the copy is elided): reported once, by its name, and released at the end
// of its scope like any other.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> deduced() {
  auto lk = std::unique_lock(mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: sync mutex 'mu' locked here
}

task<void> explicit_type() {
  std::unique_lock<std::mutex> lk = std::unique_lock<std::mutex>(mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
}

task<void> scope_ended() {
  {
    auto lk = std::unique_lock<std::mutex>(mu);
    compute(1);
  }
  co_await send(1);
}
