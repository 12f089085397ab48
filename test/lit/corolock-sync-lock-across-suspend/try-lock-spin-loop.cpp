// Spinning with `while (!m.try_lock()) co_await ...;` suspends only while
// the mutex is not held (not reported); once the loop exits the coroutine
// holds it, so a co_await before unlock() is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> spin() {
  while (!mu.try_lock())
    co_await sleep_for(1);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:14: note: sync mutex 'mu' locked here
  mu.unlock();
}

task<void> spin_then_unlock() {
  while (!mu.try_lock())
    co_await sleep_for(1);
  compute(1);
  mu.unlock();
  co_await send(1);
}
