// Minimal cppcoro networking and I/O service for corolock fixtures, spelled
// as in cppcoro: a socket's connect/accept/disconnect/send/recv/send_to/
// recv_from return operation objects that are co_awaited, e.g.
//   co_await sock.send(buf, n);
// and io_service::schedule_after(d) is a timer. io_service::schedule() only
// moves the coroutine onto an I/O thread.
#pragma once
#include "std_coroutine.h"
#include "std_mutex.h"

namespace cppcoro {
namespace detail {
// Every cppcoro operation object is an awaiter that suspends.
struct io_operation {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
};
} // namespace detail

class cancellation_token {};

class io_service {
public:
  struct schedule_operation : detail::io_operation {
    void await_resume() const noexcept {}
  };
  struct timed_schedule_operation : detail::io_operation {
    void await_resume() const {}
  };
  [[nodiscard]] schedule_operation schedule() noexcept;
  template <typename Rep, typename Period>
  [[nodiscard]] timed_schedule_operation
  schedule_after(const std::chrono::duration<Rep, Period> &delay,
                 cancellation_token ct = {}) noexcept;
};

namespace net {
class ip_endpoint {};

class socket_connect_operation : public detail::io_operation {
public:
  void await_resume();
};
class socket_accept_operation : public detail::io_operation {
public:
  void await_resume();
};
class socket_disconnect_operation : public detail::io_operation {
public:
  void await_resume();
};
class socket_send_operation : public detail::io_operation {
public:
  decltype(sizeof 0) await_resume();
};
class socket_recv_operation : public detail::io_operation {
public:
  decltype(sizeof 0) await_resume();
};

class socket {
public:
  static socket create_tcpv4(io_service &ioSvc);
  socket(socket &&other) noexcept;
  ~socket();
  void bind(const ip_endpoint &localEndPoint);
  void listen();
  [[nodiscard]] socket_connect_operation
  connect(const ip_endpoint &remoteEndPoint) noexcept;
  [[nodiscard]] socket_accept_operation
  accept(socket &acceptingSocket) noexcept;
  [[nodiscard]] socket_disconnect_operation disconnect() noexcept;
  [[nodiscard]] socket_send_operation send(const void *buffer,
                                           decltype(sizeof 0) size) noexcept;
  [[nodiscard]] socket_recv_operation recv(void *buffer,
                                           decltype(sizeof 0) size) noexcept;
  void close_send();
  void close_recv();
};
} // namespace net
} // namespace cppcoro
