// Anchor: std::unique_lock over an async mutex (folly::coro::Mutex) is an
// async guard: holding it across co_await is the intended use and is not
// reported, whether it comes from co_scoped_lock() or adopts a co_lock().
// The same guard template over std::mutex is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-sync-lock-across-suspend %s -- %mocks

#include "folly_coro_mutex.h"
#include "std_mutex.h"
#include "task.h"

folly::coro::Mutex amu;
std::mutex smu;

task<void> scoped() {
  std::unique_lock<folly::coro::Mutex> lk = co_await amu.co_scoped_lock();
  co_await send(1);
}

task<void> adopted() {
  co_await amu.co_lock();
  std::unique_lock<folly::coro::Mutex> lk(amu, std::adopt_lock);
  co_await send(1);
}

task<void> sync_counterpart() {
  std::unique_lock<std::mutex> lk(smu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'smu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'smu' locked here
}
