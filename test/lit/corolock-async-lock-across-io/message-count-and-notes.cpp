// The explanation counts the critical sections without I/O on the mutex: "1
// critical section ... waits", "2 critical sections ... wait", "3 ...". Each
// holder gets one warning, at its first I/O suspension, with a note at its
// acquisition, a note at the first short section in source order (which may
// come before the I/O section), and a note at each other I/O suspension. A
// section with I/O is never counted, even when it does something quick first.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "folly_coro_sleep.h"
#include "task.h"

using folly::coro::sleep;
using std::chrono::milliseconds;

cppcoro::async_mutex one;
cppcoro::async_mutex two;
cppcoro::async_mutex three;
int n = 0;

task<void> one_io() {
  auto lk = co_await one.scoped_lock_async();
  ++n;
  co_await sleep(milliseconds(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'one' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'one' without I/O waits for the round trip too: release 'one' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-5]]:8: note: async mutex 'one' locked here
  // CHECK-NOTES: :[[@LINE+3]]:8: note: a critical section on 'one' without I/O, which waits behind it
}
task<void> one_short() {
  auto lk = co_await one.scoped_lock_async();
  ++n;
}

task<void> two_short_a() {
  auto lk = co_await two.scoped_lock_async();
  ++n;
}
task<void> two_io() {
  auto lk = co_await two.scoped_lock_async();
  co_await sleep(milliseconds(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'two' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 2 critical sections on 'two' without I/O wait for the round trip too: release 'two' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'two' locked here
  // CHECK-NOTES: :[[@LINE-9]]:8: note: a critical section on 'two' without I/O, which waits behind it
  co_await sleep(milliseconds(2));
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'co_await' also waits for I/O ('folly::coro::sleep') while async mutex 'two' is held
}
task<void> two_short_b() {
  auto lk = co_await two.scoped_lock_async();
  --n;
}

task<void> three_short() {
  {
    auto lk = co_await three.scoped_lock_async();
    ++n;
  }
  {
    auto lk = co_await three.scoped_lock_async();
    --n;
  }
  {
    auto lk = co_await three.scoped_lock_async();
    n = 0;
  }
}
task<void> three_io() {
  auto lk = co_await three.scoped_lock_async();
  co_await sleep(milliseconds(1));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'three' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 3 critical sections on 'three' without I/O wait for the round trip too: release 'three' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'three' locked here
  // CHECK-NOTES: :[[@LINE-18]]:10: note: a critical section on 'three' without I/O, which waits behind it
}
