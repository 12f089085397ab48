// boost::mutex with boost::lock_guard / boost::unique_lock is sync: reported
// across co_await while held; boost::defer_lock does not own the mutex.
// RUN: %check_corolock corolock-sync-lock-across-suspend %s -- %mocks

#include "boost_mutex.h"
#include "task.h"

boost::mutex mu;

task<void> guarded() {
  boost::lock_guard<boost::mutex> lk(mu);
  co_await send(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: sync mutex 'mu' is held by 'lk' across 'co_await' [corolock-sync-lock-across-suspend]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: the coroutine may resume on another thread, where unlocking is undefined behaviour, and tasks that lock it meanwhile block their thread: release the lock before suspending, or use an async mutex; see docs/checks/corolock-sync-lock-across-suspend.md
  // CHECK-NOTES: :[[@LINE-4]]:35: note: sync mutex 'mu' locked here
}

task<void> deferred() {
  boost::unique_lock<boost::mutex> lk(mu, boost::defer_lock);
  co_await send(1);
  lk.lock();
  lk.unlock();
  co_await send(2);
}
