// A guard constructed with std::try_to_lock (or a timeout) may or may not own
// its mutex: a co_await without checking is reported as "possibly held".
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
std::timed_mutex tmu;

task<void> unchecked() {
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:32: note: sync mutex 'mu' locked here
}

task<void> timed() {
  std::unique_lock<std::timed_mutex> lk(tmu, std::chrono::milliseconds(5));
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'tmu' is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:38: note: sync mutex 'tmu' locked here
}
