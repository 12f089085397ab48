// A co_await evaluated only on some paths of an expression (after || or &&,
// in one arm of ?:) is still a suspension point while a lock is held, and is
// reported; the same expressions after unlock() are not.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> held(bool ready) {
  std::lock_guard<std::mutex> lk(mu);
  if (ready || co_await fetch(1))
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:16: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
    compute(1);
  int v = ready ? co_await fetch(2) : 0;
  // CHECK-NOTES: :[[@LINE-1]]:19: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
  compute(ready && co_await fetch(v));
  // CHECK-NOTES: :[[@LINE-1]]:20: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
}

task<void> released(bool ready) {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  if (ready || co_await fetch(1))
    compute(1);
  int v = ready ? co_await fetch(2) : 0;
  compute(v);
}
