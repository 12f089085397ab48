// A lock released on only one branch is possibly held after the join; the
// note points at the acquisition. Released on both branches, nothing is
// reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> one_branch(bool done) {
  std::unique_lock<std::mutex> lk(mu);
  if (done)
    lk.unlock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-6]]:32: note: sync mutex 'mu' locked here
}

task<void> both_branches(bool done) {
  std::unique_lock<std::mutex> lk(mu);
  if (done) {
    compute(1);
    lk.unlock();
  } else {
    lk.unlock();
  }
  co_await send(1);
}
