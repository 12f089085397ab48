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
    bits_ |= bit;
  }

  task<void> reset(unsigned value) {
    auto lk = co_await mu_.scoped_lock_async();
    bits_ = value + 1;
  }

private:
  cppcoro::async_mutex mu_;
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:24: note: its 2 critical sections in this translation unit never suspend while holding it, and each only updates one integer: a std::atomic would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: :[[@LINE-13]]:10: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-9]]:10: note: async mutex 'mu_' locked here and released without suspending
  unsigned bits_ = 0;
};

class Scale {
public:
  task<void> grow() {
    auto lk = co_await mu_.scoped_lock_async();
    factor_ *= 2;
  }

  task<void> shift() {
    auto lk = co_await mu_.scoped_lock_async();
    factor_ <<= 1;
  }

  task<void> recompute() {
    auto lk = co_await mu_.scoped_lock_async();
    factor_ = factor_ * 3 + 1;
  }

private:
  cppcoro::async_mutex mu_;
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: async mutex 'mu_' is never held across a suspension point [corolock-unnecessary-async-mutex]
  // CHECK-NOTES: :[[@LINE-2]]:24: note: its 3 critical sections in this translation unit never suspend while holding it: a std::mutex would do, without suspending and rescheduling the coroutine to lock it; see docs/checks/corolock-unnecessary-async-mutex.md
  // CHECK-NOTES: :[[@LINE-18]]:10: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-14]]:10: note: async mutex 'mu_' locked here and released without suspending
  // CHECK-NOTES: :[[@LINE-10]]:10: note: async mutex 'mu_' locked here and released without suspending
  long factor_ = 1;
};
