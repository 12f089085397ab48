// The classic pattern `while (!ready()) { lk.unlock(); co_await ...;
// lk.lock(); }` suspends without the lock (not reported). After the loop the
// guard holds the lock again, acquired either before the loop or by the
// lk.lock() in it: a co_await there is reported with both notes, and is
// silent once unlocked.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
bool ready();

task<void> unlocked_after_loop() {
  std::unique_lock<std::mutex> lk(mu);
  while (!ready()) {
    lk.unlock();
    co_await sleep_for(1);
    lk.lock();
  }
  compute(1);
  lk.unlock();
  co_await send(1);
}

task<void> held_after_loop() {
  std::unique_lock<std::mutex> lk(mu);
  while (!ready()) {
    lk.unlock();
    co_await sleep_for(1);
    lk.lock();
  }
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-9]]:32: note: sync mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-6]]:8: note: sync mutex 'mu' locked here
}
