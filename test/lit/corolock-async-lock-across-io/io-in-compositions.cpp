// I/O inside a composition of awaitables is I/O: Asio's awaitable operators
// (`co_await (read || timeout)`, `co_await (a && b)`) and folly's
// collectAll/collectAny wait for every part or the first to complete, so a
// part that waits for I/O makes the whole await wait for it. A composition
// whose parts are all free of I/O is not I/O: mu_quiet is not reported.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "folly_coro_sleep.h"

using namespace asio::experimental::awaitable_operators;

class Connection {
public:
  asio::awaitable<void> read_with_deadline() {
    auto lk = co_await mu_.scoped_lock_async();
    timer_.expires_after(std::chrono::milliseconds(500));
    co_await (sock_.async_read_some(asio::buffer(buf_, 64), asio::use_awaitable) ||
              timer_.async_wait(asio::use_awaitable));
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
  }

  asio::awaitable<void> digest_both() {
    auto lk = co_await mu_.scoped_lock_async();
    co_await (digest(1) && digest(2));
  }

  asio::awaitable<void> flush_and_wait() {
    auto lk = co_await quiet_.scoped_lock_async();
    co_await (digest(1) && digest(2));
  }

  asio::awaitable<void> bump() {
    auto lk = co_await quiet_.scoped_lock_async();
    ++reads_;
  }

  asio::awaitable<void> count() {
    auto lk = co_await mu_.scoped_lock_async();
    ++reads_;
  }

private:
  asio::awaitable<asio::size_t> digest(int part) { co_return part * 31; }

  cppcoro::async_mutex mu_;
  cppcoro::async_mutex quiet_;
  asio::ip::tcp::socket sock_;
  asio::steady_timer timer_;
  char buf_[64];
  int reads_ = 0;
};

folly::coro::Mutex cache_mu;
folly::coro::Transport *upstream;
int hits = 0;

folly::coro::Task<void> hedge() { co_await folly::coro::sleep(folly::HighResDuration(5)); }
folly::coro::Task<void> local_lookup() { ++hits; co_return; }

folly::coro::Task<void> refresh() {
  auto lk = co_await cache_mu.co_scoped_lock();
  co_await folly::coro::collectAll(local_lookup(), upstream->read({}, std::chrono::milliseconds(100)));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::Transport::read') while async mutex 'cache_mu' is held [corolock-async-lock-across-io]
}

folly::coro::Task<void> race() {
  auto lk = co_await cache_mu.co_scoped_lock();
  co_await folly::coro::collectAny(local_lookup(), hedge());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'co_await' waits for I/O ('folly::coro::sleep') while async mutex 'cache_mu' is held [corolock-async-lock-across-io]
}

folly::coro::Task<void> lookup_only() {
  auto lk = co_await cache_mu.co_scoped_lock();
  co_await folly::coro::collectAll(local_lookup(), local_lookup());
}
