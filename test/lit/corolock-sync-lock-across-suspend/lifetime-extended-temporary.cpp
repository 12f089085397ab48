// A guard temporary bound to a const reference lives as long as the
// reference: reported once, by the reference's name, inside its scope; not
// after the scope ends.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> extended() {
  {
    const std::lock_guard<std::mutex> &g = std::lock_guard<std::mutex>(mu);
    co_await send(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'g' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-4]]:40: note: sync mutex 'mu' locked here
  }
  co_await send(2);
}
