// A guard declared in an if statement's init-statement lives until the end
// of the whole if statement: a co_await in either branch is reported (a
// warning at the first, a note at the other), one after the if statement is
// not.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
int state;

task<void> if_init() {
  if (std::lock_guard<std::mutex> lk(mu); state > 0) {
    co_await send(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-4]]:35: note: sync mutex 'mu' locked here
  } else {
    co_await send(2);
    // CHECK-NOTES: :[[@LINE-1]]:5: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
  }
  co_await send(3);
}
