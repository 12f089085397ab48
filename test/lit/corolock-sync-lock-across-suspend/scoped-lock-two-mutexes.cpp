// std::scoped_lock over two mutexes is reported once, naming both mutexes in
// the plural; with one mutex, in the singular; out of scope, not at all.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b;

task<void> two() {
  std::scoped_lock lk(a, b);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutexes 'a' and 'b' are held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock them meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:20: note: sync mutexes 'a' and 'b' locked here
}

task<void> one() {
  std::scoped_lock lk(a);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'a' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:20: note: sync mutex 'a' locked here
}

task<void> scoped() {
  {
    std::scoped_lock lk(a, b);
    compute(1);
  }
  co_await send(1);
}
