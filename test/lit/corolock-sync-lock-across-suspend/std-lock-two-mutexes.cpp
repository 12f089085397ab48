// std::lock(m1, m2) locks both mutexes manually: each is reported at a
// co_await while held, with the note at the std::lock call; adopting both
// into guards whose scope ends first leaves nothing held.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex a, b;

task<void> locked() {
  std::lock(a, b);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'a' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:3: note: sync mutex 'a' locked here
  // CHECK-NOTES: :[[@LINE-4]]:3: warning: sync mutex 'b' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-5]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-7]]:3: note: sync mutex 'b' locked here
  a.unlock();
  b.unlock();
}

task<void> adopted() {
  {
    std::lock(a, b);
    std::lock_guard<std::mutex> la(a, std::adopt_lock);
    std::lock_guard<std::mutex> lb(b, std::adopt_lock);
    compute(1);
  }
  co_await send(1);
}
