// co_return does not suspend (only the implicit final suspend follows, after
// locals are destroyed): a lock held at co_return is not reported. A
// co_await on the same path is.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int cached;

task<int> returns_while_held() {
  std::lock_guard<std::mutex> lk(mu);
  co_return cached;
}

task<void> returns_void_while_held() {
  std::lock_guard<std::mutex> lk(mu);
  compute(cached);
  co_return;
}

task<int> awaits_then_returns() {
  std::lock_guard<std::mutex> lk(mu);
  co_await send(cached);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  co_return cached;
}
