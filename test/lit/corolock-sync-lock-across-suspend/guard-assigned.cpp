// An empty guard owns nothing (silent); assigning it a freshly constructed
// guard makes it hold that mutex (reported, the note at the construction),
// and assigning it a guard returned by a call makes it possibly hold it (a
// note at that co_await: one finding per guard).
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::unique_lock<std::mutex> take_lock(std::mutex &m);

std::mutex a, b;

task<void> assigned() {
  std::unique_lock<std::mutex> lk;
  co_await send(0);
  lk = std::unique_lock<std::mutex>(a);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'a' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: sync mutex 'a' locked here
  // CHECK-NOTES: :[[@LINE+1]]:6: note: sync mutex 'b' locked here
  lk = take_lock(b);
  co_await send(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: sync mutex 'b' is also possibly held by 'lk' across this 'co_await'
}
