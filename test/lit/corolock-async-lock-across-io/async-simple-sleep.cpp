// async_simple::coro::sleep is a timer wait and counts as I/O while an
// async_simple::coro::Mutex is held (coLock() ... unlock()); the short
// section takes the lock through coScopedLock().
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "async_simple_mutex.h"
#include "async_simple_sleep.h"

using async_simple::coro::Lazy;

async_simple::coro::Mutex mu;
int attempts = 0;

Lazy<void> retry_later() {
  co_await mu.coLock();
  ++attempts;
  co_await async_simple::coro::sleep(std::chrono::milliseconds(attempts * 10));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('async_simple::coro::sleep') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-5]]:15: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+5]]:8: note: a critical section on 'mu' without I/O, which waits behind it
  mu.unlock();
}

Lazy<int> attempts_so_far() {
  auto lk = co_await mu.coScopedLock();
  co_return attempts;
}
