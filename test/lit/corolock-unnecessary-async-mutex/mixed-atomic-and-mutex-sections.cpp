// The std::atomic wording needs every critical section of the mutex to be a
// lone integer update. One section increments only, the other does more: both
// acquisitions get the std::mutex wording.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 2 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int count;
int sum;

task<void> tick() {
  auto lk = co_await mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'mu' locked here and released without suspending
  ++count;
}

task<void> add(int v) {
  auto lk = co_await mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'mu' locked here and released without suspending
  ++count;
  sum += v;
}
