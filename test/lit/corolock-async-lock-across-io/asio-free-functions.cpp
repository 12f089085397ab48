// Asio's free composed operations asio::async_read and asio::async_write are
// I/O; the executor query never suspends, so the section that only asks for
// it is a short one that waits behind the others (one that also posted to
// the executor would yield: see yield-not-short.cpp). The
// mutex is a folly::coro::Mutex held by the std::unique_lock that
// co_scoped_lock() returns.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"

extern asio::io_context io;
asio::ip::tcp::socket sock(io);
folly::coro::Mutex mu;
char header[16];
char body[512];

asio::awaitable<void> read_message() {
  auto lk = co_await mu.co_scoped_lock();
  co_await asio::async_read(sock, asio::buffer(header, 16), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+15]]:8: note: a critical section on 'mu' without I/O, which waits behind it
  co_await asio::async_read(sock, asio::buffer(body, 512), asio::use_awaitable);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'co_await' also waits for I/O ('asio::async_read') while async mutex 'mu' is held
}

asio::awaitable<void> write_message() {
  auto lk = co_await mu.co_scoped_lock();
  co_await asio::async_write(sock, asio::buffer(body, 512), asio::deferred);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_write') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-4]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+4]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

asio::awaitable<void> touch() {
  auto lk = co_await mu.co_scoped_lock();
  auto ex = co_await asio::this_coro::executor;
  header[0] = static_cast<char>(sizeof ex);
  header[1] = 0;
}
