// concurrencpp's async_lock::try_lock() returns a lazy_result<bool>: the lock
// is tried when the result is awaited, and 'if (co_await l.try_lock())' holds
// it on the taken branch only. 'tried' is released before the next suspension
// point and reported; 'kept' is held across one and not reported.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "concurrencpp_async_lock.h"
#include "task.h"

concurrencpp::async_lock tried;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: async mutex 'tried' is never held across a suspension point [corolock-unnecessary-async-mutex]
// CHECK-NOTES: :[[@LINE-2]]:26: note: its 1 critical section in this translation unit never suspends while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
concurrencpp::async_lock kept;
int n;

concurrencpp::lazy_result<void> try_once() {
  if (co_await tried.try_lock()) {
  // CHECK-NOTES: :[[@LINE-1]]:22: note: async mutex 'tried' locked here and released without suspending
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
