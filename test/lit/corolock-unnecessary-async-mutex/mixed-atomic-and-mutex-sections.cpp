// The std::atomic wording needs every critical section of the mutex to be a
// lone integer update. One section increments only, the other does more: both
// acquisitions get the std::mutex wording.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
int count;
int sum;

task<void> tick() {
  auto lk = co_await mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-7]]:22: note: 'mu' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  ++count;
}

task<void> add(int v) {
  auto lk = co_await mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-14]]:22: note: 'mu' declared here; 2 critical sections examined in this translation unit, none suspends while holding it
  ++count;
  sum += v;
}
