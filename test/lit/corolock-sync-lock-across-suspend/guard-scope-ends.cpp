// A guard destroyed at the end of an inner block no longer holds its mutex:
// a co_await after the block is not reported, one inside the block is.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int shared_value;

task<void> after_block() {
  int v;
  {
    std::lock_guard<std::mutex> lk(mu);
    v = shared_value;
  }
  co_await send(v);
}

task<void> inside_block() {
  {
    std::lock_guard<std::mutex> lk(mu);
    co_await send(shared_value);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-4]]:33: note: sync mutex 'mu' locked here
  }
  co_await send(0);
}
