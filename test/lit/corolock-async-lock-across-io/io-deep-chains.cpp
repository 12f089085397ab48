// Coroutines defined in the translation unit are followed a bounded number
// of calls deep (IoAwaitClassifier::MaxDepth, 4): the I/O four coroutines
// down (hop4 -> hop3 -> hop2 -> hop1 -> timer) is found, the I/O five
// coroutines down (hop5 -> ... -> timer) is not, so that section is a short
// one. The order of the queries does not matter: the deep chain is looked
// into first, cut short at the bound, and the shorter chain through the same
// coroutines is still found afterwards.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
#include "task.h"

extern asio::io_context io;
asio::steady_timer timer(io);

task<void> hop1() { co_await timer.async_wait(asio::use_awaitable); }
task<void> hop2() { co_await hop1(); }
task<void> hop3() { co_await hop2(); }
task<void> hop4() { co_await hop3(); }
task<void> hop5() { co_await hop4(); }

folly::coro::Mutex mu;

task<void> too_deep() {
  auto lk = co_await mu.co_scoped_lock();
  co_await hop5();
}

task<void> deep_enough() {
  auto lk = co_await mu.co_scoped_lock();
  co_await hop4();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-15]]:21: note: 'hop4' awaits 'hop3' here
  // CHECK-NOTES: :[[@LINE-17]]:21: note: 'hop3' awaits 'hop2' here
  // CHECK-NOTES: :[[@LINE-19]]:21: note: 'hop2' awaits 'hop1' here
  // CHECK-NOTES: :[[@LINE-21]]:21: note: 'hop1' awaits 'asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait' here
  // CHECK-NOTES: :[[@LINE-8]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-14]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}
