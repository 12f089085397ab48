// Minimal libcoro (jbaldwin/libcoro) coro::sync_wait and coro::event for
// corolock fixtures, spelled as in libcoro (coro/sync_wait.hpp,
// coro/event.hpp):
//   auto value = coro::sync_wait(make_task());  // blocks until it completes
//   co_await e;                                 // the awaitable form
#pragma once
#include "libcoro_mutex.h" // coro::task

namespace coro {
template <typename awaitable_type>
auto sync_wait(awaitable_type &&a) -> decltype(a.await_resume());

class event {
public:
  struct awaiter {
    auto await_ready() const noexcept -> bool { return false; }
    auto await_suspend(std::coroutine_handle<>) noexcept -> bool {
      return true;
    }
    auto await_resume() noexcept -> void {}
  };
  auto operator co_await() const noexcept -> awaiter;
  auto set() noexcept -> void;
};
} // namespace coro
