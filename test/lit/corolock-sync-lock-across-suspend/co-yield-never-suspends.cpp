// For co_yield the awaiter is what yield_value() returns: a promise whose
// yield_value() returns std::suspend_never never suspends there (silent),
// while the task promise's std::suspend_always does (reported).
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct eager_gen {
  struct promise_type {
    eager_gen get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    std::suspend_never yield_value(int) { return {}; }
  };
};

std::mutex mu;

eager_gen never_suspends() {
  std::lock_guard<std::mutex> lk(mu);
  co_yield 1;
}

task<void> suspends() {
  std::lock_guard<std::mutex> lk(mu);
  co_yield 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_yield' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
}
