// Preset cppcoro::async_mutex, manual acquisition: co_await lock_async()
// locks on resumption and unlock() releases it before the coroutine suspends
// again. The section only increments one integer, so a std::atomic is
// suggested.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
int requests;

task<void> count_request(int key) {
  co_await mu.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: async mutex 'mu' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-6]]:22: note: 'mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  ++requests;
  mu.unlock();
  co_await fetch(key);
}
