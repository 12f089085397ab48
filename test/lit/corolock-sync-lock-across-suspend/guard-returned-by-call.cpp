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
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held by 'lk' across 'co_await'; the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread; release the lock before suspending or use an async mutex [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: sync mutex 'mu' locked here
}

task<void> from_member() {
  auto lk = registry.lock();
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: a sync lock is possibly held by 'lk' across 'co_await'; the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread; release the lock before suspending or use an async mutex [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-3]]:8: note: a sync lock locked here
}

task<void> unlocked_first() {
  auto lk = acquire(mu);
  lk.unlock();
  co_await send(1);
}
