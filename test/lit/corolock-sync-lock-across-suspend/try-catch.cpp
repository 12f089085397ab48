// A guard inside a try block is destroyed when control leaves the block,
// normally or into a handler: a co_await after the try statement (co_await is
// not allowed inside a handler) is not reported; a co_await inside the try
// block while the guard lives is.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> in_try() {
  bool failed = false;
  try {
    std::lock_guard<std::mutex> lk(mu);
    co_await send(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-4]]:33: note: sync mutex 'mu' locked here
  } catch (...) {
    failed = true;
  }
  if (failed)
    co_await send(2);
}

task<void> after_handler() {
  bool failed = false;
  try {
    std::lock_guard<std::mutex> lk(mu);
    compute(1);
  } catch (...) {
    failed = true;
  }
  co_await send(failed);
}
