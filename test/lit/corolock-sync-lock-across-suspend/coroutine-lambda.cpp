// A coroutine lambda is analysed as a coroutine of its own: a lock it holds
// across its co_await is reported, one it releases first is not.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

void spawn(task<void>);

void schedule() {
  auto held = [&]() -> task<void> {
    std::lock_guard<std::mutex> lk(mu);
    co_await send(1);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-4]]:33: note: sync mutex 'mu' locked here
  };
  spawn(held());

  auto released = [&]() -> task<void> {
    std::unique_lock<std::mutex> lk(mu);
    lk.unlock();
    co_await send(1);
  };
  spawn(released());
}
