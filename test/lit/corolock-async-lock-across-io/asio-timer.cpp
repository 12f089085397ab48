// A timer wait is I/O too: the coroutine waits for the event loop's clock, so
// a folly::coro::Mutex locked manually (co_lock() ... unlock()) across
// steady_timer::async_wait makes the short sections wait as long. Waiting on
// the timer after unlock() is outside the critical section, so tick_unlocked
// is a short section too, next to stop: two of them wait.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"

class Heartbeat {
public:
  asio::awaitable<void> tick_locked() {
    co_await mu_.co_lock();
    timer_.expires_after(period_);
    co_await timer_.async_wait(asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 2 critical sections on 'mu_' without I/O wait for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-5]]:18: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+6]]:18: note: a critical section on 'mu_' without I/O, which waits behind it
    ++beats_;
    mu_.unlock();
  }

  asio::awaitable<void> tick_unlocked() {
    co_await mu_.co_lock();
    timer_.expires_after(period_);
    mu_.unlock();
    co_await timer_.async_wait(asio::use_awaitable);
  }

  asio::awaitable<void> stop() {
    co_await mu_.co_lock();
    timer_.cancel();
    mu_.unlock();
  }

private:
  asio::steady_timer timer_;
  folly::coro::Mutex mu_;
  int period_ = 1000;
  int beats_ = 0;
};
