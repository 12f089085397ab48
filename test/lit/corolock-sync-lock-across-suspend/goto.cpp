// goto across a guard's scope destroys it: jumping out of the block before
// the co_await is clean. Jumping back to a label before the lock re-enters
// a path where a manual lock is still held, which is reported.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "std_mutex.h"
#include "task.h"

std::mutex mu;

task<void> jumps_out(int n) {
  {
    std::lock_guard<std::mutex> lk(mu);
    if (n > 0)
      goto done;
    compute(n);
  }
done:
  co_await send(n);
}

task<void> jumps_back(int n) {
again:
  co_await send(n);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is possibly held across 'co_await' (held from the previous iteration) [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE+1]]:6: note: sync mutex 'mu' locked here, then held into the next iteration
  mu.lock();
  if (--n > 0)
    goto again;
  mu.unlock();
}
