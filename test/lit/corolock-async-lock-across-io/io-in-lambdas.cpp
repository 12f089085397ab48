// A lambda is its own body: I/O inside a lambda created in a critical
// section is not awaited by the section (it may run later, elsewhere), and
// I/O inside a lambda inside a followed coroutine is not followed either.
// A coroutine lambda invoked and awaited on the spot is a coroutine defined
// here, and its I/O is followed.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"

using folly::coro::Task;
using std::chrono::milliseconds;

folly::coro::Mutex mu;
int n = 0;

template <typename F> void defer(F f) { (void)f; }

Task<void> schedules_io() {
  auto lk = co_await mu.co_scoped_lock();
  defer([]() -> Task<void> { co_await folly::coro::sleep(milliseconds(1)); });
  ++n;
}

Task<void> helper_with_lambda() {
  defer([]() -> Task<void> { co_await folly::coro::sleep(milliseconds(1)); });
  co_return;
}

Task<void> awaits_helper() {
  auto lk = co_await mu.co_scoped_lock();
  co_await helper_with_lambda();
}

Task<void> awaits_lambda_now() {
  auto lk = co_await mu.co_scoped_lock();
  co_await [&]() -> Task<void> {
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 2 critical sections on 'mu' without I/O wait for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE+3]]:5: note: a lambda awaits 'folly::coro::sleep' here
  // CHECK-NOTES: :[[@LINE-5]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-22]]:8: note: a critical section on 'mu' without I/O, which waits behind it
    co_await folly::coro::sleep(milliseconds(n));
  }();
}
