// Templates are analysed per instantiation but reported once per location:
// a coroutine template over a global mutex instantiated three times, and a
// class template's member coroutines over a data member (one mutex per
// specialization), instantiated twice. I/O is also followed into a
// coroutine template defined here (send_all<Stream>). A template never
// instantiated is not analysed at all. The standalone tool reports the same.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks
// RUN: %check_corolock --tool=standalone corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "folly_coro_mutex.h"
#include "task.h"

extern asio::io_context io;
asio::ip::tcp::socket sock(io);
folly::coro::Mutex mu;
char buf[64];
int stored = 0;

template <typename Stream> task<void> send_all(Stream &s) {
  co_await asio::async_write(s, asio::buffer(buf, 64), asio::use_awaitable);
}

template <typename T> task<void> store_and_send(T value) {
  auto lk = co_await mu.co_scoped_lock();
  stored = static_cast<int>(value);
  co_await send_all(sock);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_write') while async mutex 'mu' is held [corolock-async-lock-across-io]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: 1 critical section on 'mu' without I/O waits for the round trip too: release 'mu' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
  // CHECK-NOTES: :[[@LINE-9]]:3: note: 'send_all' awaits 'asio::async_write' here
  // CHECK-NOTES: :[[@LINE-6]]:8: note: async mutex 'mu' locked here
  // CHECK-NOTES: :[[@LINE+4]]:8: note: a critical section on 'mu' without I/O, which waits behind it
}

task<void> reset() {
  auto lk = co_await mu.co_scoped_lock();
  stored = 0;
}

template task<void> store_and_send<int>(int);
template task<void> store_and_send<long>(long);
template task<void> store_and_send<short>(short);

template <typename T> class Channel {
public:
  task<void> publish() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await asio::async_write(sock, asio::buffer(buf, 64), asio::use_awaitable);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::async_write') while async mutex 'mu_' is held [corolock-async-lock-across-io]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: 1 critical section on 'mu_' without I/O waits for the round trip too: release 'mu_' before the I/O, or give the I/O its own mutex; see docs/checks/corolock-async-lock-across-io.md
    // CHECK-NOTES: :[[@LINE-4]]:10: note: async mutex 'mu_' locked here
    // CHECK-NOTES: :[[@LINE+3]]:10: note: a critical section on 'mu_' without I/O, which waits behind it
  }
  task<void> count() {
    auto lk = co_await mu_.co_scoped_lock();
    ++n_;
  }

private:
  folly::coro::Mutex mu_;
  T n_{};
};

template class Channel<int>;
template class Channel<long>;

template <typename T> class Unused {
public:
  task<void> publish() {
    auto lk = co_await mu_.co_scoped_lock();
    co_await asio::async_write(sock, asio::buffer(buf, 64), asio::use_awaitable);
  }
  task<void> count() {
    auto lk = co_await mu_.co_scoped_lock();
  }

private:
  folly::coro::Mutex mu_;
};
