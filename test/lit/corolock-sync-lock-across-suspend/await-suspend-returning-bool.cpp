// An awaiter whose await_suspend() returns bool may resume at once (false) or
// stay suspended (true); which one is not known, so it is a suspension point
// and reported while a lock is held, unlike an awaiter that is always ready.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct maybe_suspend {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) const noexcept { return false; }
  void await_resume() const noexcept {}
};

std::mutex mu;

task<void> held() {
  std::lock_guard<std::mutex> lk(mu);
  co_await maybe_suspend{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
}

task<void> ready() {
  std::lock_guard<std::mutex> lk(mu);
  co_await ready_now{};
}
