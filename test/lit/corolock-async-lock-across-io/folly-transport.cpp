// folly's coroutine sockets are I/O, called on the implementation (Transport)
// or, as is usual, through the interface (TransportIf), and so is accepting
// on a ServerSocket. The folly::coro::Mutex is locked manually with
// co_lock() and unlock().
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"

using folly::coro::Task;

folly::coro::Mutex mu;
folly::coro::ServerSocket listener;
folly::coro::Transport *current = nullptr;
int served = 0;

Task<void> reply(folly::coro::TransportIf &peer, folly::ByteRange data) {
  co_await mu.co_lock();
  co_await peer.write(data);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::TransportIf::write') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:15: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+25]]:15: note: a critical section on 'mu' without I/O, which waits behind it
  mu.unlock();
}

Task<void> drain(folly::coro::Transport &peer, folly::MutableByteRange buf) {
  co_await mu.co_lock();
  co_await peer.read(buf, std::chrono::milliseconds(100));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::Transport::read') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:15: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+15]]:15: note: a critical section on 'mu' without I/O, which waits behind it
  mu.unlock();
}

Task<void> accept_next() {
  co_await mu.co_lock();
  current = co_await listener.accept();
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'co_await' waits for I/O ('folly::coro::ServerSocket::accept') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:13: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:15: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+5]]:15: note: a critical section on 'mu' without I/O, which waits behind it
  mu.unlock();
}

Task<void> count() {
  co_await mu.co_lock();
  ++served;
  mu.unlock();
}
