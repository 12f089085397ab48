// m.lock() makes the coroutine hold the mutex until m.unlock(): a co_await in
// between is reported (no holder named), one after unlock() is not. Member,
// pointer and this-> spellings name the same mutex.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct Cache {
  std::mutex mu;
  std::mutex *pmu;
  task<void> refresh();
  task<void> through_pointer();
};

task<void> Cache::refresh() {
  mu.lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:6: note: sync mutex 'mu' locked here
  this->mu.unlock();
  co_await send(2);
}

task<void> Cache::through_pointer() {
  pmu->lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'pmu' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: sync mutex 'pmu' locked here
  pmu->unlock();
  co_await send(2);
}
