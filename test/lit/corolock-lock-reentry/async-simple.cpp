// async_simple's coro::Mutex with coro::Lazy: coScopedLock() then a Lazy
// awaited under it that locks with coLock().
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "async_simple_mutex.h"

using async_simple::coro::Lazy;

class Counter {
public:
  Lazy<void> incr() {
    co_await mu_.coLock();
    ++n_;
    mu_.unlock();
  }
  Lazy<void> incr_twice() {
    auto lk = co_await mu_.coScopedLock();
    co_await incr();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'Counter::incr' locks async mutex 'mu_', which this coroutine already holds here [corolock-lock-reentry]
  }
  Lazy<void> incr_other(Counter &other) {
    auto lk = co_await mu_.coScopedLock();
    co_await other.incr();
  }

private:
  async_simple::coro::Mutex mu_;
  int n_ = 0;
};
