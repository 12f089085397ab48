// I/O counts only for the mutexes held where it is awaited. An I/O await
// after an inner mutex was released is reported for the outer mutex alone;
// the inner mutex's sections stay short. Awaiting I/O under one mutex right
// after a short section of another does not make the other's section an I/O
// one (queue_mu below has only short sections, and send_mu only I/O ones:
// neither is reported). Two mutexes held together across I/O, each with a
// short section elsewhere, get a warning each.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "task.h"

cppcoro::net::socket &sock();
char buf[64];
int n = 0;

cppcoro::async_mutex outer;
cppcoro::async_mutex inner;

task<void> nested() {
  auto a = co_await outer.scoped_lock_async();
  {
    auto b = co_await inner.scoped_lock_async();
    ++n;
  }
  co_await sock().send(buf, 64);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::send') while async mutex 'outer' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'outer' without I/O waits for the round trip too: release 'outer' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-8]]:8: note: async mutex 'outer' locked here
  // CHECK-NOTES: :[[@LINE+4]]:8: note: a critical section on 'outer' without I/O, which waits behind it
}

task<void> outer_short() {
  auto a = co_await outer.scoped_lock_async();
  ++n;
}

cppcoro::async_mutex queue_mu;
cppcoro::async_mutex send_mu;

task<void> dequeue_and_send() {
  {
    auto q = co_await queue_mu.scoped_lock_async();
    --n;
  }
  auto s = co_await send_mu.scoped_lock_async();
  co_await sock().send(buf, 64);
}

task<void> enqueue() {
  auto q = co_await queue_mu.scoped_lock_async();
  ++n;
}

cppcoro::async_mutex left;
cppcoro::async_mutex right;

task<void> both() {
  auto l = co_await left.scoped_lock_async();
  auto r = co_await right.scoped_lock_async();
  co_await sock().recv(buf, 64);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::recv') while async mutex 'left' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'left' without I/O waits for the round trip too: release 'left' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-5]]:8: note: async mutex 'left' locked here
  // CHECK-NOTES: :[[@LINE+8]]:8: note: a critical section on 'left' without I/O, which waits behind it
  // CHECK-NOTES: :[[@LINE-5]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::recv') while async mutex 'right' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: 1 critical section on 'right' without I/O waits for the round trip too: release 'right' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-8]]:8: note: async mutex 'right' locked here
  // CHECK-NOTES: :[[@LINE+8]]:8: note: a critical section on 'right' without I/O, which waits behind it
}

task<void> left_short() {
  auto l = co_await left.scoped_lock_async();
}

task<void> right_short() {
  auto r = co_await right.scoped_lock_async();
}
