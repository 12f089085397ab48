// Minimal cppcoro::task, cppcoro::sync_wait and cppcoro::single_consumer_event
// for corolock fixtures, spelled as in cppcoro (cppcoro/sync_wait.hpp):
//   auto value = cppcoro::sync_wait(fetch());   // blocks until it completes
//   co_await event;                             // the awaitable form
#pragma once
#include "std_coroutine.h"

namespace cppcoro {
template <typename T = void> class task {
public:
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume();
};

template <> class task<void> {
public:
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() {}
};

template <typename AWAITABLE>
auto sync_wait(AWAITABLE &&awaitable) -> decltype(awaitable.await_resume());

class single_consumer_event {
public:
  bool is_set() const noexcept;
  void set() noexcept;
  bool await_ready() const noexcept { return is_set(); }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
  void await_resume() noexcept {}
};
} // namespace cppcoro
