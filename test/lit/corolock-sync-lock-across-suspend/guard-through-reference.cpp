// Operations through a local reference to a guard act on the guard:
// `ref.unlock()` releases it (not reported), `ref.lock()` takes it again
// (reported, with the note at that call).
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> through_reference() {
  std::unique_lock<std::mutex> lk(mu);
  std::unique_lock<std::mutex> &ref = lk;
  ref.unlock();
  co_await send(1);
  ref.lock();
  co_await send(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:7: note: sync mutex 'mu' locked here
}
