// Preset unifex::async_mutex: async_lock() returns a sender, which a
// unifex::task awaits through its promise's await_transform; unlock() releases
// the lock before the coroutine suspends again.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "unifex_async_mutex.h"

unifex::async_mutex mu;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:21: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int next_id;
int issued;

unifex::task<void> issue(unifex::task<void> reply) {
  co_await mu.async_lock();
  // CHECK-NOTES: :[[@LINE-1]]:15: note: async mutex 'mu' locked here and released without suspending
  int id = next_id++;
  issued += id;
  mu.unlock();
  co_await reply;
}
