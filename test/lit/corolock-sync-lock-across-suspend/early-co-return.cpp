// A path that co_returns before reaching a co_await does not carry its lock
// there: unlocking on the fall-through path and returning on the other path
// leaves the co_await clean. Forgetting to unlock on the fall-through path is
// reported as held.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int state;

task<void> returns_while_locked() {
  std::unique_lock<std::mutex> lk(mu);
  if (state == 0)
    co_return;
  lk.unlock();
  co_await send(state);
}

task<void> falls_through_locked() {
  std::unique_lock<std::mutex> lk(mu);
  if (state == 0) {
    lk.unlock();
    co_return;
  }
  co_await send(state);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-8]]:32: note: sync mutex 'mu' locked here
}
