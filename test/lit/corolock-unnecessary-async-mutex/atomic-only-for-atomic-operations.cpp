// The std::atomic wording is for updates one atomic operation performs:
// ++/--, += -= &= |= ^=, and a store of a value that does not read the
// integer. A multiplication, a shift or a store computed from the integer
// itself is a read-modify-write no atomic offers: a std::mutex would do.
// RUN: %check_corolock corolock-unnecessary-async-mutex %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "task.h"

class Flags {
public:
  task<void> set(unsigned bit) {
    auto lk = co_await mu_.scoped_lock_async();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::atomic for this lone integer update would do{{.*}} [corolock-unnecessary-async-mutex]
    bits_ |= bit;
  }

  task<void> reset(unsigned value) {
    auto lk = co_await mu_.scoped_lock_async();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::atomic for this lone integer update would do{{.*}} [corolock-unnecessary-async-mutex]
    bits_ = value + 1;
  }

private:
  cppcoro::async_mutex mu_;
  unsigned bits_ = 0;
};

class Scale {
public:
  task<void> grow() {
    auto lk = co_await mu_.scoped_lock_async();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::mutex would do{{.*}} [corolock-unnecessary-async-mutex]
    factor_ *= 2;
  }

  task<void> shift() {
    auto lk = co_await mu_.scoped_lock_async();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::mutex would do{{.*}} [corolock-unnecessary-async-mutex]
    factor_ <<= 1;
  }

  task<void> recompute() {
    auto lk = co_await mu_.scoped_lock_async();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: async mutex 'mu_' is never held across a suspension point; a std::mutex would do{{.*}} [corolock-unnecessary-async-mutex]
    factor_ = factor_ * 3 + 1;
  }

private:
  cppcoro::async_mutex mu_;
  long factor_ = 1;
};
