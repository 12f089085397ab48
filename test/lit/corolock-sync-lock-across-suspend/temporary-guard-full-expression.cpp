// A guard temporary lives until the end of its full expression: a co_await
// evaluated after it in the same expression is reported (clang evaluates
// call arguments left to right), naming the temporary's type.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;
void use(const std::lock_guard<std::mutex> &, int);

task<void> braced() {
  use(std::lock_guard<std::mutex>{mu}, co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: sync mutex 'mu' is held by a temporary 'std::lock_guard<std::mutex>' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:40: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-3]]:7: note: sync mutex 'mu' locked here
}

task<void> parenthesized() {
  use(std::lock_guard<std::mutex>(mu), co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: sync mutex 'mu' is held by a temporary 'std::lock_guard<std::mutex>' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:40: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-3]]:7: note: sync mutex 'mu' locked here
}
