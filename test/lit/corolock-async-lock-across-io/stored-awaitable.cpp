// An awaitable stored in a local variable and awaited later waits for what
// its initializer waits for: `auto op = sock.async_read_some(...);` then
// `co_await std::move(op);` (or `co_await op;`, or through another variable)
// is I/O. A stored awaitable without I/O is not, and a task received as a
// parameter tells nothing about its I/O.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "cppcoro_async_mutex.h"
#include "task.h"

cppcoro::async_mutex mu;
cppcoro::async_mutex other;
asio::ip::tcp::socket *sock;
char buf[128];
int pending = 0;

asio::awaitable<asio::size_t> checksum() { co_return 7; }

asio::awaitable<void> read_later() {
  auto lk = co_await mu.scoped_lock_async();
  auto op = sock->async_read_some(asio::buffer(buf, 128), asio::use_awaitable);
  ++pending;
  co_await std::move(op);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu' is held [corolock-async-lock-across-io]
}

asio::awaitable<void> read_handed_on() {
  auto lk = co_await mu.scoped_lock_async();
  auto op = asio::async_read(*sock, asio::buffer(buf, 128), asio::use_awaitable);
  auto next = std::move(op);
  co_await next;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('asio::async_read') while async mutex 'mu' is held [corolock-async-lock-across-io]
}

asio::awaitable<void> sum_later() {
  auto lk = co_await other.scoped_lock_async();
  auto op = checksum();
  pending += co_await std::move(op);
}

asio::awaitable<void> given(asio::awaitable<void> work) {
  auto lk = co_await other.scoped_lock_async();
  co_await std::move(work);
}

asio::awaitable<void> count() {
  auto lk1 = co_await mu.scoped_lock_async();
  ++pending;
}

asio::awaitable<void> count_other() {
  auto lk2 = co_await other.scoped_lock_async();
  ++pending;
}
