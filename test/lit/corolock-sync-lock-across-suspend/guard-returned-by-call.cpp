// A guard returned by a call (`auto lk = acquire(mu);`) may or may not own
// its lock: reported as "possibly held", naming the mutex when it is an
// argument and "a sync lock" when it is not known. Unlocking it first is
// silent.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::unique_lock<std::mutex> acquire(std::mutex &m);

struct Registry {
  std::unique_lock<std::mutex> lock();
};

std::mutex mu;
Registry registry;

task<void> from_function() {
  auto lk = acquire(mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: sync mutex 'mu' locked here
}

task<void> from_member() {
  auto lk = registry.lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: a sync lock is possibly held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: guard 'lk' takes its sync lock here
}

task<void> unlocked_first() {
  auto lk = acquire(mu);
  lk.unlock();
  co_await send(1);
}
