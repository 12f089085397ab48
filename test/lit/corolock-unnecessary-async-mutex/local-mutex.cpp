// An async mutex local to a coroutine (or a static local) is judged like a
// global one: the warning is at the local's declaration.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

int n;

task<void> local_only() {
  cppcoro::async_mutex mu;
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: async mutex 'mu' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:24: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  auto lk = co_await mu.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'mu' locked here and released without suspending
  n = 1;
  n = 2;
}

task<void> static_local() {
  static cppcoro::async_mutex once;
  // CHECK-NOTES: :[[@LINE-1]]:31: warning: async mutex 'once' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:31: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  co_await once.lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:17: note: async mutex 'once' locked here and released without suspending
  ++n;
  once.unlock();
  co_await send(n);
}
