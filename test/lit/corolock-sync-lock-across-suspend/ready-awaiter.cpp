// An awaiter whose await_ready() always returns true (constexpr `return
// true;`, like `ready_now`) never suspends and is not reported while a lock
// is held; an awaiter whose readiness depends on state is.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct maybe_ready {
  bool ready;
  bool await_ready() const noexcept { return ready; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};

std::mutex mu;

task<void> ready() {
  std::lock_guard<std::mutex> lk(mu);
  int v = co_await ready_now{};
  compute(v);
}

task<void> not_always_ready() {
  std::lock_guard<std::mutex> lk(mu);
  int v = co_await maybe_ready{true};
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:11: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  compute(v);
}
