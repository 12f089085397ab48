// A guard moved into the awaited call (taken by value) belongs to the callee:
// neither the call's co_await nor a later one is reported. Moving it into a
// call that is not awaited, and awaiting something else in the same
// expression, is reported (the argument temporary holds the lock).
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

task<void> consume(std::unique_lock<std::mutex> lk);
int stash(std::unique_lock<std::mutex> lk);

std::mutex mu;

task<void> moved_into_awaited() {
  std::unique_lock<std::mutex> lk(mu);
  co_await consume(std::move(lk));
  co_await send(1);
}

task<void> built_in_place() {
  co_await consume(std::unique_lock<std::mutex>(mu));
}

task<void> moved_into_other_call() {
  std::unique_lock<std::mutex> lk(mu);
  compute(stash(std::move(lk)) + co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:34: warning: sync mutex 'mu' is held by a temporary 'std::unique_lock<std::mutex>' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:34: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
  co_await send(1);
}
