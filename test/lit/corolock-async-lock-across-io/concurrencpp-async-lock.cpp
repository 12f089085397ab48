// concurrencpp: a scoped_async_lock from async_lock::lock(executor), or one
// constructed deferred and locked through the guard, is held across a delay
// on the timer queue (make_delay_object), which counts as I/O; the other
// section only updates state and waits behind it.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "concurrencpp_async_lock.h"
#include "concurrencpp_timer_queue.h"

using concurrencpp::lazy_result;

struct RateLimiter {
  concurrencpp::async_lock lock;
  std::shared_ptr<concurrencpp::timer_queue> timers;
  std::shared_ptr<concurrencpp::executor> executor;
  int tokens = 0;

  lazy_result<void> wait_for_token() {
    auto guard = co_await lock.lock(executor);
    while (tokens == 0)
      co_await timers->make_delay_object(std::chrono::milliseconds(10), executor);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'co_await' waits for I/O ('concurrencpp::timer_queue::make_delay_object') while async mutex 'lock' is held [corolock-async-lock-across-io]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: 1 critical section on 'lock' without I/O waits for the round trip too: release 'lock' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
      // CHECK-NOTES: :[[@LINE-5]]:10: note: async mutex 'lock' locked here
      // CHECK-NOTES: :[[@LINE+15]]:10: note: a critical section on 'lock' without I/O, which waits behind it
    --tokens;
  }

  lazy_result<void> wait_deferred() {
    concurrencpp::scoped_async_lock guard(lock, std::defer_lock);
    co_await guard.lock(executor);
    co_await timers->make_delay_object(std::chrono::milliseconds(10), executor);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('concurrencpp::timer_queue::make_delay_object') while async mutex 'lock' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'lock' without I/O waits for the round trip too: release 'lock' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:20: note: async mutex 'lock' locked here
    // CHECK-NOTES: :[[@LINE+4]]:10: note: a critical section on 'lock' without I/O, which waits behind it
  }

  lazy_result<void> refill() {
    auto guard = co_await lock.lock(executor);
    tokens = 10;
  }
};
