// Whether a template's critical section suspends may depend on its template
// arguments: awaiting ready_now never suspends, awaiting sleep_for does. The
// first instantiation's section does not suspend, the second's does, and the
// mutex is judged by both: it is not reported. The same template instantiated
// only with ready_now, on 'never', is.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::async_mutex never;
// CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'never' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:22: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
int n;

template <typename Awaitable> task<void> step(Awaitable a) {
  auto lk = co_await mu.scoped_lock_async();
  co_await a;
  ++n;
}

template <typename Awaitable> task<void> quick_step(Awaitable a) {
  auto lk = co_await never.scoped_lock_async();
  // CHECK-NOTES: :[[@LINE-1]]:8: note: async mutex 'never' locked here and released without suspending
  co_await a;
  ++n;
}

task<void> run() {
  co_await step(ready_now{});
  co_await step(sleep_for(1));
  co_await quick_step(ready_now{});
}
