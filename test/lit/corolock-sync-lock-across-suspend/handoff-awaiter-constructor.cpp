// An awaiter constructed in the co_await expression that takes the guard by
// non-const reference (`co_await unlock_and_wait(*this, lk)`, braced or not)
// receives the lock and releases it while suspended: not reported. An
// awaiter that only takes it by const reference is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct Scheduler;

struct unlock_and_wait {
  unlock_and_wait(Scheduler &s, std::unique_lock<std::mutex> &lk);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

struct unlock_and_wait_agg {
  Scheduler &s;
  std::unique_lock<std::mutex> &lk;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

struct observe_and_wait {
  observe_and_wait(Scheduler &s, const std::unique_lock<std::mutex> &lk);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};

struct Scheduler {
  std::mutex mu;
  task<void> park() {
    std::unique_lock<std::mutex> lk(mu);
    co_await unlock_and_wait(*this, lk);
    co_await unlock_and_wait_agg{*this, lk};
    co_await observe_and_wait(*this, lk);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
    // CHECK-NOTES: :[[@LINE-6]]:34: note: sync mutex 'mu' locked here
  }
};
