// async_simple's coro::Mutex with Lazy: coScopedLock() and coLock() in
// opposite orders.
// RUN: %check_corolock corolock-lock-order-inversion %s -- %mocks

#include "async_simple_mutex.h"

using async_simple::coro::Lazy;

class Pool {
public:
  Lazy<void> acquire() {
    auto lf = co_await free_mu_.coScopedLock();
    co_await busy_mu_.coLock();
    busy_mu_.unlock();
  }
  Lazy<void> release() {
    auto lb = co_await busy_mu_.coScopedLock();
    co_await free_mu_.coLock();
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: mutex 'Pool::free_mu_' is locked while 'Pool::busy_mu_' is held, and elsewhere in the opposite order: tasks that take them concurrently can deadlock [corolock-lock-order-inversion]
    free_mu_.unlock();
  }

private:
  async_simple::coro::Mutex free_mu_;
  async_simple::coro::Mutex busy_mu_;
};
