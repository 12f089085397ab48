// lock() and unlock() match when they name the same mutex however it is
// spelled: `(&a)->lock()` with `a.unlock()`, `p->lock()` with
// `(*p).unlock()`, and array elements with constant indices. A different
// element stays locked and is reported under its spelling.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a;
std::mutex arr[2];

task<void> spellings(std::mutex *p) {
  (&a)->lock();
  a.unlock();
  co_await send(1);
  p->lock();
  (*p).unlock();
  co_await send(2);
  arr[1].lock();
  arr[1].unlock();
  arr[0].lock();
  co_await send(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'arr[0]' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:10: note: sync mutex 'arr[0]' locked here
  arr[0].unlock();
}
