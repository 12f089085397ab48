// A concurrencpp::scoped_async_lock handed to
// async_condition_variable::await(executor, guard[, pred]) is released while
// the coroutine waits: the async_lock is needed and not reported. A lock
// never handed to a wait nor held across a suspension point is.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "concurrencpp_async_lock.h"

concurrencpp::async_lock lock;
concurrencpp::async_lock stats_lock;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'stats_lock' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
concurrencpp::async_condition_variable cv;
std::shared_ptr<concurrencpp::executor> executor;
int jobs;
int taken;

concurrencpp::lazy_result<int> take() {
  auto guard = co_await lock.lock(executor);
  co_await cv.await(executor, guard, [] { return jobs > 0; });
  co_return --jobs;
}

concurrencpp::lazy_result<void> count() {
  auto guard = co_await stats_lock.lock(executor);
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'stats_lock' locked here and released without suspending
  ++taken;
  jobs = 0;
}
