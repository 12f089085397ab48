// Move-assigning a guard transfers ownership to the target, which is
// reported while alive; the moved-from source is not. Assigning an empty
// guard over an owning one (which unlocks) leaves nothing held.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> assigned_to_outer() {
  std::unique_lock<std::mutex> owner;
  {
    std::unique_lock<std::mutex> lk(mu);
    owner = std::move(lk);
  }
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'owner' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-6]]:34: note: sync mutex 'mu' locked here
}

task<void> assigned_empty() {
  std::unique_lock<std::mutex> lk(mu);
  lk = std::unique_lock<std::mutex>();
  co_await send(1);
}
