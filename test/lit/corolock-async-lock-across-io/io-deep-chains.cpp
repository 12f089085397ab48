// Coroutines defined in the translation unit are followed to any depth, each
// looked into once: the I/O eight coroutines down (hop8 -> ... -> hop1 ->
// timer) is found, and every step is named. The order of the queries does
// not matter: the deep chain is looked into first, and the shorter chain
// through the same coroutines (hop2) is still found afterwards. A chain that
// ends without I/O (idle3 -> idle2 -> idle1) is a short section.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
#include "task.h"

extern asio::io_context io;
asio::steady_timer timer(io);
int ticks = 0;

task<void> hop1() { co_await timer.async_wait(asio::use_awaitable); }
task<void> hop2() { co_await hop1(); }
task<void> hop3() { co_await hop2(); }
task<void> hop4() { co_await hop3(); }
task<void> hop5() { co_await hop4(); }
task<void> hop6() { co_await hop5(); }
task<void> hop7() { co_await hop6(); }
task<void> hop8() { co_await hop7(); }

task<void> idle1() { ++ticks; co_return; }
task<void> idle2() { co_await idle1(); }
task<void> idle3() { co_await idle2(); }

folly::coro::Mutex mu;

task<void> deep() {
  auto lk = co_await mu.co_scoped_lock();
  co_await hop8();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-13]]:21: note: 'hop8' awaits 'hop7' here
  // CHECK-NOTES: :[[@LINE-15]]:21: note: 'hop7' awaits 'hop6' here
  // CHECK-NOTES: :[[@LINE-17]]:21: note: 'hop6' awaits 'hop5' here
  // CHECK-NOTES: :[[@LINE-19]]:21: note: 'hop5' awaits 'hop4' here
  // CHECK-NOTES: :[[@LINE-21]]:21: note: 'hop4' awaits 'hop3' here
  // CHECK-NOTES: :[[@LINE-23]]:21: note: 'hop3' awaits 'hop2' here
  // CHECK-NOTES: :[[@LINE-25]]:21: note: 'hop2' awaits 'hop1' here
  // CHECK-NOTES: :[[@LINE-27]]:21: note: 'hop1' awaits 'asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait' here
  // CHECK-NOTES: :[[@LINE-12]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+15]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> shallow() {
  auto lk = co_await mu.co_scoped_lock();
  co_await hop2();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-36]]:21: note: 'hop2' awaits 'hop1' here
  // CHECK-NOTES: :[[@LINE-38]]:21: note: 'hop1' awaits 'asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait' here
  // CHECK-NOTES: :[[@LINE-6]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+4]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> idle() {
  auto lk = co_await mu.co_scoped_lock();
  co_await idle3();
}
