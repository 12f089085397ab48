// Preset unifex::async_mutex: async_lock() returns a sender, which a
// unifex::task awaits through its promise's await_transform; unlock() releases
// the lock before the coroutine suspends again.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "unifex_async_mutex.h"

unifex::async_mutex mu;
int next_id;
int issued;

unifex::task<void> issue(unifex::task<void> reply) {
  co_await mu.async_lock();
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-7]]:21: note: 'mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  int id = next_id++;
  issued += id;
  mu.unlock();
  co_await reply;
}
