// A guard temporary whose template arguments are deduced (`std::lock_guard{m}`)
// or written through an alias is named by its full canonical type,
// 'std::lock_guard<std::mutex>', the same with every LLVM version.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

namespace ns {
using Mutex = std::mutex;
} // namespace ns

std::mutex mu;
ns::Mutex amu;
void use(const std::lock_guard<std::mutex> &, int);

task<void> deduced() {
  use(std::lock_guard{mu}, co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: sync mutex 'mu' is held by a temporary 'std::lock_guard<std::mutex>' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:28: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-3]]:7: note: sync mutex 'mu' locked here
}

task<void> through_alias() {
  use(std::lock_guard<ns::Mutex>{amu}, co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:40: warning: sync mutex 'amu' is held by a temporary 'std::lock_guard<std::mutex>' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:40: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-3]]:7: note: sync mutex 'amu' locked here
}
