// I/O may be awaited through coroutines defined in the translation unit: the
// critical section awaits flush(), which awaits asio::async_write (one level),
// or send_frame(), which awaits write_header(), which awaits the write (two
// levels). The warning names the I/O operation at the end of the chain. An
// awaited coroutine that does no I/O (compute_crc) keeps its section short.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
#include "task.h"

class Stream {
public:
  task<void> flush() {
    co_await asio::async_write(sock_, asio::buffer(out_, len_), asio::use_awaitable);
    len_ = 0;
  }

  task<void> write_header() {
    co_await asio::async_write(sock_, asio::buffer(out_, 4), asio::use_awaitable);
  }

  task<void> send_frame() {
    co_await write_header();
    co_await flush();
  }

  task<int> compute_crc() {
    co_await sleep_for(0);
    co_return len_;
  }

  task<void> commit() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await flush();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::async_write') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-23]]:5: note: 'Stream::flush' awaits 'asio::async_write' here
    // CHECK-NOTES: :[[@LINE-5]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+15]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  task<void> commit_frame() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await send_frame();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::async_write') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-24]]:5: note: 'Stream::send_frame' awaits 'Stream::write_header' here
    // CHECK-NOTES: :[[@LINE-29]]:5: note: 'Stream::write_header' awaits 'asio::async_write' here
    // CHECK-NOTES: :[[@LINE-6]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+4]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }

  task<void> append(char c) {
    auto lk = co_await mu_.co_scoped_lock();
    out_[len_++] = c;
    crc_ = co_await compute_crc();
  }

private:
  asio::ip::tcp::socket sock_;
  folly::coro::Mutex mu_;
  char out_[1024];
  asio::size_t len_ = 0;
  int crc_ = 0;
};
