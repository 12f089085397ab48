// Built against the real standard library (libstdc++'s
// <mutex>, <shared_mutex> and <coroutine>, no mocks), with its own task type:
// the guards and tags of the real headers behave as the mocks do.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s

#include <coroutine>
#include <mutex>
#include <shared_mutex>

struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct yield_now {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

std::mutex mu;
std::mutex other;
std::shared_mutex rw;

task guard_across_await() {
  std::lock_guard<std::mutex> lk(mu);
  co_await yield_now{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
}

task unlocked_first() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  co_await yield_now{};
}

task deferred() {
  std::unique_lock<std::mutex> lk(mu, std::defer_lock);
  co_await yield_now{};
  lk.lock();
  co_await yield_now{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:6: note: sync mutex 'mu' locked here
}

task tried() {
  std::unique_lock<std::mutex> lk(mu, std::try_to_lock);
  if (!lk.owns_lock())
    co_return;
  co_await yield_now{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-6]]:32: note: sync mutex 'mu' locked here
}

task two_mutexes() {
  std::scoped_lock lk(mu, other);
  co_await yield_now{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutexes 'mu' and 'other' are held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock them meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:20: note: sync mutexes 'mu' and 'other' locked here
}

task reader() {
  std::shared_lock<std::shared_mutex> lk(rw);
  co_await std::suspend_never{};
  co_await std::suspend_always{};
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'rw' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:39: note: sync mutex 'rw' locked here
}
