// std::lock over deferred guards (`std::lock(l1, l2)`) makes each guard own
// its mutex: a co_await before is silent, one after is reported for each
// guard, with the note at the std::lock call.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b;

task<void> deferred_then_locked() {
  std::unique_lock<std::mutex> l1(a, std::defer_lock), l2(b, std::defer_lock);
  co_await send(0);
  std::lock(l1, l2);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'a' is held by 'l1' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:3: note: sync mutex 'a' locked here
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: sync mutex 'b' is held by 'l2' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-7]]:3: note: sync mutex 'b' locked here
}
