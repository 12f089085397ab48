// A deferred guard owns its mutex once lock() is called: a co_await after
// lk.lock() is reported, with the note at the lock() call.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> deferred_then_locked() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  co_await send(1);
  lk.lock();
  co_await send(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:6: note: sync mutex 'mu' locked here
}
