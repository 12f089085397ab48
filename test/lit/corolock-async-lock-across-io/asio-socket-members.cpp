// Asio socket members awaited with use_awaitable are I/O: async_read_some and
// async_write_some (basic_stream_socket) and async_connect (inherited from
// basic_socket) are each reported while the cppcoro::async_mutex of a short
// critical section (bump) is held. The warning names the operation, and its
// notes point at the acquisition and at the short section. A synchronous
// member call is not a suspension at all.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "cppcoro_async_mutex.h"

class Session {
public:
  asio::awaitable<void> read() {
    auto lk = co_await mu_.scoped_lock_async();
    n_ = sock_.available();
    co_await sock_.async_read_some(asio::buffer(buf_, n_), asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-5]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+22]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  asio::awaitable<void> write() {
    auto lk = co_await mu_.scoped_lock_async();
    co_await sock_.async_write_some(asio::buffer(buf_, n_), asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_write_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+13]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  asio::awaitable<void> reconnect() {
    auto lk = co_await mu_.scoped_lock_async();
    co_await sock_.async_connect(peer_, asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::basic_socket<asio::ip::tcp>::async_connect') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+4]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  asio::awaitable<void> bump() {
    auto lk = co_await mu_.scoped_lock_async();
    ++n_;
  }

private:
  asio::ip::tcp::socket sock_;
  asio::ip::tcp::endpoint peer_;
  cppcoro::async_mutex mu_;
  char buf_[64];
  asio::size_t n_ = 0;
};
