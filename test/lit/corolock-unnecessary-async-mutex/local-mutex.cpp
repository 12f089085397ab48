// An async mutex local to a coroutine (or a static local) is judged like a
// global one: the note points at the local's declaration.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

int n;

task<void> local_only() {
  cppcoro::async_mutex mu;
  auto lk = co_await mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: async mutex 'mu' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-3]]:24: note: 'mu' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  n = 1;
  n = 2;
}

task<void> static_local() {
  static cppcoro::async_mutex once;
  co_await once.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: async mutex 'once' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-3]]:31: note: 'once' declared here; 1 critical section examined in this translation unit, none suspends while holding it
  ++n;
  once.unlock();
  co_await send(n);
}
