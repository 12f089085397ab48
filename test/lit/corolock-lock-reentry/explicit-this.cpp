// A member call through `this` explicitly, `(*this).f()`, or implicitly is a
// call on the same object; its locks of `this->mu_` are the caller's.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Store {
public:
  task<void> put(int v) {
    auto lk = co_await this->mu_.co_scoped_lock();
    value_ = v;
  }
  task<void> update() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await this->put(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'Store::put' locks async mutex 'this->mu_', which this coroutine already holds here [corolock-lock-reentry]
  }
  task<void> update_deref() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await (*this).put(2);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'Store::put' locks async mutex 'this->mu_', which this coroutine already holds here [corolock-lock-reentry]
  }

private:
  folly::coro::Mutex mu_;
  int value_ = 0;
};
