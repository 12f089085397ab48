// `co_return co_await f();` suspends before returning: reported while a lock
// is held; not when the guard's scope ended before the co_return.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int cached;

task<int> held() {
  std::lock_guard<std::mutex> lk(mu);
  co_return co_await fetch(cached);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:13: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
}

task<int> scope_ended() {
  int key;
  {
    std::lock_guard<std::mutex> lk(mu);
    key = cached;
  }
  co_return co_await fetch(key);
}
