// A handler can be entered from any point of its try block: a mutex locked
// manually in a handler is possibly held after the try statement (reported),
// while the try block's guards are destroyed by unwinding and a handler that
// unlocks leaves nothing held.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> locks_in_handler() {
  try {
    std::lock_guard<std::mutex> g(mu);
    compute(1);
  } catch (...) {
    mu.lock();
  }
  co_await send(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:8: note: sync mutex 'mu' locked here
  mu.unlock();
}

task<void> unlocks_in_handler() {
  mu.lock();
  try {
    compute(1);
    mu.unlock();
  } catch (...) {
    mu.unlock();
  }
  co_await send(2);
}
