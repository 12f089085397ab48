// libunifex: a unifex::async_mutex locked with `co_await m.async_lock()` (a
// sender the task's await_transform turns into an awaiter) and released with
// unlock() is held across an Asio read (the operand is classified as
// written, before await_transform). A section that suspends only to lock a
// second mutex does no I/O and waits.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "unifex_async_mutex.h"

unifex::async_mutex queue_mu;
unifex::async_mutex stats_mu;
extern asio::io_context io;
asio::ip::tcp::socket sock(io);
char packet[1500];
int packets = 0;

unifex::task<void> pump() {
  co_await queue_mu.async_lock();
  co_await asio::async_read(sock, asio::buffer(packet, 1500), asio::deferred);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'queue_mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'queue_mu' without I/O waits for the round trip too: release 'queue_mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:21: note: async mutex 'queue_mu' locked here
  // CHECK-NOTES: :[[@LINE+5]]:21: note: a critical section on 'queue_mu' without I/O, which waits behind it
  queue_mu.unlock();
}

unifex::task<void> snapshot() {
  co_await queue_mu.async_lock();
  co_await stats_mu.async_lock();
  packets = 0;
  stats_mu.unlock();
  queue_mu.unlock();
}
