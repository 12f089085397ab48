// Awaiting the inner lock is itself a suspension point while the outer mutex
// is held: 'outer' needs to be async. The inner critical section suspends
// nowhere but at its own acquisition, which does not count: 'inner' is
// reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex outer;
cppcoro::async_mutex inner;
int n;

task<void> nested() {
  auto a = co_await outer.scoped_lock_async();
  {
    auto b = co_await inner.scoped_lock_async();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: async mutex 'inner' is never held across a suspension point; a std::atomic for this lone integer update would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
    // CHECK-NOTES: :[[@LINE-8]]:22: note: 'inner' declared here; 1 critical section examined in this translation unit, none suspends while holding it
    ++n;
  }
  n = 0;
}
