// Instantiations of a coroutine template share their critical sections by
// location: when only some instantiations await I/O (if constexpr), the
// section at that location is one with I/O, whichever instantiation is seen
// first (save<false> before save<true>, load<true> before load<false>), and
// the warning is given once. reset has the short section that waits.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"
#include "task.h"

folly::coro::Mutex mu;
int n = 0;

template <bool Durable> task<void> save() {
  auto lk = co_await mu.co_scoped_lock();
  ++n;
  if constexpr (Durable)
    co_await folly::coro::sleep(std::chrono::milliseconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-6]]:8: note: async mutex 'mu' locked here
    // CHECK-NOTES: :[[@LINE+21]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> save_fast() { co_await save<false>(); }
task<void> save_durable() { co_await save<true>(); }

template <bool Durable> task<void> load() {
  auto lk = co_await mu.co_scoped_lock();
  if constexpr (Durable)
    co_await folly::coro::sleep(std::chrono::milliseconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-5]]:8: note: async mutex 'mu' locked here
    // CHECK-NOTES: :[[@LINE+8]]:8: note: a critical section on 'mu' without I/O, which waits behind it
  --n;
}

task<void> load_durable() { co_await load<true>(); }
task<void> load_fast() { co_await load<false>(); }

task<void> reset() {
  auto lk = co_await mu.co_scoped_lock();
  n = 0;
}
