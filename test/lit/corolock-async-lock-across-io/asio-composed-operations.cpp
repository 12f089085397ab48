// An Asio composed operation is I/O when its initiation starts an async_*
// operation: a user's `async_read_frame` built on async_compose, whose
// implementation reads from the socket, and `async_wait_idle` built on
// async_initiate, whose initiation waits on a timer. One whose initiation
// only posts the handler (`async_handoff`) is not I/O. The functions that
// return them are plain functions, not coroutines: what they return is
// awaited, so they are followed too.
// RUN: %check_corolock corolock-async-lock-across-io %s -- %mocks

#include "asio_mock.h"
#include "cppcoro_async_mutex.h"

namespace proto {
struct frame {
  char header[8];
  char body[256];
};

template <typename Token>
auto async_read_frame(asio::ip::tcp::socket &sock, frame &f, Token &&token) {
  return asio::async_compose<Token, void(asio::error_code, asio::size_t)>(
      [&sock, &f, state = 0](auto &self, asio::error_code ec = {},
                             asio::size_t n = 0) mutable {
        if (state++ == 0)
          sock.async_read_some(asio::buffer(f.header, 8), static_cast<decltype(self)>(self));
      },
      token, sock);
}

struct wait_idle_initiation {
  asio::steady_timer *timer;
  template <typename Handler> void operator()(Handler &&handler) const {
    timer->async_wait(static_cast<Handler &&>(handler));
  }
};

template <typename Token>
auto async_wait_idle(asio::steady_timer &timer, Token &&token) {
  return asio::async_initiate<Token, void(asio::error_code)>(
      wait_idle_initiation{&timer}, token);
}

template <typename Token> auto async_handoff(asio::io_context &ctx, Token &&token) {
  return asio::async_initiate<Token, void(asio::error_code)>(
      [&ctx](auto handler) { asio::post(ctx, static_cast<decltype(handler)>(handler)); },
      token);
}
} // namespace proto

class Peer {
public:
  asio::awaitable<void> next_frame() {
    auto lk = co_await mu_.scoped_lock_async();
    co_await proto::async_read_frame(sock_, last_, asio::use_awaitable);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::basic_stream_socket<asio::ip::tcp>::async_read_some') while async mutex 'mu_' is held [corolock-async-lock-across-io]
  }

  asio::awaitable<void> linger() {
    auto lk = co_await mu_.scoped_lock_async();
    co_await proto::async_wait_idle(timer_, asio::use_awaitable);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'co_await' waits for I/O ('asio::basic_waitable_timer<std::chrono::steady_clock>::async_wait') while async mutex 'mu_' is held [corolock-async-lock-across-io]
  }

  asio::awaitable<void> handoff() {
    auto lk = co_await idle_mu_.scoped_lock_async();
    co_await proto::async_handoff(ctx_, asio::use_awaitable);
  }

  asio::awaitable<void> frames() {
    auto lk = co_await mu_.scoped_lock_async();
    ++seen_;
  }

  asio::awaitable<void> idle_frames() {
    auto lk = co_await idle_mu_.scoped_lock_async();
    ++seen_;
  }

private:
  cppcoro::async_mutex mu_;
  cppcoro::async_mutex idle_mu_;
  asio::io_context ctx_;
  asio::ip::tcp::socket sock_;
  asio::steady_timer timer_;
  proto::frame last_;
  int seen_ = 0;
};
