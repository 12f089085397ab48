// Preset cppcoro::async_mutex, manual acquisition: co_await lock_async()
// locks on resumption and unlock() releases it before the coroutine suspends
// again. The section only increments one integer, so a std::atomic is
// suggested.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int requests;

task<void> count_request(int key) {
  co_await mu.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'mu' locked here and released without suspending
  ++requests;
  mu.unlock();
  co_await fetch(key);
}
