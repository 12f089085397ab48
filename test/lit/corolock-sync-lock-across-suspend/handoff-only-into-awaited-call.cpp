// Only the awaited expression can take the lock over: passing the guard by
// non-const reference to a call before the co_await, or to a nested call
// whose scalar result cannot carry it (`co_await send(count(lk))`), leaves
// the lock with the coroutine, which is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

int count(std::unique_lock<std::mutex> &lk);
void remember(std::unique_lock<std::mutex> &lk);

std::mutex mu;

task<void> earlier_call() {
  std::unique_lock<std::mutex> lk(mu);
  remember(lk);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:32: note: sync mutex 'mu' locked here
}

task<void> nested_scalar_call() {
  std::unique_lock<std::mutex> lk(mu);
  co_await send(count(lk));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
}
