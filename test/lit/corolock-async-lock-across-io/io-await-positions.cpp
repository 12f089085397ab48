// An I/O await is recognised wherever it sits in the critical section: in a
// declaration, a condition, a loop, a call argument, a co_return operand,
// on a path where the mutex is only maybe held (locked under a condition),
// and in a member coroutine awaited through this.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "cppcoro_async_mutex.h"

using asio::awaitable;

int consume(asio::size_t n);

class Reader {
public:
  awaitable<asio::size_t> read() {
    co_return co_await sock_.async_read_some(asio::buffer(buf_, 64), asio::use_awaitable);
  }

  awaitable<void> positions() {
    auto lk = co_await mu_.scoped_lock_async();
    auto n = co_await sock_.async_read_some(asio::buffer(buf_, 64), asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:14: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:14: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+43]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
    if (co_await sock_.async_read_some(asio::buffer(buf_, n), asio::use_awaitable) == 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: note: 'co_await' also waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held
      co_return;
    while (total_ < 1024)
      total_ += co_await sock_.async_read_some(asio::buffer(buf_, 64), asio::use_awaitable);
      // CHECK-NOTES: :[[@LINE-1]]:17: note: 'co_await' also waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held
    consume(co_await sock_.async_read_some(asio::buffer(buf_, 64), asio::use_awaitable));
    // CHECK-NOTES: :[[@LINE-1]]:13: note: 'co_await' also waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held
  }

  awaitable<asio::size_t> returned() {
    auto lk = co_await mu_.scoped_lock_async();
    co_return co_await sock_.async_read_some(asio::buffer(buf_, 64), asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:15: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+26]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  awaitable<void> maybe_locked(bool exclusive) {
    if (exclusive)
      co_await mu_.lock_async();
    co_await asio::async_read(sock_, asio::buffer(buf_, 64), asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:20: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+16]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
    if (exclusive)
      mu_.unlock();
  }

  awaitable<void> through_this() {
    auto lk = co_await mu_.scoped_lock_async();
    total_ += co_await this->read();
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:15: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-46]]:15: note: 'Reader::read' awaits 'asio::basic_stream_socket<asio::ip::tcp>::async_read_some' here
    // CHECK-NOTES: :[[@LINE-5]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+4]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  awaitable<void> reset() {
    auto lk = co_await mu_.scoped_lock_async();
    total_ = 0;
  }

private:
  asio::ip::tcp::socket sock_;
  cppcoro::async_mutex mu_;
  char buf_[64];
  asio::size_t total_ = 0;
};
