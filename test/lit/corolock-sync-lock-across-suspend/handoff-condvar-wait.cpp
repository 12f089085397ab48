// `co_await cv.wait(lk)` passes the guard by non-const reference to the
// awaited expression, which releases it while suspended (like
// std::condition_variable::wait): not reported. When the wait resumes the
// guard owns the lock again, so a later co_await is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

struct async_condvar {
  task<void> wait(std::unique_lock<std::mutex> &lk);
};

std::mutex mu;
async_condvar cv;
bool ready;

task<void> consumer() {
  std::unique_lock<std::mutex> lk(mu);
  while (!ready)
    co_await cv.wait(lk);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-6]]:32: note: sync mutex 'mu' locked here
}
