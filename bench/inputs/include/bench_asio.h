// The shape of Asio's networking for the benchmark inputs: an io_context,
// TCP sockets and an acceptor, buffers, free async_read/async_write and a
// steady timer, each async_* operation taking a completion token. With
// use_awaitable the operation returns something to co_await, here a
// bench::task (the inputs await Asio operations from async_simple's Lazy, as
// services that pair the two libraries do through an adaptor). Operations are
// declared only: what the inputs need is their names and types.
#pragma once

#include "bench_task.h"

#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace asio {

using error_code = std::error_code;

class any_io_executor {};

class io_context {
public:
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept { return {}; }
  std::size_t run();
  void stop();
};

template <typename T = void, typename Executor = any_io_executor>
using awaitable = bench::task<T>;

template <typename Executor = any_io_executor> struct use_awaitable_t {};
inline constexpr use_awaitable_t<> use_awaitable;

class mutable_buffer {
public:
  mutable_buffer(void *data, std::size_t size) : data_(data), size_(size) {}
  void *data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

private:
  void *data_;
  std::size_t size_;
};

class const_buffer {
public:
  const_buffer(const void *data, std::size_t size) : data_(data), size_(size) {}
  const void *data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }

private:
  const void *data_;
  std::size_t size_;
};

inline mutable_buffer buffer(void *data, std::size_t size) {
  return {data, size};
}
inline const_buffer buffer(const void *data, std::size_t size) {
  return {data, size};
}
inline const_buffer buffer(const std::string &s) {
  return {s.data(), s.size()};
}
inline mutable_buffer buffer(std::vector<char> &v) {
  return {v.data(), v.size()};
}

namespace ip {
class address {
public:
  static address from_string(std::string_view text);
  std::string to_string() const;
};

class tcp {
public:
  class endpoint {
  public:
    endpoint() = default;
    endpoint(address addr, std::uint16_t port) : addr_(addr), port_(port) {}
    const ip::address &address() const { return addr_; }
    std::uint16_t port() const { return port_; }

  private:
    ip::address addr_;
    std::uint16_t port_ = 0;
  };

  class socket {
  public:
    explicit socket(io_context &ctx) : ctx_(&ctx) {}
    socket(socket &&) noexcept = default;
    socket &operator=(socket &&) noexcept = default;
    template <typename CompletionToken>
    awaitable<void> async_connect(const endpoint &peer, CompletionToken &&);
    template <typename CompletionToken>
    awaitable<std::size_t> async_read_some(const mutable_buffer &buffers,
                                           CompletionToken &&);
    template <typename CompletionToken>
    awaitable<std::size_t> async_write_some(const const_buffer &buffers,
                                            CompletionToken &&);
    bool is_open() const noexcept { return open_; }
    endpoint remote_endpoint() const;
    void close() { open_ = false; }
    io_context &context() const { return *ctx_; }

  private:
    io_context *ctx_;
    bool open_ = true;
  };

  class acceptor {
  public:
    acceptor(io_context &ctx, const endpoint &local);
    template <typename CompletionToken>
    awaitable<socket> async_accept(CompletionToken &&);
    void close();
  };
};
} // namespace ip

template <typename Stream, typename CompletionToken>
awaitable<std::size_t> async_write(Stream &s, const const_buffer &buffers,
                                   CompletionToken &&token);
template <typename Stream, typename CompletionToken>
awaitable<std::size_t> async_read(Stream &s, const mutable_buffer &buffers,
                                  CompletionToken &&token);

class steady_timer {
public:
  explicit steady_timer(io_context &ctx) : ctx_(&ctx) {}
  void expires_after(std::chrono::steady_clock::duration d) {
    expiry_ = std::chrono::steady_clock::now() + d;
  }
  std::chrono::steady_clock::time_point expiry() const { return expiry_; }
  template <typename CompletionToken>
  awaitable<void> async_wait(CompletionToken &&);
  std::size_t cancel();

private:
  io_context *ctx_;
  std::chrono::steady_clock::time_point expiry_;
};

} // namespace asio
