// Following coroutines through recursion terminates: ping and pong await each
// other and do no I/O, retry awaits itself; none hangs the check. I/O reached
// through a cycle is found whichever coroutine of the cycle is awaited first:
// reconnect -> handshake -> reconnect is looked into from handshake's side
// while reconnect is still open, and reconnect's own I/O is still found for
// the section that awaits handshake. The notes follow the awaits that found
// the I/O, each coroutine once.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "cppcoro_async_mutex.h"
#include "cppcoro_net.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::net::ip_endpoint server;
int state = 0;

task<void> pong(int n);
task<void> ping(int n) {
  if (n > 0)
    co_await pong(n - 1);
}
task<void> pong(int n) {
  if (n > 0)
    co_await ping(n - 1);
}

task<void> retry(int n) {
  if (n > 0)
    co_await retry(n - 1);
  ++state;
}

task<void> short_game() {
  auto lk = co_await mu.scoped_lock_async();
  co_await ping(3);
  co_await retry(3);
}

task<void> reconnect(cppcoro::net::socket &sock);
task<void> handshake(cppcoro::net::socket &sock) {
  if (state < 0)
    co_await reconnect(sock);
  ++state;
}
task<void> reconnect(cppcoro::net::socket &sock) {
  co_await handshake(sock);
  co_await sock.connect(server);
}

task<void> open_reconnecting(cppcoro::net::socket &sock) {
  auto lk = co_await mu.scoped_lock_async();
  co_await reconnect(sock);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::connect') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-8]]:3: note: 'reconnect' awaits 'cppcoro::net::socket::connect' here
  // CHECK-NOTES: :[[@LINE-5]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-23]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> open_handshaking(cppcoro::net::socket &sock) {
  auto lk = co_await mu.scoped_lock_async();
  co_await handshake(sock);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('cppcoro::net::socket::connect') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-23]]:5: note: 'handshake' awaits 'reconnect' here
  // CHECK-NOTES: :[[@LINE-19]]:3: note: 'reconnect' awaits 'cppcoro::net::socket::connect' here
  // CHECK-NOTES: :[[@LINE-6]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE-34]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}
