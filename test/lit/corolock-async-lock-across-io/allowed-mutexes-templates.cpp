// AllowedMutexes and class templates: a mutex member is allowed under the
// name written in the source ('Channel::mu_', 'Registry::mu_' for a static
// data member, 'Outer::Inner::mu_' inside a member class), which covers every
// specialization; a pattern with template arguments ('Channel<long>::mu_')
// covers only the specialization it names.
// RUN: %check_corolock --check-suffix=DEFAULT corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=WRITTEN --config="{CheckOptions: {corolock-async-lock-across-io.AllowedMutexes: 'Channel::mu_;Registry::mu_;Outer::Inner::mu_'}}" corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --check-suffix=SPECIALIZATION --config="{CheckOptions: {corolock-async-lock-across-io.AllowedMutexes: 'Channel<long>::mu_'}}" corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"
#include "task.h"

using folly::coro::sleep;
using std::chrono::milliseconds;

template <typename T> struct Channel {
  folly::coro::Mutex mu_;
  T n_{};
  task<void> slow() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await sleep(milliseconds(1));
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES-DEFAULT: :[[@LINE+7]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE-5]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE-6]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE-8]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE+3]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }
  task<void> fast() {
    auto lk = co_await mu_.co_scoped_lock();
    ++n_;
  }
};

template struct Channel<int>;
template struct Channel<long>;

template <typename T> struct Registry {
  static folly::coro::Mutex mu_;
  static task<void> slow() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await sleep(milliseconds(1));
    // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES-DEFAULT: :[[@LINE+6]]:35: note: a critical section on 'mu_' without I/O, which waits behind it
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE-5]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE-6]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE-8]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES-SPECIALIZATION: :[[@LINE+2]]:35: note: a critical section on 'mu_' without I/O, which waits behind it
  }
  static task<void> fast() { auto lk = co_await mu_.co_scoped_lock(); }
};

template <typename T> folly::coro::Mutex Registry<T>::mu_;
template struct Registry<int>;

template <typename T> struct Outer {
  struct Inner {
    folly::coro::Mutex mu_;
    task<void> slow() {
      auto lk = co_await mu_.co_scoped_lock();
      co_await sleep(milliseconds(1));
      // CHECK-NOTES-DEFAULT: :[[@LINE-1]]:7: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
      // CHECK-NOTES-DEFAULT: :[[@LINE-2]]:7: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
      // CHECK-NOTES-DEFAULT: :[[@LINE-4]]:12: note: async mutex 'mu_' locked here
      // CHECK-NOTES-DEFAULT: :[[@LINE+6]]:30: note: a critical section on 'mu_' without I/O, which waits behind it
      // CHECK-NOTES-SPECIALIZATION: :[[@LINE-5]]:7: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu_' is held [corolock-async-lock-across-io]
      // CHECK-NOTES-SPECIALIZATION: :[[@LINE-6]]:7: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
      // CHECK-NOTES-SPECIALIZATION: :[[@LINE-8]]:12: note: async mutex 'mu_' locked here
      // CHECK-NOTES-SPECIALIZATION: :[[@LINE+2]]:30: note: a critical section on 'mu_' without I/O, which waits behind it
    }
    task<void> fast() { auto lk = co_await mu_.co_scoped_lock(); }
  };
};

template struct Outer<int>::Inner;
