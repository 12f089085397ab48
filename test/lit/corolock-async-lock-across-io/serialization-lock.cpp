// A mutex all of whose critical sections await I/O is a deliberate
// serialization lock: one websocket write at a time, one token refresh at a
// time. Nothing waits behind the I/O that would not otherwise wait for the
// same I/O, so nothing is reported, whether the I/O is awaited directly or
// through a coroutine defined here, and whether the mutex has several such
// sections or one.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "cppcoro_async_mutex.h"
#include "folly_coro_mutex.h"
#include "task.h"

class WebSocket {
public:
  task<void> send_text(const char *text, asio::size_t n) {
    auto lk = co_await write_mu_.scoped_lock_async();
    co_await asio::async_write(sock_, asio::buffer(text, n), asio::use_awaitable);
  }

  task<void> send_ping() {
    co_await write_mu_.lock_async();
    co_await asio::async_write(sock_, asio::buffer(ping_, 2), asio::use_awaitable);
    write_mu_.unlock();
  }

  task<void> close() {
    auto lk = co_await write_mu_.scoped_lock_async();
    co_await asio::async_write(sock_, asio::buffer(ping_, 2), asio::use_awaitable);
    sock_.close();
  }

private:
  asio::ip::tcp::socket sock_;
  cppcoro::async_mutex write_mu_;
  char ping_[2];
};

extern asio::io_context io;
asio::ip::tcp::socket auth_sock(io);
folly::coro::Mutex refresh_mu;
char token[256];

task<void> fetch_token() {
  co_await asio::async_write(auth_sock, asio::buffer(token, 8), asio::use_awaitable);
  co_await asio::async_read(auth_sock, asio::buffer(token, 256), asio::use_awaitable);
}

task<void> refresh_token() {
  auto lk = co_await refresh_mu.co_scoped_lock();
  co_await fetch_token();
}
