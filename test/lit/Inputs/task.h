// A minimal coroutine task type and awaitables for corolock fixtures.
#pragma once
#include "std_coroutine.h"

template <typename T = void> struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    template <typename U> void return_value(U &&) {}
    void unhandled_exception() {}
    std::suspend_always yield_value(int) { return {}; }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() const noexcept;
};

template <> struct task<void> {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    std::suspend_always yield_value(int) { return {}; }
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

// An awaitable that always suspends.
struct sleep_for {
  explicit sleep_for(int ms);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

// An awaiter that never suspends, by its constexpr await_ready.
struct ready_now {
  constexpr bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return 1; }
};

task<int> fetch(int key);
task<void> send(int value);
int compute(int);
