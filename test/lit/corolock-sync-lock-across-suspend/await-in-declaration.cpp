// Anchor: a suspension inside a variable's initializer (`int x = co_await
// f();`) while a lock is held is reported (misc-coroutine-hostile-raii only
// looks at co_await statements and misses it); the same declaration before
// the lock is taken is not.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int total;

task<void> held_in_initializer() {
  std::lock_guard<std::mutex> lk(mu);
  int x = co_await fetch(1);
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  total += x;
}

task<void> initializer_before_lock() {
  int x = co_await fetch(1);
  std::lock_guard<std::mutex> lk(mu);
  total += x;
}
