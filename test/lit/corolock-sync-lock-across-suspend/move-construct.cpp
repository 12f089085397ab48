// Moving a guard into a new guard transfers ownership: the new guard is
// reported while alive (the note stays at the original acquisition); the
// moved-from guard owns nothing, so once the new guard's scope ends nothing
// is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> moved_into_outer() {
  std::unique_lock<std::mutex> lk(mu);
  std::unique_lock<std::mutex> owner(std::move(lk));
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'owner' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:32: note: sync mutex 'mu' locked here
}

task<void> moved_into_inner() {
  std::unique_lock<std::mutex> lk(mu);
  {
    auto owner = std::move(lk);
    compute(1);
  }
  co_await send(1);
}
