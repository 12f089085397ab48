// A mutex passed by non-const reference (or pointer) to the awaited call is
// handed off: the callee manages it while the coroutine is suspended, so a
// guard or a manual lock of that mutex is not reported there. A different
// mutex held at the same time still is, and so is a guard over several
// mutexes of which only one is handed off.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

task<void> wait_unlocked(std::mutex &m);
task<void> wait_unlocked_ptr(std::mutex *m);

std::mutex mu, other;

task<void> guard() {
  std::unique_lock<std::mutex> lk(mu);
  co_await wait_unlocked(mu);
}

task<void> manual() {
  mu.lock();
  co_await wait_unlocked_ptr(&mu);
  mu.unlock();
}

task<void> other_mutex() {
  std::lock_guard<std::mutex> lk(other);
  mu.lock();
  co_await wait_unlocked(mu);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'other' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:31: note: sync mutex 'other' locked here
  mu.unlock();
}

task<void> one_of_two() {
  std::scoped_lock lk(mu, other);
  co_await wait_unlocked(mu);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutexes 'mu' and 'other' are held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock them meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:20: note: sync mutexes 'mu' and 'other' locked here
}
