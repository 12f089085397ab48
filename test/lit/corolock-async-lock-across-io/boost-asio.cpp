// Boost.Asio's operations are I/O as standalone Asio's are: a member
// (async_read_some), a free function (boost::asio::async_write) and a timer
// (async_wait) are reported while an async_simple::coro::Mutex is held, by
// the std::unique_lock from coScopedLock() or manually through coLock() and
// unlock(). The short section locks manually too.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "async_simple_mutex.h"
#include "asio_mock.h"

namespace net = boost::asio;
using async_simple::coro::Lazy;

struct Connection {
  net::ip::tcp::socket socket;
  net::steady_timer retry_timer;
  async_simple::coro::Mutex mutex;
  char buffer[256];
  int retries = 0;

  Lazy<void> receive() {
    auto lock = co_await mutex.coScopedLock();
    co_await socket.async_read_some(net::buffer(buffer, 256), net::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('boost::asio::basic_stream_socket<boost::asio::ip::tcp>::async_read_some') while async mutex 'mutex' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mutex' without I/O waits for the round trip too: release 'mutex' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mutex' locked here
    // CHECK-NOTES: :[[@LINE+25]]:20: note: a critical section on 'mutex' without I/O, which waits behind it
  }

  Lazy<void> send() {
    co_await mutex.coLock();
    co_await net::async_write(socket, net::buffer(buffer, 256), net::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('boost::asio::async_write') while async mutex 'mutex' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mutex' without I/O waits for the round trip too: release 'mutex' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:20: note: async mutex 'mutex' locked here
    // CHECK-NOTES: :[[@LINE+16]]:20: note: a critical section on 'mutex' without I/O, which waits behind it
    mutex.unlock();
  }

  Lazy<void> back_off() {
    co_await mutex.coLock();
    retry_timer.expires_after(retries);
    co_await retry_timer.async_wait(net::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('boost::asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait') while async mutex 'mutex' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mutex' without I/O waits for the round trip too: release 'mutex' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-5]]:20: note: async mutex 'mutex' locked here
    // CHECK-NOTES: :[[@LINE+5]]:20: note: a critical section on 'mutex' without I/O, which waits behind it
    mutex.unlock();
  }

  Lazy<void> count_retry() {
    co_await mutex.coLock();
    ++retries;
    mutex.unlock();
  }
};
