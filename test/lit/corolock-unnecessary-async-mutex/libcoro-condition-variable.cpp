// A coro::scoped_lock handed to coro::condition_variable::wait is released
// while the coroutine waits and retaken before it resumes: only an async
// mutex allows that, so 'mu' is not reported although no other suspension
// point is reached while holding it. The same shape without the wait, on
// 'other', is reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "libcoro_mutex.h"

coro::mutex mu;
coro::mutex other;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: async mutex 'other' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:13: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
coro::condition_variable cv;
int items;
int served;

coro::task<int> pop() {
  auto lk = co_await mu.scoped_lock();
  co_await cv.wait(lk, [] { return items > 0; });
  co_return --items;
}

coro::task<void> push() {
  auto lk = co_await mu.scoped_lock();
  ++items;
}

coro::task<void> serve() {
  auto lk = co_await other.scoped_lock();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'other' locked here and released without suspending
  ++served;
  items = 0;
}
