// absl::MutexLock (which takes an absl::Mutex*) is a sync guard: reported
// across co_await, naming the mutex it points to ('mu', not '&mu');
// absl::Mutex::Lock() and Unlock() are manual locking. Out of scope or
// unlocked, nothing is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "absl_mutex.h"
#include "task.h"

absl::Mutex mu;

task<void> guarded() {
  absl::MutexLock lock(&mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lock' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:19: note: sync mutex 'mu' locked here
}

task<void> manual() {
  mu.Lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:6: note: sync mutex 'mu' locked here
  mu.Unlock();
  co_await send(2);
}

task<void> scoped() {
  {
    absl::ReaderMutexLock lock(&mu);
    compute(1);
  }
  co_await send(1);
}
