// unique_lock::release() as the body of an if discards its result: on that
// path the coroutine itself keeps the mutex locked, on the other the guard
// does, so both are reported as possibly held. release() in the condition
// uses the result (the mutex is unlocked through it) and is not reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> released_in_branch(bool b) {
  std::unique_lock<std::mutex> lk(mu);
  if (b)
    lk.release();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-6]]:32: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: sync mutex 'mu' is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-9]]:32: note: sync mutex 'mu' locked here
}

task<void> released_in_condition() {
  std::unique_lock<std::mutex> lk(mu);
  if (std::mutex *m = lk.release())
    m->unlock();
  co_await send(1);
}
