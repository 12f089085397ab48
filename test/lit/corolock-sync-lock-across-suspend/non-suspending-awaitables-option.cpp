// The NonSuspendingAwaitables option lists awaitable types that never
// suspend (extending std::suspend_never): awaiting one while a lock is held
// is reported by default and not once the type is listed. Types not listed
// are still reported.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-sync-lock-across-suspend %s -- %mocks
// RUN: %check_corolock --check-suffix=LISTED --config="{CheckOptions: {corolock-sync-lock-across-suspend.NonSuspendingAwaitables: 'my::inline_awaitable'}}" corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

namespace my {
// Completes inline; await_ready() is not visibly constant.
struct inline_awaitable {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
} // namespace my

std::mutex mu;

task<void> listed() {
  std::lock_guard<std::mutex> lk(mu);
  co_await my::inline_awaitable{};
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:31: note: sync mutex 'mu' locked here
  co_await sleep_for(1);
  // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:3: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
  // CHECK-NOTES-LISTED: :[[@LINE-2]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES-LISTED: :[[@LINE-3]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES-LISTED: :[[@LINE-9]]:31: note: sync mutex 'mu' locked here
}
