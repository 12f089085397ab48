// Minimal folly::coro::blockingWait and folly::coro::Baton for corolock
// fixtures, spelled as in folly (folly/coro/BlockingWait.h,
// folly/coro/Baton.h): blockingWait is a function object that runs an
// awaitable to completion on the calling thread,
//   auto value = folly::coro::blockingWait(fetch());
// and a Baton is awaited (`co_await baton;`) or waited on (`baton.wait()`
// in folly::Baton, the thread-blocking one).
#pragma once
#include "folly_coro_sleep.h" // folly::coro::Task

namespace folly::coro {
struct blocking_wait_fn {
  template <typename Awaitable>
  auto operator()(Awaitable &&awaitable) const
      -> decltype(awaitable.await_resume());
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait;

class Baton {
public:
  struct WaitOperation {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}
  };
  WaitOperation operator co_await() const noexcept;
  void post() noexcept;
};
} // namespace folly::coro
