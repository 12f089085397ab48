// A lambda is its own body: a lock held by the enclosing coroutine is not
// held inside a coroutine lambda defined there, and a lock a lambda takes and
// releases does not leak into the enclosing coroutine. Awaiting the lambda's
// task while the enclosing lock is held is reported, at that co_await only.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> defines_lambda() {
  std::lock_guard<std::mutex> lk(mu);
  auto inner = []() -> task<void> { co_await send(1); };
  compute(1);
}

task<void> calls_locking_lambda() {
  auto locked = [] {
    std::lock_guard<std::mutex> lk(mu);
    return compute(1);
  };
  co_await send(locked());
}

task<void> awaits_lambda() {
  std::lock_guard<std::mutex> lk(mu);
  auto inner = []() -> task<void> { co_await send(1); };
  co_await inner();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:31: note: sync mutex 'mu' locked here
}
