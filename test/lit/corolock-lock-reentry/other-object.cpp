// The same mutex means the same object: a member call on another object, or
// a mutex passed as a parameter, locks a mutex that is not assumed to be the
// one held, and is not reported.
// RUN: %check_corolock corolock-lock-reentry %s -- %mocks

#include "folly_coro_mutex.h"
#include "task.h"

class Account {
public:
  task<void> deposit(int n) {
    auto lk = co_await mu_.co_scoped_lock();
    balance_ += n;
  }
  task<void> transfer_to(Account &other, int n) {
    auto lk = co_await mu_.co_scoped_lock();
    balance_ -= n;
    co_await other.deposit(n);
  }
  task<void> with_lock(folly::coro::Mutex &m) {
    auto lk = co_await m.co_scoped_lock();
    ++balance_;
  }
  task<void> passes_own_mutex() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await with_lock(mu_);
  }

private:
  folly::coro::Mutex mu_;
  int balance_ = 0;
};
