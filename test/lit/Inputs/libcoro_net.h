// Minimal libcoro (jbaldwin/libcoro) networking for corolock fixtures,
// spelled as in libcoro: coro::net::tcp::client's connect, poll, read_some,
// read_exact, write_some and write_all return coro::task<...>s to co_await,
//   co_await client.connect();
//   co_await client.poll(coro::poll_op::read);
//   auto [status, span] = client.recv(buffer);   // not awaited
// while recv and send are plain non-blocking calls made after a poll. The
// scheduler is coro::io_scheduler (renamed coro::scheduler in newer
// releases; both are here): schedule() only reschedules, schedule_after,
// yield_for and poll wait.
#pragma once
#include "libcoro_mutex.h" // coro::task

namespace coro {
enum class poll_op { read, write, read_write };
enum class poll_status { event, timeout, error, closed };

#define COROLOCK_LIBCORO_SCHEDULER_MEMBERS                                     \
  struct schedule_operation {                                                  \
    bool await_ready() noexcept { return false; }                              \
    void await_suspend(std::coroutine_handle<>) noexcept {}                    \
    void await_resume() noexcept {}                                            \
  };                                                                           \
  auto schedule() -> schedule_operation;                                       \
  auto yield() -> schedule_operation;                                          \
  template <class Rep, class Period>                                           \
  [[nodiscard]] auto schedule_after(std::chrono::duration<Rep, Period> amount) \
      -> coro::task<void>;                                                     \
  template <class Rep, class Period>                                           \
  [[nodiscard]] auto yield_for(std::chrono::duration<Rep, Period> amount)      \
      -> coro::task<void>;                                                     \
  [[nodiscard]] auto poll(int fd, coro::poll_op op,                            \
                          std::chrono::milliseconds timeout = 0)               \
      -> coro::task<poll_status>;

class io_scheduler {
public:
  COROLOCK_LIBCORO_SCHEDULER_MEMBERS
};

class scheduler {
public:
  COROLOCK_LIBCORO_SCHEDULER_MEMBERS
};

#undef COROLOCK_LIBCORO_SCHEDULER_MEMBERS

namespace net {
enum class connect_status { connected, invalid_ip_address, timeout, error };
struct io_status {
  bool is_ok() const;
};
struct span {
  decltype(sizeof 0) size() const;
};
struct read_result {
  io_status status;
  span read;
};

namespace tcp {
class client {
public:
  explicit client(io_scheduler &scheduler);
  auto connect(std::chrono::milliseconds timeout = 0)
      -> coro::task<net::connect_status>;
  auto poll(const coro::poll_op op, std::chrono::milliseconds timeout = 0)
      -> coro::task<poll_status>;
  template <typename Buffer>
  auto read_some(Buffer &buffer, std::chrono::milliseconds timeout = 0)
      -> coro::task<read_result>;
  template <typename Buffer>
  auto read_exact(Buffer &buffer, std::chrono::milliseconds timeout = 0)
      -> coro::task<read_result>;
  template <typename Buffer>
  auto write_some(const Buffer &buffer, std::chrono::milliseconds timeout = 0)
      -> coro::task<read_result>;
  template <typename Buffer>
  auto write_all(const Buffer &buffer, std::chrono::milliseconds timeout = 0)
      -> coro::task<read_result>;
  // Non-blocking calls, not awaited.
  template <typename Buffer> auto recv(Buffer &&buffer) -> read_result;
  template <typename Buffer> auto send(const Buffer &buffer) -> read_result;
};
} // namespace tcp
} // namespace net

// Awaits every task (coro/when_all.hpp) or the first to complete
// (coro/when_any.hpp).
template <typename... Awaitables>
auto when_all(Awaitables... awaitables) -> task<void>;
template <typename... Awaitables>
auto when_any(Awaitables... awaitables) -> task<void>;
} // namespace coro
