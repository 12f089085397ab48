// A co_await written through a macro (`AWAIT(x)`) or inside a macro argument
// is reported where the macro is used, with clang's expansion note, then the
// explanation (outside the macro, without another expansion note), the
// acquisition note and a note at the co_await in the macro argument.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

#define AWAIT(x) co_await x
#define CHECKED(e) compute(e)

std::mutex mu;

task<void> through_macro() {
  std::lock_guard<std::mutex> lk(mu);
  AWAIT(send(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-9]]:18: note: expanded from macro 'AWAIT'
  // CHECK-NOTES: :[[@LINE-3]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-5]]:31: note: sync mutex 'mu' locked here
  CHECKED(co_await fetch(1));
  // CHECK-NOTES: :[[@LINE-1]]:11: note: sync mutex 'mu' is also held by 'lk' across this 'co_await'
}

task<void> released_before_macro() {
  std::unique_lock<std::mutex> lk(mu);
  lk.unlock();
  AWAIT(send(1));
}
