// Awaiting the inner lock is itself a suspension point while the outer mutex
// is held: 'outer' needs to be async. The inner critical section suspends
// nowhere but at its own acquisition, which does not count: 'inner' is
// reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex outer;
cppcoro::async_mutex inner;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'inner' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it, and it only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int n;

task<void> nested() {
  auto a = co_await outer.scoped_lock_async();
  {
    auto b = co_await inner.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: note: async mutex 'inner' locked here and released without suspending
    ++n;
  }
  n = 0;
}
