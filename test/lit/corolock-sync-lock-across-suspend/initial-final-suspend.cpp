// The implicit initial and final suspends are not suspension points for this
// check: a guard passed by value (possibly owning its lock from the start)
// and a mutex still locked manually at the end are not reported there. An
// explicit co_await in the same situation is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> guard_parameter(std::unique_lock<std::mutex> lk) {
  compute(1);
  co_return;
}

task<void> locked_at_end() {
  mu.lock();
  compute(1);
}

task<void> guard_parameter_awaits(std::unique_lock<std::mutex> lk) {
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: a sync lock is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:64: note: guard parameter 'lk' may own its sync lock from the caller
}

task<void> locked_then_awaits() {
  mu.lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:6: note: sync mutex 'mu' locked here
  mu.unlock();
}
