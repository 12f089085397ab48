// concurrencpp's async_lock::try_lock() returns a lazy_result<bool>: the lock
// is tried when the result is awaited, and 'if (co_await l.try_lock())' holds
// it on the taken branch only. 'tried' is released before the next suspension
// point and reported; 'kept' is held across one and not reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "concurrencpp_async_lock.h"
#include "task.h"

concurrencpp::async_lock tried;
concurrencpp::async_lock kept;
int n;

concurrencpp::lazy_result<void> try_once() {
  if (co_await tried.try_lock()) {
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: async mutex 'tried' is never held across a suspension point; a std::mutex would do, without suspending and rescheduling the coroutine to lock it [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-7]]:26: note: 'tried' declared here; 1 critical section examined in this translation unit, none suspends while holding it
    n = 1;
    n = 2;
    tried.unlock();
  }
  co_await send(n);
}

concurrencpp::lazy_result<void> try_and_keep() {
  if (!co_await kept.try_lock())
    co_return;
  co_await send(n);
  kept.unlock();
}
